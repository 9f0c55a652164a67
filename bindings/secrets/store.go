// Package secrets implements the `secrets` binding and the stores behind it.
//
// Only secret labels that begin with "scripted.node." are reachable from a
// script; the binding refuses any other label before asking the store.
package secrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// LabelPrefix is the prefix every label a script may read must carry.
const LabelPrefix = "scripted.node."

// ErrNotFound is returned by a Store that has no secret for a label.
var ErrNotFound = errors.New("secret not found")

// Store looks up the value of a secret label.
type Store interface {
	// GenericSecret returns the secret's bytes, or an error wrapping
	// ErrNotFound when the label has no secret.
	GenericSecret(ctx context.Context, label string) ([]byte, error)
}

// MapStore is an in-memory Store: label → value. The zero value (nil) holds
// no secrets.
type MapStore map[string]string

// GenericSecret implements Store.
func (m MapStore) GenericSecret(_ context.Context, label string) ([]byte, error) {
	v, ok := m[label]
	if !ok {
		return nil, fmt.Errorf("label %q: %w", label, ErrNotFound)
	}
	return []byte(v), nil
}

// EnvStore reads secrets from environment variables: the label with its
// dots and dashes turned into underscores, in capitals, after Prefix. With
// Prefix "JOURNEYJS_SECRET_", scripted.node.api.key is read from
// JOURNEYJS_SECRET_SCRIPTED_NODE_API_KEY.
type EnvStore struct {
	Prefix string
	// LookupEnv defaults to os.LookupEnv; tests replace it.
	LookupEnv func(string) (string, bool)
}

// VarName is the environment variable EnvStore reads for label.
func (s EnvStore) VarName(label string) string {
	r := strings.NewReplacer(".", "_", "-", "_")
	return s.Prefix + strings.ToUpper(r.Replace(label))
}

// GenericSecret implements Store.
func (s EnvStore) GenericSecret(_ context.Context, label string) ([]byte, error) {
	lookup := s.LookupEnv
	if lookup == nil {
		lookup = os.LookupEnv
	}
	v, ok := lookup(s.VarName(label))
	if !ok {
		return nil, fmt.Errorf("label %q (variable %s): %w", label, s.VarName(label), ErrNotFound)
	}
	return []byte(v), nil
}

// DirStore reads each secret from a file named after its label in Dir, the
// way mounted secret volumes (Kubernetes, Docker) lay them out.
type DirStore struct {
	Dir string
}

// GenericSecret implements Store.
func (s DirStore) GenericSecret(_ context.Context, label string) ([]byte, error) {
	if label == "" || strings.ContainsAny(label, `/\`) || label == "." || label == ".." {
		return nil, fmt.Errorf("label %q is not a file name: %w", label, ErrNotFound)
	}
	b, err := os.ReadFile(filepath.Join(s.Dir, label))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("label %q (no file in %s): %w", label, s.Dir, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read secret %q: %w", label, err)
	}
	return b, nil
}

// Chain asks each store in turn and returns the first secret found; realm
// then global stores, as AM resolves labels.
type Chain []Store

// GenericSecret implements Store.
func (c Chain) GenericSecret(ctx context.Context, label string) ([]byte, error) {
	for _, s := range c {
		v, err := s.GenericSecret(ctx, label)
		if err == nil {
			return v, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("label %q: %w", label, ErrNotFound)
}
