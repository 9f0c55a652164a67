package runtime

import (
	"github.com/dop251/goja"
)

// gojaGlobals are globals goja has that no JavaScript engine does: AIC has
// none of them. (The event loop installs no globals at all: newVM builds it
// WithoutGlobals, so there is no setTimeout, console or Node require.)
var gojaGlobals = []string{
	"GoError", // goja's own error type for Go errors
}

// prepareGlobal strips goja's own globals from a new runtime and, in the
// tenant language, the globals and built-in methods AIC's Rhino lacks
// (tenant_globals.go): deleted, not hidden, so that typeof, `in` and
// for-in agree with AIC.
func prepareGlobal(rt *goja.Runtime, tenant bool) {
	global := rt.GlobalObject()
	if !tenant {
		global.DeleteBuiltins(gojaGlobals)
		return
	}
	global.DeleteBuiltins(tenantDeletedGlobals)
	for path, names := range tenantMissingMethods {
		// The runtime's own objects, reached without building what the
		// path passes through (Array.prototype without Array).
		rt.Builtin(path).ToObject(rt).DeleteBuiltins(names)
	}
}

// tenantDeletedGlobals are the globals a tenant runtime goes without.
var tenantDeletedGlobals = append(append([]string(nil), gojaGlobals...), tenantMissingGlobals...)
