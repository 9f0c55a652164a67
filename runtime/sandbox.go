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
	// goja's own error type for Go errors: AIC has none.
	"GoError",
}

// prepareGlobal strips host-only globals from a new runtime and, in the
// tenant language, the globals and built-in methods AIC's Rhino lacks
// (tenant_globals.go): deleted, not hidden, so that typeof, `in` and
// for-in agree with AIC.
func prepareGlobal(rt *goja.Runtime, tenant bool) {
	global := rt.GlobalObject()
	for _, name := range hostGlobals {
		global.DeleteBuiltin(name)
	}
	if !tenant {
		return
	}
	for _, name := range tenantMissingGlobals {
		global.DeleteBuiltin(name)
	}
	for path, names := range tenantMissingMethods {
		// The runtime's own objects, reached without building what the
		// path passes through (Array.prototype without Array).
		owner := rt.Builtin(path).ToObject(rt)
		for _, name := range names {
			owner.DeleteBuiltin(name)
		}
	}
}
