package runtime

import (
	"unsafe"

	"github.com/dop251/goja"
)

// runGlobal is the global object scripts see. Reads fall through to the
// runtime's pristine global (built-ins and bindings); writes (implicit
// globals, globalThis.x = …, assignments that shadow a binding) stay in vals,
// which is emptied after the run. Resetting a run's globals therefore costs a
// length check, not a scan of the global object.
//
// Being a goja dynamic object, it refuses what would let a run change the
// global for later runs: non-configurable or accessor definitions and
// preventing extensions throw a TypeError; a changed prototype is put back
// after the run.
//
// Scripts can never reach the pristine global itself (this and globalThis
// are the run's global), so what they look up there never changes once
// built and is cached here in a Go map: a global lookup then costs one map
// access instead of a walk through goja's lazy built-ins.
type runGlobal struct {
	rt   *goja.Runtime
	base *goja.Object
	// harden hardens a built-in the first time it is looked up (see
	// hardenSource); nil hardens nothing.
	harden goja.Callable
	// build answers a registered binding's name (vm.binding): its value
	// when the run's context offers it, and whether that value may be
	// cached for later runs.
	build func(name string) (v goja.Value, cache bool)
	// live answers the globals whose value is the run's (realm,
	// globalThis, requestHeaders…; vm.live): ok false for other names.
	// They are answered here rather than by getters on the pristine
	// global, which would cost a function object each in every runtime.
	live func(name string) (v goja.Value, ok bool)
	vals map[string]goja.Value
	// cache holds the base's properties and the bindings seen so far.
	cache map[string]goja.Value
	// cachedBindings are the binding names in cache, forgotten when the
	// runtime's next run has another context.
	cachedBindings []string
	// hidden are pristine globals scripts must not see (the tenant
	// language's missing ES2015+ globals): they answer as absent.
	hidden map[string]bool
	// hot remembers the last base lookups by the address of the name's
	// bytes: goja passes the same string from a compiled script on every
	// run, so a pointer compare finds a binding without hashing its name.
	hot [hotSize]hotEntry
	// obj is the goja object for this global; proto its original prototype.
	obj, proto *goja.Object
}

func newRunGlobal(rt *goja.Runtime, base *goja.Object, harden goja.Callable, build func(string) (goja.Value, bool), live func(string) (goja.Value, bool)) *runGlobal {
	return &runGlobal{rt: rt, base: base, harden: harden, build: build, live: live, cache: make(map[string]goja.Value, 16)}
}

const hotSize = 8

type hotEntry struct {
	p *byte
	n int
	v goja.Value
}

// Get implements goja.DynamicObject.
func (g *runGlobal) Get(key string) goja.Value {
	if len(g.vals) > 0 {
		if v, ok := g.vals[key]; ok {
			return v
		}
	}
	// Equal address and length mean equal strings; a different address
	// may still be the same name, which the map below answers.
	p := unsafe.StringData(key)
	h := &g.hot[(uintptr(unsafe.Pointer(p))>>3)%hotSize]
	if h.p == p && h.n == len(key) {
		return h.v
	}
	v, ok := g.cache[key]
	if !ok {
		if g.live != nil {
			if v, ok := g.live(key); ok {
				return v
			}
		}
		var cacheable bool
		if v, cacheable = g.load(key); v == nil || !cacheable {
			return v
		}
	}
	*h = hotEntry{p, len(key), v}
	return v
}

// builtin is the pristine global's key, built (a binding) and hardened on
// its first lookup and cached from then on, whatever the run's own globals
// shadow it with.
func (g *runGlobal) builtin(key string) goja.Value {
	if v, ok := g.cache[key]; ok {
		return v
	}
	v, _ := g.load(key)
	return v
}

// load is builtin for a key not cached yet; cacheable is false for a
// binding whose value is the run's own.
func (g *runGlobal) load(key string) (v goja.Value, cacheable bool) {
	binding := false
	if g.build != nil {
		if binding = isBinding(key); binding {
			// The run's context decides whether the binding exists.
			if v, cacheable = g.build(key); v == nil || !cacheable {
				return v, false
			}
		}
	}
	if !binding {
		if g.hidden[key] {
			return nil, false
		}
		if v = g.base.Get(key); v == nil {
			return nil, false
		}
	}
	if g.harden != nil {
		if _, err := g.harden(goja.Undefined(), g.rt.ToValue(key), v); err != nil {
			// The script sees the failure where it named the global, and
			// the half-hardened value is not cached; hardenSource marked
			// the runtime broken, so it is discarded after the run.
			panic(err)
		}
	}
	g.cache[key] = v
	if binding {
		g.cachedBindings = append(g.cachedBindings, key)
	}
	return v, true
}

// forgetBindings drops the cached bindings, for a run in another context
// than the last: the next lookup asks the new context.
func (g *runGlobal) forgetBindings() {
	for _, k := range g.cachedBindings {
		delete(g.cache, k)
	}
	g.cachedBindings = g.cachedBindings[:0]
	g.hot = [hotSize]hotEntry{}
}

// Set implements goja.DynamicObject.
func (g *runGlobal) Set(key string, val goja.Value) bool {
	if g.vals == nil {
		g.vals = make(map[string]goja.Value)
	}
	g.vals[key] = val
	return true
}

// Has implements goja.DynamicObject.
func (g *runGlobal) Has(key string) bool {
	if _, ok := g.vals[key]; ok {
		return true
	}
	// goja's Get answers nil only for a missing property (undefined for one
	// whose value is undefined).
	return g.Get(key) != nil
}

// Delete implements goja.DynamicObject. Only the run's own globals can be
// deleted; the built-ins and bindings below stay.
func (g *runGlobal) Delete(key string) bool {
	delete(g.vals, key)
	return true
}

// Keys implements goja.DynamicObject.
func (g *runGlobal) Keys() []string {
	keys := make([]string, 0, len(g.vals))
	for k := range g.vals {
		keys = append(keys, k)
	}
	return keys
}

// reset forgets the run's globals and undoes Object.setPrototypeOf on the
// global, the one change goja lets a script make to a dynamic object itself.
func (g *runGlobal) reset() {
	if len(g.vals) > 0 {
		clear(g.vals)
	}
	if g.obj.Prototype() != g.proto {
		_ = g.obj.SetPrototype(g.proto)
	}
}
