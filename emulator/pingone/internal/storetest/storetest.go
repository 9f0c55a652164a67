// Package storetest runs the PingOne emulator's tests against each of its
// store back ends.
package storetest

import (
	"testing"

	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// Kind names a store back end.
type Kind string

// The back ends.
const (
	SQLite Kind = "sqlite"
	Memory Kind = "memory"
)

// ForEach runs test against every back end, each as a subtest named after
// it.
func ForEach(t *testing.T, test func(t *testing.T, kind Kind)) {
	for _, kind := range []Kind{SQLite, Memory} {
		t.Run(string(kind), func(t *testing.T) { test(t, kind) })
	}
}

// Open opens an empty store of a kind (SQLite in memory) that the test
// closes at its end.
func Open(t testing.TB, kind Kind) *store.Store {
	t.Helper()
	var s *store.Store
	if kind == SQLite {
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
