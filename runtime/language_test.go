package runtime

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTenantCheckRunsOncePerProgram: the check's result is cached with the
// compiled program, so a cached script (and library) is not checked again,
// and its warnings still come back on every run.
func TestTenantCheckRunsOncePerProgram(t *testing.T) {
	e := New(Options{PoolSize: 1})
	defer e.Close()
	require.NoError(t, e.RegisterLibrary("lib", "function f() { for (var i = 0; i < 2; i++) { const k = i; } } exports.x = 1;"))
	s := Script{Name: "w.js", Source: "const a = 1;\nrequire('lib');\naction.goTo('ok');"}
	before := tenantChecks.Load()
	for i := 0; i < 5; i++ {
		res, err := e.Run(context.Background(), s, Input{})
		require.NoError(t, err)
		require.Len(t, res.Warnings, 2)
		assert.Equal(t, Warning{File: "w.js", Line: 1, Column: 1, Message: res.Warnings[0].Message}, res.Warnings[0])
		assert.Contains(t, res.Warnings[0].Message, "top-level const reads back undefined")
		assert.Equal(t, "lib", res.Warnings[1].File)
		assert.Contains(t, res.Warnings[1].Message, "keeps its first iteration's value")
	}
	assert.Equal(t, int64(1), tenantChecks.Load()-before, "one check for the script; the library was checked when registered")
	// A run of another script has no warnings left over from the last one.
	res, err := e.Run(context.Background(), Script{Name: "clean.js", Source: "action.goTo('ok')"}, Input{})
	require.NoError(t, err)
	assert.Empty(t, res.Warnings)
	b, _ := json.Marshal(res)
	assert.NotContains(t, string(b), "warnings")
	// A broken script fails from the cache without a new check.
	bad := Script{Name: "bad.js", Source: "let a = 1;"}
	_, err1 := e.Run(context.Background(), bad, Input{})
	n := tenantChecks.Load()
	_, err2 := e.Run(context.Background(), bad, Input{})
	require.Error(t, err1)
	assert.Equal(t, err1.Error(), err2.Error())
	assert.Equal(t, n, tenantChecks.Load())
}

// TestTenantViolationsAreSyntaxErrors: every violation, as a syntax
// ScriptError with Rhino's message, its position and a hint; in JSON too.
func TestTenantViolationsAreSyntaxErrors(t *testing.T) {
	e := New(Options{})
	defer e.Close()
	_, err := e.Run(context.Background(), Script{Name: "v.js", Source: "var x = 1;\nlet y = 2;\nvar o = {x};"}, Input{})
	var se *ScriptError
	require.True(t, errors.As(err, &se))
	assert.Equal(t, KindSyntax, se.Kind)
	assert.Equal(t, "SyntaxError: missing ; before statement", se.Message)
	assert.Equal(t, [3]any{"v.js", 2, 1}, [3]any{se.File, se.Line, se.Column})
	assert.Contains(t, se.Hint, "var")
	require.Len(t, se.More, 1)
	assert.Equal(t, "SyntaxError: missing : after property id", se.More[0].Message)
	assert.Equal(t, [2]int{3, 10}, [2]int{se.More[0].Line, se.More[0].Column})
	assert.Equal(t, "v.js:2:1: SyntaxError: missing ; before statement\n\thint: AIC's Rhino has no let: declare it with var\n"+
		"v.js:3:10: SyntaxError: missing : after property id\n\thint: name each property: write {a: a, b: b}", se.Error())
	b, err := json.Marshal(se)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"hint":"AIC's Rhino has no let: declare it with var","more":[{"kind":"syntax"`)

	// Compile and RegisterScript say the same without running.
	require.ErrorAs(t, e.Compile(Script{Name: "c.js", Source: "for (var v of [1]) {}"}), &se)
	assert.Equal(t, "SyntaxError: missing ; after for-loop initializer", se.Message)
	require.ErrorAs(t, e.RegisterScript(Script{Name: "r.js", Source: "var f = (a = 1) => a;"}), &se)
	assert.Equal(t, "SyntaxError: missing formal parameter", se.Message)
}

// TestTenantLibraries: a library is checked when registered and when
// required; a top-level const in a library works in AIC, so no warning.
func TestTenantLibraries(t *testing.T) {
	e := New(Options{Libraries: map[string]string{"bad": "exports.f = (...a) => a.length;"}})
	defer e.Close()
	err := e.RegisterLibrary("badLib", "exports.o = {a};")
	var se *ScriptError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, KindSyntax, se.Kind)
	assert.Equal(t, "badLib", se.File)
	assert.Equal(t, "SyntaxError: missing : after property id", se.Message)

	_, err = e.Run(context.Background(), Script{Name: "s.js", Source: "require('bad'); action.goTo('x');"}, Input{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `require("bad"): bad:1:14: SyntaxError: syntax error`)

	require.NoError(t, e.RegisterLibrary("good", "const K = 1; exports.k = function () { return K; };"))
	res, err := e.Run(context.Background(), Script{Name: "s.js", Source: "action.goTo(String(require('good').k()));"}, Input{})
	require.NoError(t, err)
	assert.Equal(t, "1", res.Outcome)
	assert.Empty(t, res.Warnings)
}

// TestModernLanguage: LanguageModern runs all of goja's language, with no
// check and no warnings.
func TestModernLanguage(t *testing.T) {
	e := New(Options{Language: LanguageModern})
	defer e.Close()
	before := tenantChecks.Load()
	res, err := e.Run(context.Background(), Script{Source: "const c = 1; let o = {c}; class A {}; action.goTo(String(o.c ?? 2) + (2 ** 3));"}, Input{})
	require.NoError(t, err)
	assert.Equal(t, "18", res.Outcome)
	assert.Empty(t, res.Warnings)
	assert.Equal(t, before, tenantChecks.Load())

	for _, s := range []string{"modern", "Modern", "goja"} {
		l, err := ParseLanguage(s)
		require.NoError(t, err)
		assert.Equal(t, LanguageModern, l)
	}
	l, err := ParseLanguage("tenant")
	require.NoError(t, err)
	assert.Equal(t, LanguageTenant, l)
	_, err = ParseLanguage("es5")
	assert.Error(t, err)
}

// TestTenantAcceptsWhatGojaRefuses: Rhino reads 08 as decimal and accepts
// HTML-like comments; the tenant language runs them, positions unchanged.
func TestTenantAcceptsWhatGojaRefuses(t *testing.T) {
	e := New(Options{})
	defer e.Close()
	res, err := e.Run(context.Background(), Script{Source: "var x = 08 + 09.5;\n<!-- an old comment\n  --> another\naction.goTo(String(x + 010));"}, Input{})
	require.NoError(t, err)
	assert.Equal(t, "25.5", res.Outcome)
	// An error after a patched literal keeps its column.
	_, err = e.Run(context.Background(), Script{Source: "var x = 08; let y;"}, Input{})
	var se *ScriptError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 13, se.Column)
	// Modern is goja's parser as it is.
	m := New(Options{Language: LanguageModern})
	defer m.Close()
	_, err = m.Run(context.Background(), Script{Source: "var x = 08;"}, Input{})
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "Unexpected token ILLEGAL"), err.Error())
}
