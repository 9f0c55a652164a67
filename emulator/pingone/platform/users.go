package platform

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/scim"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// userAttributes is the user as a JSON attribute tree, the form SCIM
// filters and Directory Attribute fields read.
func userAttributes(u *model.User) map[string]any {
	c := *u
	c.Links, c.Embedded = nil, nil
	b, _ := json.Marshal(c)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	return m
}

// directoryValue resolves a credential field's attribute on a user. Short
// names of address and name parts (locality, given, ...) are accepted as the
// credential type editor offers them without their parent.
func directoryValue(attrs map[string]any, attribute string) string {
	candidates := []string{attribute}
	if !strings.Contains(attribute, ".") {
		candidates = append(candidates, "address."+attribute, "name."+attribute)
	}
	for _, path := range candidates {
		if v, ok := scim.Lookup(attrs, path); ok && v != nil {
			switch x := v.(type) {
			case string:
				return x
			case map[string]any:
				if id, ok := x["id"].(string); ok {
					return id
				}
			}
			b, _ := json.Marshal(v)
			return string(b)
		}
	}
	return ""
}

func (o *Op) GetUser(id string) (*model.User, error) {
	return foundUser(store.Get[model.User](o.tx, model.KindUser, o.env.ID, id))
}

// foundUser answers a missing user with PingOne's 404.
func foundUser(u *model.User, err error) (*model.User, error) {
	if err == store.ErrNotFound {
		return nil, model.NotFound()
	}
	return u, err
}

func (o *Op) ListPopulations() ([]*model.Population, error) {
	return store.List[model.Population](o.tx, model.KindPopulation, o.env.ID, "")
}

func (o *Op) ListGroups() ([]*model.Group, error) {
	return store.List[model.Group](o.tx, model.KindGroup, o.env.ID, "")
}

func (o *Op) ListUsers() ([]*model.User, error) {
	return store.List[model.User](o.tx, model.KindUser, o.env.ID, "")
}

// UsersMatching lists the users a SCIM filter (?filter= of GET /users, e.g.
// username eq "bjensen") selects, in creation order; a filter that does not
// parse is INVALID_DATA on "filter".
//
// A stored user is its own attribute tree (users are stored without links
// or embedded resources, see saveUser), so the filter reads the documents
// decoded as maps, and only the users it selects are decoded as User.
func (o *Op) UsersMatching(src string) ([]*model.User, error) {
	f, err := scim.Parse(src)
	if err != nil {
		return nil, model.InvalidValue("filter", err.Error())
	}
	trees, err := store.List[map[string]any](o.tx, model.KindUser, o.env.ID, "")
	if err != nil {
		return nil, err
	}
	var out []*model.User
	for _, attrs := range trees {
		if !f.Match(*attrs) {
			continue
		}
		id, _ := (*attrs)["id"].(string)
		u, err := store.Get[model.User](o.tx, model.KindUser, o.env.ID, id)
		if err != nil {
			return nil, fmt.Errorf("filter users: %w", err)
		}
		out = append(out, u)
	}
	return out, nil
}

// defaultPopulation is where users without a population land, created on
// first need the way every PingOne environment has one.
func (o *Op) defaultPopulation() (string, error) {
	pops, err := store.List[model.Population](o.tx, model.KindPopulation, o.env.ID, "")
	if err != nil {
		return "", err
	}
	if len(pops) > 0 {
		return pops[0].ID, nil
	}
	p, err := o.CreatePopulation(&model.Population{Name: "Default"})
	if err != nil {
		return "", err
	}
	return p.ID, nil
}

func (o *Op) validateUser(u *model.User, selfID string) error {
	var v model.Validation
	if strings.TrimSpace(u.Username) == "" {
		v.Required("username")
	} else {
		taken, err := o.usernameTaken(u.Username, selfID)
		if err != nil {
			return err
		}
		if taken {
			v.Add(model.DetailUniquenessViolation, "username", "another user already has this username")
		}
	}
	if u.Email != "" && !strings.Contains(u.Email, "@") {
		v.Invalid("email", "must be an e-mail address")
	}
	if u.Population != nil {
		if _, err := store.Get[model.Population](o.tx, model.KindPopulation, o.env.ID, u.Population.ID); err != nil {
			v.Invalid("population.id", "population does not exist")
		}
	}
	for i, g := range u.MemberOfGroupIDs {
		if _, err := store.Get[model.Group](o.tx, model.KindGroup, o.env.ID, g); err != nil {
			v.Invalid(fmt.Sprintf("memberOfGroupIDs[%d]", i), "group does not exist")
		}
	}
	if u.Lifecycle.Status == "" {
		u.Lifecycle.Status = "ACCOUNT_OK"
	}
	return v.Err()
}

// usernameTaken tells whether a user other than selfID has this username,
// compared case-insensitively. It reads only the usernames, not every user
// document.
func (o *Op) usernameTaken(username, selfID string) (bool, error) {
	taken := false
	err := o.tx.EachUsername(o.env.ID, func(id, other string) bool {
		taken = id != selfID && strings.EqualFold(other, username)
		return !taken
	})
	if err != nil {
		return false, fmt.Errorf("check username: %w", err)
	}
	return taken, nil
}

// CreateUser adds a user and lets the issuance rules look at them.
func (o *Op) CreateUser(in *model.User, enabled *bool) (*model.User, error) {
	u := *in
	u.Links, u.Embedded = nil, nil
	u.ID = uuid.NewString()
	u.Environment = model.Ref{ID: o.env.ID}
	u.CreatedAt, u.UpdatedAt = model.NewTime(o.now), model.NewTime(o.now)
	u.Enabled = enabled == nil || *enabled
	if u.Population == nil || u.Population.ID == "" {
		pop, err := o.defaultPopulation()
		if err != nil {
			return nil, fmt.Errorf("create user: %w", err)
		}
		u.Population = &model.Ref{ID: pop}
	}
	if err := o.validateUser(&u, ""); err != nil {
		return nil, err
	}
	if err := o.tx.Put(model.KindUser, o.env.ID, "", u.ID, &u); err != nil {
		return nil, fmt.Errorf("create user: %w", err)
	}
	o.record(model.KindUser, u.ID, "created")
	if err := o.evaluateRulesForUser(&u); err != nil {
		return nil, fmt.Errorf("create user: %w", err)
	}
	return &u, nil
}

// saveUser validates and stores a changed user, then re-evaluates rules.
func (o *Op) saveUser(old, u *model.User) (*model.User, error) {
	u.Links, u.Embedded = nil, nil
	u.ID, u.Environment, u.CreatedAt = old.ID, old.Environment, old.CreatedAt
	u.UpdatedAt = model.NewTime(o.now)
	if u.Population == nil || u.Population.ID == "" {
		u.Population = old.Population
	}
	if err := o.validateUser(u, old.ID); err != nil {
		return nil, err
	}
	if err := o.tx.Put(model.KindUser, o.env.ID, "", u.ID, u); err != nil {
		return nil, fmt.Errorf("update user: %w", err)
	}
	o.record(model.KindUser, u.ID, "updated")
	if err := o.evaluateRulesForUser(u); err != nil {
		return nil, fmt.Errorf("update user: %w", err)
	}
	return u, nil
}

// ReplaceUser is PUT: the body replaces every mutable attribute; enabled and
// group memberships have their own endpoints and are kept.
func (o *Op) ReplaceUser(id string, in *model.User) (*model.User, error) {
	old, err := o.GetUser(id)
	if err != nil {
		return nil, err
	}
	u := *in
	u.Enabled, u.MemberOfGroupIDs, u.Lifecycle, u.MfaEnabled = old.Enabled, old.MemberOfGroupIDs, old.Lifecycle, old.MfaEnabled
	return o.saveUser(old, &u)
}

// PatchUser is PATCH: a JSON merge patch of the user.
func (o *Op) PatchUser(id string, patch map[string]any) (*model.User, error) {
	old, err := o.GetUser(id)
	if err != nil {
		return nil, err
	}
	merged := mergePatch(userAttributes(old), patch)
	b, _ := json.Marshal(merged)
	var u model.User
	if err := json.Unmarshal(b, &u); err != nil {
		return nil, model.InvalidValue("body", "attributes have the wrong types")
	}
	return o.saveUser(old, &u)
}

func mergePatch(target map[string]any, patch map[string]any) map[string]any {
	for k, pv := range patch {
		if pv == nil {
			delete(target, k)
			continue
		}
		pm, isMap := pv.(map[string]any)
		tm, targetIsMap := target[k].(map[string]any)
		if isMap && targetIsMap {
			target[k] = mergePatch(tm, pm)
		} else {
			target[k] = pv
		}
	}
	return target
}

// DeleteUser removes the user with their credentials, wallets and Verify
// transactions.
func (o *Op) DeleteUser(id string) error {
	if _, err := o.GetUser(id); err != nil {
		return err
	}
	creds, err := o.CredentialsOf(id)
	if err != nil {
		return err
	}
	for _, c := range creds {
		pcs, err := o.ProvisionedOf(c.Credential.ID)
		if err != nil {
			return err
		}
		for _, pc := range pcs {
			if err := o.tx.Del(model.KindProvisionedCredential, o.env.ID, pc.ID); err != nil {
				return err
			}
		}
		if err := o.tx.Del(model.KindUserCredential, o.env.ID, c.Credential.ID); err != nil {
			return err
		}
		o.record(model.KindUserCredential, c.Credential.ID, "deleted")
	}
	wallets, err := store.List[model.DigitalWallet](o.tx, model.KindWallet, o.env.ID, id)
	if err != nil {
		return err
	}
	for _, w := range wallets {
		if err := o.tx.Del(model.KindWallet, o.env.ID, w.ID); err != nil {
			return err
		}
		o.record(model.KindWallet, w.ID, "deleted")
	}
	txs, err := store.List[model.VerifyTransaction](o.tx, model.KindVerifyTransaction, o.env.ID, id)
	if err != nil {
		return err
	}
	for _, t := range txs {
		if err := o.deleteVerifyTransaction(t.ID); err != nil {
			return err
		}
	}
	stagedChanges, err := store.List[model.StagedChange](o.tx, model.KindStagedChange, o.env.ID, "")
	if err != nil {
		return err
	}
	for _, sc := range stagedChanges {
		if sc.User.ID == id {
			if err := o.tx.Del(model.KindStagedChange, o.env.ID, sc.ID); err != nil {
				return err
			}
		}
	}
	if err := o.tx.Del(model.KindUser, o.env.ID, id); err != nil {
		return err
	}
	o.record(model.KindUser, id, "deleted")
	return nil
}

// SetGroupMembership adds or removes a group from a user.
func (o *Op) SetGroupMembership(userID, groupID string, member bool) (*model.User, error) {
	old, err := o.GetUser(userID)
	if err != nil {
		return nil, err
	}
	if _, err := store.Get[model.Group](o.tx, model.KindGroup, o.env.ID, groupID); err != nil {
		if err == store.ErrNotFound {
			return nil, model.InvalidValue("id", "group does not exist")
		}
		return nil, err
	}
	u := *old
	u.MemberOfGroupIDs = slices.DeleteFunc(slices.Clone(old.MemberOfGroupIDs), func(g string) bool { return g == groupID })
	if member {
		u.MemberOfGroupIDs = append(u.MemberOfGroupIDs, groupID)
	}
	return o.saveUser(old, &u)
}

func (o *Op) CreatePopulation(in *model.Population) (*model.Population, error) {
	if strings.TrimSpace(in.Name) == "" {
		return nil, model.RequiredValue("name")
	}
	p := *in
	p.Links = nil
	p.ID, p.Environment = uuid.NewString(), model.Ref{ID: o.env.ID}
	p.CreatedAt, p.UpdatedAt = model.NewTime(o.now), model.NewTime(o.now)
	if err := o.tx.Put(model.KindPopulation, o.env.ID, "", p.ID, &p); err != nil {
		return nil, fmt.Errorf("create population: %w", err)
	}
	o.record(model.KindPopulation, p.ID, "created")
	return &p, nil
}

func (o *Op) CreateGroup(in *model.Group) (*model.Group, error) {
	if strings.TrimSpace(in.Name) == "" {
		return nil, model.RequiredValue("name")
	}
	g := *in
	g.Links = nil
	g.ID, g.Environment = uuid.NewString(), model.Ref{ID: o.env.ID}
	g.CreatedAt, g.UpdatedAt = model.NewTime(o.now), model.NewTime(o.now)
	if err := o.tx.Put(model.KindGroup, o.env.ID, "", g.ID, &g); err != nil {
		return nil, fmt.Errorf("create group: %w", err)
	}
	o.record(model.KindGroup, g.ID, "created")
	return &g, nil
}
