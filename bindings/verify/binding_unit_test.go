package verify_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/verify"
)

// cannedPingOne answers the paths it knows with canned bodies and records
// the requests, for the binding on bindingtest's bare runtime.
type cannedPingOne struct {
	answers map[string]string
	asked   []string
}

func (c *cannedPingOne) Do(_ context.Context, method, path string, _ []byte) (int, []byte, error) {
	c.asked = append(c.asked, method+" "+path)
	if body, ok := c.answers[method+" "+path]; ok {
		return 200, []byte(body), nil
	}
	return 404, []byte(`{"code":"NOT_FOUND"}`), nil
}

func (c *cannedPingOne) UserIDKey() string { return "" }

func TestHelperOnABareRuntime(t *testing.T) {
	p1 := &cannedPingOne{answers: map[string]string{
		"GET /users/u1/verifyTransactions?order=-createdAt&limit=1": `{"_embedded":{"verifyTransactions":[{"id":"tx1","transactionStatus":{"status":"SUCCESS"}}]},"size":1}`,
		"GET /users/u1": `{"id":"u1","username":"bjensen"}`,
	}}
	r := bindingtest.New(t, verify.Binding)
	r.BeginWith(bindings.NewBackends(verify.BackendKey.Value(p1)), func(run *bindings.Run) {
		run.State.Reset(map[string]any{"pingOneUserId": "u1"}, nil)
	})
	v, err := r.RunScript(`var u = verifyTransactionsHelper.getUser(); u.username`)
	require.NoError(t, err, "asked %v", p1.asked)
	assert.Equal(t, "bjensen", v.String())
	assert.Equal(t, "null", r.MustRun(`String(verifyTransactionsHelper.getVerifiedData("tx9", "nope"))`).String(), "a 404 reads as null")
	r.End()
}

func TestHelperWithoutABackEnd(t *testing.T) {
	r := bindingtest.New(t, verify.Binding).Begin(bindings.Backends{})
	_, err := r.RunScript(`verifyTransactionsHelper.getUser()`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), verify.NoBackend)
}
