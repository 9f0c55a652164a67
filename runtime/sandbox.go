package runtime

import (
	"github.com/dop251/goja"
)

// hostGlobals are names the event loop and require packages install that AIC
// does not give next-generation scripts. Leaving them would let a script work
// here and fail in the tenant.
var hostGlobals = []string{
	"setTimeout", "setInterval", "setImmediate",
	"clearTimeout", "clearInterval", "clearImmediate",
	"require", "console",
}

// prepareGlobal strips host-only globals, and globalThis: it would hand out
// the pristine global, and runGlobal answers it with the run's own, so that
// globalThis.x = 1 lands on the per-run global and vanishes with the run.
func prepareGlobal(rt *goja.Runtime) *goja.Object {
	base := rt.GlobalObject()
	for _, name := range hostGlobals {
		_ = base.Delete(name)
	}
	_ = base.Delete("globalThis")
	return base
}

// install puts a binding on the pristine global: not enumerable, not
// configurable. It stays writable so that a script's own `var logger` or
// `logger = …` shadows it on the per-run global instead of failing.
func install(base *goja.Object, name string, v goja.Value) {
	if err := base.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic("runtime: install binding " + name + ": " + err.Error())
	}
}
