package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const tenantInvalid = "var a = 1;\nlet b = 2;\nvar o = {a, b};\nfor (var x of [1]) {}\naction.goTo(String(o.a + o.b));\n"

// TestRunTenantViolations: run refuses what AIC would not compile, naming
// file:line:col, Rhino's message and what to write instead, for each.
func TestRunTenantViolations(t *testing.T) {
	script := writeFile(t, t.TempDir(), "bad.js", tenantInvalid)
	code, out, _ := cli(t, "run", script)
	assert.Equal(t, 1, code)
	for _, want := range []string{
		"error:       " + script + ":2:1: SyntaxError: missing ; before statement\n               hint: AIC's Rhino has no let: declare it with var\n",
		"error:       " + script + ":3:10: SyntaxError: missing : after property id\n               hint: name each property: write {a: a, b: b}\n",
		"error:       " + script + ":3:13: SyntaxError: missing : after property id\n",
		"error:       " + script + ":4:12: SyntaxError: missing ; after for-loop initializer\n               hint: AIC's Rhino has no for…of: loop with an index",
	} {
		assert.Contains(t, out, want)
	}

	code, out, _ = cli(t, "run", script, "--format", "json")
	assert.Equal(t, 1, code)
	var rep struct {
		Error struct {
			Kind, Message, File, Hint string
			Line, Column              int
			More                      []json.RawMessage
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, "syntax", rep.Error.Kind)
	assert.Equal(t, [2]int{2, 1}, [2]int{rep.Error.Line, rep.Error.Column})
	assert.Contains(t, rep.Error.Hint, "var")
	assert.Len(t, rep.Error.More, 3)
}

// TestLanguageModernFlag: --language modern runs goja's full language on
// every command that runs scripts; a bad level is a usage error.
func TestLanguageModernFlag(t *testing.T) {
	dir := t.TempDir()
	script := writeFile(t, dir, "bad.js", tenantInvalid)
	code, out, errOut := cli(t, "run", script, "--language", "modern")
	require.Equal(t, 0, code, out+errOut)
	assert.Contains(t, out, "outcome:     3")

	writeFile(t, dir, "bad.test.yaml", "script: bad.js\ncases:\n  - name: sums\n    expect: {outcome: \"3\"}\n")
	code, out, _ = cli(t, "test", dir)
	assert.Equal(t, 1, code, out)
	code, out, errOut = cli(t, "test", dir, "--language", "modern")
	require.Equal(t, 0, code, out+errOut)
	assert.Equal(t, "1 passed, 0 failed", lastLine(out))

	code, _, errOut = cli(t, "run", script, "--language", "es2025")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `unknown language "es2025": tenant or modern`)
}

// TestConstWarningsInOutputs: the const quirks come out as warnings after
// run's outcome, in its JSON, under test's case and under journey's step.
func TestConstWarningsInOutputs(t *testing.T) {
	dir := t.TempDir()
	script := writeFile(t, dir, "w.js", "const limit = 3;\nfunction f() { for (var i = 0; i < 2; i++) { const k = i; } }\naction.goTo(\"ok\");\n")
	code, out, errOut := cli(t, "run", script)
	require.Equal(t, 0, code, out+errOut)
	assert.Contains(t, out, "outcome:     ok\nwarning:     "+script+":1:1: top-level const reads back undefined in AIC")
	assert.Contains(t, out, "warning:     "+script+":2:46: const in a loop body keeps its first iteration's value in AIC: use var\n")

	code, out, _ = cli(t, "run", script, "--format", "json")
	require.Equal(t, 0, code)
	var rep struct{ Warnings []map[string]any }
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	require.Len(t, rep.Warnings, 2)
	assert.Equal(t, map[string]any{"file": "w.js", "line": float64(2), "column": float64(46),
		"message": "const in a loop body keeps its first iteration's value in AIC: use var"}, rep.Warnings[1])

	writeFile(t, dir, "w.test.yaml", "script: w.js\ncases:\n  - name: ok\n    expect: {outcome: ok}\n")
	code, out, errOut = cli(t, "test", dir+"/w.test.yaml")
	require.Equal(t, 0, code, out+errOut)
	assert.Contains(t, out, "/w.test.yaml/ok (")
	assert.Contains(t, out, ")\n      warning: w.js:1:1: top-level const reads back undefined in AIC")

	// journey: the linear example with a top-level const in its first script.
	b, err := os.ReadFile(journeys + "linear.journey.json")
	require.NoError(t, err)
	exp := strings.Replace(string(b), `"var lib = require(\"greetingLib\");"`, `"const lib = require(\"greetingLib\");"`, 1)
	require.NotEqual(t, string(b), exp)
	path := writeFile(t, dir, "linear.journey.json", exp)
	code, out, errOut = cli(t, "journey", path)
	// As in AIC, the const reads back undefined, and the script fails
	// where it uses it: the warning says why.
	require.Equal(t, 1, code, out+errOut)
	assert.Regexp(t, `Set greeting\s+ScriptedDecisionNode\s+✗ error.*\n(\s+INFO.*\n)*\s+warning Set greeting:1:1: top-level const reads back undefined in AIC`, out)
	assert.Contains(t, out, `TypeError: Cannot call method "greet" of undefined`)
}
