package runtime_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/runtime"
)

// TestConstRunsAsInAIC: the const quirks happen as in AIC (spec §1,
// measured), each is reported, and positions on a rewritten line still
// point at the user's text.
func TestConstRunsAsInAIC(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	res := run(t, e, `const top = 5;
var seen = [];
for (var i = 0; i < 3; i++) { const k = i * 2; seen.push(k); }
function f() { var out = []; for (var j = 0; j < 3; j++) { const k = j * 2; out.push(k); } return out.join(); }
function g() { const a = 1; a = 2; return a; }
top = 6;
action.goTo([typeof top, seen.join(), f(), g()].join("|"));`, runtime.Input{})
	assert.Equal(t, "undefined|,,|0,0,0|1", res.Outcome)
	var msgs []string
	for _, w := range res.Warnings {
		msgs = append(msgs, fmt.Sprintf("%d:%d %s", w.Line, w.Column, w.Message))
	}
	assert.Equal(t, []string{
		"1:1 top-level const reads back undefined in AIC (a decision script's top level is not a function scope): use var",
		"3:31 const in a top-level loop body reads back undefined in AIC: use var",
		"4:60 const in a loop body keeps its first iteration's value in AIC: use var",
		"5:29 AIC ignores an assignment to a const, without an error: use var",
	}, msgs)

	// An error after a rewritten const on the same line keeps its column:
	// the one goja reports for the source as written (modern, no rewrite).
	const failing = `function h() { for (var j = 0; j < 1; j++) { const k = j; k.x.y; } }
h();`
	_, se := runErr(t, e, failing, runtime.Input{})
	_, asWritten := runErr(t, newEngine(t, runtime.Options{Language: runtime.LanguageModern}), failing, runtime.Input{})
	assert.Equal(t, 1, se.Line)
	assert.Equal(t, asWritten.Column, se.Column, se.Message)
	assert.Equal(t, 63, se.Column, "the . before y")

	// A library's top level is a function: its consts work, as in AIC.
	e = newEngine(t, runtime.Options{Libraries: map[string]string{"lib": `const answer = 42; exports.answer = answer;`}})
	res = run(t, e, `action.goTo(String(require("lib").answer))`, runtime.Input{})
	assert.Equal(t, "42", res.Outcome)
}
