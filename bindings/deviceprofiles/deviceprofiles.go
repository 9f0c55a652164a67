// Package deviceprofiles implements the `deviceProfilesDao` binding of
// Device Match scripts: getDeviceProfiles(username, realm) lists the device
// profiles stored for a user (a Java list of maps, in next-generation
// scripts; legacy ones got JSON text), saveDeviceProfiles(username, realm,
// profiles) replaces them. A store failure throws "Error getting device
// profiles" or "Error saving device profiles", as AM's
// ScriptedDeviceException does.
package deviceprofiles

import (
	"context"
	"sync"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `deviceProfilesDao` binding.
var Binding = bindings.Define("deviceProfilesDao", func(vm *bindings.VM) bindings.Instance { return New(vm.Runtime) })

// Store keeps device profiles per user and realm.
type Store interface {
	Profiles(ctx context.Context, username, realm string) ([]map[string]any, error)
	SaveProfiles(ctx context.Context, username, realm string, profiles []map[string]any) error
}

// StoreKey is the key of the store a run reads; unset, no user has a
// profile and saves fail.
var StoreKey = bindings.NewBackend[Store]("deviceProfilesDao")

// Saved lists the saves a run made.
var Saved = bindings.NewOutput[[]Save]("deviceProfilesSaved")

// Save is one saveDeviceProfiles call.
type Save struct {
	Username string           `json:"username"`
	Realm    string           `json:"realm"`
	Profiles []map[string]any `json:"profiles"`
}

// Memory is an in-memory Store: realm → username → profiles. A user with no
// entry has no profiles.
type Memory struct {
	mu sync.Mutex
	m  map[string]map[string][]map[string]any
}

// NewMemory returns a store holding seed (realm → username → profiles).
func NewMemory(seed map[string]map[string][]map[string]any) *Memory {
	m := &Memory{m: map[string]map[string][]map[string]any{}}
	for realm, users := range seed {
		for user, ps := range users {
			_ = m.SaveProfiles(context.Background(), user, realm, ps)
		}
	}
	return m
}

// Profiles implements Store.
func (m *Memory) Profiles(_ context.Context, username, realm string) ([]map[string]any, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	ps := m.m[realm][username]
	out := make([]map[string]any, len(ps))
	for i, p := range ps {
		out[i] = jsvalue.NormalizeMap(p)
	}
	return out, nil
}

// SaveProfiles implements Store.
func (m *Memory) SaveProfiles(_ context.Context, username, realm string, profiles []map[string]any) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m[realm] == nil {
		m.m[realm] = map[string][]map[string]any{}
	}
	cp := make([]map[string]any, len(profiles))
	for i, p := range profiles {
		cp[i] = jsvalue.NormalizeMap(p)
	}
	m.m[realm][username] = cp
	return nil
}

// Instance is the per-runtime `deviceProfilesDao` object.
type Instance struct {
	obj   *goja.Object
	ctx   context.Context
	store Store
	saved []Save
}

// New builds the `deviceProfilesDao` object for rt.
func New(rt *goja.Runtime) *Instance {
	b := &Instance{obj: rt.NewObject()}
	jsvalue.Method(rt, b.obj, "getDeviceProfiles", func(call goja.FunctionCall) goja.Value {
		user, realm := jsvalue.ArgString(call, 0), jsvalue.ArgString(call, 1)
		var ps []map[string]any
		if b.store != nil {
			var err error
			if ps, err = b.store.Profiles(b.ctx, user, realm); err != nil {
				jsvalue.Throw(rt, "Error getting device profiles: %v", err)
			}
		}
		items := make([]any, len(ps))
		for i, p := range ps {
			items[i] = jsvalue.JavaView(rt, jsvalue.ToJS(rt, p))
		}
		return jsvalue.JavaList(rt, rt.NewArray(items...))
	})
	jsvalue.Method(rt, b.obj, "saveDeviceProfiles", func(call goja.FunctionCall) goja.Value {
		user, realm := jsvalue.ArgString(call, 0), jsvalue.ArgString(call, 1)
		raw, ok := jsvalue.ToGo(call.Argument(2)).([]any)
		if !ok {
			jsvalue.Throw(rt, "Error saving device profiles: the profiles must be a list of maps")
		}
		ps := make([]map[string]any, len(raw))
		for i, p := range raw {
			m, ok := p.(map[string]any)
			if !ok {
				jsvalue.Throw(rt, "Error saving device profiles: profile %d is not a map", i)
			}
			ps[i] = m
		}
		if b.store == nil {
			jsvalue.Throw(rt, "Error saving device profiles: no device profile store is configured")
		}
		if err := b.store.SaveProfiles(b.ctx, user, realm, ps); err != nil {
			jsvalue.Throw(rt, "Error saving device profiles: %v", err)
		}
		b.saved = append(b.saved, Save{Username: user, Realm: realm, Profiles: ps})
		return goja.Undefined()
	})
	jsvalue.Seal(rt, b.obj)
	return b
}

// Value is the JavaScript value installed as `deviceProfilesDao`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin starts a run on the run's store.
func (b *Instance) Begin(run *bindings.Run) {
	b.ctx, b.store, b.saved = run.Context, StoreKey.From(run), nil
}

// End hands the run's saves to the run.
func (b *Instance) End(run *bindings.Run) {
	if len(b.saved) > 0 {
		Saved.Set(run.Outputs, b.saved)
	}
	b.ctx, b.store, b.saved = nil, nil, nil
}
