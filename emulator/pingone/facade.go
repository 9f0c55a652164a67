package pingone

import (
	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// The resource types callers of the emulator read.
type (
	// Time is a PingOne timestamp (RFC 3339, milliseconds, UTC).
	Time = model.Time
	// UserCredential is a user credential as the API returns it.
	UserCredential = model.UserCredential
)

// Store is where platforms keep their state (see package store).
type Store = store.Store

// Open opens, creating it if needed, the SQLite store at path (":memory:"
// for one in memory).
func Open(path string) (*Store, error) { return store.Open(path) }

// NewMemoryStore returns an empty store kept in process memory.
func NewMemoryStore() *Store { return store.NewMemoryStore() }
