package runtime_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/runtime"
)

func TestInfiniteLoopTimesOutPromptly(t *testing.T) {
	const timeout = 200 * time.Millisecond
	e := newEngine(t, runtime.Options{Timeout: timeout, PoolSize: 1})
	for _, src := range []string{
		"while (true) {}",
		"for (;;) { var x = [1, 2, 3].map(function (v) { return v * 2; }); }",
		"function spin() { for (;;) {} }\nspin();",
	} {
		start := time.Now()
		_, se := runErr(t, e, src, runtime.Input{})
		elapsed := time.Since(start)
		assert.Equal(t, runtime.KindTimeout, se.Kind, src)
		assert.Contains(t, se.Message, "timed out after")
		assert.Greater(t, se.Line, 0, "the error points at the loop")
		// A bound no load reaches: it catches a loop the limit cannot stop,
		// not a slow machine (the watchdog's tick is 5 ms).
		assert.Less(t, elapsed, timeout+10*time.Second, "the loop stops")
		// The engine is unharmed.
		assert.Equal(t, "ok", run(t, e, `action.goTo("ok")`, runtime.Input{}).Outcome)
	}
	assert.Equal(t, int64(3), e.Stats().Timeouts)
}

func TestContextDeadlineAndCancel(t *testing.T) {
	e := newEngine(t, runtime.Options{Timeout: 10 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := e.Run(ctx, runtime.Script{Name: "loop.js", Source: "while(true){}"}, runtime.Input{})
	var se *runtime.ScriptError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, runtime.KindTimeout, se.Kind, "the context's earlier deadline is the run's time limit")
	assert.Less(t, time.Since(start), 10*time.Second, "stopped, not run to the engine's own 10 s… and beyond")

	ctx, cancel = context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	_, err = e.Run(ctx, runtime.Script{Name: "loop.js", Source: "while(true){}"}, runtime.Input{})
	require.ErrorAs(t, err, &se)
	assert.Equal(t, runtime.KindCanceled, se.Kind)
	assert.ErrorIs(t, err, context.Canceled, "the cancel's cause is in the error chain")

	_, err = e.Run(ctx, runtime.Script{Name: "x.js", Source: `action.goTo("x")`}, runtime.Input{})
	require.ErrorAs(t, err, &se)
	assert.Equal(t, runtime.KindCanceled, se.Kind, "an already-canceled context runs nothing")
}

func TestDeepRecursionIsAStackError(t *testing.T) {
	e := newEngine(t, runtime.Options{MaxCallStackSize: 500, PoolSize: 1})
	for _, src := range []string{
		"function down(n) { return down(n + 1) + 1; }\ndown(0);",
		"function ping(n) { return pong(n); }\nfunction pong(n) { return ping(n + 1); }\nping(0);",
		"var o = {}; o.toString = function () { return String(this); }; String(o);",
	} {
		_, se := runErr(t, e, src, runtime.Input{})
		assert.Equal(t, runtime.KindStackOverflow, se.Kind, src)
		assert.Contains(t, se.Message, "InternalError: Exceeded maximum stack depth", "Rhino's words, in the tenant language")
		assert.Contains(t, se.Stack, "more frames", "long stacks are cut")
		assert.Equal(t, "ok", run(t, e, `action.goTo("ok")`, runtime.Input{}).Outcome)
	}
}

func TestSyntaxErrorsHaveLineAndColumn(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	cases := []struct {
		src        string
		line, col  int
		msgContain string
	}{
		{"var x = ;", 1, 9, "Unexpected token"},
		{"var ok = 1;\nvar s = 'unterminated;\n", 2, 9, ""},
		{"action.goTo('x');\n\n  if (x {\n}", 3, 9, "Unexpected token"},
		{"}); globalThis.escape = 1; (function(){", 1, 1, ""},
		{"return 5;", 1, 1, "invalid return"}, // Rhino's message: the tenant language
	}
	for _, c := range cases {
		_, se := runErr(t, e, c.src, runtime.Input{})
		assert.Equal(t, runtime.KindSyntax, se.Kind, c.src)
		assert.Equal(t, c.line, se.Line, c.src)
		assert.Equal(t, c.col, se.Column, c.src)
		assert.Contains(t, se.Message, "SyntaxError: "+c.msgContain, c.src)
		assert.Contains(t, se.Error(), "test.js:", c.src)
	}
	// Compile reports the same without running: goja's own compile error
	// (modern language) and the tenant check's.
	modern := newEngine(t, runtime.Options{Language: runtime.LanguageModern})
	err := modern.Compile(runtime.Script{Name: "c.js", Source: "let a = 1;\nlet a = 2;"})
	var se *runtime.ScriptError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, runtime.KindSyntax, se.Kind)
	assert.Equal(t, "c.js", se.File)
	assert.Equal(t, 2, se.Line)
	err = e.Compile(runtime.Script{Name: "c.js", Source: "var x = 1;\nfunction f() { const a = 1; const a = 2; }"})
	require.ErrorAs(t, err, &se)
	assert.Equal(t, runtime.KindSyntax, se.Kind)
	assert.Equal(t, "SyntaxError: TypeError: redeclaration of const a.", se.Message)
	assert.Equal(t, "c.js", se.File)
	assert.Equal(t, 2, se.Line)
	assert.Equal(t, 35, se.Column)
}

func TestRuntimeErrorsHaveLineColumnAndStack(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	src := "var user = nodeState.get('u');\nfunction greet(u) {\n  return u.name.first;\n}\ngreet(user);\n"
	_, se := runErr(t, e, src, runtime.Input{SharedState: map[string]any{"u": map[string]any{}}})
	assert.Equal(t, runtime.KindException, se.Kind)
	assert.Equal(t, 3, se.Line)
	assert.Equal(t, 17, se.Column)
	assert.Contains(t, se.Message, "TypeError")
	assert.Contains(t, se.Stack, "at greet (test.js:3:17)")
	assert.Contains(t, se.Stack, "(test.js:5:6)")
	assert.Equal(t, "test.js:3:17: "+se.Message, se.Error())

	_, se = runErr(t, e, "  throw 'plain string';", runtime.Input{})
	assert.Equal(t, "Uncaught plain string", se.Message)
	assert.Equal(t, 1, se.Line)
	assert.Equal(t, 3, se.Column, "first-line columns are the user's, not the wrapper's")

	_, se = runErr(t, e, "throw {toString: function () { throw new Error('nested'); }};", runtime.Input{})
	assert.Contains(t, se.Message, "Uncaught exception")
}

func TestCompiledScriptsAreCachedAndBounded(t *testing.T) {
	e := newEngine(t, runtime.Options{CacheSize: 8})
	for i := 0; i < 20; i++ {
		src := `action.goTo("` + string(rune('a'+i)) + `")`
		assert.Equal(t, string(rune('a'+i)), run(t, e, src, runtime.Input{}).Outcome)
	}
	assert.Equal(t, 8, e.Stats().CachedPrograms)
}

func TestZeroValueEngineWorks(t *testing.T) {
	var e runtime.Engine
	defer e.Close()
	res, err := e.Run(context.Background(), runtime.Script{Source: `action.goTo(scriptName)`}, runtime.Input{})
	require.NoError(t, err)
	assert.Equal(t, "script.js", res.Outcome)
	e.Close()
	_, err = e.Run(context.Background(), runtime.Script{Source: `action.goTo("x")`}, runtime.Input{})
	assert.ErrorIs(t, err, runtime.ErrClosed)
}
