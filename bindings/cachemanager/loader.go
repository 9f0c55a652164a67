package cachemanager

import (
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// A Cache Loader script (context CACHE_LOADER) defines load(key) and, for a
// cache that refreshes, reload(key, oldValue); the cache manager calls them
// and keeps what they return. journeyjs runs the loader on the runtime of the
// script that called get, inside a function of its own: the loader's
// top-level names stay its own, it sees the run's back ends (HTTP routes,
// ESVs, secrets) through the common bindings, and it runs again from the
// top for every load, so nothing it sets survives from one load to the next.

// notForLoaders are the bindings of node scripts that a loader, which has
// the common bindings only, must not see. In the loader they are declared
// and left undefined: using one fails (TypeError) where AIC fails with a
// ReferenceError.
var notForLoaders = []string{
	"action", "nodeState", "callbacks", "callbacksBuilder",
	"requestHeaders", "requestParameters", "requestCookies",
	"idRepository", "resumedFromSuspend", "existingSession",
	"jwtAssertion", "jwtValidator", "locales", "journey", "cacheManager",
	"samlApplication", "oauthApplication", "deviceProfilesDao", "verifyTransactionsHelper",
}

// loaderPrefix goes on the loader's first line, so that its line numbers in
// errors are the file's.
var loaderPrefix = "(function () { var " + strings.Join(notForLoaders, ", ") + "; "

const loaderSuffix = "\n;return [typeof load === \"function\" ? load : undefined, typeof reload === \"function\" ? reload : undefined];\n})"

// programs caches compiled loaders by source and language: a goja program
// can run on any runtime.
var programs sync.Map // programKey → *goja.Program

type programKey struct {
	source string
	rhino  bool
}

// compileLoader compiles a loader as the engine compiles scripts: checked
// against its language by check (Rhino's syntax in the tenant language),
// and, on a runtime in Rhino mode, with Rhino's strict mode.
func compileLoader(cfg Config, rhino bool, check func(name, source string) error) (*goja.Program, error) {
	key := programKey{cfg.LoaderSource, rhino}
	if p, ok := programs.Load(key); ok {
		return p.(*goja.Program), nil
	}
	name := cfg.LoaderName
	if name == "" {
		name = cfg.Name + " loader"
	}
	if check != nil {
		if err := check(name, cfg.LoaderSource); err != nil {
			return nil, fmt.Errorf("cache loader script %s does not compile: %w", name, err)
		}
	}
	compile := func(name, src string) (*goja.Program, error) { return goja.Compile(name, src, false) }
	if rhino {
		compile = goja.CompileRhino
	}
	p, err := compile(name, loaderPrefix+cfg.LoaderSource+loaderSuffix)
	if err != nil {
		return nil, fmt.Errorf("cache loader script %s does not compile: %w", name, err)
	}
	programs.Store(key, p)
	return p, nil
}

// loaderFuncs evaluates the cache's loader on rt and returns its load and
// reload functions (reload nil when the script defines none).
func loaderFuncs(rt *goja.Runtime, cfg Config, check func(name, source string) error) (load, reload goja.Callable, err error) {
	if strings.TrimSpace(cfg.LoaderSource) == "" {
		return nil, nil, fmt.Errorf("cache %q has no loader script", cfg.Name)
	}
	prg, err := compileLoader(cfg, rt.RhinoCompat(), check)
	if err != nil {
		return nil, nil, err
	}
	wrapper, err := rt.RunProgram(prg)
	if err != nil {
		return nil, nil, err
	}
	fn, ok := goja.AssertFunction(wrapper)
	if !ok {
		return nil, nil, fmt.Errorf("cache %q: loader script did not evaluate", cfg.Name)
	}
	pair, err := fn(goja.Undefined())
	if err != nil {
		return nil, nil, err
	}
	obj := pair.ToObject(rt)
	load, _ = goja.AssertFunction(obj.Get("0"))
	reload, _ = goja.AssertFunction(obj.Get("1"))
	if load == nil {
		return nil, nil, fmt.Errorf("cache %q: loader script %s defines no load(key) function", cfg.Name, cfg.LoaderName)
	}
	return load, reload, nil
}
