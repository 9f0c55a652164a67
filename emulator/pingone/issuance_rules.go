package pingone

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/google/uuid"
)

func (o *op) rulesOf(ctID string) ([]*IssuanceRule, error) {
	return listObj[IssuanceRule](o.tx, kindIssuanceRule, o.env.ID, ctID)
}

func (o *op) getRule(ctID, id string) (*IssuanceRule, *CredentialType, error) {
	ct, err := o.getCredentialType(ctID)
	if err != nil {
		return nil, nil, err
	}
	r, err := getObj[IssuanceRule](o.tx, kindIssuanceRule, o.env.ID, id)
	if err == errNoObject || (err == nil && r.CredentialType.ID != ctID) {
		return nil, nil, notFound()
	}
	return r, ct, err
}

func (o *op) validateRule(r *IssuanceRule) error {
	var v validation
	switch r.Status {
	case RuleActive, RuleDisabled:
	case "":
		v.required("status")
	default:
		v.invalid("status", "must be ACTIVE or DISABLED")
	}
	if r.Automation == nil {
		v.required("automation")
	} else {
		for target, mode := range map[string]string{"automation.issue": r.Automation.Issue,
			"automation.update": r.Automation.Update, "automation.revoke": r.Automation.Revoke} {
			if mode != AutomationPeriodic && mode != AutomationOnDemand {
				v.invalid(target, "must be PERIODIC or ON_DEMAND")
			}
		}
	}
	if r.Filter == nil {
		if r.Status == RuleActive {
			v.add(DetailRequiredValue, "filter", "an ACTIVE rule needs a filter")
		}
	} else {
		kinds := 0
		if len(r.Filter.GroupIDs) > 0 {
			kinds++
			for i, g := range r.Filter.GroupIDs {
				if _, err := getObj[Group](o.tx, kindGroup, o.env.ID, g); err != nil {
					v.invalid(fmt.Sprintf("filter.groupIds[%d]", i), "group does not exist")
				}
			}
		}
		if len(r.Filter.PopulationIDs) > 0 {
			kinds++
			for i, p := range r.Filter.PopulationIDs {
				if _, err := getObj[Population](o.tx, kindPopulation, o.env.ID, p); err != nil {
					v.invalid(fmt.Sprintf("filter.populationIds[%d]", i), "population does not exist")
				}
			}
		}
		if r.Filter.Scim != "" {
			kinds++
			if _, err := parseSCIM(r.Filter.Scim); err != nil {
				v.invalid("filter.scim", "not a valid SCIM filter: "+err.Error())
			}
		}
		if kinds != 1 {
			v.invalid("filter", "exactly one of groupIds, populationIds or scim is required")
		}
	}
	if r.DigitalWalletApplication == nil || r.DigitalWalletApplication.ID == "" {
		v.required("digitalWalletApplication.id")
	} else if _, err := getObj[DigitalWalletApplication](o.tx, kindWalletApp, o.env.ID, r.DigitalWalletApplication.ID); err != nil {
		v.invalid("digitalWalletApplication.id", "digital wallet application does not exist")
	}
	if err := validateNotification(r.Notification); err != nil {
		return err
	}
	return v.err()
}

func (o *op) createRule(ctID string, in *IssuanceRule) (*IssuanceRule, error) {
	ct, err := o.getCredentialType(ctID)
	if err != nil {
		return nil, err
	}
	if ct.mode() == ModeManaged {
		return nil, constraintViolation("credentialType.id", "a MANAGED credential type cannot have an issuance rule")
	}
	existing, err := o.rulesOf(ctID)
	if err != nil {
		return nil, err
	}
	if len(existing) > 0 {
		return nil, constraintViolation("credentialType.id", "the credential type already has an issuance rule")
	}
	r := *in
	r.Links = nil
	if err := o.validateRule(&r); err != nil {
		return nil, err
	}
	r.ID, r.Environment, r.CredentialType = uuid.NewString(), Ref{ID: o.env.ID}, Ref{ID: ctID}
	r.CreatedAt, r.UpdatedAt = newTime(o.now), newTime(o.now)
	if err := o.tx.put(kindIssuanceRule, o.env.ID, ctID, r.ID, &r); err != nil {
		return nil, fmt.Errorf("create issuance rule: %w", err)
	}
	o.record(kindIssuanceRule, r.ID, "created")
	if err := o.evaluateRule(&r, ct, ""); err != nil {
		return nil, fmt.Errorf("create issuance rule: %w", err)
	}
	return &r, nil
}

func (o *op) updateRule(ctID, id string, in *IssuanceRule) (*IssuanceRule, error) {
	old, ct, err := o.getRule(ctID, id)
	if err != nil {
		return nil, err
	}
	r := *in
	r.Links = nil
	if r.Status == RuleActive && ct.mode() == ModeManaged {
		return nil, constraintViolation("status", "a rule of a MANAGED credential type cannot be ACTIVE")
	}
	if err := o.validateRule(&r); err != nil {
		return nil, err
	}
	r.ID, r.Environment, r.CredentialType, r.CreatedAt = old.ID, old.Environment, old.CredentialType, old.CreatedAt
	r.UpdatedAt = newTime(o.now)
	if err := o.tx.put(kindIssuanceRule, o.env.ID, ctID, r.ID, &r); err != nil {
		return nil, fmt.Errorf("update issuance rule: %w", err)
	}
	o.record(kindIssuanceRule, r.ID, "updated")
	if err := o.evaluateRule(&r, ct, ""); err != nil {
		return nil, fmt.Errorf("update issuance rule: %w", err)
	}
	return &r, nil
}

// deleteRule removes a rule and its staged changes; issued credentials stay.
func (o *op) deleteRule(r *IssuanceRule) error {
	staged, err := listObj[StagedChange](o.tx, kindStagedChange, o.env.ID, r.ID)
	if err != nil {
		return err
	}
	for _, sc := range staged {
		if err := o.tx.del(kindStagedChange, o.env.ID, sc.ID); err != nil {
			return err
		}
	}
	if err := o.tx.del(kindIssuanceRule, o.env.ID, r.ID); err != nil {
		return err
	}
	o.record(kindIssuanceRule, r.ID, "deleted")
	return nil
}

// ruleSelects reports whether the rule's filter picks the user.
func ruleSelects(r *IssuanceRule, u *User) bool {
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
		f, err := parseSCIM(r.Filter.Scim)
		return err == nil && f.match(userAttributes(u))
	}
	return false
}

// pendingAction decides what the rule owes a user: ISSUE to a selected user
// without a live credential, REVOKE from an unselected holder, UPDATE when
// the holder's stored values or type version are stale; "" when nothing.
func (o *op) pendingAction(r *IssuanceRule, ct *CredentialType, u *User) (string, *credentialRecord, error) {
	creds, err := o.credentialsOf(u.ID)
	if err != nil {
		return "", nil, err
	}
	var live *credentialRecord
	for _, c := range creds {
		if c.Credential.CredentialType.ID == ct.ID && isLive(c.Credential.Status) {
			live = c
		}
	}
	selected := ruleSelects(r, u)
	switch {
	case selected && live == nil:
		return ActionIssue, nil, nil
	case !selected && live != nil:
		return ActionRevoke, live, nil
	case selected && live != nil:
		_, fresh := o.fieldValues(ct, u, nil)
		if live.TypeVersion != ct.Version.Number || !sameIgnoringIssuedAt(ct, live.Values, fresh) {
			return ActionUpdate, live, nil
		}
	}
	return "", live, nil
}

func sameIgnoringIssuedAt(ct *CredentialType, a, b map[string]string) bool {
	a, b = maps.Clone(a), maps.Clone(b)
	for _, f := range ct.Metadata.Fields {
		if f.Type == FieldIssuedAt {
			delete(a, f.ID)
			delete(b, f.ID)
		}
	}
	return maps.Equal(a, b)
}

// evaluateRule brings the users (all, or just onlyUserID) in line with an
// ACTIVE rule: PERIODIC actions happen now, ON_DEMAND ones are staged.
func (o *op) evaluateRule(r *IssuanceRule, ct *CredentialType, onlyUserID string) error {
	if r.Status != RuleActive || ct.mode() != ModeAutomated || ct.DeletedAt != nil {
		return nil
	}
	var users []*User
	if onlyUserID != "" {
		u, err := o.getUser(onlyUserID)
		if err != nil {
			return err
		}
		users = []*User{u}
	} else {
		var err error
		if users, err = o.listUsers(); err != nil {
			return err
		}
	}
	staged, err := listObj[StagedChange](o.tx, kindStagedChange, o.env.ID, r.ID)
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
				if err := o.tx.del(kindStagedChange, o.env.ID, sc.ID); err != nil {
					return err
				}
			}
		}
		if action == "" {
			continue
		}
		if r.Automation.modeFor(action) == AutomationPeriodic {
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

func (o *op) stage(r *IssuanceRule, u *User, action string, staged []*StagedChange) error {
	for _, sc := range staged {
		if sc.User.ID == u.ID && sc.Action == action {
			return nil
		}
	}
	sc := &StagedChange{ID: uuid.NewString(), Environment: Ref{ID: o.env.ID}, Action: action, Scheduled: true,
		User: Ref{ID: u.ID}, CredentialType: r.CredentialType, IssuanceRule: Ref{ID: r.ID}, CreatedAt: newTime(o.now)}
	if err := o.tx.put(kindStagedChange, o.env.ID, r.ID, sc.ID, sc); err != nil {
		return fmt.Errorf("stage change: %w", err)
	}
	o.record(kindStagedChange, sc.ID, "created")
	return nil
}

func (o *op) applyRuleAction(r *IssuanceRule, ct *CredentialType, u *User, action string, live *credentialRecord) error {
	switch action {
	case ActionIssue:
		var expires *Time
		if ct.Expiration != nil && ct.Expiration.After != nil {
			expires = timePtr(o.now.Add(expirationSpan(ct.Expiration.After)))
		}
		_, err := o.issueCredential(issueInput{user: u, ct: ct, ruleID: r.ID, walletAppID: refID(r.DigitalWalletApplication),
			expiresAt: expires, notification: r.Notification})
		return err
	case ActionUpdate:
		return o.reissue(live, ct, nil)
	default:
		return o.revokeCredential(live)
	}
}

// evaluateRulesForUser runs every ACTIVE rule of the environment for one user.
func (o *op) evaluateRulesForUser(u *User) error {
	rules, err := listObj[IssuanceRule](o.tx, kindIssuanceRule, o.env.ID, "")
	if err != nil {
		return err
	}
	for _, r := range rules {
		if r.Status != RuleActive {
			continue
		}
		ct, err := o.getCredentialType(r.CredentialType.ID)
		if err != nil {
			continue
		}
		if err := o.evaluateRule(r, ct, u.ID); err != nil {
			return err
		}
	}
	return nil
}

// applyStagedChanges applies the listed users' staged changes of a rule.
func (o *op) applyStagedChanges(ctID, ruleID string, req *StagedChangesRequest) error {
	r, ct, err := o.getRule(ctID, ruleID)
	if err != nil {
		return err
	}
	staged, err := listObj[StagedChange](o.tx, kindStagedChange, o.env.ID, ruleID)
	if err != nil {
		return err
	}
	for _, group := range []struct {
		action, target string
		ids            []string
	}{{ActionIssue, "issue", req.Issue}, {ActionUpdate, "update", req.Update}, {ActionRevoke, "revoke", req.Revoke}} {
		for i, userID := range group.ids {
			idx := slices.IndexFunc(staged, func(sc *StagedChange) bool { return sc.User.ID == userID && sc.Action == group.action })
			if idx < 0 {
				return invalidValue(fmt.Sprintf("%s[%d]", group.target, i), "no staged "+group.action+" for this user")
			}
			u, err := o.getUser(userID)
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
			if err := o.tx.del(kindStagedChange, o.env.ID, staged[idx].ID); err != nil {
				return err
			}
			o.record(kindStagedChange, staged[idx].ID, "applied")
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

func (o *op) usageCounts(ctID, ruleID string) (*UsageCounts, error) {
	if _, _, err := o.getRule(ctID, ruleID); err != nil {
		return nil, err
	}
	recs, err := listObj[credentialRecord](o.tx, kindUserCredential, o.env.ID, "")
	if err != nil {
		return nil, err
	}
	c := &UsageCounts{}
	for _, rec := range recs {
		if rec.IssuanceRuleID != ruleID {
			continue
		}
		c.Issued++
		c.Updated += rec.Updates
		if rec.Credential.Status == CredentialRevoked {
			c.Revoked++
		}
		pcs, err := o.provisionedOf(rec.Credential.ID)
		if err != nil {
			return nil, err
		}
		if slices.ContainsFunc(pcs, func(pc *ProvisionedCredential) bool { return pc.Status == ProvisionedAccepted }) {
			c.Accepted++
		}
	}
	return c, nil
}

// EvaluateRules runs every ACTIVE issuance rule of the environment over all
// users, as PingOne's periodic job would: PERIODIC actions are applied and
// ON_DEMAND ones staged.
func (p *Platform) EvaluateRules(ctx context.Context, envID string) error {
	err := p.run(ctx, envID, func(o *op) error {
		rules, err := listObj[IssuanceRule](o.tx, kindIssuanceRule, o.env.ID, "")
		if err != nil {
			return err
		}
		for _, r := range rules {
			ct, err := o.getCredentialType(r.CredentialType.ID)
			if err != nil {
				continue
			}
			if err := o.evaluateRule(r, ct, ""); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("evaluate rules: %w", err)
	}
	return nil
}
