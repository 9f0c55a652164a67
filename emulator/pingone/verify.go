package pingone

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/bindings/verify/enums"
)

// verifiedDataWindow is how long after a decision verified data is readable.
const verifiedDataWindow = 30 * time.Minute

func (o *op) getVerifyTransaction(userID, id string) (*VerifyTransaction, error) {
	if _, err := o.getUser(userID); err != nil {
		return nil, err
	}
	list, err := listObj[VerifyTransaction](o.tx, kindVerifyTransaction, o.env.ID, userID)
	if err != nil {
		return nil, err
	}
	for _, t := range list {
		if t.ID == id {
			return t, nil
		}
	}
	return nil, notFound()
}

func (o *op) listVerifyTransactions(userID string) ([]*VerifyTransaction, error) {
	if _, err := o.getUser(userID); err != nil {
		return nil, err
	}
	list, err := listObj[VerifyTransaction](o.tx, kindVerifyTransaction, o.env.ID, userID)
	if err != nil {
		return nil, err
	}
	// Newest first, as the service lists them.
	slices.SortStableFunc(list, func(a, b *VerifyTransaction) int { return b.CreatedAt.Compare(a.CreatedAt.Time) })
	return list, nil
}

func verificationCode() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1_000_000_000_000))
	return fmt.Sprintf("%012d", n)
}

// createVerifyTransaction starts a REQUESTED transaction for a user.
func (o *op) createVerifyTransaction(userID string) (*VerifyTransaction, error) {
	if _, err := o.getUser(userID); err != nil {
		return nil, err
	}
	t := &VerifyTransaction{ID: uuid.NewString(), TransactionStatus: TransactionStatus{Status: "REQUESTED"},
		VerificationCode: verificationCode(), CreatedAt: newTime(o.now), UpdatedAt: newTime(o.now),
		ExpiresAt: newTime(o.now.Add(verifiedDataWindow))}
	if err := o.putVerifyTransaction(userID, t); err != nil {
		return nil, err
	}
	o.record(kindVerifyTransaction, t.ID, "created")
	return t, nil
}

func (o *op) putVerifyTransaction(userID string, t *VerifyTransaction) error {
	t.Links = nil
	if err := o.tx.put(kindVerifyTransaction, o.env.ID, userID, t.ID, t); err != nil {
		return fmt.Errorf("store verify transaction: %w", err)
	}
	return nil
}

// approveVerifyTransaction is PUT: only a manual approval of a FAIL or
// IN_PROGRESS transaction is allowed.
func (o *op) approveVerifyTransaction(userID, id, status string) (*VerifyTransaction, error) {
	t, err := o.getVerifyTransaction(userID, id)
	if err != nil {
		return nil, err
	}
	if status != "APPROVED_MANUALLY" && status != "APPROVED_NO_REQUEST" {
		return nil, invalidValue("transactionStatus.status", "must be APPROVED_MANUALLY or APPROVED_NO_REQUEST")
	}
	if cur := t.TransactionStatus.Status; cur != "FAIL" && cur != "IN_PROGRESS" {
		return nil, constraintViolation("transactionStatus.status", "only a FAIL or IN_PROGRESS transaction can be approved")
	}
	o.decide(t, status)
	if err := o.putVerifyTransaction(userID, t); err != nil {
		return nil, err
	}
	o.record(kindVerifyTransaction, t.ID, "updated")
	return t, nil
}

func (o *op) decide(t *VerifyTransaction, status string) {
	t.TransactionStatus.Status = status
	t.UpdatedAt = newTime(o.now)
	t.ExpiresAt = newTime(o.now.Add(verifiedDataWindow))
}

// CompleteVerifyRequest is the emulator's way to finish a transaction the
// way the Verify mobile flow and its providers would.
type CompleteVerifyRequest struct {
	Status             string             `json:"status"`
	VerificationStatus map[string]string  `json:"verificationStatus,omitempty"`
	VerifiedDocuments  string             `json:"verifiedDocuments,omitempty"`
	MetaData           []VerifyMetaData   `json:"metaData,omitempty"`
	VerifiedData       []VerifiedDataSeed `json:"verifiedData,omitempty"`
}

// VerifiedDataSeed is one verified data entry given by a seed or emulator.
type VerifiedDataSeed struct {
	Type      string          `json:"type" yaml:"type"`
	Data      json.RawMessage `json:"data,omitempty" yaml:"-"`
	Retry     *Retry          `json:"retry,omitempty" yaml:"retry,omitempty"`
	CreatedAt *Time           `json:"createdAt,omitempty" yaml:"createdAt,omitempty"`
}

func (o *op) completeVerifyTransaction(userID, id string, req *CompleteVerifyRequest) (*VerifyTransaction, error) {
	t, err := o.getVerifyTransaction(userID, id)
	if err != nil {
		return nil, err
	}
	if !verifyStatuses[req.Status] {
		return nil, invalidValue("status", "not a Verify transaction status")
	}
	if err := o.addVerifyEvidence(t.ID, req.MetaData, req.VerifiedData); err != nil {
		return nil, err
	}
	t.TransactionStatus.VerificationStatus = req.VerificationStatus
	t.VerifiedDocuments = req.VerifiedDocuments
	o.decide(t, req.Status)
	if err := o.putVerifyTransaction(userID, t); err != nil {
		return nil, err
	}
	o.record(kindVerifyTransaction, t.ID, "updated")
	return t, nil
}

func (o *op) addVerifyEvidence(txID string, meta []VerifyMetaData, data []VerifiedDataSeed) error {
	for i := range meta {
		m := meta[i]
		m.Links = nil
		if m.ID == "" {
			m.ID = uuid.NewString()
		}
		if err := o.tx.put(kindVerifyMetaData, o.env.ID, txID, m.ID, &m); err != nil {
			return err
		}
	}
	for i, d := range data {
		if !enums.IsVerifiedDataType(d.Type) {
			return invalidValue(fmt.Sprintf("verifiedData[%d].type", i), "not a verified data type")
		}
		vd := VerifiedData{ID: uuid.NewString(), Type: d.Type, Data: d.Data, Retry: d.Retry, CreatedAt: newTime(o.now)}
		if d.CreatedAt != nil {
			vd.CreatedAt = *d.CreatedAt
		}
		if err := o.tx.put(kindVerifiedData, o.env.ID, txID, vd.ID, &vd); err != nil {
			return err
		}
	}
	return nil
}

func (o *op) deleteVerifyTransaction(id string) error {
	for _, kind := range []string{kindVerifyMetaData, kindVerifiedData} {
		if err := o.tx.deleteChildren(kind, o.env.ID, id); err != nil {
			return fmt.Errorf("delete %s of verify transaction %s: %w", kind, id, err)
		}
	}
	if err := o.tx.del(kindVerifyTransaction, o.env.ID, id); err != nil {
		return err
	}
	o.record(kindVerifyTransaction, id, "deleted")
	return nil
}

// splitAttempts separates the latest attempt of each type from earlier ones.
func splitAttempts[T any](items []*T, typeOf func(*T) string, attempt func(*T) int) (latest, previous []*T) {
	best := map[string]int{}
	for _, it := range items {
		if a := attempt(it); a > best[typeOf(it)] {
			best[typeOf(it)] = a
		}
	}
	for _, it := range items {
		if attempt(it) < best[typeOf(it)] {
			previous = append(previous, it)
		} else {
			latest = append(latest, it)
		}
	}
	return latest, previous
}

func retryAttempt(r *Retry) int {
	if r == nil {
		return 0
	}
	return r.Attempt
}

func (o *op) verifyMetaData(userID, txID string) (latest, previous []*VerifyMetaData, err error) {
	if _, err := o.getVerifyTransaction(userID, txID); err != nil {
		return nil, nil, err
	}
	all, err := listObj[VerifyMetaData](o.tx, kindVerifyMetaData, o.env.ID, txID)
	if err != nil {
		return nil, nil, err
	}
	latest, previous = splitAttempts(all, func(m *VerifyMetaData) string { return m.Type },
		func(m *VerifyMetaData) int { return retryAttempt(m.Retry) })
	return latest, previous, nil
}

func (o *op) verifyMetaDataOne(userID, txID, id string) (*VerifyMetaData, error) {
	_, _, err := o.verifyMetaData(userID, txID)
	if err != nil {
		return nil, err
	}
	m, err := getObj[VerifyMetaData](o.tx, kindVerifyMetaData, o.env.ID, id)
	if err == errNoObject {
		return nil, notFound()
	}
	return m, err
}

// verifiedDataReadable enforces the 30-minute rule: verified data exists
// until 30 minutes after a terminal decision.
func (o *op) verifiedDataReadable(t *VerifyTransaction) error {
	if verifyTerminal[t.TransactionStatus.Status] && o.now.After(t.UpdatedAt.Add(verifiedDataWindow)) {
		return notFound()
	}
	return nil
}

func (o *op) verifiedData(userID, txID string, types []string) (latest, previous []*VerifiedData, err error) {
	t, err := o.getVerifyTransaction(userID, txID)
	if err != nil {
		return nil, nil, err
	}
	if err := o.verifiedDataReadable(t); err != nil {
		return nil, nil, err
	}
	for i, ty := range types {
		if !enums.IsVerifiedDataType(ty) {
			return nil, nil, invalidValue(fmt.Sprintf("type[%d]", i), "not a verified data type")
		}
	}
	all, err := listObj[VerifiedData](o.tx, kindVerifiedData, o.env.ID, txID)
	if err != nil {
		return nil, nil, err
	}
	if len(types) > 0 {
		all = slices.DeleteFunc(all, func(d *VerifiedData) bool { return !slices.Contains(types, d.Type) })
	}
	latest, previous = splitAttempts(all, func(d *VerifiedData) string { return d.Type },
		func(d *VerifiedData) int { return retryAttempt(d.Retry) })
	// Listings only name the entries; the data itself is read one by one.
	strip := func(list []*VerifiedData) {
		for _, d := range list {
			d.Data = nil
		}
	}
	strip(latest)
	strip(previous)
	return latest, previous, nil
}

func (o *op) verifiedDataOne(userID, txID, id string) (*VerifiedData, error) {
	t, err := o.getVerifyTransaction(userID, txID)
	if err != nil {
		return nil, err
	}
	if err := o.verifiedDataReadable(t); err != nil {
		return nil, err
	}
	d, err := getObj[VerifiedData](o.tx, kindVerifiedData, o.env.ID, id)
	if err == errNoObject {
		return nil, notFound()
	}
	return d, err
}

func parseTypeList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}
