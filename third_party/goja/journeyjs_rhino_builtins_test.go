package goja

// Tests of Rhino mode (SetRhinoCompat) in the built-ins journeyjs_rhino_*.go
// change: each case runs the same script on a runtime in Rhino mode and on
// one in upstream mode and checks both answers, so that a change can
// neither leak into upstream mode nor stop working in Rhino mode. The Rhino
// answers are what Rhino 1.7.14 (AIC's engine) printed for the same script
// through journeyjs's conformance oracle. TZ does not matter: every case
// prints UTC or passes through Date.UTC.

import (
	"strings"
	"testing"
	"time"
)

type journeyjsRhinoCase struct {
	name, script string
	rhino        string // the answer in Rhino mode: a value's String(), or "throws " + the error's String()
	upstream     string // the answer in upstream mode
}

func journeyjsRhinoRun(t *testing.T, rhino bool, script string) string {
	t.Helper()
	r := New()
	r.SetRhinoCompat(rhino)
	r.SetTimeSource(func() time.Time { return time.Unix(0, 0) })
	v, err := r.RunString(script)
	if err != nil {
		if ex, ok := err.(*Exception); ok {
			return "throws " + ex.Value().String()
		}
		return "error " + err.Error()
	}
	return v.String()
}

func journeyjsRhinoCheck(t *testing.T, cases []journeyjsRhinoCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := journeyjsRhinoRun(t, true, c.script); got != c.rhino {
				t.Errorf("Rhino mode:\n got  %q\n want %q", got, c.rhino)
			}
			if got := journeyjsRhinoRun(t, false, c.script); got != c.upstream {
				t.Errorf("upstream mode:\n got  %q\n want %q", got, c.upstream)
			}
		})
	}
}

func TestJourneyjsRhinoKeyOrder(t *testing.T) {
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"Object.keys", `Object.keys({b: 1, 2: 1, a: 1, 1: 1}).join()`, "b,2,a,1", "1,2,b,a"},
		{"assignments", `var o = {}; o.z = 1; o[5] = 1; o.y = 1; o[0] = 1; o["01"] = 1; Object.keys(o).join()`,
			"z,5,y,0,01", "0,5,z,y,01"},
		{"for-in with prototype", `function P() { this.b = 1; this[2] = 1; } P.prototype.a = 1; P.prototype[1] = 1;
			var ks = []; for (var k in new P()) ks.push(k); ks.join()`, "b,2,a,1", "2,b,1,a"},
		{"JSON.stringify", `JSON.stringify({b: 1, 2: 1, a: 1, 1: 1})`, `{"b":1,"2":1,"a":1,"1":1}`, `{"1":1,"2":1,"b":1,"a":1}`},
		{"JSON.parse keeps document order", `Object.keys(JSON.parse('{"b":1,"2":2,"a":3,"1":4}')).join()`, "b,2,a,1", "1,2,b,a"},
		{"delete then add", `var o = {a: 1, 1: 1, b: 1}; delete o[1]; o[1] = 2; delete o.a; o.a = 3; Object.keys(o).join()`,
			"b,1,a", "1,b,a"},
		{"getOwnPropertyNames", `Object.getOwnPropertyNames({b: 1, 2: 1, a: 1}).join()`, "b,2,a", "2,b,a"},
		{"arrays list elements first", `var a = [1, 2]; a.x = 1; a[2] = 3; Object.keys(a).join()`, "0,1,2,x", "0,1,2,x"},
		// Rhino lists an element stored past its dense storage after the
		// named keys ("0,1,x,5"); journeyjs keeps elements first
		// (KNOWN-DIFFERENCES.md, arrays/keys-element-past-dense).
		{"array element far past the end", `var a = [1, 2]; a.x = 1; a[5] = 3; Object.keys(a).join()`, "0,1,5,x", "0,1,5,x"},
		// An index key on a prototype must still be found after deletes shift
		// the unsorted names (idxPropCount stays a true count).
		{"prototype index setter after deletes", `var p = {a: 1, b: 2}; var seen = 0;
			Object.defineProperty(p, "3", {set: function (v) { seen = v; }}); Object.keys(p);
			delete p.a; delete p.b; var o = []; Object.setPrototypeOf(o, p); o[3] = 7; seen + "," + o.hasOwnProperty(3)`, "7,false", "7,false"},
		{"Array.prototype length shrink", `Array.prototype.x = 1; Array.prototype[5] = 1; Array.prototype[2] = 1;
			Array.prototype.length = 3; [Array.prototype.length, 5 in Array.prototype, 2 in Array.prototype, "x" in Array.prototype].join()`,
			"3,false,true,true", "3,false,true,true"},
	})
}

func TestJourneyjsRhinoStringHasNoIndexKeys(t *testing.T) {
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"for-in over a primitive", `var ks = []; for (var k in "ab") ks.push(k); ks.join()`, "", "0,1"},
		{"for-in over an object", `var s = new String("ab"); s.x = 1; var ks = []; for (var k in s) ks.push(k); ks.join()`, "x", "0,1,x"},
		{"Object.keys", `Object.keys(new String("ab")).length`, "0", "2"},
		{"Object.assign", `JSON.stringify(Object.assign({}, "ab"))`, "{}", `{"0":"a","1":"b"}`},
		{"characters still readable", `var s = new String("ab"); s[1] + ("0" in s)`, "btrue", "btrue"},
	})
}

// journeyjsInZone runs the rest of the test with time.Local set to loc, as
// goja's own date tests do (they do not run in parallel).
func journeyjsInZone(t *testing.T, loc *time.Location) {
	saved := time.Local
	time.Local = loc
	t.Cleanup(func() { time.Local = saved })
}

func TestJourneyjsRhinoDateFormats(t *testing.T) {
	journeyjsInZone(t, time.UTC)
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"toString", `new Date(0).toString()`, "Thu Jan 01 1970 00:00:00 GMT-0000 (UTC)", "Thu Jan 01 1970 00:00:00 GMT+0000 (UTC)"},
		{"toTimeString", `new Date(0).toTimeString()`, "00:00:00 GMT-0000 (UTC)", "00:00:00 GMT+0000 (UTC)"},
		{"Date()", `Date()`, "Thu Jan 01 1970 00:00:00 GMT-0000 (UTC)", "Thu Jan 01 1970 00:00:00 GMT+0000 (UTC)"},
		{"toDateString unchanged", `new Date(0).toDateString()`, "Thu Jan 01 1970", "Thu Jan 01 1970"},
		{"toLocaleString", `new Date(Date.UTC(2024, 11, 25, 13, 5, 9)).toLocaleString()`,
			"December 25, 2024 1:05:09 PM UTC", "12/25/2024, 13:05:09"},
		{"toLocaleString midnight", `new Date(0).toLocaleString("en-GB")`, "January 1, 1970 12:00:00 AM UTC", "01/01/1970, 00:00:00"},
		{"toLocaleDateString", `new Date(0).toLocaleDateString()`, "January 1, 1970", "01/01/1970"},
		{"toLocaleTimeString", `new Date(Date.UTC(2024, 0, 1, 12, 0, 7)).toLocaleTimeString()`, "12:00:07 PM UTC", "12:00:07"},
		{"Julian calendar before 1582", `new Date(Date.UTC(-1, 0)).toLocaleDateString() + "|" + new Date(Date.UTC(1582, 9, 14)).toLocaleDateString()`,
			"January 3, 0002|October 4, 1582", "01/01/-0001|10/14/1582"},
		{"Gregorian from the cutover", `new Date(Date.UTC(1582, 9, 15)).toLocaleDateString()`, "October 15, 1582", "10/15/1582"},
		{"invalid", `new Date(NaN).toLocaleString() + new Date(NaN).toString()`, "Invalid DateInvalid Date", "Invalid DateInvalid Date"},
		{"toISOString expanded years", `new Date(Date.UTC(-1, 0)).toISOString() + " " + new Date(Date.UTC(12345, 0)).toISOString() + " " + new Date(0).toISOString()`,
			"-000001-01-01T00:00:00.000Z +012345-01-01T00:00:00.000Z 1970-01-01T00:00:00.000Z",
			"-0001-01-01T00:00:00.000Z +12345-01-01T00:00:00.000Z 1970-01-01T00:00:00.000Z"},
		{"toGMTString", `var p = Date.prototype; (p.toGMTString === p.toUTCString) + " " + new Date(0).toGMTString()`,
			"true Thu, 01 Jan 1970 00:00:00 GMT", "throws TypeError: Object has no member 'toGMTString'"},
		{"toSource", `new Date(5).toSource() + new Date(NaN).toSource()`, "(new Date(5))(new Date(NaN))", "throws TypeError: Object has no member 'toSource'"},
	})
}

func TestJourneyjsRhinoDateOffsetSign(t *testing.T) {
	journeyjsInZone(t, time.FixedZone("IST", 5*3600+1800))
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"east", `new Date(0).toTimeString()`, "05:30:00 GMT+0530 (IST)", "05:30:00 GMT+0530 (IST)"},
	})
	journeyjsInZone(t, time.FixedZone("NST", -(3*3600+1800)))
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"west", `new Date(0).toTimeString()`, "20:30:00 GMT-0330 (NST)", "20:30:00 GMT-0330 (NST)"},
	})
}

func TestJourneyjsRhinoDateYear(t *testing.T) {
	journeyjsInZone(t, time.UTC)
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"getYear", `[new Date(0).getYear(), new Date(Date.UTC(2024, 0)).getYear(), new Date(Date.UTC(1899, 0)).getYear(), new Date(NaN).getYear()].join()`,
			"70,124,-1,NaN", "throws TypeError: Object has no member 'getYear'"},
		{"setYear", `[new Date(0).setYear(99), new Date(0).setYear(2001), new Date(0).setYear(5), new Date(NaN).setYear(99), new Date(0).setYear("x")].join()`,
			"915148800000,978307200000,-2051222400000,915148800000,NaN", "throws TypeError: Object has no member 'setYear'"},
		{"setYear keeps the day and time", `var d = new Date(Date.UTC(2024, 1, 29, 10, 11, 12)); d.setYear(2023); d.toISOString()`,
			"2023-03-01T10:11:12.000Z", "throws TypeError: Object has no member 'setYear'"},
		{"lengths", `Date.prototype.getYear.length + "," + Date.prototype.setYear.length`, "0,1", "throws TypeError: Cannot read property 'length' of undefined"},
	})
}

func TestJourneyjsRhinoDateParse(t *testing.T) {
	journeyjsInZone(t, time.UTC)
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"ISO with zone", `[Date.parse("2024-03-01T12:30:00Z"), Date.parse("2024-03-01T12:30:00.123+02:00"), Date.parse("2024-03-01T12:30+0200")].join()`,
			"1709296200000,1709289000123,1709289000000", "1709296200000,1709289000123,1709289000000"},
		{"ISO date alone, and without zone", `[Date.parse("2024-03-01"), Date.parse("2024-03"), Date.parse("2024-03-01T12:30:00")].join()`,
			"1709251200000,1709251200000,1709296200000", "1709251200000,1709251200000,1709296200000"},
		{"space instead of T", `Date.parse("2024-03-01 12:30:00")`, "NaN", "1709296200000"},
		{"fraction digits other than three", `[Date.parse("2024-03-01T12:30:00.1Z"), Date.parse("2024-03-01T12:30:00.123456Z")].join()`,
			"NaN,NaN", "1709296200100,1709296200123"},
		{"day past the month's end", `Date.parse("2024-02-30")`, "NaN", "1709251200000"},
		{"offset hours alone", `Date.parse("2024-03-01T12:30:00+02")`, "NaN", "1709289000000"},
		{"expanded years", `[Date.parse("+002024-03-01T00:00:00Z"), Date.parse("-000001-01-01T00:00:00Z")].join()`,
			"1709251200000,-62198755200000", "1709251200000,-62198755200000"},
		{"legacy forms", `[Date.parse("03/01/2024"), Date.parse("March 1, 2024"), Date.parse("Fri, 01 Mar 2024 12:30:00 GMT"),
			Date.parse("Wed Nov 05 21:49:11 GMT-0800 1997"), Date.parse("1/2/70 3:04 PM"), Date.parse("2024/03/01 12:30:00")].join()`,
			"1709251200000,1709251200000,1709296200000,878795351000,140640000,1709296200000",
			"1709251200000,1709251200000,1709296200000,878795351000,140640000,1709296200000"},
		{"legacy leniency", `[Date.parse("1/45/2024"), Date.parse("Ma 1 2024"), Date.parse("jan 1 2030 GMT+3:30"), Date.parse("(a (b)) Jan 1 2030 EST")].join()`,
			"1707868800000,1709251200000,1893443400000,1893474000000", "1704067200000,1704067200000,NaN,1893474000000"},
		{"legacy refusals", `[Date.parse("Jan 1 2030 13:00 pm"), Date.parse("Jan 1 30"), Date.parse(" 2024-03-01"), Date.parse("")].join()`,
			"NaN,NaN,NaN,NaN", "1893502800000,1893456000000,1709251200000,NaN"},
		{"new Date(string)", `new Date("2024-03-01 12:30:00").getTime() + "," + new Date("0").getTime()`, "NaN,NaN", "1709296200000,946684800000"},
		{"unclipped parse, clipped date", `Date.parse("Jan 1 300000") + "," + new Date("Jan 1 300000").getTime()`, "9404918380800000,NaN", "NaN,NaN"},
	})
}

func TestJourneyjsRhinoJSONStringify(t *testing.T) {
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"lone surrogates", `var s = JSON.stringify("\udc00x\ud800\udc00\ud800"); s.length + ":" + s.charCodeAt(1).toString(16) + ":" + s.charCodeAt(5).toString(16)`,
			"7:dc00:d800", "17:5c:30"},
		{"lone surrogate key", `JSON.stringify({"\ud800": 1}).length`, "7", "12"},
		{"pairs unchanged", `JSON.stringify("é\ud83d\ude00").length`, "5", "5"},
		{"array keys are numbers", `JSON.stringify([{toJSON: function (k) { return typeof k + k; }}]) + JSON.stringify([5], function (k, v) { return k === "" ? v : typeof k; })`,
			`["number0"]["number"]`, `["string0"]["string"]`},
		{"RegExp left out", `JSON.stringify({a: /x/, b: 1}) + JSON.stringify([/x/]) + typeof JSON.stringify(/x/)`,
			`{"b":1}[null]undefined`, `{"a":{},"b":1}[{}]string`},
		{"cycle through an object", `var o = {}; o.o = o; JSON.stringify(o)`,
			"throws TypeError: Cyclic org.mozilla.javascript.NativeObject value not allowed.", "throws TypeError: Converting circular structure to JSON"},
		{"cycle through an array", `var a = []; a.push(a); JSON.stringify(a)`,
			"throws TypeError: Cyclic org.mozilla.javascript.NativeArray value not allowed.", "throws TypeError: Converting circular structure to JSON"},
		{"cycle through an error", `var e = new Error("x"); e.e = e; JSON.stringify(e)`,
			"throws TypeError: Cyclic org.mozilla.javascript.NativeError value not allowed.", "throws TypeError: Converting circular structure to JSON"},
		{"cycle through arguments", `var a = (function () { return arguments; })(1); a[0] = a; JSON.stringify(a)`,
			"throws TypeError: Cyclic org.mozilla.javascript.Arguments value not allowed.", "throws TypeError: Converting circular structure to JSON"},
	})
}

func TestJourneyjsRhinoJSONParseErrors(t *testing.T) {
	for text, want := range map[string]string{
		`{`:          "Unterminated object literal",
		``:           "Empty JSON string",
		`[1,]`:       "Unexpected comma in array literal",
		`{'a':1}`:    "Unexpected token in object literal",
		`{"a":1,}`:   "Unexpected comma in object literal",
		`{"a":1 "b"`: "Missing comma in object literal",
		`undefined`:  "Unexpected token: u",
		`"abc`:       "Unterminated string literal",
		`"ab\`:       "Unterminated string literal",
		`1 2`:        "Expected end of stream at char 2",
		`01`:         "Expected end of stream at char 1",
		"\"\t\"":     "String contains control character",
		`{"a" 1}`:    "Expected : found 1",
		`{"a"`:       "Expected : but reached end of stream",
		`[1 2]`:      "Missing comma in array literal",
		`tru`:        "Unexpected token: t",
		`fals`:       "Unexpected token: f",
		`"\x"`:       `Unexpected character in string: '\x'`,
		`-`:          "Unsupported number format: -",
		`-a`:         "Unsupported number format: -a",
		`1.`:         "Unsupported number format: 1.",
		`1e+`:        "Unsupported number format: 1e+",
		`{"a":}`:     "Unexpected token: }",
		`"\u12"`:     `Invalid character code: \u12"`,
		`"\u12g4"`:   "Invalid character code: 12g4",
		`[`:          "Unterminated array literal",
		`é`:          "Unexpected token: é",
	} {
		if got := RhinoJSONError(text); got != want {
			t.Errorf("RhinoJSONError(%q) = %q, want %q", text, got, want)
		}
	}
	for _, text := range []string{`{"a":[1,-0.5e2,"\u00e9\n",true,false,null]}`, ` 1 `, `"\ud800"`, `[]`, `{}`, `-0`, `1E5`} {
		if got := RhinoJSONError(text); got != "" {
			t.Errorf("RhinoJSONError(%q) = %q, want none", text, got)
		}
	}
	if got := RhinoJSONError(strings.Repeat("[", 20000)); got != "" {
		t.Errorf("too deep: %q, want the walk to give up", got)
	}
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"goja's own parse", `JSON.parse('{"a":1,}')`, "throws SyntaxError: Unexpected comma in object literal",
			"throws SyntaxError: invalid character '}' looking for beginning of object key string"},
	})
}

func TestJourneyjsRhinoSort(t *testing.T) {
	forty := `var a = []; for (var i = 0; i < 40; i++) a.push(`
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"boolean comparator", `[5, 1, 4, 2, 3].sort(function (a, b) { return a > b; }).join()`, "1,2,3,4,5", "5,1,4,2,3"},
		{"boolean comparator, past insertion sort", forty + `(i * 17) % 40); a.sort(function (x, y) { return x > y; }).join()`,
			"23,20,17,37,11,14,5,31,39,8,0,1,2,3,4,6,7,9,10,12,13,15,16,18,19,21,22,24,25,26,27,28,29,30,32,33,34,35,36,38",
			"0,17,34,11,28,5,22,39,16,33,10,27,4,21,38,15,32,9,26,3,20,37,14,31,8,25,2,19,36,13,30,7,24,1,18,35,12,29,6,23"},
		{"not stable past 17 elements", forty + `{k: (i * 7) % 3, v: i}); a.sort(function (x, y) { return x.k - y.k; }).map(function (x) { return x.v; }).join()`,
			"39,15,0,3,36,33,6,30,27,9,24,21,12,18,1,28,16,37,13,19,4,34,22,31,10,25,7,2,8,29,26,23,32,5,11,35,20,17,38,14",
			"0,3,6,9,12,15,18,21,24,27,30,33,36,39,1,4,7,10,13,16,19,22,25,28,31,34,37,2,5,8,11,14,17,20,23,26,29,32,35,38"},
		{"NaN counts as greater", `[3, 1, 2].sort(function () { return NaN; }).join()`, "2,1,3", "3,1,2"},
		{"-0 counts as less", `[1, 2, 3].sort(function () { return -0; }).join()`, "1,2,3", "3,2,1"},
		{"always greater", `[1, 2, 3, 4, 5].sort(function () { return 1; }).join()`, "5,4,3,2,1", "1,2,3,4,5"},
		{"default order", forty + `i % 2 ? String((i * 7) % 13) : (i * 7) % 13); a.sort().join()`,
			"0,0,0,0,1,1,1,10,10,10,11,11,11,12,12,12,2,2,2,3,3,3,4,4,4,5,5,5,6,6,6,7,7,7,8,8,8,9,9,9",
			"0,0,0,0,1,1,1,10,10,10,11,11,11,12,12,12,2,2,2,3,3,3,4,4,4,5,5,5,6,6,6,7,7,7,8,8,8,9,9,9"},
		{"undefined then holes last", `var a = [3, undefined, , 1, , 2]; JSON.stringify(a.sort(function (x, y) { return y - x; })) + a.length + (3 in a) + (4 in a)`,
			"[3,2,1,null,null,null]6truefalse", "[3,2,1,null,null,null]6truefalse"},
		{"array-like", `JSON.stringify(Array.prototype.sort.call({0: "b", 1: undefined, 3: "a", length: 5}))`,
			`{"0":"a","1":"b","length":5}`, `{"0":"a","1":"b","length":5}`},
		{"comparator not callable", `[2, 1].sort(1)`, "throws TypeError: The comparison function must be either a function or undefined",
			"throws TypeError: The comparison function must be either a function or undefined"},
	})
}

func TestJourneyjsRhinoStrings(t *testing.T) {
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"HTML methods", `["x".anchor("n"), "x".big(), "x".blink(), "x".bold(), "x".fixed(), "x".fontcolor("red"), "x".fontsize(7),
			"x".italics(), "x".link("u\"v"), "x".small(), "x".strike(), "x".sub(), "x".sup(), "x".anchor()].join("|")`,
			`<a name="n">x</a>|<big>x</big>|<blink>x</blink>|<b>x</b>|<tt>x</tt>|<font color="red">x</font>|<font size="7">x</font>|<i>x</i>|<a href="u&quot;v">x</a>|<small>x</small>|<strike>x</strike>|<sub>x</sub>|<sup>x</sup>|<a name="undefined">x</a>`,
			"throws TypeError: Object has no member 'anchor'"},
		{"HTML methods are generic", `String.prototype.bold.call(12) + String.prototype.link.length`, "<b>12</b>0",
			"throws TypeError: Cannot read property 'call' of undefined or null"},
		{"equals", `["abc".equals("abc"), "abc".equals(new String("abc")), "1".equals(1), "a".equals("A")].join()`,
			"true,true,true,false", "throws TypeError: Object has no member 'equals'"},
		{"equalsIgnoreCase", `["abc".equalsIgnoreCase("ABC"), "ß".equalsIgnoreCase("SS"), "a".equalsIgnoreCase(), "undefined".equalsIgnoreCase(), "ǅ".equalsIgnoreCase("ǆ")].join()`,
			"true,false,false,true,true", "throws TypeError: Object has no member 'equalsIgnoreCase'"},
		{"template calls valueOf first", "var o = {toString: function () { return 'ts'; }, valueOf: function () { return 'vo'; }}; `${o}|` + String(o)",
			"vo|ts", "ts|ts"},
		{"template with a Date", "var d = new Date(0); `${d}` === d.toString()", "true", "true"},
		{"template order of calls", "var log = []; var o = {toString: function () { log.push('ts'); return {}; }, valueOf: function () { log.push('vo'); return 1; }}; `${o}` + log.join()",
			"1vo", "1ts,vo"},
	})
}

func TestJourneyjsRhinoRegExpConstructor(t *testing.T) {
	const refused = "throws TypeError: Only one argument may be specified if the first argument to RegExp.prototype.compile is a RegExp object."
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"new with flags", `String(new RegExp(/ab/g, "i"))`, refused, "/ab/i"},
		{"call with flags", `String(RegExp(/ab/g, "g"))`, refused, "/ab/g"},
		{"flags undefined", `String(new RegExp(/ab/g, undefined)) + String(RegExp(/ab/g))`, "/ab/g/ab/g", "/ab/g/ab/g"},
		{"a string pattern", `String(new RegExp("ab", "i"))`, "/ab/i", "/ab/i"},
		{"natives still build RegExps", `"a1b2c".split(/\d/).join() + "|" + JSON.stringify("aXbX".split(/x/i, 2))`, `a,b,c|["a","b"]`, `a,b,c|["a","b"]`},
	})
}
