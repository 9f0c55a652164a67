package platform

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/scim"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

func (o *Op) RulesOf(ctID string) ([]*model.IssuanceRule, error) {
	return store.List[model.IssuanceRule](o.tx, model.KindIssuanceRule, o.env.ID, ctID)
}

func (o *Op) GetRule(ctID, id string) (*model.IssuanceRule, *model.CredentialType, error) {
	ct, err := o.GetCredentialType(ctID)
	if err != nil {
		return nil, nil, err
	}
	r, err := store.Get[model.IssuanceRule](o.tx, model.KindIssuanceRule, o.env.ID, id)
	if err == store.ErrNotFound || (err == nil && r.CredentialType.ID != ctID) {
		return nil, nil, model.NotFound()
	}
	return r, ct, err
}

func (o *Op) validateRule(r *model.IssuanceRule) error {
	var v model.Validation
	switch r.Status {
	case model.RuleActive, model.RuleDisabled:
	case "":
		v.Required("status")
	default:
		v.Invalid("status", "must be ACTIVE or DISABLED")
	}
	if r.Automation == nil {
		v.Required("automation")
	} else {
		for target, mode := range map[string]string{"automation.issue": r.Automation.Issue,
			"automation.update": r.Automation.Update, "automation.revoke": r.Automation.Revoke} {
			if mode != model.AutomationPeriodic && mode != model.AutomationOnDemand {
				v.Invalid(target, "must be PERIODIC or ON_DEMAND")
			}
		}
	}
	if r.Filter == nil {
		if r.Status == model.RuleActive {
			v.Add(model.DetailRequiredValue, "filter", "an ACTIVE rule needs a filter")
		}
	} else {
		kinds := 0
		if len(r.Filter.GroupIDs) > 0 {
			kinds++
			for i, g := range r.Filter.GroupIDs {
				if _, err := store.Get[model.Group](o.tx, model.KindGroup, o.env.ID, g); err != nil {
					v.Invalid(fmt.Sprintf("filter.groupIds[%d]", i), "group does not exist")
				}
			}
		}
		if len(r.Filter.PopulationIDs) > 0 {
			kinds++
			for i, p := range r.Filter.PopulationIDs {
				if _, err := store.Get[model.Population](o.tx, model.KindPopulation, o.env.ID, p); err != nil {
					v.Invalid(fmt.Sprintf("filter.populationIds[%d]", i), "population does not exist")
				}
			}
		}
		if r.Filter.Scim != "" {
			kinds++
			if _, err := scim.Parse(r.Filter.Scim); err != nil {
				v.Invalid("filter.scim", "not a valid SCIM filter: "+err.Error())
			}
		}
		if kinds != 1 {
			v.Invalid("filter", "exactly one of groupIds, populationIds or scim is required")
		}
	}
	if r.DigitalWalletApplication == nil || r.DigitalWalletApplication.ID == "" {
		v.Required("digitalWalletApplication.id")
	} else if _, err := store.Get[model.DigitalWalletApplication](o.tx, model.KindWalletApp, o.env.ID, r.DigitalWalletApplication.ID); err != nil {
		v.Invalid("digitalWalletApplication.id", "digital wallet application does not exist")
	}
	if err := validateNotification(r.Notification); err != nil {
		return err
	}
	return v.Err()
}

func (o *Op) CreateRule(ctID string, in *model.IssuanceRule) (*model.IssuanceRule, error) {
	ct, err := o.GetCredentialType(ctID)
	if err != nil {
		return nil, err
	}
	if ct.Mode() == model.ModeManaged {
		return nil, model.ConstraintViolation("credentialType.id", "a MANAGED credential type cannot have an issuance rule")
	}
	existing, err := o.RulesOf(ctID)
	if err != nil {
		return nil, err
	}
	if len(existing) > 0 {
		return nil, model.ConstraintViolation("credentialType.id", "the credential type already has an issuance rule")
	}
	r := *in
	r.Links = nil
	if err := o.validateRule(&r); err != nil {
		return nil, err
	}
	r.ID, r.Environment, r.CredentialType = uuid.NewString(), model.Ref{ID: o.env.ID}, model.Ref{ID: ctID}
	r.CreatedAt, r.UpdatedAt = model.NewTime(o.now), model.NewTime(o.now)
	if err := o.tx.Put(model.KindIssuanceRule, o.env.ID, ctID, r.ID, &r); err != nil {
		return nil, fmt.Errorf("create issuance rule: %w", err)
	}
	o.record(model.KindIssuanceRule, r.ID, "created")
	if err := o.evaluateRule(&r, ct, ""); err != nil {
		return nil, fmt.Errorf("create issuance rule: %w", err)
	}
	return &r, nil
}

func (o *Op) UpdateRule(ctID, id string, in *model.IssuanceRule) (*model.IssuanceRule, error) {
	old, ct, err := o.GetRule(ctID, id)
	if err != nil {
		return nil, err
	}
	r := *in
	r.Links = nil
	if r.Status == model.RuleActive && ct.Mode() == model.ModeManaged {
		return nil, model.ConstraintViolation("status", "a rule of a MANAGED credential type cannot be ACTIVE")
	}
	if err := o.validateRule(&r); err != nil {
		return nil, err
	}
	r.ID, r.Environment, r.CredentialType, r.CreatedAt = old.ID, old.Environment, old.CredentialType, old.CreatedAt
	r.UpdatedAt = model.NewTime(o.now)
	if err := o.tx.Put(model.KindIssuanceRule, o.env.ID, ctID, r.ID, &r); err != nil {
		return nil, fmt.Errorf("update issuance rule: %w", err)
	}
	o.record(model.KindIssuanceRule, r.ID, "updated")
	if err := o.evaluateRule(&r, ct, ""); err != nil {
		return nil, fmt.Errorf("update issuance rule: %w", err)
	}
	return &r, nil
}

// DeleteRule removes a rule and its staged changes; issued credentials stay.
func (o *Op) DeleteRule(r *model.IssuanceRule) error {
	staged, err := store.List[model.StagedChange](o.tx, model.KindStagedChange, o.env.ID, r.ID)
	if err != nil {
		return err
	}
	for _, sc := range staged {
		if err := o.tx.Del(model.KindStagedChange, o.env.ID, sc.ID); err != nil {
			return err
		}
	}
	if err := o.tx.Del(model.KindIssuanceRule, o.env.ID, r.ID); err != nil {
		return err
	}
	o.record(model.KindIssuanceRule, r.ID, "deleted")
	return nil
}

// ruleSelects reports whether the rule's filter picks the user.
func ruleSelects(r *model.IssuanceRule, u *model.User) bool {
	if r.Filter == nil {
		return false
	}
	switch {
	case len(r.Filter.PopulationIDs) > 0:
		return u.Population != nil && slices.Contains(r.Filter.PopulationIDs, u.Population.ID)
	case len(r.Filter.GroupIDs) > 0:
		for _, g := range u.MemberOfGroupIDs {
			if slices.Contains(r.Filter.GroupIDs, g) {
				return true
			}
		}
		return false
	case r.Filter.Scim != "":
		f, err := scim.Parse(r.Filter.Scim)
		return err == nil && f.Match(userAttributes(u))
	}
	return false
}

// pendingAction decides what the rule owes a user: ISSUE to a selected user
// without a live credential, REVOKE from an unselected holder, UPDATE when
// the holder's stored values or type version are stale; "" when nothing.
func (o *Op) pendingAction(r *model.IssuanceRule, ct *model.CredentialType, u *model.User) (string, *model.CredentialRecord, error) {
	creds, err := o.CredentialsOf(u.ID)
	if err != nil {
		return "", nil, err
	}
	var live *model.CredentialRecord
	for _, c := range creds {
		if c.Credential.CredentialType.ID == ct.ID && isLive(c.Credential.Status) {
			live = c
		}
	}
	selected := ruleSelects(r, u)
	switch {
	case selected && live == nil:
		return model.ActionIssue, nil, nil
	case !selected && live != nil:
		return model.ActionRevoke, live, nil
	case selected && live != nil:
		_, fresh := o.fieldValues(ct, u, nil)
		if live.TypeVersion != ct.Version.Number || !sameIgnoringIssuedAt(ct, live.Values, fresh) {
			return model.ActionUpdate, live, nil
		}
	}
	return "", live, nil
}

func sameIgnoringIssuedAt(ct *model.CredentialType, a, b map[string]string) bool {
	a, b = maps.Clone(a), maps.Clone(b)
	for _, f := range ct.Metadata.Fields {
		if f.Type == model.FieldIssuedAt {
			delete(a, f.ID)
			delete(b, f.ID)
		}
	}
	return maps.Equal(a, b)
}

// evaluateRule brings the users (all, or just onlyUserID) in line with an
// ACTIVE rule: PERIODIC actions happen now, ON_DEMAND ones are staged.
func (o *Op) evaluateRule(r *model.IssuanceRule, ct *model.CredentialType, onlyUserID string) error {
	if r.Status != model.RuleActive || ct.Mode() != model.ModeAutomated || ct.DeletedAt != nil {
		return nil
	}
	var users []*model.User
	if onlyUserID != "" {
		u, err := o.GetUser(onlyUserID)
		if err != nil {
			return err
		}
		users = []*model.User{u}
	} else {
		var err error
		if users, err = o.ListUsers(); err != nil {
			return err
		}
	}
	staged, err := store.List[model.StagedChange](o.tx, model.KindStagedChange, o.env.ID, r.ID)
	if err != nil {
		return err
	}
	for _, u := range users {
		action, live, err := o.pendingAction(r, ct, u)
		if err != nil {
			return err
		}
		// A staged change that no longer matches what is owed is stale.
		for _, sc := range staged {
			if sc.User.ID == u.ID && sc.Action != action {
				if err := o.tx.Del(model.KindStagedChange, o.env.ID, sc.ID); err != nil {
					return err
				}
			}
		}
		if action == "" {
			continue
		}
		if r.Automation.ModeFor(action) == model.AutomationPeriodic {
			if err := o.applyRuleAction(r, ct, u, action, live); err != nil {
				return err
			}
			continue
		}
		if err := o.stage(r, u, action, staged); err != nil {
			return err
		}
	}
	return nil
}

func (o *Op) stage(r *model.IssuanceRule, u *model.User, action string, staged []*model.StagedChange) error {
	for _, sc := range staged {
		if sc.User.ID == u.ID && sc.Action == action {
			return nil
		}
	}
	sc := &model.StagedChange{ID: uuid.NewString(), Environment: model.Ref{ID: o.env.ID}, Action: action, Scheduled: true,
		User: model.Ref{ID: u.ID}, CredentialType: r.CredentialType, IssuanceRule: model.Ref{ID: r.ID}, CreatedAt: model.NewTime(o.now)}
	if err := o.tx.Put(model.KindStagedChange, o.env.ID, r.ID, sc.ID, sc); err != nil {
		return fmt.Errorf("stage change: %w", err)
	}
	o.record(model.KindStagedChange, sc.ID, "created")
	return nil
}

func (o *Op) applyRuleAction(r *model.IssuanceRule, ct *model.CredentialType, u *model.User, action string, live *model.CredentialRecord) error {
	switch action {
	case model.ActionIssue:
		var expires *model.Time
		if ct.Expiration != nil && ct.Expiration.After != nil {
			expires = model.TimePtr(o.now.Add(expirationSpan(ct.Expiration.After)))
		}
		_, err := o.issueCredential(issueInput{user: u, ct: ct, ruleID: r.ID, walletAppID: refID(r.DigitalWalletApplication),
			expiresAt: expires, notification: r.Notification})
		return err
	case model.ActionUpdate:
		return o.reissue(live, ct, nil)
	default:
		return o.RevokeCredential(live)
	}
}

// evaluateRulesForUser runs every ACTIVE rule of the environment for one user.
func (o *Op) evaluateRulesForUser(u *model.User) error {
	rules, err := store.List[model.IssuanceRule](o.tx, model.KindIssuanceRule, o.env.ID, "")
	if err != nil {
		return err
	}
	for _, r := range rules {
		if r.Status != model.RuleActive {
			continue
		}
		ct, err := o.GetCredentialType(r.CredentialType.ID)
		if err != nil {
			continue
		}
		if err := o.evaluateRule(r, ct, u.ID); err != nil {
			return err
		}
	}
	return nil
}

// ApplyStagedChanges applies the listed users' staged changes of a rule.
func (o *Op) ApplyStagedChanges(ctID, ruleID string, req *StagedChangesRequest) error {
	r, ct, err := o.GetRule(ctID, ruleID)
	if err != nil {
		return err
	}
	staged, err := store.List[model.StagedChange](o.tx, model.KindStagedChange, o.env.ID, ruleID)
	if err != nil {
		return err
	}
	for _, group := range []struct {
		action, target string
		ids            []string
	}{{model.ActionIssue, "issue", req.Issue}, {model.ActionUpdate, "update", req.Update}, {model.ActionRevoke, "revoke", req.Revoke}} {
		for i, userID := range group.ids {
			idx := slices.IndexFunc(staged, func(sc *model.StagedChange) bool { return sc.User.ID == userID && sc.Action == group.action })
			if idx < 0 {
				return model.InvalidValue(fmt.Sprintf("%s[%d]", group.target, i), "no staged "+group.action+" for this user")
			}
			u, err := o.GetUser(userID)
			if err != nil {
				return err
			}
			action, live, err := o.pendingAction(r, ct, u)
			if err != nil {
				return err
			}
			if action == group.action {
				if err := o.applyRuleAction(r, ct, u, action, live); err != nil {
					return err
				}
			}
			if err := o.tx.Del(model.KindStagedChange, o.env.ID, staged[idx].ID); err != nil {
				return err
			}
			o.record(model.KindStagedChange, staged[idx].ID, "applied")
		}
	}
	return nil
}

// StagedChangesRequest lists users whose staged changes are to be applied.
type StagedChangesRequest struct {
	Issue  []string `json:"issue,omitempty"`
	Update []string `json:"update,omitempty"`
	Revoke []string `json:"revoke,omitempty"`
}

func (o *Op) UsageCounts(ctID, ruleID string) (*model.UsageCounts, error) {
	if _, _, err := o.GetRule(ctID, ruleID); err != nil {
		return nil, err
	}
	recs, err := store.List[model.CredentialRecord](o.tx, model.KindUserCredential, o.env.ID, "")
	if err != nil {
		return nil, err
	}
	c := &model.UsageCounts{}
	for _, rec := range recs {
		if rec.IssuanceRuleID != ruleID {
			continue
		}
		c.Issued++
		c.Updated += rec.Updates
		if rec.Credential.Status == model.CredentialRevoked {
			c.Revoked++
		}
		pcs, err := o.ProvisionedOf(rec.Credential.ID)
		if err != nil {
			return nil, err
		}
		if slices.ContainsFunc(pcs, func(pc *model.ProvisionedCredential) bool { return pc.Status == model.ProvisionedAccepted }) {
			c.Accepted++
		}
	}
	return c, nil
}

// EvaluateRules runs every ACTIVE issuance rule of the environment over all
// users, as PingOne's periodic job would: PERIODIC actions are applied and
// ON_DEMAND ones staged.
func (p *Platform) EvaluateRules(ctx context.Context, envID string) error {
	err := p.Run(ctx, envID, func(o *Op) error { return o.EvaluateRules() })
	if err != nil {
		return fmt.Errorf("evaluate rules: %w", err)
	}
	return nil
}

// EvaluateRules runs every ACTIVE issuance rule of the environment over
// all users (see Platform.EvaluateRules).
func (o *Op) EvaluateRules() error {
	rules, err := store.List[model.IssuanceRule](o.tx, model.KindIssuanceRule, o.env.ID, "")
	if err != nil {
		return err
	}
	for _, r := range rules {
		ct, err := o.GetCredentialType(r.CredentialType.ID)
		if err != nil {
			continue
		}
		if err := o.evaluateRule(r, ct, ""); err != nil {
			return err
		}
	}
	return nil
}

// StagedChangesOf lists a rule's staged changes.
func (o *Op) StagedChangesOf(ruleID string) ([]*model.StagedChange, error) {
	return store.List[model.StagedChange](o.tx, model.KindStagedChange, o.env.ID, ruleID)
}
