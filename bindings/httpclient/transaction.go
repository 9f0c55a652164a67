package httpclient

import (
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// TransactionHeader is the header AM adds to every request a script sends:
// a sub-transaction of the journey request's audit transaction, so that the
// called service's logs can be joined with AM's.
const TransactionHeader = "X-ForgeRock-TransactionId"

// transaction numbers a run's requests as AM's TransactionId does: the
// journey request's transaction id (the one the client sent in the header,
// else a new UUID), then "/" and a counter from 0.
type transaction struct {
	id   string
	next int
}

func newTransaction(requestHeaders map[string][]string) *transaction {
	var id string
	for k, v := range requestHeaders {
		// A run's headers come with any case (fixtures, tests).
		if strings.EqualFold(k, TransactionHeader) && len(v) > 0 && v[0] != "" {
			id = v[0]
		}
	}
	if id == "" {
		id = uuid.NewString()
	}
	return &transaction{id: id}
}

// sub returns the next sub-transaction id.
func (t *transaction) sub() string {
	s := t.id + "/" + strconv.Itoa(t.next)
	t.next++
	return s
}
