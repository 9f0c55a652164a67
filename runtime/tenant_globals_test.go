package runtime_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/runtime"
)

// At the tenant level the ES2015+ globals and methods AIC's Rhino lacks are
// absent (measured with the conformance oracle); at the modern level they
// are there.
func TestTenantLacksWhatRhinoLacks(t *testing.T) {
	tenant := newEngine(t, runtime.Options{})
	res := run(t, tenant, `action.goTo([typeof Map, typeof Set, typeof WeakMap, typeof Symbol, typeof Promise,
		typeof Proxy, typeof Reflect, typeof Uint8Array, typeof ArrayBuffer, typeof BigInt,
		typeof Object.values, typeof Object.entries, typeof Object.setPrototypeOf, typeof [].flat, typeof [].at,
		typeof "".replaceAll, typeof "".matchAll, typeof /a/.flags,
		typeof Object.assign, typeof [].includes, typeof "".padStart, typeof Array.from].join())`, runtime.Input{})
	assert.Equal(t, "undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,"+
		"undefined,undefined,undefined,undefined,undefined,undefined,undefined,string,"+
		"function,function,function,function", res.Outcome)
	// RegExp.prototype.flags is a known difference (conformance/
	// KNOWN-DIFFERENCES.md): goja's split and replace need it to keep a
	// regular expression's flags.
	res = run(t, tenant, `action.goTo("A,a".split(/a/i).length + "," + "xAx".replace(/a/gi, "-"))`, runtime.Input{})
	assert.Equal(t, "3,x-x", res.Outcome)

	_, se := runErr(t, tenant, `new Map()`, runtime.Input{})
	assert.Contains(t, se.Message, `ReferenceError: "Map" is not defined.`)
	_, se = runErr(t, tenant, `Object.entries({a: 1})`, runtime.Input{})
	assert.Contains(t, se.Message, "TypeError")

	modern := newEngine(t, runtime.Options{Language: runtime.LanguageModern})
	res = run(t, modern, `action.goTo([typeof Map, typeof Object.entries, typeof [].flat].join())`, runtime.Input{})
	assert.Equal(t, "function,function,function", res.Outcome)
}
