// Package nodestate implements the `nodeState` binding: the journey's shared
// and transient state as a decision script sees it.
//
// Reads look in transient state first, then shared, as AM does. `get` hands
// the script a frozen copy (the stored value cannot be changed in place);
// `getObject` hands a mutable copy the script may edit and put back.
package nodestate

import (
	"maps"
	"sort"

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
		js := jsvalue.ToJS(rt, v)
		jsvalue.Freeze(rt, b.freeze, js)
		return js
	})
	jsvalue.Method(rt, b.obj, "getObject", func(call goja.FunctionCall) goja.Value {
		v, ok := b.lookup(key(call, "getObject"))
		if !ok {
			return goja.Null()
		}
		return jsvalue.ToJS(rt, v)
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
			for k, v := range m {
				b.put(shared, k, v)
			}
			return b.obj
		}
	}
	jsvalue.Method(rt, b.obj, "mergeShared", merge(true, "mergeShared"))
	jsvalue.Method(rt, b.obj, "mergeTransient", merge(false, "mergeTransient"))
	jsvalue.Method(rt, b.obj, "remove", func(call goja.FunctionCall) goja.Value {
		k := key(call, "remove")
		if _, ok := b.shared[k]; ok {
			b.own(true)
			delete(b.shared, k)
		}
		if _, ok := b.transient[k]; ok {
			b.own(false)
			delete(b.transient, k)
		}
		return b.obj
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
		keys := make([]string, 0, len(seen))
		for k := range seen {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return jsvalue.ToJS(rt, keys)
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

func (b *Binding) lookup(k string) (any, bool) {
	if v, ok := b.transient[k]; ok {
		return v, true
	}
	v, ok := b.shared[k]
	return v, ok
}

func (b *Binding) own(shared bool) {
	if shared && !b.ownShared {
		b.shared = maps.Clone(b.shared)
		if b.shared == nil {
			b.shared = map[string]any{}
		}
		b.ownShared = true
	}
	if !shared && !b.ownTransient {
		b.transient = maps.Clone(b.transient)
		if b.transient == nil {
			b.transient = map[string]any{}
		}
		b.ownTransient = true
	}
}

func (b *Binding) put(shared bool, k string, v any) {
	b.own(shared)
	if shared {
		b.shared[k] = v
	} else {
		b.transient[k] = v
	}
}
