package runtime_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/runtime"
)

func TestNoJavaNoHostAccess(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	res := run(t, e, `action.goTo([typeof Java, typeof JavaImporter, typeof Packages, typeof load,
		typeof importPackage, typeof setTimeout, typeof console, typeof process, typeof require].join(","))`, runtime.Input{})
	// JavaImporter is AIC's (spec §1), limited to the Java allow-list.
	assert.Equal(t, "undefined,function,undefined,undefined,undefined,undefined,undefined,undefined,function", res.Outcome)

	for _, src := range []string{
		`var fr = JavaImporter(org.forgerock.openam.auth.node.api.Action);`,
		`Java.type("java.lang.Runtime").getRuntime().exec("id")`,
		`Packages.java.io.File`,
		`load("/etc/passwd")`,
	} {
		_, se := runErr(t, e, src, runtime.Input{})
		assert.Equal(t, runtime.KindException, se.Kind, src)
		assert.Contains(t, se.Message, "is not defined. (next-generation scripts cannot use Java classes or load files)", src)
	}
	// eval and Function exist, as in AIC, but reach nothing more than the script can.
	res = run(t, e, `var g = Function("return this")(); action.goTo(String(g === globalThis) + typeof g.Java + eval("String(java.lang.Runtime)"))`, runtime.Input{})
	assert.Equal(t, "trueundefined[JavaPackage java.lang.Runtime]", res.Outcome)
}

func TestRequireOnlyRegisteredLibraries(t *testing.T) {
	e := newEngine(t, runtime.Options{Libraries: map[string]string{
		"moduleExports": `module.exports = function (x) { return "hello " + x; };`,
		"plainExports":  `exports.twice = function (x) { return x * 2; }; exports.counter = 0;`,
		"usesOther":     `var p = require("plainExports"); exports.four = p.twice(2);`,
	}})
	require.NoError(t, e.RegisterLibrary("registered", `exports.v = scriptName + "@" + realm;`))

	res := run(t, e, `
		var p = require("plainExports"); p.counter++;
		var again = require("plainExports");
		action.goTo([require("moduleExports")("you"), p.twice(21), again.counter, require("usesOther").four,
			require("registered").v, require("perRun").x].join(","));`,
		runtime.Input{Realm: "/alpha", Libraries: map[string]string{"perRun": `exports.x = "per-run";`}})
	assert.Equal(t, "hello you,42,1,4,test.js@/alpha,per-run", res.Outcome)
	// Module state does not survive into the next run.
	res = run(t, e, `action.goTo(String(require("plainExports").counter))`, runtime.Input{})
	assert.Equal(t, "0", res.Outcome)

	for src, want := range map[string]string{
		`require("./plainExports.js")`:  "scripts cannot require files by path",
		`require("/etc/passwd")`:        "scripts cannot require files by path",
		`require("fs")`:                 "Node.js modules are not available",
		`require("node:child_process")`: "Node.js modules are not available",
		`require("nope")`:               `require("nope"): no library script with this name is registered`,
		`require("perRun")`:             "no library script with this name is registered",
	} {
		_, se := runErr(t, e, src, runtime.Input{})
		assert.Contains(t, se.Message, want, src)
	}
}

// A library sees only what AIC gives one (spec §12): the common bindings,
// not the node bindings of the script that required it, even in functions
// it exports that the script calls later.
func TestLibrarySeesOnlyCommonBindings(t *testing.T) {
	e := newEngine(t, runtime.Options{Libraries: map[string]string{
		"peek": `exports.now = [typeof nodeState, typeof action, typeof callbacksBuilder, typeof logger, typeof utils, typeof require].join();
exports.later = function () { return typeof nodeState + "," + typeof idRepository; };`,
	}})
	res := run(t, e, `var p = require("peek"); action.goTo(p.now + "|" + p.later() + "|" + typeof nodeState)`, runtime.Input{})
	assert.Equal(t, "undefined,undefined,undefined,object,object,function|undefined,undefined|object", res.Outcome)
}

// A library run on its own (context library) runs as require runs it, with
// module, exports and require; its value lists what it exports.
func TestLibraryRunOnItsOwn(t *testing.T) {
	e := newEngine(t, runtime.Options{Libraries: map[string]string{"dep": `exports.two = 2;`}})
	res, err := e.Run(context.Background(), runtime.Script{Name: "lib.js", Source: `const base = require("dep").two;
exports.twice = function (x) { return x * base; }; exports.base = base; module.exports.kind = typeof nodeState;`},
		runtime.Input{Context: runtime.Library})
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"twice": "function", "base": int64(2), "kind": "undefined"}, res.Value)
}

func TestLibraryErrorsNameTheLibrary(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	err := e.RegisterLibrary("broken", "exports.x = ;")
	var se *runtime.ScriptError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "broken", se.File)
	assert.Equal(t, 1, se.Line)
	assert.Equal(t, 13, se.Column)

	_, se = runErr(t, e, `require("thrower")`, runtime.Input{Libraries: map[string]string{"thrower": "var a = 1;\nnull.boom;"}})
	assert.Equal(t, "thrower", se.File)
	assert.Equal(t, 2, se.Line)
	assert.Contains(t, se.Stack, "test.js:1:")
}

// onePooled returns an engine that reuses a single runtime for every run, so
// that isolation tests really run on the same goja.Runtime.
func onePooled(t *testing.T) *runtime.Engine {
	e := newEngine(t, runtime.Options{PoolSize: 1})
	run(t, e, `action.goTo("warm")`, runtime.Input{})
	return e
}

// onePooledModern is onePooled in the modern language level, for the tests
// that attack goja's built-ins with syntax AIC does not compile (classes,
// spread, let): the hardening must hold for embedders who allow it.
func onePooledModern(t *testing.T) *runtime.Engine {
	e := newEngine(t, runtime.Options{PoolSize: 1, Language: runtime.LanguageModern})
	run(t, e, `action.goTo("warm")`, runtime.Input{})
	return e
}

func TestGlobalsDoNotLeakBetweenPooledRuns(t *testing.T) {
	// Modern: top-level let must not leak either, for embedders who allow it.
	e := onePooledModern(t)
	dirty := `
		implicitGlobal = 1;
		globalThis.viaGlobalThis = 2;
		this.viaThis = 3;
		var topVar = 4; let topLet = 5; const topConst = 6; function topFn() {}
		(0, eval)("var evalVar = 7");
		Function("return this")().viaFunction = 8;
		nodeState = "shadowed"; logger = null; realm = "/evil";
		action.goTo("dirty");`
	res := run(t, e, dirty, runtime.Input{Realm: "/alpha"})
	assert.Equal(t, "dirty", res.Outcome)

	check := `action.goTo([typeof implicitGlobal, typeof viaGlobalThis, typeof viaThis, typeof topVar,
		typeof topLet, typeof topConst, typeof topFn, typeof evalVar, typeof viaFunction,
		typeof nodeState.get, typeof logger.info, realm].join(","))`
	res = run(t, e, check, runtime.Input{Realm: "/alpha"})
	assert.Equal(t, "undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,function,function,/alpha", res.Outcome)
	// The same top-level let in the next run is no redeclaration error.
	res = run(t, e, `let topLet = "again"; action.goTo(topLet)`, runtime.Input{})
	assert.Equal(t, "again", res.Outcome)
}

func TestBindingsCannotBeTamperedWith(t *testing.T) {
	// Modern: it tries Object.setPrototypeOf, which the tenant lacks.
	e := onePooledModern(t)
	res := run(t, e, `
		action.goTo = function () {}; logger.info = null; nodeState.evil = 1; utils.crypto.randomUUID = 0;
		java.lang.Double = "x"; delete action.withStage;
		var strict = (function () { "use strict"; try { action.goTo = 1; return "no"; } catch (e) { return e.name; } })();
		Object.defineProperty(globalThis, "x", {value: 1, enumerable: false});
		var goTo = action.goTo;
		Object.preventExtensions(globalThis);
		Object.setPrototypeOf(Object.prototype, null);
		goTo(strict + "," + x);`, runtime.Input{})
	assert.Equal(t, "TypeError,1", res.Outcome, "the global object is the run's own: it may change it")
	res = run(t, e, `action.goTo([typeof nodeState.evil, typeof logger.info, typeof utils.crypto.randomUUID,
		String(java.lang.Double), typeof action.withStage, typeof x, typeof globalThis.hasOwnProperty].join(","))`, runtime.Input{})
	assert.Equal(t, "undefined,function,function,[JavaClass java.lang.Double],function,undefined,function", res.Outcome)
}

func TestStateDoesNotLeakBetweenRuns(t *testing.T) {
	e := onePooled(t)
	run(t, e, `nodeState.putShared("a", 1).putTransient("b", 2); action.withHeader("h").goTo("x").withDescription("d")`, runtime.Input{})
	res := run(t, e, `action.goTo(String(nodeState.isDefined("a")) + nodeState.keys().length)`, runtime.Input{})
	assert.Equal(t, "false0", res.Outcome)
	assert.Empty(t, action.Headers.Get(res.Outputs))
	assert.Empty(t, action.Description.Get(res.Outputs))
	assert.Empty(t, res.SharedState)
}

func TestConcurrentRunsOnOneEngine(t *testing.T) {
	e := newEngine(t, runtime.Options{PoolSize: 4})
	const n = 100
	script := runtime.Script{Name: "concurrent.js", Source: `
		var me = nodeState.get("n");
		scratch = me; // an implicit global, per run
		var sum = 0; for (var i = 0; i < 2000; i++) { sum += i; }
		nodeState.putShared("seen", scratch);
		action.goTo("user-" + me);`}
	type out struct {
		i   int
		res runtime.Result
		err error
	}
	results := make(chan out, n)
	for i := 0; i < n; i++ {
		go func(i int) {
			res, err := e.Run(context.Background(), script, runtime.Input{SharedState: map[string]any{"n": int64(i)}})
			results <- out{i, res, err}
		}(i)
	}
	for k := 0; k < n; k++ {
		o := <-results
		require.NoError(t, o.err)
		assert.Equal(t, fmt.Sprintf("user-%d", o.i), o.res.Outcome)
		assert.Equal(t, int64(o.i), o.res.SharedState["seen"])
	}
	st := e.Stats()
	assert.Equal(t, int64(n), st.Runs)
	assert.Zero(t, st.InUse)
	assert.LessOrEqual(t, st.Idle, 4)
}
