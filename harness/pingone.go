package harness

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/journeyjs/journeyjs/emulator/pingone"
	"github.com/journeyjs/journeyjs/fixtures"
)

// PingOneExpect reads the local PingOne platform of the run (the fixtures'
// `pingone:` section) after the run.
type PingOneExpect struct {
	// UserCredentials count users' credentials. In YAML it is a list, or
	// one mapping for a single user.
	UserCredentials UserCredentialsList `yaml:"userCredentials" json:"userCredentials,omitempty"`
}

// UserCredentialsList is a list of UserCredentialsExpect that YAML may also
// write as a single mapping.
type UserCredentialsList []UserCredentialsExpect

// UnmarshalYAML accepts a mapping or a list of mappings, refusing unknown
// keys (yaml.v3 does not pass the strict mode on to custom unmarshalers).
func (l *UserCredentialsList) UnmarshalYAML(n *yaml.Node) error {
	items := []*yaml.Node{n}
	switch n.Kind {
	case yaml.SequenceNode:
		items = n.Content
	case yaml.MappingNode:
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			*l = nil
			return nil
		}
		fallthrough
	default:
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: userCredentials: a mapping or a list of mappings (user, status, credentialType, count)", n.Line)}}
	}
	out := make(UserCredentialsList, 0, len(items))
	for _, it := range items {
		if it.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(it.Content); i += 2 {
				switch k := it.Content[i]; k.Value {
				case "user", "status", "credentialType", "count":
				default:
					return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: field %s not found in type harness.UserCredentialsExpect", k.Line, k.Value)}}
				}
			}
		}
		var u UserCredentialsExpect
		if err := it.Decode(&u); err != nil {
			return err
		}
		out = append(out, u)
	}
	*l = out
	return nil
}

// UserCredentialsExpect counts the credentials of one user.
type UserCredentialsExpect struct {
	// User is a username from the seed, or a user id.
	User string `yaml:"user" json:"user"`
	// Status, when set, counts only credentials with this status (ISSUED,
	// PENDING, REVOKED …).
	Status string `yaml:"status" json:"status,omitempty"`
	// CredentialType, when set, counts only credentials of this type (its
	// title in the seed, or its id).
	CredentialType string `yaml:"credentialType" json:"credentialType,omitempty"`
	// Count is the exact number; unset means at least one.
	Count *int `yaml:"count" json:"count,omitempty"`
}

func (u UserCredentialsExpect) String() string {
	s := "credentials of " + u.User
	if u.CredentialType != "" {
		s += " of type " + u.CredentialType
	}
	if u.Status != "" {
		s += " with status " + u.Status
	}
	return s
}

func (p *PingOneExpect) validate() error {
	if p == nil {
		return nil
	}
	for i, u := range p.UserCredentials {
		if u.User == "" {
			return fmt.Errorf("expect.pingone.userCredentials[%d]: user is required", i)
		}
	}
	return nil
}

func (p *PingOneExpect) check(ctx context.Context, env *fixtures.Env) []Failure {
	if p == nil || len(p.UserCredentials) == 0 {
		return nil
	}
	if env == nil || env.PingOne == nil || env.PingOneSeed == nil {
		return []Failure{{Check: "pingone", Message: "pingone: the run has no local PingOne platform (add a pingone: section to the fixtures)"}}
	}
	api, err := newPingOneReader(ctx, env.PingOne, env.PingOneSeed)
	if err != nil {
		return []Failure{{Check: "pingone", Message: "pingone: " + err.Error()}}
	}
	var fs []Failure
	for i, want := range p.UserCredentials {
		name := fmt.Sprintf("pingone.userCredentials[%d]", i)
		userID := lookupID(env.PingOneSeed.Users, want.User)
		typeID := lookupID(env.PingOneSeed.CredentialTypes, want.CredentialType)
		var list struct {
			Embedded struct {
				Items []pingone.UserCredential `json:"items"`
			} `json:"_embedded"`
		}
		if err := api.get(ctx, "users/"+url.PathEscape(userID)+"/credentials", &list); err != nil {
			fs = append(fs, Failure{Check: name, Message: fmt.Sprintf("%s: %s: %v", name, want, err)})
			continue
		}
		var matched, all []string
		for _, c := range list.Embedded.Items {
			line := fmt.Sprintf("%s %q type %s %s", c.ID, c.Title, c.CredentialType.ID, c.Status)
			all = append(all, line)
			if want.Status != "" && !strings.EqualFold(want.Status, c.Status) {
				continue
			}
			if typeID != "" && c.CredentialType.ID != typeID {
				continue
			}
			matched = append(matched, line)
		}
		if (want.Count == nil && len(matched) == 0) || (want.Count != nil && *want.Count != len(matched)) {
			exp := "at least 1"
			if want.Count != nil {
				exp = fmt.Sprint(*want.Count)
			}
			msg := fmt.Sprintf("%s: expected %s %s, found %d", name, exp, want, len(matched))
			if len(all) > 0 {
				msg += "; the user has:\n" + indent(strings.Join(all, "\n"), "  ")
			} else {
				msg += "; the user has no credentials"
			}
			fs = append(fs, Failure{Check: name, Message: msg, Expected: exp, Actual: all})
		}
	}
	return fs
}

// lookupID maps a name from the seed to its id; anything else is taken as an
// id already.
func lookupID(ids map[string]string, name string) string {
	if id, ok := ids[name]; ok {
		return id
	}
	return name
}

// pingOneReader reads the platform through its REST API, in process, with a
// worker token for the seed's application.
type pingOneReader struct {
	h     http.Handler
	env   string
	token string
}

func newPingOneReader(ctx context.Context, p *pingone.Platform, seed *pingone.SeedResult) (*pingOneReader, error) {
	tok, err := p.IssueToken(ctx, seed.EnvironmentID, seed.ClientID, seed.ClientSecret)
	if err != nil {
		return nil, fmt.Errorf("worker token: %v", err)
	}
	return &pingOneReader{h: pingone.NewHandler(p, pingone.HandlerOptions{}), env: seed.EnvironmentID, token: tok.AccessToken}, nil
}

func (r *pingOneReader) get(ctx context.Context, path string, v any) error {
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "https://api.pingone.com/v1/environments/"+r.env+"/"+path, nil)
	req.Header.Set("Authorization", "Bearer "+r.token)
	rec := httptest.NewRecorder()
	r.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return fmt.Errorf("GET %s: %d %s", path, rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	return json.Unmarshal(rec.Body.Bytes(), v)
}
