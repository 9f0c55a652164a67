package platform

import (
	"context"
	"testing"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/internal/storetest"
)

// The tests of this package drive the rules directly, inside units of
// work; the HTTP API is tested in package pingone.

// storeKind names a store back end.
type storeKind = storetest.Kind

var (
	forEachStore = storetest.ForEach
	openStore    = storetest.Open
)

// seeded is a platform with the shared test seed applied.
type seeded struct {
	p    *Platform
	seed *SeedResult
	env  string
}

func newSeeded(t *testing.T, kind storeKind) *seeded {
	t.Helper()
	seed, err := LoadSeed("../../../testdata/pingone/seed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2030, 1, 1, 10, 10, 0, 0, time.UTC)
	p := NewPlatform(openStore(t, kind), Options{Clock: func() time.Time { return now }})
	res, err := p.ApplySeed(context.Background(), seed)
	if err != nil {
		t.Fatal(err)
	}
	return &seeded{p: p, seed: res, env: res.EnvironmentID}
}

// user is the id of a seeded user.
func (h *seeded) user(username string) string { return h.seed.Users[username] }

func eq[T comparable](t *testing.T, got, want T, what string) {
	t.Helper()
	if got != want {
		t.Fatalf("%s = %v, want %v", what, got, want)
	}
}
