package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = execute(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	return p
}

func TestRunExampleScriptPretty(t *testing.T) {
	code, out, errOut := cli(t, "run", "../../scripts/risk-decision.js", "--fixtures", "../../scripts/risk-decision.fixtures.yaml")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "outcome:     high")
	assert.Contains(t, out, "DEBUG Scoring login for bjensen from BR in realm /alpha")
}

func TestRunJSONIsOneObject(t *testing.T) {
	dir := t.TempDir()
	script := writeFile(t, dir, "s.js", `logger.info("hi {}", nodeState.get("u")); nodeState.putTransient("t", 1);
action.withHeader("H").goTo("done").withDescription("desc").withErrorMessage("em");`)
	state := writeFile(t, dir, "state.yaml", "sharedState: {u: bjensen}\n")
	code, out, errOut := cli(t, "run", script, "--state", state, "--format", "json", "--realm", "/bravo")
	require.Equal(t, 0, code, errOut)
	var rep map[string]any
	dec := json.NewDecoder(bytes.NewReader([]byte(out)))
	require.NoError(t, dec.Decode(&rep))
	assert.False(t, dec.More(), "exactly one JSON value")
	for _, k := range []string{"outcome", "sharedState", "transientState", "headers", "description", "errorMessage", "logs", "durationMs"} {
		assert.Contains(t, rep, k)
	}
	assert.NotContains(t, rep, "error")
	assert.Equal(t, "done", rep["outcome"])
	assert.Equal(t, map[string]any{"u": "bjensen"}, rep["sharedState"])
	assert.Equal(t, map[string]any{"t": float64(1)}, rep["transientState"])
	assert.Equal(t, []any{"H"}, rep["headers"])
	assert.Equal(t, "desc", rep["description"])
	assert.Equal(t, "em", rep["errorMessage"])
	logs := rep["logs"].([]any)
	require.Len(t, logs, 1)
	l := logs[0].(map[string]any)
	assert.Equal(t, "INFO", l["level"])
	assert.Equal(t, "hi bjensen", l["message"])
	assert.Contains(t, l["logger"], ".(s.js)")
}

func TestRunFailingScriptExitsOneWithError(t *testing.T) {
	dir := t.TempDir()
	script := writeFile(t, dir, "bad.js", "var a = 1;\n  undefinedThing.call();\n")
	code, out, _ := cli(t, "run", script, "--format", "json")
	assert.Equal(t, 1, code)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	e := rep["error"].(map[string]any)
	assert.Equal(t, `ReferenceError: "undefinedThing" is not defined.`, e["message"])
	assert.Equal(t, float64(2), e["line"])
	assert.Equal(t, float64(3), e["column"])

	code, out, _ = cli(t, "run", script)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "error:       "+script+`:2:3: ReferenceError: "undefinedThing" is not defined.`)

	syntax := writeFile(t, dir, "syntax.js", "action.goTo('x'\n")
	code, out, _ = cli(t, "run", syntax, "--format", "json")
	assert.Equal(t, 1, code)
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, "syntax", rep["error"].(map[string]any)["kind"])

	noOutcome := writeFile(t, dir, "none.js", "logger.info('x')")
	code, _, _ = cli(t, "run", noOutcome)
	assert.Equal(t, 1, code)
}

func TestRunUsageAndFixtureErrorsExitTwo(t *testing.T) {
	dir := t.TempDir()
	script := writeFile(t, dir, "ok.js", `action.goTo("x")`)
	badFx := writeFile(t, dir, "fx.yaml", "realm: /a\nsecret: {}\n")
	cases := map[string][]string{
		"bad fixture":     {"run", script, "--fixtures", badFx},
		"missing fixture": {"run", script, "--fixtures", filepath.Join(dir, "nope.yaml")},
		"missing script":  {"run", filepath.Join(dir, "nope.js")},
		"bad format":      {"run", script, "--format", "xml"},
		"unknown flag":    {"run", script, "--frobnicate"},
		"no script":       {"run"},
		"bad log level":   {"run", script, "--log-level", "loud"},
		"unknown command": {"walk"},
	}
	for name, args := range cases {
		code, _, errOut := cli(t, args...)
		assert.Equal(t, 2, code, name)
		assert.NotEmpty(t, errOut, name)
	}
	_, _, errOut := cli(t, "run", script, "--fixtures", badFx)
	assert.Contains(t, errOut, badFx+`:2: unknown key "secret"`)
}
