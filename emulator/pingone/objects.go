package pingone

import (
	"encoding/json"
	"errors"
	"fmt"
)

var errNoObject = errors.New("object not found")

// dbtx is the transaction every request runs in, with the document
// helpers the platform's rules use on top of the store's operations.
type dbtx struct {
	storeTx
}

// put inserts or replaces a document; the original insertion order is kept
// so lists stay in creation order.
func (t *dbtx) put(kind, envID, parentID, id string, v any) error {
	doc, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s %s: %w", kind, id, err)
	}
	if err := t.putDoc(kind, envID, parentID, id, doc); err != nil {
		return fmt.Errorf("store %s %s: %w", kind, id, err)
	}
	return nil
}

func (t *dbtx) del(kind, envID, id string) error {
	if err := t.deleteDoc(kind, envID, id); err != nil {
		return fmt.Errorf("delete %s %s: %w", kind, id, err)
	}
	return nil
}

// getObj loads one document of an environment; errNoObject when absent.
func getObj[T any](t *dbtx, kind, envID, id string) (*T, error) {
	v := new(T)
	err := t.getDoc(kind, envID, id, v)
	if err == errNoObject {
		return nil, errNoObject
	}
	if err != nil {
		return nil, fmt.Errorf("load %s %s: %w", kind, id, err)
	}
	return v, nil
}

// listObj loads the documents of one kind in an environment, optionally
// restricted to a parent, in creation order.
func listObj[T any](t *dbtx, kind, envID, parentID string) ([]*T, error) {
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

// findEnvOf returns the environment holding an object of a kind, for
// callers (like the card CLI) that know an id but not its environment.
func findEnvOf(t *dbtx, kind, id string) (string, error) {
	env, err := t.envOf(kind, id)
	if err != nil && err != errNoObject {
		return "", fmt.Errorf("find %s %s: %w", kind, id, err)
	}
	return env, err
}
