package runtime_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/cachemanager"
	"github.com/journeyjs/journeyjs/runtime"
)

// TestPrototypePollutionIsContained: a run may change the standard objects,
// as in AM, which builds them fresh for every evaluation; the change works
// within the run and the next run on the same engine sees none of it.
func TestPrototypePollutionIsContained(t *testing.T) {
	e := onePooledModern(t)
	attacks := map[string]string{
		"assign existing": `Object.prototype.toString = function () { return "pwned"; }; action.goTo(String({}))`,
		"add to Object":   `"use strict"; Object.prototype.isAdmin = true; action.goTo(String(({}).isAdmin))`,
		"add to Array":    `"use strict"; Array.prototype.evil = 1; action.goTo(String([].evil))`,
		"replace push":    `Array.prototype.push = function () { return -1; }; action.goTo(String([].push(1)))`,
		"via __proto__":   `"use strict"; ({}).__proto__.polluted = "yes"; action.goTo(({}).polluted)`,
		"JSON.parse":      `"use strict"; JSON.parse = function () { return {admin: true}; }; action.goTo(String(JSON.parse("{}").admin))`,
		"Math.random":     `"use strict"; Math.random = function () { return 0; }; action.goTo(String(Math.random()))`,
		"defineProperty":  `Object.defineProperty(Object.prototype, "sneaky", {value: 1, enumerable: false}); action.goTo(String(({}).sneaky))`,
		"String method":   `"use strict"; String.prototype.trim = function () { return "x"; }; action.goTo(" a ".trim())`,
		"Function.call":   `"use strict"; Function.prototype.call = function () { return "hijacked"; }; action.goTo(Math.max.call(null, 1))`,
		"Error name":      `Error.prototype.name = "Owned"; action.goTo(new Error("m").name)`,
		"setPrototypeOf":  `Object.setPrototypeOf(Array.prototype, {evil: 1}); action.goTo(String([].evil))`,
		"Promise.then":    `"use strict"; Promise.prototype.then = function () { return "then"; }; action.goTo(Promise.resolve(1).then())`,
		"iterator":        `"use strict"; Object.getPrototypeOf([][Symbol.iterator]()).next = function () { return {done: true}; }; action.goTo(String([...[7]].length))`,
		"freeze globals":  `Object.freeze(Object.prototype); Object.freeze(globalThis); action.goTo(String(Object.isFrozen(Object.prototype)))`,
	}
	want := map[string]string{"assign existing": "pwned", "add to Object": "true", "add to Array": "1", "replace push": "-1",
		"via __proto__": "yes", "JSON.parse": "true", "Math.random": "0", "defineProperty": "1", "String method": "x",
		"Function.call": "hijacked", "Error name": "Owned", "setPrototypeOf": "1", "Promise.then": "then", "iterator": "0",
		"freeze globals": "true"}
	for name, attack := range attacks {
		res := run(t, e, attack, runtime.Input{})
		assert.Equal(t, want[name], res.Outcome, "%s works within its own run", name)
		res = run(t, e, `action.goTo([String({}), typeof ({}).isAdmin, [].evil, [1].push(2), ({}).polluted,
		JSON.parse('{"a":1}').a, typeof Math.random(), ({}).sneaky, " x ".trim(),
		Math.max.call(null, 1, 2), new Error("m").name, Object.getPrototypeOf(Array.prototype) === Object.prototype,
		[...[7]][0], Promise.resolve(1).then() instanceof Promise, Object.isFrozen(Object.prototype)].join(","))`, runtime.Input{})
		assert.Equal(t, "[object Object],undefined,,2,,1,number,,x,2,Error,true,7,true,false", res.Outcome, "the run after %q", name)
	}
}

// TestTenantBuiltinsAreMutablePerRun is issue 15's promise, in the tenant
// language: a helper added to Array.prototype works in its run and is gone
// in the next, and an instance may override an inherited method.
func TestTenantBuiltinsAreMutablePerRun(t *testing.T) {
	e := newEngine(t, runtime.Options{PoolSize: 1})
	res := run(t, e, `Array.prototype.sum = function () { var s = 0; for (var i = 0; i < this.length; i++) { s += this[i]; } return s; };
		String.prototype.shout = function () { return this.toUpperCase() + "!"; };
		action.goTo([1, 2, 3].sum() + "," + "hi".shout())`, runtime.Input{})
	assert.Equal(t, "6,HI!", res.Outcome)
	res = run(t, e, `action.goTo(typeof [].sum + "," + typeof "".shout)`, runtime.Input{})
	assert.Equal(t, "undefined,undefined", res.Outcome, "the next run on the same engine")
	res = run(t, e, `var a = [1]; a.map = function () { return 7; }; action.goTo(String(a.map()))`, runtime.Input{})
	assert.Equal(t, "7", res.Outcome)
	res = run(t, e, `function f() {} f.call = function () { return "own"; }; action.goTo(f.call())`, runtime.Input{})
	assert.Equal(t, "own", res.Outcome)
}

func TestOrdinaryOverridesStillWork(t *testing.T) {
	e := onePooledModern(t)
	res := run(t, e, `
		function ValidationError(msg) { this.name = "ValidationError"; this.message = msg; }
		ValidationError.prototype = Object.create(Error.prototype);
		ValidationError.prototype.constructor = ValidationError;
		ValidationError.prototype.toString = function () { return this.name + "! " + this.message; };
		var err = new ValidationError("bad input");
		var plain = new Error(); plain.message = "later"; plain.name = "Custom";
		class Point { constructor(x) { this.x = x; } toString() { return "P" + this.x; } }
		var o = {}; o.toString = function () { return "custom"; }; o.valueOf = function () { return 42; };
		var arr = [1, 2]; arr.push = function (v) { return "mine"; };
		var fn = function () {}; fn.bind = "shadowed";
		action.goTo([String(err), err instanceof Error, err.constructor === ValidationError, String(plain),
			String(new Point(3)), String(o), o + 0, arr.push(3), fn.bind].join("|"));`, runtime.Input{})
	assert.Equal(t, "ValidationError! bad input|true|true|Custom: later|P3|custom|42|mine|shadowed", res.Outcome)
}

// TestHardeningIsDeep: the methods of built-ins and bindings are frozen too,
// not only the objects that hold them.

// TestBindingsIgnoreReplacedBuiltins: a binding built after the script
// replaced Object.freeze, Error or JSON still works and is still frozen, as
// a Java binding in AIC is unaffected by what a script does to the
// standard objects.
func TestBindingsIgnoreReplacedBuiltins(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	res := run(t, e, `Object.freeze = function () { throw new Error("script's freeze"); };
		Error = function () { return {forged: true}; };
		JSON = {parse: function () { return "forged"; }, stringify: function () { return "forged"; }};
		nodeState.putShared("k", {a: 1});
		var frozen = Object.isFrozen(nodeState);
		var caught = "";
		try { secrets.getGenericSecret("scripted.node.none"); } catch (e) { caught = String(e.forged) + ":" + (e.message !== undefined); }
		action.goTo([frozen, nodeState.get("k").a, caught].join("|"));`, runtime.Input{})
	assert.Equal(t, "true|1|undefined:true", res.Outcome)
}

// TestNotProvidedStopsTheRun: a part of AIC's API journeyjs lacks stops the
// run with a message naming it, and no catch can swallow it.
func TestNotProvidedStopsTheRun(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	_, se := runErr(t, e, `var k;
try { k = secrets.getSigningKey("scripted.node.key"); } catch (e) { k = "caught"; }
action.goTo("went on");`, runtime.Input{})
	assert.Equal(t, runtime.KindNotProvided, se.Kind)
	res, _ := e.Run(context.Background(), runtime.Script{Name: "np.js", Source: "var x = 1;\nsecrets.getSigningKey('k');"}, runtime.Input{})
	require.Len(t, res.Warnings, 1)
	assert.Equal(t, "np.js:2:9: calls secrets.getSigningKey, which journeyjs does not provide: the run stops with not-provided if it gets there", res.Warnings[0].String())
	assert.Contains(t, se.Message, "secrets.getSigningKey is part of AIC's script API, but journeyjs does not provide it")
	assert.Equal(t, "ok", run(t, e, `action.goTo("ok")`, runtime.Input{}).Outcome, "the next run is clean")
}

// TestCacheLoadersAreHeldToTheTenantLanguage: a Cache Loader script that
// AIC's Rhino would not compile fails here too, with Rhino's message and
// the loader's own position; one that it compiles runs.
func TestCacheLoadersAreHeldToTheTenantLanguage(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	store := cachemanager.NewStore()
	require.NoError(t, store.Define("/alpha", cachemanager.Config{Name: "bad", LoaderName: "bad-loader.js",
		LoaderSource: "function load(key) {\n  let v = key.id;\n  return v;\n}"}))
	require.NoError(t, store.Define("/alpha", cachemanager.Config{Name: "good", LoaderName: "good-loader.js",
		LoaderSource: "function load(key) { var v = key.id + '!'; return v; }"}))
	in := runtime.Input{Realm: "/alpha", Backends: bindings.NewBackends(cachemanager.StoreKey.Value(store))}
	res := run(t, e, `action.goTo(cacheManager.named("good").get({id: "a"}))`, in)
	assert.Equal(t, "a!", res.Outcome)
	_, se := runErr(t, e, `cacheManager.named("bad").get({id: "a"})`, in)
	assert.Contains(t, se.Message, "bad-loader.js:2:3")
	assert.Contains(t, se.Message, "missing ; before statement")
}
