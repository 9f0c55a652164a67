package runtime

import (
	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
)

// A runtime builds a binding the first time its script names it, by asking
// the registry (package bindings): most scripts use two or three bindings,
// and each costs 10 to 25 KB of function objects. A binding built during
// the run is begun for it at once.

// ownBindings are the bindings the runtime itself provides, looked up before
// the registry.
var ownBindings map[string]func(v *vm) bindings.Instance

func init() {
	// In init: newScriptContext reaches ownBindings through vm.instance.
	ownBindings = map[string]func(v *vm) bindings.Instance{
		"require": newRequire,
		"context": newScriptContext,
	}
}

// newScriptContext builds `context`: every AIC scope has it, the JSR-223
// ScriptContext AM evaluates in (spec §1). Scripts rarely use it; its
// getAttribute reads a binding by name, as ScriptContext.getAttribute
// reads the engine scope, null for a name the run's context lacks.
func newScriptContext(v *vm) bindings.Instance {
	rt := v.rt
	obj := rt.NewObject()
	_ = obj.Set("getAttribute", func(name string) goja.Value {
		if name != "context" && isBinding(name) {
			if val := v.bindingValue(name); val != nil {
				return val
			}
		}
		return goja.Null()
	})
	_ = obj.Set("toString", func() string { return "javax.script.SimpleScriptContext" })
	_, _ = v.freeze(goja.Undefined(), obj)
	return bindings.Value{V: obj}
}

// isBinding reports whether name is a binding's, the runtime's own or a
// registered one: the run's context then decides whether scripts see it.
func isBinding(name string) bool {
	if _, ok := ownBindings[name]; ok {
		return true
	}
	_, ok := bindings.Lookup(name)
	return ok
}

// builtBinding is one binding this runtime has built.
type builtBinding struct {
	name   string
	inst   bindings.Instance
	perRun bindings.PerRun // inst, when its value is the run's own
}

// bindingValue is the value of the binding called name when the run's
// context offers it, built on first use; nil when the context offers no
// such binding.
func (v *vm) bindingValue(name string) goja.Value {
	if !v.context.Has(name) {
		return nil
	}
	b := v.instance(name)
	if b == nil {
		return nil
	}
	if b.perRun != nil {
		return b.perRun.RunValue()
	}
	return b.inst.Value()
}

// instance returns the runtime's instance of the binding called name,
// building and beginning it on first use; nil when none is registered.
func (v *vm) instance(name string) *builtBinding {
	if b, ok := v.built[name]; ok {
		return b
	}
	build := ownBindings[name]
	if build == nil {
		reg, ok := bindings.Lookup(name)
		if !ok {
			return nil
		}
		build = func(v *vm) bindings.Instance { return reg.New(&v.env) }
	}
	inst := build(v)
	b := &builtBinding{name: name, inst: inst}
	b.perRun, _ = inst.(bindings.PerRun)
	if v.built == nil {
		v.built = make(map[string]*builtBinding)
	}
	v.built[name] = b
	v.order = append(v.order, b)
	if a, ok := inst.(bindings.Async); ok {
		// The watchdog aborts async work (vm.interruptLocked) under v.mu.
		v.mu.Lock()
		v.async = append(v.async, a)
		v.mu.Unlock()
	}
	if v.inRun {
		inst.Begin(&v.run)
	}
	return b
}

// beginBindings begins, for a new run, the bindings this runtime has built.
func (v *vm) beginBindings() {
	for _, b := range v.order {
		b.inst.Begin(&v.run)
	}
}

// endBindings ends the run for every built binding; what they recorded is in
// v.run.Outputs. A binding the runtime never built was not used.
func (v *vm) endBindings() {
	for _, a := range v.async {
		if a.Busy() {
			// The script failed with requests or callbacks outstanding:
			// their work is abandoned with the runtime, which the stats
			// count as discarded.
			v.broken = true
		}
	}
	for _, b := range v.order {
		b.inst.End(&v.run)
	}
}

// pendingAsync is the first built binding that left work for the event
// loop, nil when none did.
func (v *vm) pendingAsync() bindings.Async {
	for _, a := range v.async {
		if a.Pending() {
			return a
		}
	}
	return nil
}
