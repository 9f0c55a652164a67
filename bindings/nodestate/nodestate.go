// Package nodestate implements the `nodeState` binding: the journey's shared
// and transient state as a decision script sees it.
//
// It follows AM's NodeStateScriptWrapper: `get` reads transient state first,
// then shared; `getObject` combines a key's map values from every state
// (transient over shared) into one immutable object; `keys` is the distinct
// keys of every state; `mergeShared`/`mergeTransient` overwrite their keys
// wherever they are and merge state containers such as objectAttributes key
// by key; `remove` removes a key from every state. Values are copies: `get`
// gives a copy the script may change (changing it changes nothing stored),
// and every map and list offers the Java methods scripts use on the
// tenant's Java collections (see jsvalue.JavaView).
package nodestate

import (
	"maps"
	"slices"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the per-runtime `nodeState` object.
type Binding struct {
	rt     *goja.Runtime
	obj    *goja.Object
	freeze goja.Callable

	// The maps start as the caller's own and are copied on first write, so a
	// read-only run allocates nothing and never changes its input.
	shared, transient       map[string]any
	ownShared, ownTransient bool
}

// New builds the frozen `nodeState` object for rt.
func New(rt *goja.Runtime) *Binding {
	b := &Binding{rt: rt, obj: rt.NewObject()}
	b.freeze = jsvalue.Freezer(rt)
	key := func(call goja.FunctionCall, method string) string {
		if len(call.Arguments) == 0 || jsvalue.IsNullish(call.Argument(0)) {
			jsvalue.Throw(rt, "nodeState.%s: a key is required", method)
		}
		return call.Argument(0).String()
	}
	jsvalue.Method(rt, b.obj, "get", func(call goja.FunctionCall) goja.Value {
		v, ok := b.lookup(key(call, "get"))
		if !ok {
			return goja.Null()
		}
		return jsvalue.JavaView(rt, jsvalue.ToJS(rt, v))
	})
	jsvalue.Method(rt, b.obj, "getObject", func(call goja.FunctionCall) goja.Value {
		v, ok := b.combined(key(call, "getObject"))
		if !ok {
			return goja.Null()
		}
		return jsvalue.FrozenJavaView(rt, b.freeze, jsvalue.ToJS(rt, v))
	})
	value := func(method string, v goja.Value) any {
		out, err := jsvalue.ToGoChecked(v)
		if err != nil {
			jsvalue.Throw(rt, "nodeState.%s: %v", method, err)
		}
		return out
	}
	jsvalue.Method(rt, b.obj, "putShared", func(call goja.FunctionCall) goja.Value {
		b.put(true, key(call, "putShared"), value("putShared", call.Argument(1)))
		return b.obj
	})
	jsvalue.Method(rt, b.obj, "putTransient", func(call goja.FunctionCall) goja.Value {
		b.put(false, key(call, "putTransient"), value("putTransient", call.Argument(1)))
		return b.obj
	})
	merge := func(shared bool, method string) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			m, ok := value(method, call.Argument(0)).(map[string]any)
			if !ok {
				jsvalue.Throw(rt, "nodeState.%s: the argument must be an object", method)
			}
			for _, k := range slices.Sorted(maps.Keys(m)) {
				if _, nested := m[k].(map[string]any); nested && !StateContainers[k] {
					jsvalue.Throw(rt, "nodeState.%s: %q holds an object; only state containers (objectAttributes) may be nested", method, k)
				}
			}
			for k, v := range m {
				if sub, isMap := v.(map[string]any); isMap {
					// A state container merges key by key into the one
					// already in this state.
					cur, _ := b.state(shared)[k].(map[string]any)
					merged := maps.Clone(cur)
					if merged == nil {
						merged = map[string]any{}
					}
					maps.Copy(merged, sub)
					v = merged
				}
				b.put(shared, k, v)
				b.delete(!shared, k)
			}
			return b.obj
		}
	}
	jsvalue.Method(rt, b.obj, "mergeShared", merge(true, "mergeShared"))
	jsvalue.Method(rt, b.obj, "mergeTransient", merge(false, "mergeTransient"))
	jsvalue.Method(rt, b.obj, "remove", func(call goja.FunctionCall) goja.Value {
		k := key(call, "remove")
		b.delete(true, k)
		b.delete(false, k)
		return goja.Undefined()
	})
	jsvalue.Method(rt, b.obj, "isDefined", func(call goja.FunctionCall) goja.Value {
		_, ok := b.lookup(key(call, "isDefined"))
		return rt.ToValue(ok)
	})
	jsvalue.Method(rt, b.obj, "keys", func(call goja.FunctionCall) goja.Value {
		seen := make(map[string]bool, len(b.shared)+len(b.transient))
		for k := range b.transient {
			seen[k] = true
		}
		for k := range b.shared {
			seen[k] = true
		}
		keys := slices.Sorted(maps.Keys(seen))
		return jsvalue.JavaList(rt, jsvalue.ToJS(rt, keys))
	})
	jsvalue.SealWith(b.freeze, b.obj)
	return b
}

// Object is the JavaScript value installed as `nodeState`.
func (b *Binding) Object() *goja.Object { return b.obj }

// Begin starts a run with the given state. The maps are not modified: the
// first write copies them.
func (b *Binding) Begin(shared, transient map[string]any) {
	b.shared, b.transient = shared, transient
	b.ownShared, b.ownTransient = false, false
}

// Shared is the shared state as the run left it. It is the map given to Begin
// when the script did not change shared state.
func (b *Binding) Shared() map[string]any { return b.shared }

// Transient is the transient state as the run left it.
func (b *Binding) Transient() map[string]any { return b.transient }

// End drops the references to this run's maps.
func (b *Binding) End() { b.shared, b.transient = nil, nil }

// Get reads a key as nodeState.get does (transient first, then shared), for
// other bindings that act on the journey's state.
func (b *Binding) Get(k string) (any, bool) { return b.lookup(k) }

// StateContainers are the keys whose values are maps merged key by key by
// mergeShared and mergeTransient, as AM's registered state containers.
var StateContainers = map[string]bool{"objectAttributes": true}

func (b *Binding) state(shared bool) map[string]any {
	if shared {
		return b.shared
	}
	return b.transient
}

func (b *Binding) delete(shared bool, k string) {
	if _, ok := b.state(shared)[k]; ok {
		b.own(shared)
		delete(b.state(shared), k)
	}
}

// combined is the value getObject returns: when the key holds maps, the maps
// of every state laid over one another (transient over shared); otherwise
// the value get would return.
func (b *Binding) combined(k string) (any, bool) {
	sv, inShared := b.shared[k]
	tv, inTransient := b.transient[k]
	sm, sIsMap := sv.(map[string]any)
	tm, tIsMap := tv.(map[string]any)
	if inShared && inTransient && sIsMap && tIsMap {
		out := maps.Clone(sm)
		maps.Copy(out, tm)
		return out, true
	}
	return b.lookup(k)
}

func (b *Binding) lookup(k string) (any, bool) {
	if v, ok := b.transient[k]; ok {
		return v, true
	}
	v, ok := b.shared[k]
	return v, ok
}

// own makes one state the binding's own copy, before its first change.
func (b *Binding) own(shared bool) {
	m, owned := &b.transient, &b.ownTransient
	if shared {
		m, owned = &b.shared, &b.ownShared
	}
	if *owned {
		return
	}
	*m = maps.Clone(*m)
	if *m == nil {
		*m = map[string]any{}
	}
	*owned = true
}

func (b *Binding) put(shared bool, k string, v any) {
	b.own(shared)
	b.state(shared)[k] = v
}
