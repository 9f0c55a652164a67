package pingone

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

func writeSeed(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bad-seed.yaml")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSeedErrorsNameFileAndLine(t *testing.T) {
	cases := map[string]struct{ yaml, want string }{
		"unknown top-level key": {"environment:\n  region: EU\nfrobnicate: true\n", "bad-seed.yaml:3: field frobnicate not found"},
		"unknown user key":      {"users:\n  - username: a\n    shoeSize: 42\n", "bad-seed.yaml:3: field shoeSize not found"},
		"unknown credential type key": {"credentialTypes:\n  - title: X\n    cardDesignTemplate: <svg></svg>\n    metadata: {fields: []}\n" +
			"  - title: Y\n    colour: red\n", `bad-seed.yaml:5: credential type: json: unknown field "colour"`},
		"wrong type": {"wallets:\n  - user: a\n    paired: maybe\n", "bad-seed.yaml:3:"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := platform.LoadSeed(writeSeed(t, c.yaml))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestSeedEmbeddableWithYAML(t *testing.T) {
	var doc struct {
		PingOne *platform.Seed `yaml:"pingone"`
	}
	src := "pingone:\n  environment:\n    region: CA\n  users:\n    - username: zed\n"
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	eq(t, doc.PingOne.Users[0].Username, "zed", "embedded seed")
}

func TestApplySeedIsAllOrNothing(t *testing.T) { forEachStore(t, testApplySeedIsAllOrNothing) }

func testApplySeedIsAllOrNothing(t *testing.T, kind storeKind) {
	p := platform.NewPlatform(openStore(t, kind), platform.Options{})
	envID := "11111111-2222-3333-4444-555555555555"
	bad := &platform.Seed{Environment: platform.SeedEnvironment{ID: envID},
		Users:         []platform.SeedUser{{Username: "a"}},
		IssuanceRules: []platform.SeedIssuanceRule{{CredentialType: "missing"}}}
	if _, err := p.ApplySeed(context.Background(), bad); err == nil || !strings.Contains(err.Error(), `unknown credential type "missing"`) {
		t.Fatalf("err = %v", err)
	}
	envs, err := p.Environments(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	eq(t, len(envs), 0, "nothing left behind")
	if len(p.DrainChanges()) != 0 {
		t.Fatal("a failed seed reported changes")
	}

	good := &platform.Seed{Environment: platform.SeedEnvironment{ID: envID}}
	res, err := p.ApplySeed(context.Background(), good)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, res.EnvironmentID, envID, "env id")
	if res.ClientID == "" || res.ClientSecret == "" || res.Populations["Default"] == "" || res.IssuerProfileID == "" {
		t.Fatalf("defaults missing: %+v", res)
	}
	if _, err := p.ApplySeed(context.Background(), good); !errors.Is(err, platform.ErrEnvironmentExists) {
		t.Fatalf("second apply: %v", err)
	}
}

// TestApplySeedLeavesSeedAlone: ApplySeed fills defaults in on its own
// copies, so one decoded seed can be applied again and again (and from
// several goroutines, as every fixtures Build does).
func TestApplySeedLeavesSeedAlone(t *testing.T) { forEachStore(t, testApplySeedLeavesSeedAlone) }

func testApplySeedLeavesSeedAlone(t *testing.T, kind storeKind) {
	load := func() *platform.Seed {
		s, err := platform.LoadSeed(seedFile)
		if err != nil {
			t.Fatal(err)
		}
		// A credential type with an onDelete but no revokeIssuedCredentials
		// gets that default filled in.
		ct := s.CredentialTypes[0]
		ct.Title += " (partial onDelete)"
		ct.OnDelete = &model.OnDelete{}
		s.CredentialTypes = append(s.CredentialTypes, ct)
		return s
	}
	seed, pristine := load(), load()
	p := platform.NewPlatform(openStore(t, kind), platform.Options{})
	if _, err := p.ApplySeed(context.Background(), seed); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(seed, pristine) {
		t.Fatal("ApplySeed changed the seed it was given")
	}
}
