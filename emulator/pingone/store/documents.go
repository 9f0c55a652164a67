package store

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

// ErrNotFound is what reads answer for a document, environment or token
// that is not there.
var ErrNotFound = errors.New("object not found")

// Tx is one unit of work: a transaction of the store (see storeTx for what
// it guarantees), with the documents as Go values (Put, Del, Get, List)
// and the rows of environments, tokens and the outbox.
type Tx struct {
	tx storeTx
}

// Commit makes the unit of work's writes visible to others and ends it.
func (t *Tx) Commit() error { return t.tx.commit() }

// Rollback undoes every write of the unit of work and ends it.
func (t *Tx) Rollback() error { return t.tx.rollback() }

// Environment loads one environment; ErrNotFound when absent.
func (t *Tx) Environment(id string) (*Environment, error) { return t.tx.environment(id) }

// InsertEnvironment adds an environment; environments are never changed
// or removed.
func (t *Tx) InsertEnvironment(e *Environment) error { return t.tx.insertEnvironment(e) }

// InsertToken stores a worker token's hash, valid until expiresAt (Unix
// milliseconds).
func (t *Tx) InsertToken(hash, envID string, expiresAt int64) error {
	return t.tx.insertToken(hash, envID, expiresAt)
}

// PruneTokens drops the tokens that expired before the instant (Unix
// milliseconds).
func (t *Tx) PruneTokens(before int64) error { return t.tx.pruneTokens(before) }

// DeleteChildren deletes the documents of a kind with this parent.
func (t *Tx) DeleteChildren(kind, envID, parentID string) error {
	return t.tx.deleteChildren(kind, envID, parentID)
}

// EachUsername calls fn with the id and username of every user of an
// environment, in no particular order, until fn returns false.
func (t *Tx) EachUsername(envID string, fn func(id, username string) bool) error {
	return t.tx.eachUsername(envID, fn)
}

// InsertOutbox records a notification.
func (t *Tx) InsertOutbox(envID string, m *model.OutboxMessage) error {
	return t.tx.insertOutbox(envID, m)
}

// Outbox lists an environment's notifications by creation time, then
// insertion order; an empty list is not nil.
func (t *Tx) Outbox(envID string) ([]model.OutboxMessage, error) { return t.tx.outbox(envID) }

// Put inserts or replaces a document; the original insertion order is kept
// so lists stay in creation order.
func (t *Tx) Put(kind, envID, parentID, id string, v any) error {
	doc, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s %s: %w", kind, id, err)
	}
	if err := t.tx.putDoc(kind, envID, parentID, id, doc); err != nil {
		return fmt.Errorf("store %s %s: %w", kind, id, err)
	}
	return nil
}

func (t *Tx) Del(kind, envID, id string) error {
	if err := t.tx.deleteDoc(kind, envID, id); err != nil {
		return fmt.Errorf("delete %s %s: %w", kind, id, err)
	}
	return nil
}

// Get loads one document of an environment; ErrNotFound when absent.
func Get[T any](t *Tx, kind, envID, id string) (*T, error) {
	v := new(T)
	err := t.tx.getDoc(kind, envID, id, v)
	if err == ErrNotFound {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("load %s %s: %w", kind, id, err)
	}
	return v, nil
}

// List loads the documents of one kind in an environment, optionally
// restricted to a parent, in creation order.
func List[T any](t *Tx, kind, envID, parentID string) ([]*T, error) {
	var out []*T
	err := t.tx.eachDoc(kind, envID, parentID, func() any { return new(T) }, func(v any) error {
		out = append(out, v.(*T))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", kind, err)
	}
	return out, nil
}

// FindEnvOf returns the environment holding an object of a kind, for
// callers (like the card CLI) that know an id but not its environment.
func FindEnvOf(t *Tx, kind, id string) (string, error) {
	env, err := t.tx.envOf(kind, id)
	if err != nil && err != ErrNotFound {
		return "", fmt.Errorf("find %s %s: %w", kind, id, err)
	}
	return env, err
}
