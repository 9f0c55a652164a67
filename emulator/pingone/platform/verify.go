package platform

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/bindings/verify/enums"
	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// verifiedDataWindow is how long after a decision verified data is readable.
const verifiedDataWindow = 30 * time.Minute

func (o *Op) GetVerifyTransaction(userID, id string) (*model.VerifyTransaction, error) {
	if _, err := o.GetUser(userID); err != nil {
		return nil, err
	}
	list, err := store.List[model.VerifyTransaction](o.tx, model.KindVerifyTransaction, o.env.ID, userID)
	if err != nil {
		return nil, err
	}
	for _, t := range list {
		if t.ID == id {
			return t, nil
		}
	}
	return nil, model.NotFound()
}

func (o *Op) ListVerifyTransactions(userID string) ([]*model.VerifyTransaction, error) {
	if _, err := o.GetUser(userID); err != nil {
		return nil, err
	}
	list, err := store.List[model.VerifyTransaction](o.tx, model.KindVerifyTransaction, o.env.ID, userID)
	if err != nil {
		return nil, err
	}
	// Newest first, as the service lists them.
	slices.SortStableFunc(list, func(a, b *model.VerifyTransaction) int { return b.CreatedAt.Compare(a.CreatedAt.Time) })
	return list, nil
}

func verificationCode() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1_000_000_000_000))
	return fmt.Sprintf("%012d", n)
}

// CreateVerifyTransaction starts a REQUESTED transaction for a user.
func (o *Op) CreateVerifyTransaction(userID string) (*model.VerifyTransaction, error) {
	if _, err := o.GetUser(userID); err != nil {
		return nil, err
	}
	t := &model.VerifyTransaction{ID: uuid.NewString(), TransactionStatus: model.TransactionStatus{Status: "REQUESTED"},
		VerificationCode: verificationCode(), CreatedAt: model.NewTime(o.now), UpdatedAt: model.NewTime(o.now),
		ExpiresAt: model.NewTime(o.now.Add(verifiedDataWindow))}
	if err := o.putVerifyTransaction(userID, t); err != nil {
		return nil, err
	}
	o.record(model.KindVerifyTransaction, t.ID, "created")
	return t, nil
}

func (o *Op) putVerifyTransaction(userID string, t *model.VerifyTransaction) error {
	t.Links = nil
	if err := o.tx.Put(model.KindVerifyTransaction, o.env.ID, userID, t.ID, t); err != nil {
		return fmt.Errorf("store verify transaction: %w", err)
	}
	return nil
}

// ApproveVerifyTransaction is PUT: only a manual approval of a FAIL or
// IN_PROGRESS transaction is allowed.
func (o *Op) ApproveVerifyTransaction(userID, id, status string) (*model.VerifyTransaction, error) {
	t, err := o.GetVerifyTransaction(userID, id)
	if err != nil {
		return nil, err
	}
	if status != "APPROVED_MANUALLY" && status != "APPROVED_NO_REQUEST" {
		return nil, model.InvalidValue("transactionStatus.status", "must be APPROVED_MANUALLY or APPROVED_NO_REQUEST")
	}
	if cur := t.TransactionStatus.Status; cur != "FAIL" && cur != "IN_PROGRESS" {
		return nil, model.ConstraintViolation("transactionStatus.status", "only a FAIL or IN_PROGRESS transaction can be approved")
	}
	o.decide(t, status)
	if err := o.putVerifyTransaction(userID, t); err != nil {
		return nil, err
	}
	o.record(model.KindVerifyTransaction, t.ID, "updated")
	return t, nil
}

func (o *Op) decide(t *model.VerifyTransaction, status string) {
	t.TransactionStatus.Status = status
	t.UpdatedAt = model.NewTime(o.now)
	t.ExpiresAt = model.NewTime(o.now.Add(verifiedDataWindow))
}

// CompleteVerifyRequest is the emulator's way to finish a transaction the
// way the Verify mobile flow and its providers would.
type CompleteVerifyRequest struct {
	Status             string                 `json:"status"`
	VerificationStatus map[string]string      `json:"verificationStatus,omitempty"`
	VerifiedDocuments  string                 `json:"verifiedDocuments,omitempty"`
	MetaData           []model.VerifyMetaData `json:"metaData,omitempty"`
	VerifiedData       []VerifiedDataSeed     `json:"verifiedData,omitempty"`
}

// VerifiedDataSeed is one verified data entry given by a seed or emulator.
type VerifiedDataSeed struct {
	Type      string          `json:"type" yaml:"type"`
	Data      json.RawMessage `json:"data,omitempty" yaml:"-"`
	Retry     *model.Retry    `json:"retry,omitempty" yaml:"retry,omitempty"`
	CreatedAt *model.Time     `json:"createdAt,omitempty" yaml:"createdAt,omitempty"`
}

func (o *Op) CompleteVerifyTransaction(userID, id string, req *CompleteVerifyRequest) (*model.VerifyTransaction, error) {
	t, err := o.GetVerifyTransaction(userID, id)
	if err != nil {
		return nil, err
	}
	if !model.IsVerifyStatus(req.Status) {
		return nil, model.InvalidValue("status", "not a Verify transaction status")
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
	o.record(model.KindVerifyTransaction, t.ID, "updated")
	return t, nil
}

func (o *Op) addVerifyEvidence(txID string, meta []model.VerifyMetaData, data []VerifiedDataSeed) error {
	for i := range meta {
		m := meta[i]
		m.Links = nil
		if m.ID == "" {
			m.ID = uuid.NewString()
		}
		if err := o.tx.Put(model.KindVerifyMetaData, o.env.ID, txID, m.ID, &m); err != nil {
			return err
		}
	}
	for i, d := range data {
		if !enums.IsVerifiedDataType(d.Type) {
			return model.InvalidValue(fmt.Sprintf("verifiedData[%d].type", i), "not a verified data type")
		}
		vd := model.VerifiedData{ID: uuid.NewString(), Type: d.Type, Data: d.Data, Retry: d.Retry, CreatedAt: model.NewTime(o.now)}
		if d.CreatedAt != nil {
			vd.CreatedAt = *d.CreatedAt
		}
		if err := o.tx.Put(model.KindVerifiedData, o.env.ID, txID, vd.ID, &vd); err != nil {
			return err
		}
	}
	return nil
}

func (o *Op) deleteVerifyTransaction(id string) error {
	for _, kind := range []string{model.KindVerifyMetaData, model.KindVerifiedData} {
		if err := o.tx.DeleteChildren(kind, o.env.ID, id); err != nil {
			return fmt.Errorf("delete %s of verify transaction %s: %w", kind, id, err)
		}
	}
	if err := o.tx.Del(model.KindVerifyTransaction, o.env.ID, id); err != nil {
		return err
	}
	o.record(model.KindVerifyTransaction, id, "deleted")
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

func retryAttempt(r *model.Retry) int {
	if r == nil {
		return 0
	}
	return r.Attempt
}

func (o *Op) VerifyMetaData(userID, txID string) (latest, previous []*model.VerifyMetaData, err error) {
	if _, err := o.GetVerifyTransaction(userID, txID); err != nil {
		return nil, nil, err
	}
	all, err := store.List[model.VerifyMetaData](o.tx, model.KindVerifyMetaData, o.env.ID, txID)
	if err != nil {
		return nil, nil, err
	}
	latest, previous = splitAttempts(all, func(m *model.VerifyMetaData) string { return m.Type },
		func(m *model.VerifyMetaData) int { return retryAttempt(m.Retry) })
	return latest, previous, nil
}

func (o *Op) VerifyMetaDataOne(userID, txID, id string) (*model.VerifyMetaData, error) {
	_, _, err := o.VerifyMetaData(userID, txID)
	if err != nil {
		return nil, err
	}
	m, err := store.Get[model.VerifyMetaData](o.tx, model.KindVerifyMetaData, o.env.ID, id)
	if err == store.ErrNotFound {
		return nil, model.NotFound()
	}
	return m, err
}

// verifiedDataReadable enforces the 30-minute rule: verified data exists
// until 30 minutes after a terminal decision.
func (o *Op) verifiedDataReadable(t *model.VerifyTransaction) error {
	if model.IsVerifyDecision(t.TransactionStatus.Status) && o.now.After(t.UpdatedAt.Add(verifiedDataWindow)) {
		return model.NotFound()
	}
	return nil
}

func (o *Op) VerifiedData(userID, txID string, types []string) (latest, previous []*model.VerifiedData, err error) {
	t, err := o.GetVerifyTransaction(userID, txID)
	if err != nil {
		return nil, nil, err
	}
	if err := o.verifiedDataReadable(t); err != nil {
		return nil, nil, err
	}
	for i, ty := range types {
		if !enums.IsVerifiedDataType(ty) {
			return nil, nil, model.InvalidValue(fmt.Sprintf("type[%d]", i), "not a verified data type")
		}
	}
	all, err := store.List[model.VerifiedData](o.tx, model.KindVerifiedData, o.env.ID, txID)
	if err != nil {
		return nil, nil, err
	}
	if len(types) > 0 {
		all = slices.DeleteFunc(all, func(d *model.VerifiedData) bool { return !slices.Contains(types, d.Type) })
	}
	latest, previous = splitAttempts(all, func(d *model.VerifiedData) string { return d.Type },
		func(d *model.VerifiedData) int { return retryAttempt(d.Retry) })
	// Listings only name the entries; the data itself is read one by one.
	strip := func(list []*model.VerifiedData) {
		for _, d := range list {
			d.Data = nil
		}
	}
	strip(latest)
	strip(previous)
	return latest, previous, nil
}

func (o *Op) VerifiedDataOne(userID, txID, id string) (*model.VerifiedData, error) {
	t, err := o.GetVerifyTransaction(userID, txID)
	if err != nil {
		return nil, err
	}
	if err := o.verifiedDataReadable(t); err != nil {
		return nil, err
	}
	d, err := store.Get[model.VerifiedData](o.tx, model.KindVerifiedData, o.env.ID, id)
	if err == store.ErrNotFound {
		return nil, model.NotFound()
	}
	return d, err
}
