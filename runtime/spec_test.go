package runtime_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/runtime"
)

// TestSpecSection1 takes the engine and language tables of the spec
// (../shared/spec/aic-scripting.md §1) row by row and shows journeyjs doing
// what the tenant does, in the default (tenant) language. Each case names
// its row.
func TestSpecSection1(t *testing.T) {
	e := newEngine(t, runtime.Options{Libraries: map[string]string{
		"constLib": `const answer = 42; exports.answer = answer;`,
	}})
	outcome := func(row, src, want string) {
		t.Helper()
		res, err := e.Run(context.Background(), runtime.Script{Name: "row.js", Source: src}, runtime.Input{})
		require.NoError(t, err, row)
		assert.Equal(t, want, res.Outcome, row)
	}
	refused := func(row, src, message string) {
		t.Helper()
		_, err := e.Run(context.Background(), runtime.Script{Name: "row.js", Source: src}, runtime.Input{})
		var se *runtime.ScriptError
		require.ErrorAs(t, err, &se, row)
		assert.Equal(t, runtime.KindSyntax, se.Kind, row)
		assert.Contains(t, se.Message, message, row)
	}
	throws := func(row, src, message string) {
		t.Helper()
		_, se := runErr(t, e, src, runtime.Input{})
		assert.Contains(t, se.Message, message, row)
	}

	// Row "Works".
	outcome("works: var, const in a function, arrows, templates",
		"var a = 1; function f() { const b = 2; return b; } var g = (x) => x + 1; action.goTo(`${a}-${f()}-${g(2)}`);", "1-2-3")
	outcome("works: the ES2015 methods of the row",
		`action.goTo([[1, 2].includes(2), [1, 2].find(function (x) { return x > 1; }), [0, 0].fill(7).join(""),
			Array.from({length: 3}, function (_, i) { return i; }).join(""), "abc".includes("b"), "abc".startsWith("a"),
			"abc".endsWith("c"), "ab".repeat(2), "e\u0301".normalize().length, Object.assign({}, {k: 1}).k,
			Object.keys({x: 1, y: 2}).join(""), JSON.stringify(JSON.parse('{"j":1}'))].join("|"))`,
		`true|2|77|012|true|true|true|abab|1|1|xy|{"j":1}`)

	// Row "Parse errors".
	refused("parse error: let", "let x = 1; action.goTo('x');", "missing ; before statement")
	refused("parse error: object shorthand", "var a = 1; var o = {a}; action.goTo('x');", "missing : after property id")
	refused("parse error: shorthand destructuring", "var {a} = {a: 1}; action.goTo('x');", "SyntaxError")
	refused("parse error: default parameters", "function f(a = 1) { return a; } action.goTo('x');", "SyntaxError")
	refused("parse error: for…of with var", "for (var x of [1]) {} action.goTo('x');", "missing ; after for-loop initializer")
	refused("parse error: const in a for head", "for (const i = 0; i < 1; ) {} action.goTo('x');", "SyntaxError")
	refused("parse error: one const twice in a function", "function f() { { const a = 1; } { const a = 2; } } action.goTo('x');", "SyntaxError")

	// Row "Silent bugs".
	outcome("silent bug: top-level const reads undefined", "const c = 5; action.goTo(typeof c);", "undefined")
	outcome("silent bug: const in a top-level loop body", "var o = []; for (var i = 0; i < 3; i++) { if (true) { const k = i; o.push(k); } } action.goTo(o.join());", ",,")
	outcome("silent bug: const in a loop body in a function", "function f() { var o = []; for (var i = 0; i < 3; i++) { const k = i * 2; o.push(k); } return o.join(); } action.goTo(f());", "0,0,0")
	outcome("silent bug: a library's top-level const works", `action.goTo(String(require("constLib").answer));`, "42")

	// Row "Cause of top-level const bug": fresh standard objects on every
	// evaluation, and a context global on every scope.
	outcome("standard objects rebuilt: a change", "Object.prototype.leak = 1; action.goTo(String(({}).leak));", "1")
	outcome("standard objects rebuilt: the next run", "action.goTo(typeof ({}).leak);", "undefined")
	outcome("a global named context", "action.goTo(typeof context);", "object")

	// Row "Missing globals".
	outcome("missing globals: typeof", `action.goTo([typeof Map, typeof Set, typeof WeakMap, typeof WeakSet, typeof Symbol,
		typeof Promise, typeof Proxy, typeof Reflect, typeof console, typeof process, typeof Buffer, typeof setTimeout].join())`,
		"undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined")
	throws("missing globals: use", "new Map();", `ReferenceError: "Map" is not defined.`)

	// Row "Present in next-gen decision scope".
	outcome("present: require, JavaImporter, java", "action.goTo([typeof require, typeof JavaImporter, typeof java].join());", "function,function,object")

	// Row "Java access".
	outcome("java: the allow-list", `var s = new java.util.HashSet(); s.add("a"); s.add("a");
		var l = new java.util.ArrayList(); l.add(1); var ls = new java.util.LinkedHashSet(); var ts = new java.util.TreeSet();
		var ll = new java.util.LinkedList(); var m = java.util.Collections.singletonMap("k", "v");
		action.goTo([s.size(), l.get(0), ls.size(), ts.size(), ll.size(), m.get("k"), java.util.Collections.emptyMap().size(),
			new java.lang.Integer(3), new java.lang.Long(4)].join());`, "1,1.0,0,0,0,v,0,3,4") // a number in a Java list is a Double, as the oracle shows
	throws("java: a blocked class", "new java.util.HashMap();", "TypeError: [JavaPackage java.util.HashMap] is not a function, it is object.")

	// Row "Instruction observer": stack depth 10000, Java map keys as properties.
	outcome("stack depth: 5,000 frames run", "function d(n) { return n === 0 ? 0 : 1 + d(n - 1); } action.goTo(String(d(5000)));", "5000")
	throws("stack depth: unbounded recursion ends", "function r() { return r(); } r();", "Exceeded maximum stack depth")
	outcome("Java map keys readable as properties", `var m = java.util.Collections.singletonMap("k", "v"); action.goTo(m.k);`, "v")

	// Row "A Java exception thrown by a binding": the message is readable.
	outcome("a binding's Java exception: message", `try { java.util.Collections.emptyList().get(0); } catch (e) { action.goTo(typeof e.message); }`, "string")
}

// TestLegacyOutcomeGlobal: with no action.goTo and no callbacks, AM reads
// the script's global variable outcome (spec §2.1); goTo and callbacks win
// over it, and a script that sets neither fails for want of an outcome.
func TestLegacyOutcomeGlobal(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	for src, want := range map[string]string{
		`var outcome = "legacy";`:                            "legacy",
		`outcome = "implicit";`:                              "implicit",
		`this.outcome = "on this";`:                          "on this",
		`var outcome = "ignored"; action.goTo("goTo wins");`: "goTo wins",
	} {
		assert.Equal(t, want, run(t, e, src, runtime.Input{}).Outcome, src)
	}
	res, err := e.Run(context.Background(), runtime.Script{Name: "cb.js", Source: `var outcome = "x"; callbacksBuilder.textOutputCallback(0, "hi");`}, runtime.Input{})
	require.NoError(t, err)
	assert.Empty(t, res.Outcome, "callbacks win: the pass has no outcome")
	_, se := runErr(t, e, `var other = 1;`, runtime.Input{})
	assert.Equal(t, runtime.KindNoOutcome, se.Kind)
}
