package jsvalue_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// describe renders a parse result (or a failure) in a form two parses can
// be compared by: own keys in order, types, -0.
func describe(t testing.TB, rt *goja.Runtime, v goja.Value, err error) string {
	t.Helper()
	if err != nil {
		return "error"
	}
	fn, err := rt.RunString(`(function d(v) {
		if (v === null || typeof v !== "object") { return typeof v + ":" + (Object.is(v, -0) ? "-0" : String(v)); }
		if (Array.isArray(v)) { return "[" + v.map(d).join(",") + "]"; }
		return "{" + Object.getOwnPropertyNames(v).map(function (k) { return JSON.stringify(k) + ":" + d(v[k]); }).join(",") +
			(Object.getPrototypeOf(v) === Object.prototype ? "" : " bad prototype") + "}";
	})`)
	require.NoError(t, err)
	d, _ := goja.AssertFunction(fn)
	out, err := d(goja.Undefined(), v)
	require.NoError(t, err)
	return out.String()
}

func compareWithGoja(t testing.TB, text string) {
	t.Helper()
	rt := goja.New()
	parse, _ := goja.AssertFunction(rt.Get("JSON").ToObject(rt).Get("parse"))
	want, wantErr := parse(goja.Undefined(), rt.ToValue(text))
	got, gotErr := jsvalue.ParseJSON(rt, text, 1000)
	if errors.Is(gotErr, jsvalue.ErrJSONNotGo) {
		return // goja's own parse takes these
	}
	if wantErr != nil && errors.Is(gotErr, jsvalue.ErrJSONTooDeep) {
		return
	}
	gotText := describe(t, rt, got, gotErr)
	if wantErr != nil && gotErr == nil && strings.Contains(wantErr.Error(), "cannot unmarshal number") &&
		strings.Contains(gotText, "Infinity") {
		// goja's JSON.parse refuses a number too large for a float64;
		// JavaScript (and AIC's engine) reads it as ±Infinity, as we do.
		return
	}
	assert.Equal(t, describe(t, rt, want, wantErr), gotText, "JSON %q", text)
}

func TestParseJSONMatchesJSONParse(t *testing.T) {
	for _, text := range []string{
		`{}`, `[]`, `0`, `-0`, `1.5e3`, `-12.25E-2`, `1e400`, `-1e400`, `1e-400`, `123456789012345678901234567890`,
		`true`, `false`, `null`, `""`, `"plain"`, `"esc \" \\ \/ \b \f \n \r \t"`, `"\u00e9\u4e2d"`, `"é中😀"`,
		`"\ud83d\ude00"`, ` { "a" : [ 1 , 2 , { "b" : null } ] } `, `{"b":1,"a":2,"b":3}`,
		`{"__proto__":{"polluted":true}}`, `{"toString":1,"constructor":2,"hasOwnProperty":3}`,
		`{"2":"two","1":"one","x":0}`, `[[[[]]]]`, `{"a":{"b":{"c":[true,false,null]}}}`,
		`{"id":"1f8c","_embedded":{"users":[{"id":"u1","username":"bjensen","enabled":true,"mfaEnabled":false}]},"count":1}`,
		// Not JSON.
		``, ` `, `{`, `}`, `[1,]`, `{"a":1,}`, `{a:1}`, `{'a':1}`, `01`, `1.`, `.5`, `+1`, `-`, `1e`, `1e+`, `NaN`,
		`Infinity`, `tru`, `nul`, `"unterminated`, "\"tab\there\"", `"\x"`, `"\u12"`, `"\u12G4"`, `[1 2]`, `{"a" 1}`,
		`{"a":1 "b":2}`, `1 2`, `[] []`, "\ufeff{}", `{"a":1}x`, `[`, `["a",`, `"\`,
	} {
		compareWithGoja(t, text)
	}
}

func TestParseJSONDefinesKeys(t *testing.T) {
	rt := goja.New()
	v, err := jsvalue.ParseJSON(rt, `{"__proto__":{"x":1},"a":1,"a":2}`, 10)
	require.NoError(t, err)
	obj := v.ToObject(rt)
	assert.Equal(t, []string{"__proto__", "a"}, obj.GetOwnPropertyNames())
	assert.Equal(t, int64(2), obj.Get("a").ToInteger())
	assert.True(t, obj.Prototype() == rt.Get("Object").ToObject(rt).Get("prototype").ToObject(rt), "__proto__ is an own key, not the prototype")
}

func TestParseJSONLimitsAndFallback(t *testing.T) {
	rt := goja.New()
	_, err := jsvalue.ParseJSON(rt, strings.Repeat("[", 11)+strings.Repeat("]", 11), 10)
	assert.ErrorIs(t, err, jsvalue.ErrJSONTooDeep)
	tooDeep, msg := jsvalue.ScriptError(err, 10)
	assert.True(t, tooDeep)
	assert.Equal(t, "JSON nested more than 10 levels deep", msg, "what a script's RangeError says")
	_, err = jsvalue.ParseJSON(rt, `[1,`, 10)
	tooDeep, msg = jsvalue.ScriptError(err, 10)
	assert.False(t, tooDeep)
	assert.Equal(t, err.Error(), msg, "a SyntaxError says what ParseJSON found")
	_, err = jsvalue.ParseJSON(rt, strings.Repeat("[", 10)+strings.Repeat("]", 10), 10)
	assert.NoError(t, err)
	for _, text := range []string{`"\ud800"`, `"\udc00x"`, `"\ud800\u0041"`, "\"\xff\"", "\"\ufffd\""} {
		_, err = jsvalue.ParseJSON(rt, text, 10)
		assert.ErrorIs(t, err, jsvalue.ErrJSONNotGo, text)
	}
	_, err = jsvalue.ParseJSON(rt, `{"a":1,}`, 10)
	assert.ErrorContains(t, err, "JSON at offset 7")
	v, err := jsvalue.ParseJSON(rt, `[1e400,-1e400]`, 10)
	require.NoError(t, err)
	assert.Equal(t, "Infinity,-Infinity", v.String(), "out of range numbers are infinite, as in JavaScript")
}

// FuzzParseJSON checks ParseJSON against goja's JSON.parse on any text.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5,-0,"x\n",true,null]}`, `[{"__proto__":1},{}]`, `"\ud83d\ude00"`, `1e400`, `{"a":1,}`,
		`["a\"b","c\\"]`, `"unterminated`, `"unterminated\"`, "{\"é\":\"\xe9t\"}", "[\"\x01\"]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		compareWithGoja(t, text)
	})
}

// In the tenant language (a runtime in Rhino mode) a syntax error is worded
// as AIC's Rhino words it; nesting past the limit keeps journeyjs's error.
func TestParseJSONRhinoWording(t *testing.T) {
	rt := goja.New()
	rt.SetRhinoCompat(true)
	for text, want := range map[string]string{
		`{"a": 1,}`: "Unexpected comma in object literal",
		`<html>`:    "Unexpected token: <",
		`[1 2]`:     "Missing comma in array literal",
		`1 2`:       "Expected end of stream at char 2",
		``:          "Empty JSON string",
		`"\u12"`:    `Invalid character code: \u12"`,
	} {
		_, err := jsvalue.ParseJSON(rt, text, 10)
		require.Error(t, err, text)
		tooDeep, msg := jsvalue.ScriptError(err, 10)
		assert.False(t, tooDeep, text)
		assert.Equal(t, want, msg, text)
	}
	_, err := jsvalue.ParseJSON(rt, strings.Repeat("[", 20), 10)
	tooDeep, _ := jsvalue.ScriptError(err, 10)
	assert.True(t, tooDeep)

	_, err = jsvalue.ParseJSON(goja.New(), `{"a": 1,}`, 10)
	assert.ErrorContains(t, err, "JSON at offset 8")
}
