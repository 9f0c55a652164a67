package platform

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/bindings/verify/enums"
	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// SeedResult tells what ApplySeed created.
type SeedResult struct {
	EnvironmentID   string
	Region          string
	ClientID        string
	ClientSecret    string
	IssuerProfileID string
	// Ids by name, username or title.
	Populations               map[string]string
	Groups                    map[string]string
	Users                     map[string]string
	DigitalWalletApplications map[string]string
	// Wallets by "username/application name".
	Wallets            map[string]string
	CredentialTypes    map[string]string
	IssuanceRules      map[string]string // by credential type title
	Credentials        []string
	VerifyTransactions []string
}

// ErrEnvironmentExists is returned by ApplySeed when the seed's
// environment id is already in the store.
var ErrEnvironmentExists = errors.New("environment already exists")

// RegionDomain is the top-level domain of a PingOne region (see
// enums.RegionDomain); North America's, "com", for a code that names no
// region.
func RegionDomain(region string) string {
	if d, ok := enums.RegionDomain(region); ok {
		return d
	}
	return "com"
}

func randomSecret() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// ApplySeed creates the seed's environment and everything in it in one
// transaction: a broken seed leaves the store untouched. It does not change
// s, so one seed can be applied many times, concurrently too.
func (p *Platform) ApplySeed(ctx context.Context, s *Seed) (*SeedResult, error) {
	env := &store.Environment{ID: s.Environment.ID, Name: s.Environment.Name, Region: strings.ToUpper(s.Environment.Region),
		ClientID: s.Environment.ClientID, ClientSecret: s.Environment.ClientSecret, CreatedAt: p.now()}
	if env.ID == "" {
		env.ID = uuid.NewString()
	} else if _, err := uuid.Parse(env.ID); err != nil {
		return nil, fmt.Errorf("apply seed: environment.id %q is not a UUID", env.ID)
	}
	if env.Region == "" {
		env.Region = "NA"
	}
	if env.ClientID == "" {
		env.ClientID = uuid.NewString()
	}
	if env.ClientSecret == "" {
		env.ClientSecret = randomSecret()
	}
	res := &SeedResult{EnvironmentID: env.ID, Region: env.Region, ClientID: env.ClientID, ClientSecret: env.ClientSecret,
		Populations: map[string]string{}, Groups: map[string]string{}, Users: map[string]string{},
		DigitalWalletApplications: map[string]string{}, Wallets: map[string]string{},
		CredentialTypes: map[string]string{}, IssuanceRules: map[string]string{}}
	var o *Op
	err := p.inTx(ctx, func(t *store.Tx) error {
		if _, err := loadEnvironment(t, env.ID); err == nil {
			return fmt.Errorf("%s: %w", env.ID, ErrEnvironmentExists)
		}
		if err := insertEnvironment(t, env); err != nil {
			return err
		}
		o = &Op{p: p, tx: t, env: env, now: p.now()}
		o.record("environment", env.ID, "created")
		return o.applySeed(s, res)
	})
	if err != nil {
		return nil, fmt.Errorf("apply seed: %w", err)
	}
	p.committed(ctx, o)
	return res, nil
}

// seedFail names the seed entry a failure belongs to.
func seedFail(what string, err error) error { return fmt.Errorf("%s: %w", what, err) }

func (o *Op) applySeed(s *Seed, res *SeedResult) error {
	if err := o.seedDirectory(s, res); err != nil {
		return err
	}
	for i, a := range s.DigitalWalletApplications {
		appID := a.ApplicationID
		if appID == "" {
			appID = uuid.NewString()
		}
		app, err := o.PutWalletApp(nil, &model.DigitalWalletApplication{Name: a.Name, AppOpenURL: a.AppOpenURL,
			Application: &model.Ref{ID: appID}, UsesPingOneWalletSDK: a.UsesPingOneWalletSDK})
		if err != nil {
			return seedFail(fmt.Sprintf("digitalWalletApplications[%d]", i), err)
		}
		res.DigitalWalletApplications[a.Name] = app.ID
	}
	for i, w := range s.Wallets {
		what := fmt.Sprintf("wallets[%d]", i)
		userID, err := lookup(res.Users, "user", w.User)
		if err != nil {
			return seedFail(what, err)
		}
		appID, err := lookup(res.DigitalWalletApplications, "digital wallet application", w.Application)
		if err != nil {
			return seedFail(what, err)
		}
		wallet, err := o.CreateWallet(userID, &WalletRequest{DigitalWalletApplication: &model.Ref{ID: appID}, Name: w.Name})
		if err != nil {
			return seedFail(what, err)
		}
		if w.Paired {
			if _, err := o.PairWallet(wallet.ID, wallet.PairingSession.Challenge); err != nil {
				return seedFail(what, err)
			}
		}
		res.Wallets[w.User+"/"+w.Application] = wallet.ID
	}
	if err := o.seedCredentials(s, res); err != nil {
		return err
	}
	return o.seedVerify(s, res)
}

func (o *Op) seedDirectory(s *Seed, res *SeedResult) error {
	if ip := s.CredentialIssuerProfile; ip == nil || !ip.Skip {
		name := o.env.Name
		if name == "" {
			name = "journeyjs"
		}
		profile := &model.IssuerProfile{Name: name}
		if ip != nil && ip.Name != "" {
			profile = &model.IssuerProfile{Name: ip.Name, SiteURL: ip.SiteURL, Logo: ip.Logo}
		}
		created, _, err := o.PutIssuerProfile(profile, false)
		if err != nil {
			return seedFail("credentialIssuerProfile", err)
		}
		res.IssuerProfileID = created.ID
	}
	pops := s.Populations
	if len(pops) == 0 {
		pops = []SeedNamed{{Name: "Default"}}
	}
	for i, sp := range pops {
		pop, err := o.CreatePopulation(&model.Population{Name: sp.Name, Description: sp.Description})
		if err != nil {
			return seedFail(fmt.Sprintf("populations[%d]", i), err)
		}
		res.Populations[sp.Name] = pop.ID
	}
	for i, sg := range s.Groups {
		g, err := o.CreateGroup(&model.Group{Name: sg.Name, Description: sg.Description})
		if err != nil {
			return seedFail(fmt.Sprintf("groups[%d]", i), err)
		}
		res.Groups[sg.Name] = g.ID
	}
	for i, su := range s.Users {
		what := fmt.Sprintf("users[%d] (%s)", i, su.Username)
		u := &model.User{Username: su.Username, Email: su.Email, Name: su.Name, Nickname: su.Nickname, Title: su.Title,
			PreferredLanguage: su.PreferredLanguage, Locale: su.Locale, Timezone: su.Timezone, AccountID: su.AccountID,
			Type: su.Type, PrimaryPhone: su.PrimaryPhone, MobilePhone: su.MobilePhone, Address: su.Address}
		if su.Population != "" {
			id, err := lookup(res.Populations, "population", su.Population)
			if err != nil {
				return seedFail(what, err)
			}
			u.Population = &model.Ref{ID: id}
		}
		groups, err := lookupAll(res.Groups, "group", su.Groups)
		if err != nil {
			return seedFail(what, err)
		}
		u.MemberOfGroupIDs = groups
		created, err := o.CreateUser(u, su.Enabled)
		if err != nil {
			return seedFail(what, err)
		}
		res.Users[su.Username] = created.ID
	}
	return nil
}

// lookup resolves a name the seed refers to into the id created for it.
func lookup(ids map[string]string, what, name string) (string, error) {
	id, ok := ids[name]
	if !ok {
		return "", fmt.Errorf("unknown %s %q", what, name)
	}
	return id, nil
}

// lookupAll resolves several names; nil for none.
func lookupAll(ids map[string]string, what string, names []string) ([]string, error) {
	var out []string
	for _, n := range names {
		id, err := lookup(ids, what, n)
		if err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}

func (o *Op) seedCredentials(s *Seed, res *SeedResult) error {
	for i, sc := range s.CredentialTypes {
		ct, err := o.CreateCredentialType(&sc.CredentialType)
		if err != nil {
			return seedFail(fmt.Sprintf("credentialTypes[%d] (line %d, %q)", i, sc.line, sc.Title), err)
		}
		res.CredentialTypes[ct.Title] = ct.ID
	}
	for i, sr := range s.IssuanceRules {
		what := fmt.Sprintf("issuanceRules[%d]", i)
		ctID, err := lookup(res.CredentialTypes, "credential type", sr.CredentialType)
		if err != nil {
			return seedFail(what, err)
		}
		appID, err := lookup(res.DigitalWalletApplications, "digital wallet application", sr.DigitalWalletApplication)
		if err != nil {
			return seedFail(what, err)
		}
		pops, err := lookupAll(res.Populations, "population", sr.Filter.Populations)
		if err != nil {
			return seedFail(what, err)
		}
		groups, err := lookupAll(res.Groups, "group", sr.Filter.Groups)
		if err != nil {
			return seedFail(what, err)
		}
		rule := &model.IssuanceRule{DigitalWalletApplication: &model.Ref{ID: appID}, Status: sr.Status, Automation: sr.Automation,
			Notification: sr.Notification, Filter: &model.RuleFilter{PopulationIDs: append(pops, sr.Filter.PopulationIDs...),
				GroupIDs: append(groups, sr.Filter.GroupIDs...), Scim: sr.Filter.Scim}}
		if rule.Status == "" {
			rule.Status = model.RuleActive
		}
		if rule.Automation == nil {
			rule.Automation = &model.Automation{Issue: model.AutomationPeriodic, Update: model.AutomationPeriodic, Revoke: model.AutomationPeriodic}
		}
		created, err := o.CreateRule(ctID, rule)
		if err != nil {
			return seedFail(what, err)
		}
		res.IssuanceRules[sr.CredentialType] = created.ID
	}
	for i, sc := range s.Credentials {
		what := fmt.Sprintf("credentials[%d]", i)
		userID, err := lookup(res.Users, "user", sc.User)
		if err != nil {
			return seedFail(what, err)
		}
		ctID, err := lookup(res.CredentialTypes, "credential type", sc.CredentialType)
		if err != nil {
			return seedFail(what, err)
		}
		rec, err := o.CreateManagedCredential(userID, &CredentialRequest{CredentialType: &model.Ref{ID: ctID}, ExpiresAt: sc.ExpiresAt})
		if err != nil {
			return seedFail(what, err)
		}
		res.Credentials = append(res.Credentials, rec.Credential.ID)
	}
	return nil
}

func toRawJSON(v any) (json.RawMessage, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	return b, err
}

func (o *Op) seedVerify(s *Seed, res *SeedResult) error {
	for i, sv := range s.VerifyTransactions {
		what := fmt.Sprintf("verifyTransactions[%d]", i)
		userID, err := lookup(res.Users, "user", sv.User)
		if err != nil {
			return seedFail(what, err)
		}
		if !model.IsVerifyStatus(sv.Status) {
			return seedFail(what, fmt.Errorf("unknown status %q", sv.Status))
		}
		t := &model.VerifyTransaction{ID: sv.ID, TransactionStatus: model.TransactionStatus{Status: sv.Status, VerificationStatus: sv.VerificationStatus},
			VerifiedDocuments: sv.VerifiedDocuments, CreatedAt: model.NewTime(o.now), UpdatedAt: model.NewTime(o.now)}
		if t.ID == "" {
			t.ID = uuid.NewString()
		}
		if sv.CreatedAt != nil {
			t.CreatedAt, t.UpdatedAt = *sv.CreatedAt, *sv.CreatedAt
		}
		if sv.UpdatedAt != nil {
			t.UpdatedAt = *sv.UpdatedAt
		}
		t.ExpiresAt = model.NewTime(t.UpdatedAt.Add(verifiedDataWindow))
		var meta []model.VerifyMetaData
		for j, m := range sv.MetaData {
			data, err := toRawJSON(m.Data)
			if err != nil {
				return seedFail(fmt.Sprintf("%s.metaData[%d]", what, j), err)
			}
			meta = append(meta, model.VerifyMetaData{Provider: m.Provider, Type: m.Type, Status: m.Status, Data: data, Retry: m.Retry})
		}
		var vds []VerifiedDataSeed
		for j, d := range sv.VerifiedData {
			data, err := toRawJSON(d.Data)
			if err != nil {
				return seedFail(fmt.Sprintf("%s.verifiedData[%d]", what, j), err)
			}
			created := d.CreatedAt
			if created == nil {
				created = &t.UpdatedAt
			}
			vds = append(vds, VerifiedDataSeed{Type: d.Type, Data: data, Retry: d.Retry, CreatedAt: created})
		}
		if err := o.addVerifyEvidence(t.ID, meta, vds); err != nil {
			return seedFail(what, err)
		}
		if err := o.putVerifyTransaction(userID, t); err != nil {
			return seedFail(what, err)
		}
		o.record(model.KindVerifyTransaction, t.ID, "created")
		res.VerifyTransactions = append(res.VerifyTransactions, t.ID)
	}
	return nil
}
