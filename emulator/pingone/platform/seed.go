package platform

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

// Seed describes an environment and its content in YAML. Things refer to
// each other by name (populations, groups, apps), username (users) and
// title (credential types). Credential types use the API's JSON field names.
//
// Seed is a plain yaml.v3 target: a document can embed it (e.g. under a
// `pingone:` key) and decode it with a KnownFields(true) decoder to get the
// same strictness as DecodeSeed.
type Seed struct {
	Environment               SeedEnvironment         `yaml:"environment"`
	CredentialIssuerProfile   *SeedIssuerProfile      `yaml:"credentialIssuerProfile,omitempty"`
	Populations               []SeedNamed             `yaml:"populations,omitempty"`
	Groups                    []SeedNamed             `yaml:"groups,omitempty"`
	Users                     []SeedUser              `yaml:"users,omitempty"`
	DigitalWalletApplications []SeedWalletApp         `yaml:"digitalWalletApplications,omitempty"`
	Wallets                   []SeedWallet            `yaml:"wallets,omitempty"`
	CredentialTypes           []SeedCredentialType    `yaml:"credentialTypes,omitempty"`
	IssuanceRules             []SeedIssuanceRule      `yaml:"issuanceRules,omitempty"`
	Credentials               []SeedCredential        `yaml:"credentials,omitempty"`
	VerifyTransactions        []SeedVerifyTransaction `yaml:"verifyTransactions,omitempty"`
}

// SeedEnvironment names the environment and its worker client. Empty ids
// and secrets are generated.
type SeedEnvironment struct {
	ID           string `yaml:"id,omitempty"`
	Name         string `yaml:"name,omitempty"`
	Region       string `yaml:"region,omitempty"`
	ClientID     string `yaml:"clientId,omitempty"`
	ClientSecret string `yaml:"clientSecret,omitempty"`
}

// SeedIssuerProfile overrides the issuer profile created for every seeded
// environment; skip: true creates none.
type SeedIssuerProfile struct {
	Skip    bool   `yaml:"skip,omitempty"`
	Name    string `yaml:"name,omitempty"`
	SiteURL string `yaml:"siteUrl,omitempty"`
	Logo    string `yaml:"logo,omitempty"`
}

// SeedNamed is a population or group.
type SeedNamed struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description,omitempty"`
}

// SeedUser is a user; population and groups are names.
type SeedUser struct {
	Username          string          `yaml:"username"`
	Email             string          `yaml:"email,omitempty"`
	Name              *model.UserName `yaml:"name,omitempty"`
	Nickname          string          `yaml:"nickname,omitempty"`
	Title             string          `yaml:"title,omitempty"`
	PreferredLanguage string          `yaml:"preferredLanguage,omitempty"`
	Locale            string          `yaml:"locale,omitempty"`
	Timezone          string          `yaml:"timezone,omitempty"`
	AccountID         string          `yaml:"accountId,omitempty"`
	Type              string          `yaml:"type,omitempty"`
	PrimaryPhone      string          `yaml:"primaryPhone,omitempty"`
	MobilePhone       string          `yaml:"mobilePhone,omitempty"`
	Address           *model.Address  `yaml:"address,omitempty"`
	Population        string          `yaml:"population,omitempty"`
	Groups            []string        `yaml:"groups,omitempty"`
	Enabled           *bool           `yaml:"enabled,omitempty"`
}

// SeedWalletApp is a digital wallet application.
type SeedWalletApp struct {
	Name                 string `yaml:"name"`
	AppOpenURL           string `yaml:"appOpenUrl"`
	ApplicationID        string `yaml:"applicationId,omitempty"`
	UsesPingOneWalletSDK *bool  `yaml:"usesPingOneWalletSDK,omitempty"`
}

// SeedWallet is a user's wallet, already paired when paired is true.
type SeedWallet struct {
	User        string `yaml:"user"`
	Application string `yaml:"application"`
	Name        string `yaml:"name,omitempty"`
	Paired      bool   `yaml:"paired,omitempty"`
}

// SeedCredentialType is a credential type written with the API's JSON
// field names, checked as strictly as the rest of the seed.
type SeedCredentialType struct {
	model.CredentialType
	line int
}

func (s *SeedCredentialType) UnmarshalYAML(n *yaml.Node) error {
	s.line = n.Line
	var generic any
	if err := n.Decode(&generic); err != nil {
		return err
	}
	b, err := json.Marshal(generic)
	if err != nil {
		return fmt.Errorf("line %d: credential type: %w", n.Line, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s.CredentialType); err != nil {
		return fmt.Errorf("line %d: credential type: %w", n.Line, err)
	}
	return nil
}

// SeedIssuanceRule is a rule of the credential type with this title.
type SeedIssuanceRule struct {
	CredentialType           string              `yaml:"credentialType"`
	DigitalWalletApplication string              `yaml:"digitalWalletApplication"`
	Status                   string              `yaml:"status,omitempty"`
	Filter                   SeedFilter          `yaml:"filter"`
	Automation               *model.Automation   `yaml:"automation,omitempty"`
	Notification             *model.Notification `yaml:"notification,omitempty"`
}

// SeedFilter selects users by population/group names or ids, or SCIM.
type SeedFilter struct {
	Populations   []string `yaml:"populations,omitempty"`
	PopulationIDs []string `yaml:"populationIds,omitempty"`
	Groups        []string `yaml:"groups,omitempty"`
	GroupIDs      []string `yaml:"groupIds,omitempty"`
	Scim          string   `yaml:"scim,omitempty"`
}

// SeedCredential issues a MANAGED credential without data.
type SeedCredential struct {
	User           string      `yaml:"user"`
	CredentialType string      `yaml:"credentialType"`
	ExpiresAt      *model.Time `yaml:"expiresAt,omitempty"`
}

// SeedVerifyTransaction is a finished or running Verify transaction.
type SeedVerifyTransaction struct {
	User               string             `yaml:"user"`
	ID                 string             `yaml:"id,omitempty"`
	Status             string             `yaml:"status"`
	VerificationStatus map[string]string  `yaml:"verificationStatus,omitempty"`
	VerifiedDocuments  string             `yaml:"verifiedDocuments,omitempty"`
	CreatedAt          *model.Time        `yaml:"createdAt,omitempty"`
	UpdatedAt          *model.Time        `yaml:"updatedAt,omitempty"`
	MetaData           []SeedMetaData     `yaml:"metaData,omitempty"`
	VerifiedData       []SeedVerifiedData `yaml:"verifiedData,omitempty"`
}

// SeedMetaData is one Verify metadata entry.
type SeedMetaData struct {
	Provider string       `yaml:"provider"`
	Type     string       `yaml:"type"`
	Status   string       `yaml:"status"`
	Data     any          `yaml:"data,omitempty"`
	Retry    *model.Retry `yaml:"retry,omitempty"`
}

// SeedVerifiedData is one verified data entry.
type SeedVerifiedData struct {
	Type      string       `yaml:"type"`
	Data      any          `yaml:"data,omitempty"`
	Retry     *model.Retry `yaml:"retry,omitempty"`
	CreatedAt *model.Time  `yaml:"createdAt,omitempty"`
}

// LoadSeed reads and strictly decodes a seed file.
func LoadSeed(path string) (*Seed, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load seed: %w", err)
	}
	return DecodeSeed(b, path)
}

var yamlLinePattern = regexp.MustCompile(`line (\d+): `)

// DecodeSeed strictly decodes seed YAML; name (usually the file path)
// prefixes errors as "name:LINE: problem".
func DecodeSeed(data []byte, name string) (*Seed, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var s Seed
	if err := dec.Decode(&s); err != nil {
		return nil, seedError(name, err)
	}
	return &s, nil
}

func seedError(name string, err error) error {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for i, m := range msgs {
		m = strings.TrimPrefix(m, "yaml: ")
		if loc := yamlLinePattern.FindStringSubmatchIndex(m); loc != nil {
			m = m[:loc[0]] + name + ":" + m[loc[2]:loc[3]] + ": " + m[loc[1]:]
		} else {
			m = name + ": " + m
		}
		msgs[i] = m
	}
	return fmt.Errorf("seed: %s", strings.Join(msgs, "; "))
}
