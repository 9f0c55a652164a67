package platform

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

func (o *Op) GetWalletApp(id string) (*model.DigitalWalletApplication, error) {
	a, err := store.Get[model.DigitalWalletApplication](o.tx, model.KindWalletApp, o.env.ID, id)
	if err == store.ErrNotFound {
		return nil, model.NotFound()
	}
	return a, err
}

func validateWalletApp(a *model.DigitalWalletApplication) error {
	var v model.Validation
	if strings.TrimSpace(a.Name) == "" {
		v.Required("name")
	}
	if a.AppOpenURL == "" {
		v.Required("appOpenUrl")
	} else if !isURL(a.AppOpenURL) {
		v.Invalid("appOpenUrl", "must be an absolute URL")
	}
	if a.Application == nil || a.Application.ID == "" {
		v.Required("application.id")
	}
	return v.Err()
}

// PutWalletApp creates (old == nil) or replaces a wallet application.
func (o *Op) PutWalletApp(old, in *model.DigitalWalletApplication) (*model.DigitalWalletApplication, error) {
	a := *in
	a.Links = nil
	if err := validateWalletApp(&a); err != nil {
		return nil, err
	}
	if a.UsesPingOneWalletSDK == nil {
		t := true
		a.UsesPingOneWalletSDK = &t
	}
	a.Environment, a.UpdatedAt = model.Ref{ID: o.env.ID}, model.NewTime(o.now)
	action := "updated"
	if old == nil {
		a.ID, a.CreatedAt, action = uuid.NewString(), model.NewTime(o.now), "created"
	} else {
		a.ID, a.CreatedAt = old.ID, old.CreatedAt
	}
	if err := o.tx.Put(model.KindWalletApp, o.env.ID, "", a.ID, &a); err != nil {
		return nil, fmt.Errorf("store digital wallet application: %w", err)
	}
	o.record(model.KindWalletApp, a.ID, action)
	return &a, nil
}

// DeleteWalletApp removes the app; its wallets become DISABLED.
func (o *Op) DeleteWalletApp(id string) error {
	if _, err := o.GetWalletApp(id); err != nil {
		return err
	}
	wallets, err := store.List[model.DigitalWallet](o.tx, model.KindWallet, o.env.ID, "")
	if err != nil {
		return err
	}
	for _, w := range wallets {
		if w.DigitalWalletApplication.ID == id && w.Status != model.WalletDisabled {
			w.Status, w.UpdatedAt = model.WalletDisabled, model.NewTime(o.now)
			if err := o.tx.Put(model.KindWallet, o.env.ID, w.User.ID, w.ID, w); err != nil {
				return err
			}
			o.record(model.KindWallet, w.ID, "disabled")
		}
	}
	if err := o.tx.Del(model.KindWalletApp, o.env.ID, id); err != nil {
		return err
	}
	o.record(model.KindWalletApp, id, "deleted")
	return nil
}

func (o *Op) ListWalletApps() ([]*model.DigitalWalletApplication, error) {
	return store.List[model.DigitalWalletApplication](o.tx, model.KindWalletApp, o.env.ID, "")
}

// WalletsOf lists a user's wallets.
func (o *Op) WalletsOf(userID string) ([]*model.DigitalWallet, error) {
	return store.List[model.DigitalWallet](o.tx, model.KindWallet, o.env.ID, userID)
}

// RenameWallet is PUT of a wallet: only its name changes.
func (o *Op) RenameWallet(userID, id, name string) (*model.DigitalWallet, error) {
	w, err := o.GetWallet(userID, id)
	if err != nil {
		return nil, err
	}
	w.Name, w.UpdatedAt = name, model.NewTime(o.now)
	if err := o.tx.Put(model.KindWallet, o.env.ID, w.User.ID, w.ID, w); err != nil {
		return nil, err
	}
	o.record(model.KindWallet, w.ID, "updated")
	return w, nil
}

func (o *Op) GetWallet(userID, id string) (*model.DigitalWallet, error) {
	w, err := store.Get[model.DigitalWallet](o.tx, model.KindWallet, o.env.ID, id)
	if err == store.ErrNotFound || (err == nil && userID != "" && w.User.ID != userID) {
		return nil, model.NotFound()
	}
	return w, err
}

// pairingCode is the challenge a wallet must echo to pair: 12 characters
// without look-alikes, from crypto/rand.
func pairingCode() string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// WalletRequest is the body of Create Digital Wallet.
type WalletRequest struct {
	DigitalWalletApplication *model.Ref          `json:"digitalWalletApplication"`
	Name                     string              `json:"name,omitempty"`
	Notification             *model.Notification `json:"notification,omitempty"`
}

// CreateWallet starts a pairing session for a user's new wallet.
func (o *Op) CreateWallet(userID string, req *WalletRequest) (*model.DigitalWallet, error) {
	if _, err := o.GetUser(userID); err != nil {
		return nil, err
	}
	if req.DigitalWalletApplication == nil || req.DigitalWalletApplication.ID == "" {
		return nil, model.RequiredValue("digitalWalletApplication.id")
	}
	if _, err := o.GetWalletApp(req.DigitalWalletApplication.ID); err != nil {
		return nil, model.InvalidValue("digitalWalletApplication.id", "digital wallet application does not exist")
	}
	if err := validateNotification(req.Notification); err != nil {
		return nil, err
	}
	w := &model.DigitalWallet{
		ID: uuid.NewString(), Environment: model.Ref{ID: o.env.ID}, User: model.Ref{ID: userID},
		DigitalWalletApplication: *req.DigitalWalletApplication, Name: req.Name, Status: model.WalletPairingRequired,
		PairingSession: &model.PairingSession{ID: uuid.NewString(), Challenge: pairingCode(), Status: model.PairingInitial},
		Notification:   req.Notification, CreatedAt: model.NewTime(o.now), UpdatedAt: model.NewTime(o.now),
	}
	if err := o.tx.Put(model.KindWallet, o.env.ID, userID, w.ID, w); err != nil {
		return nil, fmt.Errorf("create digital wallet: %w", err)
	}
	o.record(model.KindWallet, w.ID, "created")
	return w, nil
}

// PairWallet completes pairing when the wallet presents the right code and
// provisions the user's live credentials that can still be delivered.
func (o *Op) PairWallet(walletID, challenge string) (*model.DigitalWallet, error) {
	w, err := o.GetWallet("", walletID)
	if err != nil {
		return nil, err
	}
	if w.Status != model.WalletPairingRequired || w.PairingSession == nil {
		return nil, model.ConstraintViolation("status", "the wallet is not waiting to be paired")
	}
	if subtle.ConstantTimeCompare([]byte(strings.ToUpper(strings.TrimSpace(challenge))), []byte(w.PairingSession.Challenge)) != 1 {
		return nil, model.InvalidValue("challenge", "the pairing code does not match")
	}
	w.Status, w.UpdatedAt = model.WalletActive, model.NewTime(o.now)
	w.PairingSession.Status = model.PairingCompleted
	// The paired app installation, which push-based flows address.
	w.ApplicationInstance = &model.Ref{ID: uuid.NewString()}
	if err := o.tx.Put(model.KindWallet, o.env.ID, w.User.ID, w.ID, w); err != nil {
		return nil, fmt.Errorf("pair digital wallet: %w", err)
	}
	o.record(model.KindWallet, w.ID, "paired")
	creds, err := o.CredentialsOf(w.User.ID)
	if err != nil {
		return nil, err
	}
	for _, rec := range creds {
		// Credentials issued with data cannot be re-sent: the data is gone.
		if !isLive(rec.Credential.Status) || rec.DataBound {
			continue
		}
		ct, err := store.Get[model.CredentialType](o.tx, model.KindCredentialType, o.env.ID, rec.Credential.CredentialType.ID)
		if err != nil {
			return nil, err
		}
		if rec.IssuanceRuleID != "" {
			if r, err := store.Get[model.IssuanceRule](o.tx, model.KindIssuanceRule, o.env.ID, rec.IssuanceRuleID); err == nil &&
				r.DigitalWalletApplication != nil && r.DigitalWalletApplication.ID != w.DigitalWalletApplication.ID {
				continue
			}
		}
		if err := o.provision(rec, ct, w, storedShown(ct, rec.Values), nil); err != nil {
			return nil, err
		}
		rec.Credential.UpdatedAt = model.NewTime(o.now)
		if err := o.tx.Put(model.KindUserCredential, o.env.ID, rec.Credential.User.ID, rec.Credential.ID, rec); err != nil {
			return nil, err
		}
		o.record(model.KindUserCredential, rec.Credential.ID, "issued")
	}
	return w, nil
}

// DeleteWallet removes a wallet and revokes what was provisioned to it.
func (o *Op) DeleteWallet(userID, id string) (*model.DigitalWallet, error) {
	w, err := o.GetWallet(userID, id)
	if err != nil {
		return nil, err
	}
	pcs, err := o.ProvisionedInWallet(id)
	if err != nil {
		return nil, err
	}
	for _, pc := range pcs {
		if err := o.revokeProvisioned(pc); err != nil {
			return nil, err
		}
	}
	if err := o.tx.Del(model.KindWallet, o.env.ID, id); err != nil {
		return nil, err
	}
	o.record(model.KindWallet, id, "deleted")
	return w, nil
}

func (o *Op) ProvisionedInWallet(walletID string) ([]*model.ProvisionedCredential, error) {
	all, err := store.List[model.ProvisionedCredential](o.tx, model.KindProvisionedCredential, o.env.ID, "")
	if err != nil {
		return nil, err
	}
	var out []*model.ProvisionedCredential
	for _, pc := range all {
		if pc.DigitalWallet.ID == walletID {
			out = append(out, pc)
		}
	}
	return out, nil
}

// WalletDelete is the holder removing a credential from their wallet.
func (o *Op) WalletDelete(pcID string) (*model.ProvisionedCredential, error) {
	pc, err := store.Get[model.ProvisionedCredential](o.tx, model.KindProvisionedCredential, o.env.ID, pcID)
	if err == store.ErrNotFound {
		return nil, model.NotFound()
	}
	if err != nil {
		return nil, err
	}
	if pc.Status == model.ProvisionedDeleted {
		return nil, model.ConstraintViolation("status", "the credential is already deleted from the wallet")
	}
	pc.Status, pc.UpdatedAt = model.ProvisionedDeleted, model.NewTime(o.now)
	pc.WalletActions = append(pc.WalletActions, model.WalletAction{Action: model.WalletActionDeleted, OccurredAt: model.NewTime(o.now)})
	if err := o.tx.Put(model.KindProvisionedCredential, o.env.ID, pc.Credential.ID, pc.ID, pc); err != nil {
		return nil, fmt.Errorf("wallet delete: %w", err)
	}
	o.record(model.KindProvisionedCredential, pc.ID, "deleted")
	return pc, nil
}

// WalletRespond is the wallet accepting or rejecting a delivered credential.
func (o *Op) WalletRespond(pcID string, accept bool) (*model.ProvisionedCredential, error) {
	pc, err := store.Get[model.ProvisionedCredential](o.tx, model.KindProvisionedCredential, o.env.ID, pcID)
	if err == store.ErrNotFound {
		return nil, model.NotFound()
	}
	if err != nil {
		return nil, err
	}
	if pc.Status != model.ProvisionedCreated {
		return nil, model.ConstraintViolation("status", "only a CREATED provisioned credential can be accepted or rejected")
	}
	status, action := model.ProvisionedAccepted, model.WalletActionAccepted
	if !accept {
		status, action = model.ProvisionedRejected, model.WalletActionRejected
	}
	pc.Status, pc.UpdatedAt = status, model.NewTime(o.now)
	pc.WalletActions = append(pc.WalletActions, model.WalletAction{Action: action, OccurredAt: model.NewTime(o.now)})
	if err := o.tx.Put(model.KindProvisionedCredential, o.env.ID, pc.Credential.ID, pc.ID, pc); err != nil {
		return nil, fmt.Errorf("wallet response: %w", err)
	}
	o.record(model.KindProvisionedCredential, pc.ID, strings.ToLower(status))
	return pc, nil
}
