package runtime_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

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
	assert.Less(t, time.Since(start), 2*time.Second)

	// The bound is exact, and counts depth, not the values met: many
	// siblings, each nested a little, pass.
	res = run(t, e, `function nest(n) { var a = []; for (var i = 1; i < n; i++) { a = [a]; } return a; }
		var wide = []; for (var i = 0; i < 5000; i++) { wide.push({x: [{y: [i]}]}); }
		var deep; try { JSON.stringify(nest(1001)); } catch (e) { deep = e.name; }
		action.goTo([JSON.stringify(nest(1000)).length, JSON.stringify({w: wide}).length, deep].join(" "));`, runtime.Input{})
	assert.Equal(t, "2000 103897 RangeError", res.Outcome)

	_, se = runErr(t, e, `var o = {}; for (var i = 0; i < 1e4; i++) { o = {o: o}; } nodeState.putShared("deep", o);`, runtime.Input{})
	assert.Contains(t, se.Message, "nodeState.putShared: the value is nested more than 256 levels deep")
}
