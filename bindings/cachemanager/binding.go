// Package cachemanager implements the `cacheManager` binding: named caches,
// configured per realm, whose entries a Cache Loader script loads. Entries
// outlive runs: the Store is a back end the engine or the fixtures share
// between runs.
//
// cacheManager.exists(name) says whether the realm has the cache;
// cacheManager.named(name) returns it. A cache's get(keyMap) returns the
// value cached under the key, running the loader's load(key) on a miss (or
// when the entry expired) and reload(key, oldValue) when the cache refreshes
// after write; invalidate(keyMap) and invalidateAll() drop entries;
// refresh(keyMap) reloads an entry now. Keys are maps of strings: two maps
// with the same pairs are the same key.
package cachemanager

import (
	"errors"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `cacheManager` binding.
var Binding = bindings.Define("cacheManager", func(vm *bindings.VM) bindings.Instance {
	b := New(vm.Runtime)
	b.check = vm.CheckSource
	return b
})

// StoreKey is the key of the caches a run sees; unset, the realm has none
// (exists answers false).
var StoreKey = bindings.NewBackend[*Store]("cacheManager")

// Events lists what the run's cache calls did, in order.
var Events = bindings.NewOutput[[]Event]("cacheEvents")

// Event is one cache call: Kind is hit, miss, load, reload, refresh,
// reloadFailed (the old value was kept), notKept (the value was over
// MaxEntryBytes), evicted (entries dropped to stay under MaxRealmBytes),
// invalidate or invalidateAll.
type Event struct {
	Cache string            `json:"cache"`
	Kind  string            `json:"event"`
	Key   map[string]string `json:"key,omitempty"`
}

// Instance is the per-runtime `cacheManager` object.
type Instance struct {
	rt     *goja.Runtime
	obj    *goja.Object
	store  *Store
	realm  string
	events []Event
	// check is the engine's language check for loader scripts (nil: none).
	check func(name, source string) error
}

// New builds the `cacheManager` object for rt.
func New(rt *goja.Runtime) *Instance {
	b := &Instance{rt: rt, obj: rt.NewObject()}
	jsvalue.Method(rt, b.obj, "exists", func(call goja.FunctionCall) goja.Value {
		name := jsvalue.ArgString(call, 0)
		return rt.ToValue(b.store != nil && b.store.Exists(b.realm, name))
	})
	jsvalue.Method(rt, b.obj, "named", func(call goja.FunctionCall) goja.Value {
		name := jsvalue.ArgString(call, 0)
		if name == "" {
			jsvalue.Throw(rt, "cacheManager.named: a cache name is required")
		}
		if b.store == nil || !b.store.Exists(b.realm, name) {
			jsvalue.Throw(rt, "cacheManager.named: no cache named %q is configured in realm %s", name, b.realm)
		}
		return b.cacheObject(name)
	})
	jsvalue.Seal(rt, b.obj)
	return b
}

// cacheObject is the script's view of one cache.
func (b *Instance) cacheObject(name string) *goja.Object {
	rt := b.rt
	o := rt.NewObject()
	jsvalue.Method(rt, o, "get", func(call goja.FunctionCall) goja.Value {
		return b.get(name, b.keyArg("get", call))
	})
	jsvalue.Method(rt, o, "refresh", func(call goja.FunctionCall) goja.Value {
		b.refresh(name, b.keyArg("refresh", call))
		return goja.Undefined()
	})
	jsvalue.Method(rt, o, "invalidate", func(call goja.FunctionCall) goja.Value {
		key := b.keyArg("invalidate", call)
		b.mustHaveStore(name)
		if err := b.store.Invalidate(b.realm, name, key); err != nil {
			jsvalue.Throw(rt, "cache %s: invalidate: %v", name, err)
		}
		b.record(name, "invalidate", key)
		return goja.Undefined()
	})
	jsvalue.Method(rt, o, "invalidateAll", func(goja.FunctionCall) goja.Value {
		b.mustHaveStore(name)
		if err := b.store.InvalidateAll(b.realm, name); err != nil {
			jsvalue.Throw(rt, "cache %s: invalidateAll: %v", name, err)
		}
		b.record(name, "invalidateAll", nil)
		return goja.Undefined()
	})
	jsvalue.Seal(rt, o)
	return o
}

// mustHaveStore throws when the run has no store: a cache object kept from
// another run.
func (b *Instance) mustHaveStore(name string) {
	if b.store == nil {
		jsvalue.Throw(b.rt, "cache %s: no cache is configured in realm %s", name, b.realm)
	}
}

// keyArg reads a key map: every own property, its value as a string (AM
// declares the key Map<String, String>).
func (b *Instance) keyArg(method string, call goja.FunctionCall) map[string]string {
	v := call.Argument(0)
	obj, ok := v.(*goja.Object)
	if !ok || jsvalue.IsNullish(v) {
		jsvalue.Throw(b.rt, "cache.%s: the key must be a map of strings, such as {id: \"abc\"}, not %s", method, v.String())
	}
	if _, isFn := goja.AssertFunction(v); isFn || obj.ClassName() == "Array" {
		jsvalue.Throw(b.rt, "cache.%s: the key must be a map of strings, such as {id: \"abc\"}", method)
	}
	key := map[string]string{}
	for _, k := range obj.Keys() {
		key[k] = obj.Get(k).String()
	}
	return key
}

func (b *Instance) get(name string, key map[string]string) goja.Value {
	rt := b.rt
	b.mustHaveStore(name)
	old, found, err := b.store.Lookup(b.realm, name, key)
	if err != nil {
		jsvalue.Throw(rt, "cache %s: get: %v", name, err)
	}
	switch found {
	case Fresh:
		b.record(name, "hit", key)
		return jsvalue.ToJS(rt, old)
	case Stale:
		b.record(name, "reload", key)
		v, err := b.runLoader(name, key, old, true)
		if err != nil {
			b.rethrowInterrupt(err)
			// Guava keeps the old value when a refresh fails, and logs
			// the failure instead of raising it.
			b.record(name, "reloadFailed", key)
			return jsvalue.ToJS(rt, old)
		}
		return b.keep(name, key, v)
	}
	b.record(name, "miss", key)
	b.record(name, "load", key)
	v, err := b.runLoader(name, key, nil, false)
	if err != nil {
		b.rethrow(name, err)
	}
	return b.keep(name, key, v)
}

func (b *Instance) refresh(name string, key map[string]string) {
	b.mustHaveStore(name)
	old, found, err := b.store.Lookup(b.realm, name, key)
	if err != nil {
		jsvalue.Throw(b.rt, "cache %s: refresh: %v", name, err)
	}
	b.record(name, "refresh", key)
	v, err := b.runLoader(name, key, old, found != Missing)
	if err != nil {
		b.rethrowInterrupt(err)
		b.record(name, "reloadFailed", key)
		return
	}
	b.keep(name, key, v)
}

// keep stores a loaded value and returns it to the script as a fresh copy,
// the same one a later get returns.
func (b *Instance) keep(name string, key map[string]string, v any) goja.Value {
	kept, evicted, err := b.store.Put(b.realm, name, key, v)
	if err != nil {
		jsvalue.Throw(b.rt, "cache %s: %v", name, err)
	}
	if !kept {
		b.record(name, "notKept", key)
	}
	if evicted > 0 {
		b.record(name, "evicted", nil)
	}
	return jsvalue.ToJS(b.rt, v)
}

// runLoader calls the loader's reload(key, old) when reload is set and the
// loader has one, else load(key), and exports what it returns. A loader that
// returns null or undefined fails, as Guava's CacheLoader does.
func (b *Instance) runLoader(name string, key map[string]string, old any, reload bool) (any, error) {
	cfg, _ := b.store.Config(b.realm, name)
	loadFn, reloadFn, err := loaderFuncs(b.rt, cfg, b.check)
	if err != nil {
		return nil, err
	}
	var v goja.Value
	if reload && reloadFn != nil {
		v, err = reloadFn(goja.Undefined(), jsvalue.ToJS(b.rt, key), jsvalue.ToJS(b.rt, old))
	} else {
		v, err = loadFn(goja.Undefined(), jsvalue.ToJS(b.rt, key))
	}
	if err != nil {
		return nil, err
	}
	if jsvalue.IsNullish(v) {
		return nil, errors.New("the cache loader returned null for key " + canonicalKey(key))
	}
	out, err := jsvalue.ToGoChecked(v)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// rethrow raises a failed load in the calling script: a script exception
// from the loader as is (its message and stack name the loader), anything
// else as an error naming the cache.
func (b *Instance) rethrow(name string, err error) {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		panic(ex)
	}
	b.rethrowInterrupt(err)
	jsvalue.Throw(b.rt, "cache %s: load failed: %v", name, err)
}

// rethrowInterrupt passes on a stop of the run (time limit, cancel) that
// reached the loader: it must never be swallowed as a failed reload.
func (b *Instance) rethrowInterrupt(err error) {
	var intr *goja.InterruptedError
	if errors.As(err, &intr) {
		panic(intr)
	}
}

func (b *Instance) record(name, kind string, key map[string]string) {
	b.events = append(b.events, Event{Cache: name, Kind: kind, Key: key})
}

// Value is the JavaScript value installed as `cacheManager`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin starts a run on the run's store and realm.
func (b *Instance) Begin(run *bindings.Run) {
	b.store, b.realm, b.events = StoreKey.From(run), run.Realm, nil
}

// End hands the run's cache events to the run.
func (b *Instance) End(run *bindings.Run) {
	if len(b.events) > 0 {
		Events.Set(run.Outputs, b.events)
	}
	b.store, b.events = nil, nil
}
