// Package store keeps the emulator's state: environments with their worker
// clients, worker token hashes, resource documents (JSON keyed by kind and
// id, listed in insertion order per environment and parent) and the
// notification outbox. Two back ends behave alike: SQLite (Open) and
// process memory (NewMemoryStore). Every unit of work is one transaction
// (Store.Begin, then Tx.Commit or Tx.Rollback); Get, List, Tx.Put and
// Tx.Del read and write documents as Go values.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

// Store holds the state of one or more Platforms: environments, worker
// tokens, resource documents and the notification outbox. It keeps them
// either in SQLite (Open: a file that outlives the process, or ":memory:")
// or in process memory (NewMemoryStore: no database, for
// throwaway platforms such as test fixtures). Both behave alike: every unit
// of work is one all-or-nothing transaction, and units of work run one at a
// time.
//
// The zero Store is not usable; get one from Open or NewMemoryStore and
// Close it when done.
type Store struct {
	b    backend
	path string
}

// backend is where a Store keeps its data. Its methods are safe for
// concurrent use; transactions run one at a time, so a read outside a
// transaction waits for the one in progress.
type backend interface {
	// Begin starts a transaction; the caller must end it with commit or
	// Rollback.
	begin(ctx context.Context) (storeTx, error)
	// LookupToken finds a worker token by its hash; ErrNotFound when unknown.
	lookupToken(ctx context.Context, hash string) (envID string, expiresAt int64, err error)
	// Environments lists every environment, oldest first.
	environments(ctx context.Context) ([]Environment, error)
	// find is Store.Find for a non-empty text.
	find(ctx context.Context, text string) ([]string, error)
	schemaVersion(ctx context.Context) (int, error)
	close() error
}

// storeTx is one transaction: what it writes is visible to its own reads at
// once and to anybody else only after commit; rollback undoes all of it.
type storeTx interface {
	commit() error
	rollback() error

	// Environments are read and added, never changed or removed.
	// environment loads one; ErrNotFound when absent.
	environment(id string) (*Environment, error)
	insertEnvironment(e *Environment) error

	// Worker tokens: only their hash is stored. pruneTokens drops those
	// that expired before the instant (Unix milliseconds).
	insertToken(hash, envID string, expiresAt int64) error
	pruneTokens(before int64) error

	// Resources are JSON documents keyed by (kind, id), which is unique
	// across environments. Lists come in insertion order; replacing a
	// document keeps its place. What a read returns is the caller's own:
	// it shares nothing with the store.
	//
	// putDoc inserts or replaces a document. A replaced document keeps its
	// environment and place, and takes the new parent.
	putDoc(kind, envID, parentID, id string, doc []byte) error
	deleteDoc(kind, envID, id string) error
	// deleteChildren deletes the documents of a kind with this parent.
	deleteChildren(kind, envID, parentID string) error
	// getDoc decodes a document into v, a pointer to a zero value;
	// ErrNotFound when absent.
	getDoc(kind, envID, id string, v any) error
	// eachDoc decodes the documents of a kind in an environment (only
	// those with this parent unless parentID is empty), in insertion order,
	// each into a new zero value from newValue (a pointer), and calls fn
	// with it; it stops at fn's first error.
	eachDoc(kind, envID, parentID string, newValue func() any, fn func(v any) error) error
	// envOf is the environment holding a document; ErrNotFound when absent.
	envOf(kind, id string) (string, error)
	// eachUsername calls fn with the id and username of every user of an
	// environment, in no particular order, until fn returns false.
	eachUsername(envID string, fn func(id, username string) bool) error

	// Notifications. outbox lists an environment's by creation time, then
	// insertion order; an empty list is not nil (it is written as []).
	insertOutbox(envID string, m *model.OutboxMessage) error
	outbox(envID string) ([]model.OutboxMessage, error)
}

var errStoreClosed = errors.New("store is closed")

// Close releases the store; a memory store's data is dropped.
func (s *Store) Close() error { return s.b.close() }

// Path is the file the store was opened with: ":memory:" for an in-memory
// SQLite database, "" for a memory store.
func (s *Store) Path() string { return s.path }

// SchemaVersion is the highest applied SQLite migration. A memory store has
// no schema to migrate and always reports the current version.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	return s.b.schemaVersion(ctx)
}

// Environment is one PingOne environment and its worker application.
type Environment struct {
	ID           string
	Name         string
	Region       string
	ClientID     string
	ClientSecret string
	CreatedAt    time.Time
}

// Begin starts a unit of work; the caller ends it with commit or rollback.
func (s *Store) Begin(ctx context.Context) (*Tx, error) {
	st, err := s.b.begin(ctx)
	if err != nil {
		return nil, err
	}
	return &Tx{st}, nil
}

// LookupToken finds a worker token by its hash; ErrNotFound when unknown.
func (s *Store) LookupToken(ctx context.Context, hash string) (envID string, expiresAt int64, err error) {
	return s.b.lookupToken(ctx, hash)
}

// Environments lists every environment, oldest first.
func (s *Store) Environments(ctx context.Context) ([]Environment, error) {
	return s.b.environments(ctx)
}
