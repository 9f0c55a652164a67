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

// prepareGlobal strips host-only globals and replaces globalThis with an
// accessor that answers the current run's global object, so that
// globalThis.x = 1 lands on the per-run global and vanishes with the run.
func prepareGlobal(rt *goja.Runtime) *goja.Object {
	base := rt.GlobalObject()
	for _, name := range hostGlobals {
		_ = base.Delete(name)
	}
	current := rt.ToValue(func(goja.FunctionCall) goja.Value { return rt.GlobalObject() })
	_ = base.DefineAccessorProperty("globalThis", current, nil, goja.FLAG_FALSE, goja.FLAG_FALSE)
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

// installGetter installs a per-run value (realm, scriptName, …) as a getter
// that reads the current run, which costs nothing per run.
func installGetter(rt *goja.Runtime, base *goja.Object, name string, get func() goja.Value) {
	getter := rt.ToValue(func(goja.FunctionCall) goja.Value { return get() })
	if err := base.DefineAccessorProperty(name, getter, nil, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic("runtime: install " + name + ": " + err.Error())
	}
}
