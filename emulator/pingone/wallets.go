package pingone

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"strings"

	"github.com/google/uuid"
)

func (o *op) getWalletApp(id string) (*DigitalWalletApplication, error) {
	a, err := getObj[DigitalWalletApplication](o.tx, kindWalletApp, o.env.ID, id)
	if err == errNoObject {
		return nil, notFound()
	}
	return a, err
}

func validateWalletApp(a *DigitalWalletApplication) error {
	var v validation
	if strings.TrimSpace(a.Name) == "" {
		v.required("name")
	}
	if a.AppOpenURL == "" {
		v.required("appOpenUrl")
	} else if !isURL(a.AppOpenURL) {
		v.invalid("appOpenUrl", "must be an absolute URL")
	}
	if a.Application == nil || a.Application.ID == "" {
		v.required("application.id")
	}
	return v.err()
}

// putWalletApp creates (old == nil) or replaces a wallet application.
func (o *op) putWalletApp(old, in *DigitalWalletApplication) (*DigitalWalletApplication, error) {
	a := *in
	a.Links = nil
	if err := validateWalletApp(&a); err != nil {
		return nil, err
	}
	if a.UsesPingOneWalletSDK == nil {
		t := true
		a.UsesPingOneWalletSDK = &t
	}
	a.Environment, a.UpdatedAt = Ref{ID: o.env.ID}, newTime(o.now)
	action := "updated"
	if old == nil {
		a.ID, a.CreatedAt, action = uuid.NewString(), newTime(o.now), "created"
	} else {
		a.ID, a.CreatedAt = old.ID, old.CreatedAt
	}
	if err := o.tx.put(kindWalletApp, o.env.ID, "", a.ID, &a); err != nil {
		return nil, fmt.Errorf("store digital wallet application: %w", err)
	}
	o.record(kindWalletApp, a.ID, action)
	return &a, nil
}

// deleteWalletApp removes the app; its wallets become DISABLED.
func (o *op) deleteWalletApp(id string) error {
	if _, err := o.getWalletApp(id); err != nil {
		return err
	}
	wallets, err := listObj[DigitalWallet](o.tx, kindWallet, o.env.ID, "")
	if err != nil {
		return err
	}
	for _, w := range wallets {
		if w.DigitalWalletApplication.ID == id && w.Status != WalletDisabled {
			w.Status, w.UpdatedAt = WalletDisabled, newTime(o.now)
			if err := o.tx.put(kindWallet, o.env.ID, w.User.ID, w.ID, w); err != nil {
				return err
			}
			o.record(kindWallet, w.ID, "disabled")
		}
	}
	if err := o.tx.del(kindWalletApp, o.env.ID, id); err != nil {
		return err
	}
	o.record(kindWalletApp, id, "deleted")
	return nil
}

func (o *op) getWallet(userID, id string) (*DigitalWallet, error) {
	w, err := getObj[DigitalWallet](o.tx, kindWallet, o.env.ID, id)
	if err == errNoObject || (err == nil && userID != "" && w.User.ID != userID) {
		return nil, notFound()
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
	DigitalWalletApplication *Ref          `json:"digitalWalletApplication"`
	Name                     string        `json:"name,omitempty"`
	Notification             *Notification `json:"notification,omitempty"`
}

// createWallet starts a pairing session for a user's new wallet.
func (o *op) createWallet(userID string, req *WalletRequest) (*DigitalWallet, error) {
	if _, err := o.getUser(userID); err != nil {
		return nil, err
	}
	if req.DigitalWalletApplication == nil || req.DigitalWalletApplication.ID == "" {
		return nil, requiredValue("digitalWalletApplication.id")
	}
	if _, err := o.getWalletApp(req.DigitalWalletApplication.ID); err != nil {
		return nil, invalidValue("digitalWalletApplication.id", "digital wallet application does not exist")
	}
	if err := validateNotification(req.Notification); err != nil {
		return nil, err
	}
	w := &DigitalWallet{
		ID: uuid.NewString(), Environment: Ref{ID: o.env.ID}, User: Ref{ID: userID},
		DigitalWalletApplication: *req.DigitalWalletApplication, Name: req.Name, Status: WalletPairingRequired,
		PairingSession: &PairingSession{ID: uuid.NewString(), Challenge: pairingCode(), Status: PairingInitial},
		Notification:   req.Notification, CreatedAt: newTime(o.now), UpdatedAt: newTime(o.now),
	}
	if err := o.tx.put(kindWallet, o.env.ID, userID, w.ID, w); err != nil {
		return nil, fmt.Errorf("create digital wallet: %w", err)
	}
	o.record(kindWallet, w.ID, "created")
	return w, nil
}

// pairWallet completes pairing when the wallet presents the right code and
// provisions the user's live credentials that can still be delivered.
func (o *op) pairWallet(walletID, challenge string) (*DigitalWallet, error) {
	w, err := o.getWallet("", walletID)
	if err != nil {
		return nil, err
	}
	if w.Status != WalletPairingRequired || w.PairingSession == nil {
		return nil, constraintViolation("status", "the wallet is not waiting to be paired")
	}
	if subtle.ConstantTimeCompare([]byte(strings.ToUpper(strings.TrimSpace(challenge))), []byte(w.PairingSession.Challenge)) != 1 {
		return nil, invalidValue("challenge", "the pairing code does not match")
	}
	w.Status, w.UpdatedAt = WalletActive, newTime(o.now)
	w.PairingSession.Status = PairingCompleted
	// The paired app installation, which push-based flows address.
	w.ApplicationInstance = &Ref{ID: uuid.NewString()}
	if err := o.tx.put(kindWallet, o.env.ID, w.User.ID, w.ID, w); err != nil {
		return nil, fmt.Errorf("pair digital wallet: %w", err)
	}
	o.record(kindWallet, w.ID, "paired")
	creds, err := o.credentialsOf(w.User.ID)
	if err != nil {
		return nil, err
	}
	for _, rec := range creds {
		// Credentials issued with data cannot be re-sent: the data is gone.
		if !isLive(rec.Credential.Status) || rec.DataBound {
			continue
		}
		ct, err := getObj[CredentialType](o.tx, kindCredentialType, o.env.ID, rec.Credential.CredentialType.ID)
		if err != nil {
			return nil, err
		}
		if rec.IssuanceRuleID != "" {
			if r, err := getObj[IssuanceRule](o.tx, kindIssuanceRule, o.env.ID, rec.IssuanceRuleID); err == nil &&
				r.DigitalWalletApplication != nil && r.DigitalWalletApplication.ID != w.DigitalWalletApplication.ID {
				continue
			}
		}
		if err := o.provision(rec, ct, w, storedShown(ct, rec.Values), nil); err != nil {
			return nil, err
		}
		rec.Credential.UpdatedAt = newTime(o.now)
		if err := o.tx.put(kindUserCredential, o.env.ID, rec.Credential.User.ID, rec.Credential.ID, rec); err != nil {
			return nil, err
		}
		o.record(kindUserCredential, rec.Credential.ID, "issued")
	}
	return w, nil
}

// deleteWallet removes a wallet and revokes what was provisioned to it.
func (o *op) deleteWallet(userID, id string) (*DigitalWallet, error) {
	w, err := o.getWallet(userID, id)
	if err != nil {
		return nil, err
	}
	pcs, err := o.provisionedInWallet(id)
	if err != nil {
		return nil, err
	}
	for _, pc := range pcs {
		if err := o.revokeProvisioned(pc); err != nil {
			return nil, err
		}
	}
	if err := o.tx.del(kindWallet, o.env.ID, id); err != nil {
		return nil, err
	}
	o.record(kindWallet, id, "deleted")
	return w, nil
}

func (o *op) provisionedInWallet(walletID string) ([]*ProvisionedCredential, error) {
	all, err := listObj[ProvisionedCredential](o.tx, kindProvisionedCredential, o.env.ID, "")
	if err != nil {
		return nil, err
	}
	var out []*ProvisionedCredential
	for _, pc := range all {
		if pc.DigitalWallet.ID == walletID {
			out = append(out, pc)
		}
	}
	return out, nil
}

// walletDelete is the holder removing a credential from their wallet.
func (o *op) walletDelete(pcID string) (*ProvisionedCredential, error) {
	pc, err := getObj[ProvisionedCredential](o.tx, kindProvisionedCredential, o.env.ID, pcID)
	if err == errNoObject {
		return nil, notFound()
	}
	if err != nil {
		return nil, err
	}
	if pc.Status == ProvisionedDeleted {
		return nil, constraintViolation("status", "the credential is already deleted from the wallet")
	}
	pc.Status, pc.UpdatedAt = ProvisionedDeleted, newTime(o.now)
	pc.WalletActions = append(pc.WalletActions, WalletAction{Action: WalletActionDeleted, OccurredAt: newTime(o.now)})
	if err := o.tx.put(kindProvisionedCredential, o.env.ID, pc.Credential.ID, pc.ID, pc); err != nil {
		return nil, fmt.Errorf("wallet delete: %w", err)
	}
	o.record(kindProvisionedCredential, pc.ID, "deleted")
	return pc, nil
}

// walletRespond is the wallet accepting or rejecting a delivered credential.
func (o *op) walletRespond(pcID string, accept bool) (*ProvisionedCredential, error) {
	pc, err := getObj[ProvisionedCredential](o.tx, kindProvisionedCredential, o.env.ID, pcID)
	if err == errNoObject {
		return nil, notFound()
	}
	if err != nil {
		return nil, err
	}
	if pc.Status != ProvisionedCreated {
		return nil, constraintViolation("status", "only a CREATED provisioned credential can be accepted or rejected")
	}
	status, action := ProvisionedAccepted, WalletActionAccepted
	if !accept {
		status, action = ProvisionedRejected, WalletActionRejected
	}
	pc.Status, pc.UpdatedAt = status, newTime(o.now)
	pc.WalletActions = append(pc.WalletActions, WalletAction{Action: action, OccurredAt: newTime(o.now)})
	if err := o.tx.put(kindProvisionedCredential, o.env.ID, pc.Credential.ID, pc.ID, pc); err != nil {
		return nil, fmt.Errorf("wallet response: %w", err)
	}
	o.record(kindProvisionedCredential, pc.ID, strings.ToLower(status))
	return pc, nil
}
