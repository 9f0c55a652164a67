package runtime_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/runtime"
)

func TestPrototypePollutionIsContained(t *testing.T) {
	e := onePooled(t)
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
		"Function.call":   `Function.prototype.call = function () { return "hijacked"; }`,
		"Error name":      `Error.prototype.name = "Owned"`,
		"setPrototypeOf":  `Object.setPrototypeOf(Array.prototype, {evil: 1})`,
		"Promise.then":    `Promise.prototype.then = function () {}`,
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
	e := onePooled(t)
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
		var fn = function () {}; fn.call = "shadowed";
		action.goTo([String(err), err instanceof Error, err.constructor === ValidationError, String(plain),
			String(new Point(3)), String(o), o + 0, arr.push(3), fn.call].join("|"));`, runtime.Input{})
	assert.Equal(t, "ValidationError! bad input|true|true|Custom: later|P3|custom|42|mine|shadowed", res.Outcome)
}
