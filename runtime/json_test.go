package runtime_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/runtime"
)

// TestJSONParse: scripts' JSON.parse (a Go parser for the common case) keeps
// JavaScript's results, errors and reviver.
func TestJSONParse(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	res := run(t, e, `
		var o = JSON.parse('{"b":1,"__proto__":{"x":1},"a":[1,-0,2.5],"b":3}');
		var lone = JSON.parse('"\\ud800"');
		var err; try { JSON.parse("{,}"); } catch (e) { err = e; }
		var revived = JSON.parse('{"n":1,"m":2}', function (k, v) { return typeof v === "number" ? v * 10 : v; });
		action.goTo([Object.keys(o).join(" "), Object.getPrototypeOf(o) === Object.prototype, o.x, o.b,
			Object.is(o.a[1], -0), JSON.parse("1e400"), lone.length, lone.charCodeAt(0),
			err instanceof SyntaxError, revived.n + revived.m].join("|"));`, runtime.Input{})
	// An unpaired surrogate escape goes to goja's own JSON.parse, which
	// (through encoding/json) turns it into U+FFFD (65533), as before.
	assert.Equal(t, "b __proto__ a|true||3|true|Infinity|1|65533|true|30", res.Outcome)
}
