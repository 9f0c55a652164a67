package platform

import (
	"fmt"
	"maps"

	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

func isLive(status string) bool {
	return status == model.CredentialIssued || status == model.CredentialPending
}

// CredentialRequest is the body of Create/Update User Credential. Data is
// ephemeral: it is used to build the wallet claim and then dropped.
type CredentialRequest struct {
	CredentialType *model.Ref          `json:"credentialType,omitempty"`
	Data           map[string]any      `json:"data,omitempty"`
	ExpiresAt      *model.Time         `json:"expiresAt,omitempty"`
	Notification   *model.Notification `json:"notification,omitempty"`
}

func (o *Op) GetCredential(userID, id string) (*model.CredentialRecord, error) {
	r, err := store.Get[model.CredentialRecord](o.tx, model.KindUserCredential, o.env.ID, id)
	if err == store.ErrNotFound || (err == nil && r.Credential.User.ID != userID) {
		return nil, model.NotFound()
	}
	return r, err
}

func (o *Op) CredentialsOf(userID string) ([]*model.CredentialRecord, error) {
	return store.List[model.CredentialRecord](o.tx, model.KindUserCredential, o.env.ID, userID)
}

func (o *Op) ProvisionedOf(credentialID string) ([]*model.ProvisionedCredential, error) {
	return store.List[model.ProvisionedCredential](o.tx, model.KindProvisionedCredential, o.env.ID, credentialID)
}

// checkData applies the rules of the ephemeral data object and returns it
// as strings. Error messages name field titles, never submitted values.
func checkData(ct *model.CredentialType, data map[string]any) (map[string]string, error) {
	var v model.Validation
	if len(data) > 0 && ct.Mode() != model.ModeManaged {
		return nil, model.InvalidValue("data", "data can only be used with a MANAGED credential type")
	}
	out := make(map[string]string, len(data))
	for key, raw := range data {
		f, ok := fieldTitled(ct, key)
		switch {
		case !ok:
			v.Invalid("data."+key, "the credential type has no field with this title")
		case f.Type != model.FieldAlphanumeric:
			v.Invalid("data."+key, "data can only fill Alphanumeric Text fields")
		default:
			s, isString := raw.(string)
			if !isString {
				v.Invalid("data."+key, "must be a string")
			}
			out[key] = s
		}
	}
	if ct.Mode() == model.ModeManaged {
		for _, f := range ct.Metadata.Fields {
			if f.Type == model.FieldAlphanumeric && f.Required && f.DefaultValue() == "" && out[f.Title] == "" {
				v.Add(model.DetailRequiredValue, "data."+f.Title, "this field is required")
			}
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// fieldTitled is the type's field of that title, the last one if several
// are.
func fieldTitled(ct *model.CredentialType, title string) (model.Field, bool) {
	fields := ct.Metadata.Fields
	for i := len(fields) - 1; i >= 0; i-- {
		if fields[i].Title == title {
			return fields[i], true
		}
	}
	return model.Field{}, false
}

// fieldValues computes a credential's values. shown (by title) is what the
// wallet gets and includes data; stored (by field id) excludes every value
// that came from data, so it can be persisted.
func (o *Op) fieldValues(ct *model.CredentialType, u *model.User, data map[string]string) (shown, stored map[string]string) {
	shown, stored = map[string]string{}, map[string]string{}
	// The attribute tree costs an encode and a decode of the user: only
	// build it for a type with directory fields.
	var attrs map[string]any
	for _, f := range ct.Metadata.Fields {
		var val string
		switch f.Type {
		case model.FieldDirectory:
			if attrs == nil {
				attrs = userAttributes(u)
			}
			val = directoryValue(attrs, f.Attribute)
		case model.FieldIssuedAt:
			val = model.NewTime(o.now).String()
		default:
			if d, ok := data[f.Title]; ok {
				shown[f.Title] = d
				continue
			}
			val = f.DefaultValue()
		}
		shown[f.Title] = val
		stored[f.ID] = val
	}
	return shown, stored
}

func storedShown(ct *model.CredentialType, stored map[string]string) map[string]string {
	shown := map[string]string{}
	for _, f := range ct.Metadata.Fields {
		if v, ok := stored[f.ID]; ok {
			shown[f.Title] = v
		}
	}
	return shown
}

// activeWallets are the user's paired wallets, optionally of one app.
func (o *Op) activeWallets(userID, appID string) ([]*model.DigitalWallet, error) {
	all, err := store.List[model.DigitalWallet](o.tx, model.KindWallet, o.env.ID, userID)
	if err != nil {
		return nil, err
	}
	var out []*model.DigitalWallet
	for _, w := range all {
		if w.Status == model.WalletActive && (appID == "" || w.DigitalWalletApplication.ID == appID) {
			out = append(out, w)
		}
	}
	return out, nil
}

type issueInput struct {
	user         *model.User
	ct           *model.CredentialType
	data         map[string]string
	ruleID       string
	walletAppID  string
	expiresAt    *model.Time
	notification *model.Notification
}

func copyNotification(n *model.Notification) *model.Notification {
	if n == nil {
		return nil
	}
	c := &model.Notification{Methods: append([]string(nil), n.Methods...)}
	if n.Template != nil {
		t := *n.Template
		t.Variables = maps.Clone(n.Template.Variables)
		c.Template = &t
	}
	return c
}

func validateNotification(n *model.Notification) error {
	if n == nil {
		return nil
	}
	for i, m := range n.Methods {
		if m != "EMAIL" && m != "SMS" {
			return model.InvalidValue(fmt.Sprintf("notification.methods[%d]", i), "must be EMAIL or SMS")
		}
	}
	return nil
}

// issueCredential creates a credential and provisions it to every paired
// wallet. With data and no paired wallet nothing is created: the data
// could never reach a wallet later because it is not kept.
func (o *Op) issueCredential(in issueInput) (*model.CredentialRecord, error) {
	wallets, err := o.activeWallets(in.user.ID, in.walletAppID)
	if err != nil {
		return nil, err
	}
	if len(in.data) > 0 && len(wallets) == 0 {
		return nil, model.ConstraintViolation("data", "the user has no paired digital wallet, so a credential with data cannot be issued")
	}
	shown, stored := o.fieldValues(in.ct, in.user, in.data)
	rec := &model.CredentialRecord{
		Credential: model.UserCredential{
			ID: uuid.NewString(), Environment: model.Ref{ID: o.env.ID}, User: model.Ref{ID: in.user.ID},
			CredentialType: model.Ref{ID: in.ct.ID}, Title: in.ct.Title, Status: model.CredentialPending,
			ExpiresAt: in.expiresAt, Notification: copyNotification(in.notification),
			CreatedAt: model.NewTime(o.now), UpdatedAt: model.NewTime(o.now),
		},
		IssuanceRuleID: in.ruleID,
		TypeVersion:    in.ct.Version.Number,
		DataBound:      len(in.data) > 0,
		Values:         stored,
	}
	for _, w := range wallets {
		if err := o.provision(rec, in.ct, w, shown, nil); err != nil {
			return nil, err
		}
	}
	if err := o.notify(rec, in.user, "credential_issued"); err != nil {
		return nil, err
	}
	if err := o.tx.Put(model.KindUserCredential, o.env.ID, in.user.ID, rec.Credential.ID, rec); err != nil {
		return nil, fmt.Errorf("issue credential: %w", err)
	}
	o.record(model.KindUserCredential, rec.Credential.ID, "created")
	return rec, nil
}

// provision delivers the claim to one wallet (creating or refreshing the
// provisioned credential) and marks the credential ISSUED.
func (o *Op) provision(rec *model.CredentialRecord, ct *model.CredentialType, w *model.DigitalWallet, shown map[string]string, existing *model.ProvisionedCredential) error {
	pc := existing
	if pc == nil {
		pc = &model.ProvisionedCredential{
			ID: uuid.NewString(), Environment: model.Ref{ID: o.env.ID}, Credential: model.Ref{ID: rec.Credential.ID},
			DigitalWallet: model.Ref{ID: w.ID}, User: rec.Credential.User, WalletActions: []model.WalletAction{},
			CreatedAt: model.NewTime(o.now),
		}
	}
	pc.Status, pc.ExpiresAt, pc.UpdatedAt = model.ProvisionedCreated, rec.Credential.ExpiresAt, model.NewTime(o.now)
	// The claim reference identifies the claim for revocation; it carries
	// no field values.
	pc.ClaimReference = map[string]any{
		"id":             uuid.NewString(),
		"credentialType": map[string]any{"id": ct.ID, "version": ct.Version.Number},
		"issuer":         map[string]any{"id": refID(ct.Issuer)},
		"holder":         map[string]any{"digitalWallet": w.ID},
	}
	if err := o.tx.Put(model.KindProvisionedCredential, o.env.ID, rec.Credential.ID, pc.ID, pc); err != nil {
		return fmt.Errorf("provision credential: %w", err)
	}
	rec.Credential.Status = model.CredentialIssued
	o.record(model.KindProvisionedCredential, pc.ID, "created")
	if o.p.opts.OnClaim != nil { // else no one would see the claim
		o.claims = append(o.claims, Claim{
			EnvironmentID: o.env.ID, UserID: rec.Credential.User.ID, CredentialID: rec.Credential.ID,
			ProvisionedCredentialID: pc.ID, DigitalWalletID: w.ID, CredentialTypeID: ct.ID,
			Title: ct.Title, Fields: maps.Clone(shown),
		})
	}
	return nil
}

func refID(r *model.Ref) string {
	if r == nil {
		return ""
	}
	return r.ID
}

// CreateManagedCredential is POST /users/{id}/credentials.
func (o *Op) CreateManagedCredential(userID string, req *CredentialRequest) (*model.CredentialRecord, error) {
	u, err := o.GetUser(userID)
	if err != nil {
		return nil, err
	}
	if req.CredentialType == nil || req.CredentialType.ID == "" {
		return nil, model.RequiredValue("credentialType.id")
	}
	ct, err := o.GetCredentialType(req.CredentialType.ID)
	if err != nil {
		if _, ok := model.AsAPIError(err); ok {
			return nil, model.InvalidValue("credentialType.id", "credential type does not exist")
		}
		return nil, err
	}
	data, err := checkData(ct, req.Data)
	if err != nil {
		return nil, err
	}
	if ct.Mode() != model.ModeManaged {
		return nil, model.ConstraintViolation("credentialType.id", "credentials of an AUTOMATED type are issued by its issuance rule")
	}
	if err := o.checkExpiry(req.ExpiresAt); err != nil {
		return nil, err
	}
	if err := validateNotification(req.Notification); err != nil {
		return nil, err
	}
	return o.issueCredential(issueInput{user: u, ct: ct, data: data, expiresAt: req.ExpiresAt, notification: req.Notification})
}

func (o *Op) checkExpiry(t *model.Time) error {
	if t != nil && !t.After(o.now) {
		return model.InvalidValue("expiresAt", "must be in the future")
	}
	return nil
}

// UpdateCredential is PUT /users/{id}/credentials/{credID}: it re-issues the
// credential with new values to the user's paired wallets.
func (o *Op) UpdateCredential(userID, id string, req *CredentialRequest) (*model.CredentialRecord, error) {
	rec, err := o.GetCredential(userID, id)
	if err != nil {
		return nil, err
	}
	if !isLive(rec.Credential.Status) {
		return nil, model.ConstraintViolation("status", "only ISSUED or PENDING credentials can be updated")
	}
	if req.CredentialType != nil && req.CredentialType.ID != "" && req.CredentialType.ID != rec.Credential.CredentialType.ID {
		return nil, model.InvalidValue("credentialType.id", "the credential type of a credential cannot change")
	}
	ct, err := o.GetCredentialType(rec.Credential.CredentialType.ID)
	if err != nil {
		return nil, err
	}
	data, err := checkData(ct, req.Data)
	if err != nil {
		return nil, err
	}
	if err := o.checkExpiry(req.ExpiresAt); err != nil {
		return nil, err
	}
	if err := validateNotification(req.Notification); err != nil {
		return nil, err
	}
	if req.ExpiresAt != nil {
		rec.Credential.ExpiresAt = req.ExpiresAt
	}
	if req.Notification != nil {
		rec.Credential.Notification = copyNotification(req.Notification)
	}
	return rec, o.reissue(rec, ct, data)
}

// reissue refreshes a live credential's values in every paired wallet.
func (o *Op) reissue(rec *model.CredentialRecord, ct *model.CredentialType, data map[string]string) error {
	u, err := o.GetUser(rec.Credential.User.ID)
	if err != nil {
		return err
	}
	appID := ""
	if rec.IssuanceRuleID != "" {
		if r, err := store.Get[model.IssuanceRule](o.tx, model.KindIssuanceRule, o.env.ID, rec.IssuanceRuleID); err == nil && r.DigitalWalletApplication != nil {
			appID = r.DigitalWalletApplication.ID
		}
	}
	wallets, err := o.activeWallets(u.ID, appID)
	if err != nil {
		return err
	}
	if len(data) > 0 && len(wallets) == 0 {
		return model.ConstraintViolation("data", "the user has no paired digital wallet, so a credential with data cannot be issued")
	}
	shown, stored := o.fieldValues(ct, u, data)
	pcs, err := o.ProvisionedOf(rec.Credential.ID)
	if err != nil {
		return err
	}
	for _, w := range wallets {
		var existing *model.ProvisionedCredential
		for _, pc := range pcs {
			if pc.DigitalWallet.ID == w.ID && (pc.Status == model.ProvisionedCreated || pc.Status == model.ProvisionedAccepted) {
				existing = pc
			}
		}
		if err := o.provision(rec, ct, w, shown, existing); err != nil {
			return err
		}
	}
	rec.Values, rec.DataBound, rec.TypeVersion = stored, len(data) > 0, ct.Version.Number
	rec.Credential.Title = ct.Title
	rec.Credential.UpdatedAt = model.NewTime(o.now)
	rec.Updates++
	if err := o.notify(rec, u, "credential_updated"); err != nil {
		return err
	}
	if err := o.tx.Put(model.KindUserCredential, o.env.ID, u.ID, rec.Credential.ID, rec); err != nil {
		return fmt.Errorf("update credential: %w", err)
	}
	o.record(model.KindUserCredential, rec.Credential.ID, "updated")
	return nil
}

// RevokeCredential revokes a credential and every wallet copy of it.
func (o *Op) RevokeCredential(rec *model.CredentialRecord) error {
	if rec.Credential.Status == model.CredentialRevoked {
		return nil
	}
	pcs, err := o.ProvisionedOf(rec.Credential.ID)
	if err != nil {
		return err
	}
	for _, pc := range pcs {
		if err := o.revokeProvisioned(pc); err != nil {
			return err
		}
	}
	rec.Credential.Status = model.CredentialRevoked
	rec.Credential.UpdatedAt = model.NewTime(o.now)
	if u, err := o.GetUser(rec.Credential.User.ID); err == nil {
		if err := o.notify(rec, u, "credential_revoked"); err != nil {
			return err
		}
	}
	if err := o.tx.Put(model.KindUserCredential, o.env.ID, rec.Credential.User.ID, rec.Credential.ID, rec); err != nil {
		return fmt.Errorf("revoke credential: %w", err)
	}
	o.record(model.KindUserCredential, rec.Credential.ID, "revoked")
	return nil
}

func (o *Op) revokeProvisioned(pc *model.ProvisionedCredential) error {
	if pc.Status == model.ProvisionedRevoked || pc.Status == model.ProvisionedDeleted {
		return nil
	}
	pc.Status, pc.UpdatedAt = model.ProvisionedRevoked, model.NewTime(o.now)
	pc.WalletActions = append(pc.WalletActions, model.WalletAction{Action: model.WalletActionRevoked, OccurredAt: model.NewTime(o.now)})
	if err := o.tx.Put(model.KindProvisionedCredential, o.env.ID, pc.Credential.ID, pc.ID, pc); err != nil {
		return fmt.Errorf("revoke provisioned credential: %w", err)
	}
	o.record(model.KindProvisionedCredential, pc.ID, "revoked")
	return nil
}

// CredentialView is the API form of a stored credential at the platform's now.
func (o *Op) CredentialView(rec *model.CredentialRecord) *model.UserCredential {
	c := rec.Credential
	c.Expired = c.ExpiresAt != nil && !c.ExpiresAt.After(o.now)
	return &c
}
