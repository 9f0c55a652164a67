package platform

import (
	"encoding/json"
	"fmt"

	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

func (o *Op) GetCredentialType(id string) (*model.CredentialType, error) {
	return liveType(store.Get[model.CredentialType](o.tx, model.KindCredentialType, o.env.ID, id))
}

// liveType answers a missing or deleted type with PingOne's 404.
func liveType(c *model.CredentialType, err error) (*model.CredentialType, error) {
	if err == store.ErrNotFound || (err == nil && c.DeletedAt != nil) {
		return nil, model.NotFound()
	}
	return c, err
}

// ListCredentialTypes lists the live types.
func (o *Op) ListCredentialTypes() ([]*model.CredentialType, error) {
	all, err := store.List[model.CredentialType](o.tx, model.KindCredentialType, o.env.ID, "")
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, c := range all {
		if c.DeletedAt == nil {
			out = append(out, c)
		}
	}
	return out, nil
}

// normalizeCredentialType clears read-only properties and fills defaults.
// It only replaces c's fields, never writes through them, so c may be a
// shallow copy of a value the caller keeps (a seed's credential type).
func normalizeCredentialType(c *model.CredentialType) {
	c.Links, c.URI, c.DeletedAt, c.Issuer = nil, "", nil, nil
	if c.Management == nil || c.Management.Mode == "" {
		c.Management = &model.Management{Mode: model.ModeAutomated}
	}
	if c.OnDelete == nil || c.OnDelete.RevokeIssuedCredentials == nil {
		t := true
		c.OnDelete = &model.OnDelete{RevokeIssuedCredentials: &t}
	}
}

func (o *Op) CreateCredentialType(in *model.CredentialType) (*model.CredentialType, error) {
	profile, err := o.GetIssuerProfile()
	if err != nil {
		if _, ok := model.AsAPIError(err); ok {
			return nil, model.ConstraintViolation("issuer", "create the credential issuer profile before credential types")
		}
		return nil, err
	}
	c := *in
	normalizeCredentialType(&c)
	if err := validateCredentialType(&c); err != nil {
		return nil, err
	}
	c.ID = uuid.NewString()
	c.Environment = model.Ref{ID: o.env.ID}
	c.Issuer = &model.Ref{ID: profile.ID}
	c.CreatedAt, c.UpdatedAt = model.NewTime(o.now), model.NewTime(o.now)
	c.Version = &model.TypeVersion{ID: uuid.NewString(), Number: 1}
	if err := o.storeCredentialType(&c); err != nil {
		return nil, fmt.Errorf("create credential type: %w", err)
	}
	o.record(model.KindCredentialType, c.ID, "created")
	return &c, nil
}

// storeCredentialType saves the type and a snapshot of this version.
func (o *Op) storeCredentialType(c *model.CredentialType) error {
	if err := o.tx.Put(model.KindCredentialType, o.env.ID, "", c.ID, c); err != nil {
		return err
	}
	return o.tx.Put(model.KindCredentialTypeVersion, o.env.ID, c.ID, c.Version.ID, c)
}

// contentOf is what decides whether an update makes a new version.
func contentOf(c *model.CredentialType) string {
	x := *c
	x.Links, x.ID, x.CreatedAt, x.UpdatedAt, x.Environment, x.Issuer, x.Version, x.URI = nil, "", model.Time{}, model.Time{}, model.Ref{}, nil, nil, ""
	b, _ := json.Marshal(x)
	return string(b)
}

// UpdateCredentialType replaces a type. A changed type gets a new version;
// leaving AUTOMATED disables (keeps) its issuance rule.
func (o *Op) UpdateCredentialType(id string, in *model.CredentialType) (*model.CredentialType, error) {
	old, err := o.GetCredentialType(id)
	if err != nil {
		return nil, err
	}
	c := *in
	normalizeCredentialType(&c)
	if err := validateCredentialType(&c); err != nil {
		return nil, err
	}
	c.ID, c.Environment, c.Issuer, c.CreatedAt = old.ID, old.Environment, old.Issuer, old.CreatedAt
	c.UpdatedAt = model.NewTime(o.now)
	v := *old.Version
	c.Version = &v
	if contentOf(&c) != contentOf(old) {
		c.Version = &model.TypeVersion{ID: uuid.NewString(), Number: old.Version.Number + 1}
	}
	if err := o.storeCredentialType(&c); err != nil {
		return nil, fmt.Errorf("update credential type: %w", err)
	}
	o.record(model.KindCredentialType, c.ID, "updated")
	rules, err := o.RulesOf(c.ID)
	if err != nil {
		return nil, fmt.Errorf("update credential type: %w", err)
	}
	for _, r := range rules {
		switch {
		case c.Mode() == model.ModeManaged && r.Status == model.RuleActive:
			r.Status, r.UpdatedAt = model.RuleDisabled, model.NewTime(o.now)
			if err := o.tx.Put(model.KindIssuanceRule, o.env.ID, c.ID, r.ID, r); err != nil {
				return nil, fmt.Errorf("update credential type: disable rule: %w", err)
			}
			o.record(model.KindIssuanceRule, r.ID, "disabled")
		case c.Mode() == model.ModeAutomated && r.Status == model.RuleActive:
			// Holders of the previous version get an UPDATE.
			if err := o.evaluateRule(r, &c, ""); err != nil {
				return nil, fmt.Errorf("update credential type: %w", err)
			}
		}
	}
	return &c, nil
}

// DeleteCredentialType soft-deletes (deletedAt) so issued credentials can
// still be rendered, revokes credentials when onDelete says so, and deletes
// the type's rules with their staged changes.
func (o *Op) DeleteCredentialType(id string) error {
	c, err := o.GetCredentialType(id)
	if err != nil {
		return err
	}
	if c.RevokeOnDelete() {
		recs, err := store.List[model.CredentialRecord](o.tx, model.KindUserCredential, o.env.ID, "")
		if err != nil {
			return err
		}
		for _, r := range recs {
			if r.Credential.CredentialType.ID == id && isLive(r.Credential.Status) {
				if err := o.RevokeCredential(r); err != nil {
					return fmt.Errorf("delete credential type: %w", err)
				}
			}
		}
	}
	rules, err := o.RulesOf(id)
	if err != nil {
		return err
	}
	for _, r := range rules {
		if err := o.DeleteRule(r); err != nil {
			return fmt.Errorf("delete credential type: %w", err)
		}
	}
	c.DeletedAt = model.TimePtr(o.now)
	if err := o.tx.Put(model.KindCredentialType, o.env.ID, "", c.ID, c); err != nil {
		return fmt.Errorf("delete credential type: %w", err)
	}
	o.record(model.KindCredentialType, id, "deleted")
	return nil
}

func (o *Op) CredentialTypeVersions(id string) ([]*model.CredentialType, error) {
	if _, err := o.GetCredentialType(id); err != nil {
		return nil, err
	}
	return store.List[model.CredentialType](o.tx, model.KindCredentialTypeVersion, o.env.ID, id)
}

func (o *Op) CredentialTypeVersion(id, versionID string) (*model.CredentialType, error) {
	if _, err := o.GetCredentialType(id); err != nil {
		return nil, err
	}
	v, err := store.Get[model.CredentialType](o.tx, model.KindCredentialTypeVersion, o.env.ID, versionID)
	if err == store.ErrNotFound || (err == nil && v.ID != id) {
		return nil, model.NotFound()
	}
	return v, err
}
