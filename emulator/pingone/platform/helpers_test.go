package platform

import (
	"context"
	"testing"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// The tests of this package drive the rules directly, inside units of
// work; the HTTP API is tested in package pingone.

// storeKind names a store back end.
type storeKind string

const (
	sqliteStore storeKind = "sqlite"
	memoryStore storeKind = "memory"
)

// forEachStore runs test against every back end, each as a subtest named
// after it.
func forEachStore(t *testing.T, test func(t *testing.T, kind storeKind)) {
	for _, kind := range []storeKind{sqliteStore, memoryStore} {
		t.Run(string(kind), func(t *testing.T) { test(t, kind) })
	}
}

// openStore opens an empty store of a kind (SQLite in memory) that the
// test closes at its end.
func openStore(t testing.TB, kind storeKind) *store.Store {
	t.Helper()
	var s *store.Store
	if kind == sqliteStore {
		var err error
		if s, err = store.Open(":memory:"); err != nil {
			t.Fatal(err)
		}
	} else {
		s = store.NewMemoryStore()
	}
	t.Cleanup(func() { s.Close() })
	return s
}

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
