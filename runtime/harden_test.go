package runtime_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/runtime"
)

func TestPrototypePollutionIsContained(t *testing.T) {
	e := onePooledModern(t)
	attacks := map[string]string{
		"assign existing": `Object.prototype.toString = function () { return "pwned"; }`,
		"add to Object":   `"use strict"; Object.prototype.isAdmin = true;`,
		"add to Array":    `"use strict"; Array.prototype.evil = 1;`,
		"replace push":    `Array.prototype.push = function () { return -1; }`,
		"via __proto__":   `"use strict"; ({}).__proto__.polluted = "yes";`,
		"JSON.parse":      `"use strict"; JSON.parse = function () { return {admin: true}; };`,
		"Math.random":     `"use strict"; Math.random = function () { return 0; };`,
		"defineProperty":  `Object.defineProperty(Object.prototype, "sneaky", {value: 1, enumerable: false});`,
		"String method":   `"use strict"; String.prototype.trim = function () { return "x"; };`,
		"Function.call":   `"use strict"; Function.prototype.call = function () { return "hijacked"; }`,
		"Error name":      `Error.prototype.name = "Owned"`,
		"setPrototypeOf":  `Object.setPrototypeOf(Array.prototype, {evil: 1})`,
		"Promise.then":    `"use strict"; Promise.prototype.then = function () {}`,
		"iterator":        `"use strict"; Object.getPrototypeOf([][Symbol.iterator]()).next = function () { return {done: true}; };`,
	}
	for name, attack := range attacks {
		_, se := runErr(t, e, attack, runtime.Input{})
		assert.Equal(t, runtime.KindException, se.Kind, name)
		assert.Contains(t, se.Message, "TypeError", name)
	}
	res := run(t, e, `action.goTo([String({}), typeof ({}).isAdmin, [].evil, [1].push(2), ({}).polluted,
		JSON.parse('{"a":1}').a, typeof Math.random(), ({}).sneaky, " x ".trim(),
		Math.max.call(null, 1, 2), new Error("m").name, Object.getPrototypeOf(Array.prototype) === Object.prototype,
		[...[7]][0]].join(","))`, runtime.Input{})
	assert.Equal(t, "[object Object],undefined,,2,,1,number,,x,2,Error,true,7", res.Outcome)
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
func TestHardeningIsDeep(t *testing.T) {
	e := onePooled(t)
	attacks := map[string]string{
		"method property":    `Array.prototype.map.evil = 1`,
		"method prototype":   `Object.setPrototypeOf(Array.prototype.map, {call: function () { return "hijacked"; }})`,
		"getter":             `Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").get.evil = 1`,
		"binding method":     `nodeState.get.evil = 1`,
		"binding prototype":  `Object.setPrototypeOf(action.goTo, {})`,
		"nested binding":     `utils.crypto.randomUUID.evil = 1`,
		"java token":         `java.lang.Double.getName.evil = 1`,
		"thrown error":       `try { null.x; } catch (e) { Object.getPrototypeOf(e).evil = 1; }`,
		"global function":    `parseInt.evil = 1`,
		"constructor static": `({}).constructor.keys.evil = 1`,
	}
	for name, attack := range attacks {
		_, se := runErr(t, e, `"use strict"; `+attack, runtime.Input{})
		assert.Equal(t, runtime.KindException, se.Kind, name)
		assert.Contains(t, se.Message, "TypeError", name)
	}
	res := run(t, e, `action.goTo([Array.prototype.map.evil, Array.prototype.map.call === Function.prototype.call,
		nodeState.get.evil, Object.getPrototypeOf(action.goTo) === Function.prototype, utils.crypto.randomUUID.evil,
		parseInt.evil, Object.keys.evil, Object.isFrozen(Array.prototype.map)].join(","))`, runtime.Input{})
	assert.Equal(t, ",true,,true,,,,true", res.Outcome)
}

// TestGlobalsAreHardenedOnFirstLookup: built-ins reachable only through a
// global name are hardened the first time a script names them, with what
// their instances lead to, whichever way the name is looked up.
func TestGlobalsAreHardenedOnFirstLookup(t *testing.T) {
	cases := map[string]string{
		"Map":                `Object.isFrozen(Map.prototype) && Object.isFrozen(Map.prototype.set) && Object.isFrozen(Object.getPrototypeOf(new Map().entries()))`,
		"Set iterator":       `Object.isFrozen(Object.getPrototypeOf(new Set([1]).values()))`,
		"typed array":        `Object.isFrozen(Object.getPrototypeOf(new Uint8Array(2).buffer)) && Object.isFrozen(Object.getPrototypeOf(Uint8Array.prototype))`,
		"Date":               `Object.isFrozen(Date.prototype) && Object.isFrozen(Date.now)`,
		"JSON":               `Object.isFrozen(JSON) && Object.isFrozen(JSON.parse)`,
		"Math":               `Object.isFrozen(Math) && Object.isFrozen(Math.random)`,
		"Reflect":            `Object.isFrozen(Reflect) && Object.isFrozen(Reflect.get)`,
		"via globalThis":     `Object.isFrozen(globalThis["Wea" + "kMap"].prototype)`,
		"via descriptor":     `Object.isFrozen(Object.getOwnPropertyDescriptor(globalThis, "WeakSet").value.prototype)`,
		"URIError":           `(function () { try { decodeURI("%"); } catch (e) { return Object.isFrozen(Object.getPrototypeOf(e)); } })()`,
		"Object via literal": `Object.isFrozen(({}).constructor) && Object.isFrozen(({}).constructor.assign)`,
		"Function ctor":      `Object.isFrozen((function () {}).constructor)`,
	}
	for name, expr := range cases {
		// Modern: the tenant language hides Map, Set and typed arrays.
		e := newEngine(t, runtime.Options{PoolSize: 1, Language: runtime.LanguageModern})
		res := run(t, e, `action.goTo(String(`+expr+`))`, runtime.Input{})
		assert.Equal(t, "true", res.Outcome, name)
	}

	e := onePooledModern(t)
	_, se := runErr(t, e, `"use strict"; Map.prototype.set = function () {};`, runtime.Input{})
	assert.Contains(t, se.Message, "TypeError")
	_, se = runErr(t, e, `"use strict"; Object.getPrototypeOf(new Uint8Array(1).buffer).slice = null;`, runtime.Input{})
	assert.Contains(t, se.Message, "TypeError")
	res := run(t, e, `var m = new Map([[1, 2]]); action.goTo(String(m.get(1)) + typeof new Uint8Array(1).buffer.slice);`, runtime.Input{})
	assert.Equal(t, "2function", res.Outcome)
}

// TestOverridesOnLazyBuiltIns: the override-mistake accessors of built-ins
// hardened on first lookup work like the others.
func TestOverridesOnLazyBuiltIns(t *testing.T) {
	e := onePooledModern(t)
	res := run(t, e, `
		var d = Object.create(Date.prototype); d.toString = function () { return "my date"; };
		class HttpError extends TypeError { constructor(m) { super(m); this.name = "HttpError"; } }
		var caught; try { undefined.x; } catch (err) { caught = err; }
		var m = new Map(); m.toString = function () { return "my map"; };
		action.goTo([String(d), String(new HttpError("x")), caught.name, String(m)].join("|"));`, runtime.Input{})
	assert.Equal(t, "my date|HttpError: x|TypeError|my map", res.Outcome)
	_, se := runErr(t, e, `Date.prototype.toString = function () {};`, runtime.Input{})
	assert.Contains(t, se.Message, "Cannot assign to Date.prototype.toString")
}

// TestHardeningInterruptedByStackOverflow: a script that first names a
// built-in with almost no stack left makes its hardening overflow at some
// point of the way. goja's stack overflow cannot be caught, so the run fails
// and its runtime is discarded; no later run sees a half-hardened built-in.
func TestHardeningInterruptedByStackOverflow(t *testing.T) {
	const limit = 200
	// Modern: the dive hardens Map, which the tenant's language hides.
	e := newEngine(t, runtime.Options{PoolSize: 1, MaxCallStackSize: limit, Language: runtime.LanguageModern})
	overflowed, named := 0, 0
	for depth := limit - 40; depth <= limit; depth++ {
		res, err := e.Run(t.Context(), runtime.Script{Name: "dive.js", Source: fmt.Sprintf(`
			function dive(n) { return n > 0 ? dive(n - 1) : typeof Map.prototype.set; }
			action.goTo(dive(%d));`, depth)}, runtime.Input{})
		if err != nil {
			var se *runtime.ScriptError
			require.ErrorAs(t, err, &se)
			require.Equal(t, runtime.KindStackOverflow, se.Kind, "depth %d: %v", depth, err)
			overflowed++
			continue
		}
		require.Equal(t, "function", res.Outcome)
		named++
		check := run(t, e, `action.goTo([Object.isFrozen(Map.prototype), Object.isFrozen(Map.prototype.set),
			Object.isFrozen(Object.getPrototypeOf(new Map().keys()))].join(","))`, runtime.Input{})
		require.Equal(t, "true,true,true", check.Outcome, "after a run at depth %d", depth)
	}
	assert.NotZero(t, overflowed, "some depth overflowed")
	assert.NotZero(t, named, "some depth named Map")
}
