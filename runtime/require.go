package runtime

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
)

// newRequire builds the `require` function of a runtime: the runtime's own
// binding (see ownBindings), offered by the contexts that load library
// scripts.
func newRequire(v *vm) bindings.Instance {
	return bindings.Value{V: v.rt.ToValue(func(call goja.FunctionCall) goja.Value { return v.req.require(call) })}
}

// requirer resolves require(name) to registered library scripts only. Each run
// has its own module cache, so module-level state in a library never leaks
// from one run to the next.
type requirer struct {
	v       *vm
	modules map[string]*goja.Object // module.exports by name, this run
	// warnings are the language warnings of the libraries this run
	// required; valid while modules is not nil.
	warnings []Warning
}

// allWarnings are the language warnings of the run's script and of the
// libraries it required, in that order.
func (v *vm) allWarnings() []Warning {
	if len(v.req.warnings) == 0 {
		return v.warnings
	}
	return append(v.warnings[:len(v.warnings):len(v.warnings)], v.req.warnings...)
}

func (r *requirer) require(call goja.FunctionCall) goja.Value {
	rt := r.v.rt
	name := ""
	if len(call.Arguments) > 0 {
		name = call.Argument(0).String()
	}
	if exports, ok := r.modules[name]; ok {
		return exports.Get("exports")
	}
	source, ok := r.v.lookupLibrary(name)
	if !ok {
		panic(rt.NewGoError(fmt.Errorf("require(%q): %s", name, whyNotLibrary(name))))
	}
	entry := r.v.eng.cache.entry(name, source, kindLibrary)
	prg, err := entry.prg, entry.err
	if err != nil {
		se := fromGoja(err, name, r.v.positions, r.v.limitKind)
		panic(rt.NewGoError(fmt.Errorf("require(%q): %s", name, se.Error())))
	}
	r.warnings = append(r.warnings, entry.tenant.warnings...)
	r.v.addShifts(name, entry.tenant.shifts)
	fnVal, err := rt.RunProgram(prg)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(fnVal)
	module := rt.NewObject()
	exports := rt.NewObject()
	_ = module.Set("exports", exports)
	_ = module.Set("id", name)
	if r.modules == nil {
		r.modules = map[string]*goja.Object{}
	}
	// Registered before it runs, so circular requires see partial exports as
	// they do in CommonJS.
	r.modules[name] = module
	if _, err := fn(exports, exports, module, rt.ToValue(r.require)); err != nil {
		delete(r.modules, name)
		panic(err)
	}
	return module.Get("exports")
}

func whyNotLibrary(name string) string {
	switch {
	case name == "":
		return "a library script name is required"
	case strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, "."):
		return "scripts cannot require files by path; register the file as a library script and require it by name"
	case strings.HasPrefix(name, "node:") || nodeBuiltins[name]:
		return "Node.js modules are not available to decision scripts; only library scripts can be required"
	}
	return "no library script with this name is registered"
}

var nodeBuiltins = map[string]bool{
	"fs": true, "child_process": true, "os": true, "path": true, "net": true, "http": true,
	"https": true, "process": true, "util": true, "buffer": true, "url": true, "crypto": true,
	"vm": true, "module": true, "worker_threads": true, "events": true, "stream": true, "console": true,
}
