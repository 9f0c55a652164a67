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

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `nodeState` binding.
var Binding = bindings.Define("nodeState", func(vm *bindings.VM) bindings.Instance { return New(vm.Runtime) })

// Instance is the per-runtime `nodeState` object. The state itself is the
// run's (bindings.Run.State), which the runtime hands back in the result.
type Instance struct {
	rt     *goja.Runtime
	obj    *goja.Object
	freeze goja.Callable
	st     *bindings.State
}

// New builds the frozen `nodeState` object for rt.
func New(rt *goja.Runtime) *Instance {
	b := &Instance{rt: rt}
	b.freeze = jsvalue.Freezer(rt)
	var methods jsvalue.Methods
	key := func(call goja.FunctionCall, method string) string {
		if len(call.Arguments) == 0 || jsvalue.IsNullish(call.Argument(0)) {
			jsvalue.Throw(rt, "nodeState.%s: a key is required", method)
		}
		return call.Argument(0).String()
	}
	methods.Add("get", func(call goja.FunctionCall) goja.Value {
		v, ok := b.st.Get(key(call, "get"))
		if !ok {
			return goja.Null()
		}
		return jsvalue.JavaView(rt, jsvalue.ToJS(rt, v))
	})
	methods.Add("getObject", func(call goja.FunctionCall) goja.Value {
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
	methods.Add("putShared", func(call goja.FunctionCall) goja.Value {
		b.st.Put(true, key(call, "putShared"), value("putShared", call.Argument(1)))
		return b.obj
	})
	methods.Add("putTransient", func(call goja.FunctionCall) goja.Value {
		b.st.Put(false, key(call, "putTransient"), value("putTransient", call.Argument(1)))
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
					cur, _ := b.st.Of(shared)[k].(map[string]any)
					merged := maps.Clone(cur)
					if merged == nil {
						merged = map[string]any{}
					}
					maps.Copy(merged, sub)
					v = merged
				}
				b.st.Put(shared, k, v)
				b.st.Delete(!shared, k)
			}
			return b.obj
		}
	}
	methods.Add("mergeShared", merge(true, "mergeShared"))
	methods.Add("mergeTransient", merge(false, "mergeTransient"))
	methods.Add("remove", func(call goja.FunctionCall) goja.Value {
		k := key(call, "remove")
		b.st.Delete(true, k)
		b.st.Delete(false, k)
		return goja.Undefined()
	})
	methods.Add("isDefined", func(call goja.FunctionCall) goja.Value {
		_, ok := b.st.Get(key(call, "isDefined"))
		return rt.ToValue(ok)
	})
	methods.Add("keys", func(call goja.FunctionCall) goja.Value {
		shared, transient := b.st.Shared(), b.st.Transient()
		seen := make(map[string]bool, len(shared)+len(transient))
		for k := range transient {
			seen[k] = true
		}
		for k := range shared {
			seen[k] = true
		}
		keys := slices.Sorted(maps.Keys(seen))
		return jsvalue.JavaList(rt, jsvalue.ToJS(rt, keys))
	})
	b.obj = methods.Object(rt)
	return b
}

// Value is the JavaScript value installed as `nodeState`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin starts a run on the run's state.
func (b *Instance) Begin(run *bindings.Run) { b.st = run.State }

// End lets go of the run's state, which the runtime reads itself.
func (b *Instance) End(*bindings.Run) { b.st = nil }

// StateContainers are the keys whose values are maps merged key by key by
// mergeShared and mergeTransient, as AM's registered state containers.
var StateContainers = map[string]bool{"objectAttributes": true}

// combined is the value getObject returns: when the key holds maps, the maps
// of every state laid over one another (transient over shared); otherwise
// the value get would return.
func (b *Instance) combined(k string) (any, bool) {
	sv, inShared := b.st.Shared()[k]
	tv, inTransient := b.st.Transient()[k]
	sm, sIsMap := sv.(map[string]any)
	tm, tIsMap := tv.(map[string]any)
	if inShared && inTransient && sIsMap && tIsMap {
		out := maps.Clone(sm)
		maps.Copy(out, tm)
		return out, true
	}
	return b.st.Get(k)
}
