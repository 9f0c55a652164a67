package runtime

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSNestingScanner(t *testing.T) {
	deep := strings.Repeat("[", 11) + strings.Repeat("]", 11)
	for src, ok := range map[string]bool{
		"a = [[[]]]":                                    true,
		deep:                                            false,
		`s = "` + strings.Repeat("(", 50) + `"`:         true, // in a string
		`s = '` + strings.Repeat("{", 50) + `'`:         true,
		"// " + strings.Repeat("(", 50) + "\nx()":       true, // in a comment
		"/* " + strings.Repeat("[", 50) + " */":         true,
		"r = /" + strings.Repeat("\\(", 50) + "/":       true, // in a regexp
		"x = a / b / c; y = (((1)))":                    true, // divisions
		"return /[(]/.test(s)":                          true,
		"t = `" + strings.Repeat("(", 50) + "`":         true,  // template text
		"t = `${" + strings.Repeat("[", 11) + "}`":      false, // a substitution is code
		"t = `a${ {a: `b${ [1] }`} }c`; f((((1))))":     true,
		"f(" + strings.Repeat("(", 10) + "))))))))))))": false,
	} {
		_, got := jsNesting(src, 10)
		assert.Equal(t, ok, got, src)
	}
	off, ok := jsNesting("x\n  "+deep, 10)
	assert.False(t, ok)
	line, col := lineCol("x\n  "+deep, off)
	assert.Equal(t, 2, line)
	assert.Equal(t, 13, col)
}

func TestJSONNestingScanner(t *testing.T) {
	assert.True(t, jsonNesting(`{"a": [1, {"b": "[[[[[[[[[[[["}]}`, 3))
	assert.False(t, jsonNesting(`[[[[1]]]]`, 3))
	assert.True(t, jsonNesting(`["\"[[[[[["]`, 1))
}

// Deep nesting handed to a parser used to overflow the Go stack, a fatal
// error that kills the host process. Each case here crashed the test binary
// before the nesting checks.
func TestDeepNestingDoesNotCrashTheHost(t *testing.T) {
	// Modern: the cases reach the parsers through async and generator
	// functions, which the tenant language refuses.
	e := New(Options{PoolSize: 1, Timeout: 2 * time.Second, Language: LanguageModern})
	defer e.Close()
	ctx := context.Background()
	for src, want := range map[string]string{
		`eval("[".repeat(1e6))`:                                                    "RangeError: the code is nested more than 1000 levels deep",
		`Function("[".repeat(1e6))`:                                                "RangeError: the code is nested more than 1000 levels deep",
		`new Function("a", "(".repeat(1e6))`:                                       "RangeError: the code is nested more than 1000 levels deep",
		`(function () {}).constructor("[".repeat(1e6))`:                            "RangeError: the code is nested more than 1000 levels deep",
		`Object.getPrototypeOf(async function () {}).constructor("[".repeat(1e6))`: "RangeError: the code is nested more than 1000 levels deep",
		`Object.getPrototypeOf(function* () {}).constructor("[".repeat(1e6))`:      "RangeError: the code is nested more than 1000 levels deep",
		`JSON.parse("[".repeat(5e6))`:                                              "RangeError: JSON nested more than 1000 levels deep",
	} {
		_, err := e.Run(ctx, Script{Name: "deep.js", Source: "var x = 1;\n" + src}, Input{})
		var se *ScriptError
		require.ErrorAs(t, err, &se, src)
		assert.Equal(t, KindException, se.Kind, src)
		assert.Equal(t, want, se.Message, src)
		assert.Equal(t, "deep.js", se.File, "the error points at the caller: %s", src)
		assert.Equal(t, 2, se.Line, src)
	}
	// The script's own source is checked when it is compiled.
	err := e.Compile(Script{Name: "src.js", Source: "var a = " + strings.Repeat("[", 2000) + strings.Repeat("]", 2000)})
	var se *ScriptError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, KindSyntax, se.Kind)
	assert.Equal(t, "SyntaxError: the code is nested more than 1000 levels deep", se.Message)
	assert.Equal(t, 1, se.Line)
	assert.Equal(t, 1009, se.Column)
	require.Error(t, e.RegisterLibrary("deepLib", strings.Repeat("(", 2000)))
}

func TestGuardedParsersBehaveAsBefore(t *testing.T) {
	// Modern: the script reaches AsyncFunction through an async function.
	e := New(Options{PoolSize: 1, Language: LanguageModern})
	defer e.Close()
	res, err := e.Run(context.Background(), Script{Name: "ok.js", Source: `
var out = [];
out.push(JSON.stringify(JSON.parse('{"a":[1,{"b":"[[["}]}')));
out.push(JSON.parse('{"a":1,"b":2}', function (k, v) { return typeof v === "number" ? v * 10 : v; }).b);
out.push(JSON.parse.length, JSON.parse.name);
out.push(Function("a", "b", "return a + b")(1, 2), new Function("return 7")());
out.push(Function.name, Function.length, (function () {}) instanceof Function, (function () {}).constructor === Function);
out.push(eval("1 + 1"), eval(42), typeof eval);
var AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
out.push(AsyncFunction("return 1") instanceof AsyncFunction, AsyncFunction.name);
out.push(JSON.parse("[".repeat(100) + "]".repeat(100)).length);
action.goTo(out.join(","));`}, Input{})
	require.NoError(t, err)
	assert.Equal(t, `{"a":[1,{"b":"[[["}]},20,2,parse,3,7,Function,1,true,true,2,42,function,true,AsyncFunction,1`, res.Outcome)
}

// A catastrophic backtracking pattern runs on regexp2, which a run's time
// limit cannot interrupt; RegexpMatchTimeout bounds it.
func TestCatastrophicRegexpIsBounded(t *testing.T) {
	e := New(Options{PoolSize: 1, Timeout: 200 * time.Millisecond})
	defer e.Close()
	start := time.Now()
	_, err := e.Run(context.Background(), Script{Name: "re.js", Source: `/^(a+)+\1$/.test("a".repeat(40) + "!"); action.goTo("x")`}, Input{})
	elapsed := time.Since(start)
	var se *ScriptError
	require.ErrorAs(t, err, &se)
	// The match runs to its own time limit and throws, or the run's limit
	// stops the script first: either way it is contained; the bound is one
	// no load reaches, for a match that nothing would stop.
	assert.Contains(t, []ErrorKind{KindTimeout, KindException}, se.Kind, se.Message)
	assert.Less(t, elapsed, RegexpMatchTimeout+10*time.Second)
}
