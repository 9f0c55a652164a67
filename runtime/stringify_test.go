package runtime_test

import (
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/runtime"
)

// JSON.stringify keeps its behaviour (replacer functions and lists, toJSON,
// space) and refuses values nested past the JSON limit quickly, instead of
// holding the runtime for seconds in native code.
func TestStringifyBehavesAndRefusesDeepValues(t *testing.T) {
	e := newEngine(t, runtime.Options{Timeout: 2 * time.Second, PoolSize: 1})
	res := run(t, e, `action.goTo([
		JSON.stringify({b: 1, a: [1, {c: "x"}], d: undefined, f: function () {}}),
		JSON.stringify({a: 1, b: 2, c: {a: 3, z: 4}}, ["a", "c"]),
		JSON.stringify({a: 1, b: "two"}, function (k, v) { return typeof v === "number" ? v * 10 : v; }),
		JSON.stringify({when: new Date(0)}),
		JSON.stringify([1, [2]], null, 1).length,
		JSON.stringify("s"), String(JSON.stringify(undefined)), JSON.stringify.name, JSON.stringify.length
	].join(" | "))`, runtime.Input{})
	assert.Equal(t, `{"b":1,"a":[1,{"c":"x"}]} | {"a":1,"c":{"a":3}} | {"a":10,"b":"two"} | {"when":"1970-01-01T00:00:00.000Z"} | 17 | "s" | undefined | stringify | 3`, res.Outcome)

	start := time.Now()
	_, se := runErr(t, e, `var a = []; for (var i = 0; i < 1e5; i++) { a = [a]; } JSON.stringify(a);`, runtime.Input{})
	assert.Contains(t, se.Message, "RangeError: JSON.stringify: the value is nested more than 1000 levels deep")
	assert.Less(t, time.Since(start), 15*time.Second, "refused, not walked for minutes")

	// The bound is exact, and counts depth, not the values met: many
	// siblings, each nested a little, pass.
	res = run(t, e, `function nest(n) { var a = []; for (var i = 1; i < n; i++) { a = [a]; } return a; }
		var wide = []; for (var i = 0; i < 5000; i++) { wide.push({x: [{y: [i]}]}); }
		var deep; try { JSON.stringify(nest(1001)); } catch (e) { deep = e.name; }
		action.goTo([JSON.stringify(nest(1000)).length, JSON.stringify({w: wide}).length, deep].join(" "));`, runtime.Input{})
	assert.Equal(t, "2000 103897 RangeError", res.Outcome)

	// A cycle met through a list of keys throws the pristine TypeError, with
	// Rhino's message, whatever the run's global now calls TypeError.
	// whatever the run's global now calls TypeError.
	res = run(t, e, `var Real = TypeError; TypeError = function (m) { this.message = "forged:" + m; };
		var o = {}; o.self = o; var got;
		try { JSON.stringify(o, ["self"]); } catch (e) { got = [e instanceof Real, e.message].join(" "); }
		action.goTo(got);`, runtime.Input{})
	assert.Equal(t, "true Cyclic org.mozilla.javascript.NativeObject value not allowed.", res.Outcome)

	_, se = runErr(t, e, `var o = {}; for (var i = 0; i < 1e4; i++) { o = {o: o}; } nodeState.putShared("deep", o);`, runtime.Input{})
	assert.Contains(t, se.Message, "nodeState.putShared: the value is nested more than 256 levels deep")
}

// TestStringifyMatchesGoja: the guarded JSON.stringify writes what goja's
// own writes, for the values scripts stringify, under three spacings and
// with no replacer, a replacer function and lists of keys; stringify may
// be called from inside a stringify.
func TestStringifyMatchesGoja(t *testing.T) {
	values := []string{
		`{b: 1, a: [1, {c: "x"}], d: undefined, f: function () {}, s: Symbol("s")}`,
		`[1, , 3, undefined, null, NaN, -0, Infinity, 1e21, 0.1, -1.5e-7]`,
		`{"é": "ü\u2028\u2029\n\t\"\\", lone: "\ud800", pair: "\ud83d\ude00", ctl: "\u0001\u001f"}`,
		`{when: new Date(0), str: new String("s"), num: new Number(2), bool: new Boolean(false)}`,
		`{toJSON: function (k) { return {key: k, inner: {toJSON: function (k2) { return "inner:" + k2; }}}; }}`,
		`{get g() { return {n: 1}; }, list: Object.defineProperty([], "0", {get: function () { return "x"; }, enumerable: true})}`,
		`Object.create({inherited: 1}, {own: {value: 2, enumerable: true}, hidden: {value: 3}})`,
		`{nested: {toJSON: function () { return JSON.stringify({x: [1, {y: 2}]}); }}, after: {z: [3]}}`,
		`(function () { var a = []; for (var i = 0; i < 200; i++) { a = [a, {i: i}]; } return a; })()`,
		`{"1": "one", "0": "zero", "b": 2, "a": 1}`,
		`"text"`, `42`, `null`, `true`, `undefined`, `function () {}`,
		`new Map([[1, 2]])`, `[new Set([1])]`, `{r: /x/g, e: new Error("boom")}`,
	}
	replacers := []string{"null",
		`function (k, v) { return typeof v === "number" ? v * 2 : k === "b" ? {wrapped: v} : v; }`,
		`["a", "b", 1, "0", "l"]`,
		`[new String("c"), new Number(1), {}, null, "d", "a"]`,
	}
	bare := goja.New()
	// Modern: the values include a Symbol, which the tenant language hides.
	e := newEngine(t, runtime.Options{Language: runtime.LanguageModern})
	for i, v := range values {
		for j, space := range []string{"undefined", "2", `"--"`} {
			// Every replacer with every value would be 228 runs; each
			// replacer meets each value under one spacing or another.
			replacer := replacers[(i+j)%len(replacers)]
			src := "String(JSON.stringify(" + v + ", " + replacer + ", " + space + "))"
			want, err := bare.RunString(src)
			require.NoError(t, err, src)
			res := run(t, e, `nodeState.putShared("out", `+src+`); action.goTo("x");`, runtime.Input{})
			assert.Equal(t, want.String(), res.SharedState["out"], src)
		}
	}
}

// TestStringifyKeyListsMatchGoja: a list of keys keeps its order (integer
// keys included), reads inherited keys, leaves arrays and wrapped
// primitives alone, applies at every level, and still finds cycles.
func TestStringifyKeyListsMatchGoja(t *testing.T) {
	bare := goja.New()
	// Modern: the key lists include a Map.
	e := newEngine(t, runtime.Options{Language: runtime.LanguageModern})
	for _, src := range []string{
		`JSON.stringify({b: 2, a: 1, "1": "one", "0": "zero"}, ["a", "b", 1, "0", "a"])`,
		`JSON.stringify(Object.create({a: 1}, {b: {value: 2, enumerable: true}}), ["a", "b", "c"])`,
		`JSON.stringify({a: [{a: 1, b: 2}, new String("s"), new Number(3)], b: {a: {b: 1}}}, ["a", "b"], 1)`,
		`JSON.stringify({a: new Date(0), m: new Map([[1, 2]])}, ["a", "m", "size"])`,
		`(function () { var o = {}; o.self = {o: o}; try { return JSON.stringify(o, ["self", "o"]); } catch (e) { return e.name + ": " + e.message; } })()`,
		`(function () { var o = {}; o.self = o; try { return JSON.stringify(o); } catch (e) { return e.name + ": " + e.message; } })()`,
	} {
		want, err := bare.RunString(src)
		require.NoError(t, err, src)
		res := run(t, e, `nodeState.putShared("out", `+src+`); action.goTo("x");`, runtime.Input{})
		assert.Equal(t, want.String(), res.SharedState["out"], src)
	}
}

// TestLongStringifyEndsAtTheTimeLimit: one stringify call over millions of
// values (a small value shared 2^21 times, built in no time) is stopped by
// the run's time limit, not left to finish.
func TestLongStringifyEndsAtTheTimeLimit(t *testing.T) {
	e := newEngine(t, runtime.Options{Timeout: 200 * time.Millisecond})
	start := time.Now()
	_, se := runErr(t, e, `var o = {a: 1}; for (var i = 0; i < 21; i++) { o = {l: o, r: o}; }
		nodeState.putShared("n", JSON.stringify(o).length);`, runtime.Input{})
	// The time limit, or the run's memory budget for the text it builds:
	// either stops it; the bound catches a call left to finish.
	assert.Contains(t, []runtime.ErrorKind{runtime.KindTimeout, runtime.KindMemory}, se.Kind, se.Message)
	assert.Less(t, time.Since(start), 15*time.Second)
}
