package store

import (
	"encoding/json"
	"errors"
	"fmt"
)

// ErrNotFound is what reads answer for a document, environment or token
// that is not there.
var ErrNotFound = errors.New("object not found")

// Tx is the transaction every request runs in, with the document
// helpers the platform's rules use on top of the store's operations.
type Tx struct {
	storeTx
}

// Put inserts or replaces a document; the original insertion order is kept
// so lists stay in creation order.
func (t *Tx) Put(kind, envID, parentID, id string, v any) error {
	doc, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s %s: %w", kind, id, err)
	}
	if err := t.putDoc(kind, envID, parentID, id, doc); err != nil {
		return fmt.Errorf("store %s %s: %w", kind, id, err)
	}
	return nil
}

func (t *Tx) Del(kind, envID, id string) error {
	if err := t.deleteDoc(kind, envID, id); err != nil {
		return fmt.Errorf("delete %s %s: %w", kind, id, err)
	}
	return nil
}

// Get loads one document of an environment; ErrNotFound when absent.
func Get[T any](t *Tx, kind, envID, id string) (*T, error) {
	v := new(T)
	err := t.getDoc(kind, envID, id, v)
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
	err := t.eachDoc(kind, envID, parentID, func() any { return new(T) }, func(v any) error {
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
	env, err := t.envOf(kind, id)
	if err != nil && err != ErrNotFound {
		return "", fmt.Errorf("find %s %s: %w", kind, id, err)
	}
	return env, err
}
