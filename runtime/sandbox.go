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
