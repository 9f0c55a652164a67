package store

import "testing"

// storeKind names a Store back end.
type storeKind string

const (
	sqliteStore storeKind = "sqlite"
	memoryStore storeKind = "memory"
)

// openStore opens an empty store of a kind (SQLite in memory) that the
// test closes at its end.
func openStore(t testing.TB, kind storeKind) *Store {
	t.Helper()
	var s *Store
	if kind == sqliteStore {
		var err error
		if s, err = Open(":memory:"); err != nil {
			t.Fatal(err)
		}
	} else {
		s = NewMemoryStore()
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func eq[T comparable](t *testing.T, got, want T, what string) {
	t.Helper()
	if got != want {
		t.Fatalf("%s = %v, want %v", what, got, want)
	}
}
