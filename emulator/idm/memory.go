package idm

import (
	"context"
	"sort"
	"sync"

	"github.com/journeyjs/journeyjs/bindings/openidm"
)

// Both local stores implement the binding's back-end contract.
var (
	_ openidm.Backend = (*Memory)(nil)
	_ openidm.Backend = (*SQLite)(nil)
)

// Memory is an in-memory Backend: collection → _id → object. It is safe for
// concurrent use; every call is atomic. Stored objects are never modified in
// place (a write stores a new copy), so readers may share them.
type Memory struct {
	engine
	mu   sync.Mutex
	data map[string]map[string]map[string]any
	// Actions handles actions other than external/email; nil answers them
	// with a 501 error naming the action.
	Actions ActionHandler
}

// NewMemory returns a store holding seed's objects. It fails on a malformed
// seed (a bad collection path, an object without a usable _id, a duplicate
// _id). Objects without _rev get revision "1".
func NewMemory(seed Seed) (*Memory, error) {
	m := &Memory{data: map[string]map[string]map[string]any{}}
	m.engine = engine{run: m.run, actions: func() ActionHandler { return m.Actions }}
	if err := loadSeed(seed, m.set); err != nil {
		return nil, err
	}
	return m, nil
}

// SetIDGenerator replaces the UUID generator for new objects' _id (tests use
// it for stable ids).
func (m *Memory) SetIDGenerator(f func() string) { m.newID = f }

// Objects returns copies of a collection's objects, ordered by _id.
func (m *Memory) Objects(collection string) []map[string]any {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]map[string]any, 0, len(m.data[collection]))
	for _, o := range m.data[collection] {
		out = append(out, copyMap(o))
	}
	sort.Slice(out, func(i, j int) bool { return idOf(out[i]) < idOf(out[j]) })
	return out
}

func idOf(o map[string]any) string { s, _ := o["_id"].(string); return s }

func (m *Memory) run(ctx context.Context, fn func(tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return fn(memTx{m})
}

type memTx struct{ m *Memory }

func (t memTx) get(collection, id string) (map[string]any, bool, error) {
	o, ok := t.m.data[collection][id]
	return o, ok, nil
}

func (t memTx) put(collection, id string, obj map[string]any) error {
	return t.m.set(collection, id, copyMap(obj))
}

// set stores obj as it is; the caller hands over a private copy.
func (m *Memory) set(collection, id string, obj map[string]any) error {
	c := m.data[collection]
	if c == nil {
		c = map[string]map[string]any{}
		m.data[collection] = c
	}
	c[id] = obj
	return nil
}

func (t memTx) del(collection, id string) error {
	delete(t.m.data[collection], id)
	return nil
}

func (t memTx) list(collection string) ([]map[string]any, error) {
	c := t.m.data[collection]
	out := make([]map[string]any, 0, len(c))
	for _, o := range c {
		out = append(out, o)
	}
	return out, nil
}
