package rhino

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dop251/goja/parser"
)

func check(t *testing.T, src string, kind Kind) Report {
	t.Helper()
	prog, err := parser.ParseFile(nil, "t.js", src, 0)
	if err != nil {
		t.Fatalf("%q does not parse: %v", src, err)
	}
	return Check(prog, kind)
}

// TestRejected has one row per construct the oracle (Rhino 1.7.14.1 at
// language version 0, as AM runs it) refuses to compile and goja accepts:
// the conformance probes answering compile-error (topic/name in the comment)
// and the rows of the spec's §1 table. want is Rhino's message at line:col
// of the construct; hint is a word of the suggestion.
func TestRejected(t *testing.T) {
	for _, c := range []struct {
		src, want, hint string
	}{
		// spec §1: let (declarations/let-top, let-in-function, strict/let-in-strict, declarations/tdz, let-shadow-in-block)
		{"var a = 1;\nlet x = 1;", "2:1 missing ; before statement", "var"},
		{"function f() { let y = 2; return y; }", "1:16 missing ; before statement", "var"},
		// declarations/let-in-for-head, let-closure-per-iteration
		{"for (let i = 0; i < 3; i++) {}", "1:6 missing ; after for-loop initializer", "var"},
		{"for (let k in o) {}", "1:6 missing ; after for-loop initializer", "var"},
		// spec §1: object shorthand (destructuring/shorthand-object-literal)
		{"var o = {a, b: 2};", "1:10 missing : after property id", "{a: a"},
		// spec §1: destructuring: only the shorthand forms fail (destructuring/object-var, rest-object, param-object)
		{"var {a, b} = o;", "1:6 missing : after property id", "{a: a"},
		{"function f({x, y}) {}", "1:13 missing : after property id", "{a: a"},
		{"var f = ({a}) => a;", "1:11 missing : after property id", "{a: a"},
		{"var a; ({a} = o);", "1:10 missing : after property id", "{a: a"},
		// destructuring/default-value
		{"var {a = 10} = o;", "1:6 missing ( before function parameters.", "{a: a"},
		{"var [a = 1] = x;", "1:6 Default values in destructuring declarations are not supported", "undefined"},
		{"var {a: x = 1} = o;", "1:9 Default values in destructuring declarations are not supported", "undefined"},
		// destructuring/rest-array
		{"var [first, ...r] = x;", "1:13 syntax error", "slice"},
		{"var {a: x, ...r} = o;", "1:12 invalid property id", "by name"},
		// destructuring/computed-key
		{"var o = {[k + 1]: 1};", "1:11 invalid property id", "o[key]"},
		{"var o = {get [k]() { return 1; }};", "1:15 invalid property id", "o[key]"},
		// functions/default-param, default-param-undefined, default-param-scope, function-length
		{"function f(a, b = 1) {}", "1:15 missing ) after formal parameters", "a === undefined"},
		{"var f = (a = 1) => a;", "1:10 missing formal parameter", "a === undefined"},
		// functions/rest-param
		{"function f(a, ...r) {}", "1:15 missing formal parameter", "arguments"},
		{"var f = (...a) => a;", "1:10 syntax error", "arguments"},
		// functions/spread-call, spread-array, spread-string, spread-object
		{"Math.max(...a);", "1:10 syntax error", "apply"},
		{"var a = [0, ...b];", "1:13 syntax error", "concat"},
		{"new F(...a);", "1:7 syntax error", "apply"},
		{"var o = {...a, b: 2};", "1:10 invalid property id", "Object.assign"},
		// spec §1: for…of even with var (loops/for-of-var, for-of-string, for-of-array-holes)
		{"for (var v of a) {}", "1:12 missing ; after for-loop initializer", "index"},
		{"for (v of a) {}", "1:8 missing ; after for-loop initializer", "index"},
		// spec §1: const in a for head (declarations/const-for-head, const-for-in-head, const-for-of-head)
		{"for (const i = 0; i < 1;) {}", "1:6 syntax error", "var"},
		{"for (const k in o) {}", "1:6 syntax error", "var"},
		{"for (const k of a) {}", "1:6 syntax error", "var"},
		// spec §1: the same const twice in one function (declarations/const-redeclare-same-block, -separate-blocks, const-var-conflict)
		{"function f() { const a = 1; const a = 2; }", "1:35 TypeError: redeclaration of const a.", "own name"},
		{"function f(b) { if (b) { const a = 1; } else { const a = 2; } }", "1:54 TypeError: redeclaration of const a.", "own name"},
		{"function f() { var a = 1; { const a = 2; } }", "1:35 TypeError: redeclaration of var a.", "own name"},
		{"function f() { const a = 1; var a = 2; }", "1:33 TypeError: redeclaration of const a.", "own name"},
		{"function f(a) { const a = 2; }", "1:23 TypeError: redeclaration of formal parameter a.", "own name"},
		{"function f() { function a() {} const a = 2; }", "1:38 TypeError: redeclaration of function a.", "own name"},
		{"var f = () => { { const a = 1; } { const a = 2; } };", "1:42 TypeError: redeclaration of const a.", "own name"},
		// classes/class-declaration, class-expression, class-extends, class-static, class-getter, class-call-without-new, class-typeof
		{"class P { m() {} }", "1:1 missing ; before statement", "prototype"},
		{"var C = class { m() {} };", "1:9 missing ; before statement", "prototype"},
		// classes/generator-basic, generator-spread
		{"function* g() { yield 1; }", "1:1 missing ( before function parameters.", "array"},
		{"var o = {*g() { yield 1; }};", "1:11 invalid property id", "plain method"},
		// misc/async-function
		{"async function f() { return 1; }", "1:1 missing ; before statement", "synchronous"},
		{"var f = async function () {};", "1:9 missing ; before statement", "synchronous"},
		{"var f = async () => 1;", "1:9 missing formal parameter", "synchronous"},
		{"var o = {async m() {}};", "1:16 invalid property id", "plain method"},
		// coercion/nullish-coalescing
		{"var x = a ?? b;", "1:11 syntax error", "!== null"},
		// coercion/optional-chaining
		{"var x = o?.a;", "1:10 syntax error", "o && o.a"},
		{"f?.();", "1:2 syntax error", "o && o.a"},
		// coercion/logical-assignment
		{"a ||= 5;", "1:3 syntax error", "a || b"},
		{"a &&= 5;", "1:3 syntax error", "a || b"},
		{"a ??= 5;", "1:3 syntax error", "a || b"},
		// numbers/exponent-operator
		{"var x = 2 ** 10;", "1:11 syntax error", "Math.pow"},
		{"a **= 2;", "1:3 syntax error", "Math.pow"},
		// numbers/binary-octal-literals
		{"var x = 0b101;", "1:9 missing ; before statement", "0x"},
		{"var x = 0o17;", "1:9 missing ; before statement", "0x"},
		// numbers/bigint
		{"var x = 10n;", "1:9 missing ; before statement", "BigInt"},
		// errors/catch-without-binding
		{"try { f(); } catch { g(); }", "1:20 missing ( before catch-block condition", "catch (e)"},
		{"try { f(); } catch ([a]) {}", "1:21 invalid catch block condition", "catch (e)"},
		// misc/trailing-comma-params
		{"function f(a, b,) {}", "1:16 missing formal parameter", "comma"},
		{"var f = (a, b,) => a;", "1:14 syntax error", "comma"},
		// classes/new-target
		{"function F() { return new.target; }", "1:23 syntax error", "instanceof"},
		// regexp/flag-s-dotall, flag-y-sticky, flag-u-unicode, unicode-property-escape
		{"var r = /a.b/s;", "1:9 invalid flag after regular expression", "g, i and m"},
		{"var r = /a/y;", "1:9 invalid flag after regular expression", "g, i and m"},
		{"var r = /\\p{L}/u;", "1:9 invalid flag after regular expression", "g, i and m"},
		// regexp/lookbehind, negative-lookbehind, named-groups, named-backreference-replace
		{"var r = /(?<=USD)\\d+/;", "1:9 Invalid quantifier ?", "index"},
		{"var r = /(?<!a)\\d/;", "1:9 Invalid quantifier ?", "index"},
		{"var r = /(?<y>\\d{4})/;", "1:9 Invalid quantifier ?", "index"},
	} {
		t.Run(c.src, func(t *testing.T) {
			r := check(t, c.src, Script)
			if len(r.Errors) == 0 {
				t.Fatalf("accepted, want %s", c.want)
			}
			d := r.Errors[0]
			if got := fmt.Sprintf("%d:%d %s", d.Line, d.Column, d.Message); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
			if !strings.Contains(d.Hint, c.hint) {
				t.Errorf("hint %q does not say %q", d.Hint, c.hint)
			}
		})
	}
}

// TestAccepted: what Rhino at version 0 compiles keeps working (spec §1
// "Works", and the oracle's answers where it disagrees with the table).
func TestAccepted(t *testing.T) {
	for _, src := range []string{
		"var a = 1; function f() { return a; }",
		"function f() { const a = 1; return a; }", // const inside a function
		"function f() { const a = 1; } function g() { const a = 2; }",
		"function f() { const a = 1; var g = function () { const a = 2; }; }",
		"var f = function (x) { return x * 2; }; var g = x => x * 2; var h = (a, b) => { return a + b; };",
		"var s = `a${1 + 1}b`; function t(s) { return s; } var u = t`x`;",
		"var o = { get x() { return 1; }, set x(v) {}, m() { return 2; } };",       // getters, setters, method shorthand
		"var [a, b] = [1, 2]; var [c, [d]] = [1, [2]]; var x, y; [x, y] = [y, x];", // array destructuring: the oracle compiles it
		"var {a: x, b: {c: y}} = o; function f({a: z}) {} var g = ([p, q]) => p;",  // object destructuring with names
		"var o = {if: 1, for: 2, 'k': 3, 4: 5}; var a = [1, 2,]; f(1, 2,);",
		"var let = 1; var of = 2; var async = 3; var yield = 4;",
		"var g = function* () {};", // the oracle compiles a generator expression
		"var n = 1_000 + 0x1F + 1e3 + 010 + .5;",
		"var r = /a(?=b)(?!c)(?:d)[(?<]\\(?<x/gim;",
		"try { f(); } catch (e) { const c = 1; } finally {}",
		"l: for (var i = 0; i < 1; i++) { continue l; } for (var k in o) {} do {} while (false);",
		"switch (x) { case 1: break; default: }",
		"with (o) { a = 1; }",
	} {
		if r := check(t, src, Script); len(r.Errors) > 0 {
			t.Errorf("%s: rejected: %+v", src, r.Errors)
		}
	}
}

// TestEveryViolation: the check reports every construct, in source order,
// not only the first.
func TestEveryViolation(t *testing.T) {
	r := check(t, "let a = 1;\nvar o = {a};\nfor (var x of [1]) { let y = x ?? 2; }\n", Script)
	var got []string
	for _, d := range r.Errors {
		got = append(got, fmt.Sprintf("%d:%d %s", d.Line, d.Column, d.Message))
	}
	want := []string{
		"1:1 missing ; before statement",
		"2:10 missing : after property id",
		"3:12 missing ; after for-loop initializer",
		"3:22 missing ; before statement",
		"3:32 syntax error",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestConstWarnings: the silent const quirks of spec §1, one per case, and
// none for a library's top level.
func TestConstWarnings(t *testing.T) {
	for _, c := range []struct {
		src  string
		kind Kind
		want string // line:col and a word of the message; "" for none
	}{
		{"const a = 1;", Script, "1:1 undefined"},
		{"if (x) { const a = 1; }", Script, "1:10 undefined"},
		{"for (var i = 0; i < 3; i++) { const k = i; }", Script, "1:31 top-level loop"},
		{"while (x) { { const k = 1; } }", Script, "1:15 top-level loop"},
		{"function f() { for (var i = 0; i < 3; i++) { const k = i; } }", Script, "1:46 first iteration"},
		{"function f() { do { const k = 1; } while (x); }", Script, "1:21 first iteration"},
		{"for (var i = 0; i < 3; i++) { var f = function () { const k = i; }; }", Script, ""},
		{"function f() { const a = 1; }", Script, ""},
		{"const a = 1;", Library, ""},
		{"for (var k in o) { const v = o[k]; }", Library, "1:20 first iteration"},
	} {
		r := check(t, c.src, c.kind)
		var got string
		if len(r.Warnings) > 0 {
			got = fmt.Sprintf("%d:%d %s", r.Warnings[0].Line, r.Warnings[0].Column, r.Warnings[0].Message)
		}
		if c.want == "" && got != "" || c.want != "" && !strings.HasPrefix(got, strings.Fields(c.want)[0]+" ") ||
			c.want != "" && !strings.Contains(got, strings.SplitN(c.want, " ", 2)[1]) {
			t.Errorf("%s (kind %d): got %q, want %q", c.src, c.kind, got, c.want)
		}
	}
}

// TestPatch: what Rhino accepts and goja's parser refuses, blanked out in
// place.
func TestPatch(t *testing.T) {
	for _, c := range []struct {
		src         string
		line, col   int
		msg, want   string
		wantPatched bool
	}{
		{"var x = 08;", 1, 9, "Unexpected token ILLEGAL", "var x =  8;", true},
		{"var x = 1;\nvar y = 009.5;", 2, 9, "Unexpected token ILLEGAL", "var x = 1;\nvar y =   9.5;", true},
		{"var x = 1;\n<!-- old\n", 2, 1, "Unexpected token <", "var x = 1;\n//   old\n", true},
		{"var x = 1;\n  --> old\n", 2, 5, "Unexpected token >", "var x = 1;\n  //  old\n", true},
		{"x = 1 --> 0;", 1, 9, "Unexpected token >", "x = 1 --> 0;", false},
		{"var x = 07;", 1, 9, "Unexpected token ILLEGAL", "var x = 07;", false},
	} {
		got, ok := Patch(c.src, c.line, c.col, c.msg)
		if got != c.want || ok != c.wantPatched {
			t.Errorf("Patch(%q) = %q, %v; want %q, %v", c.src, got, ok, c.want, c.wantPatched)
		}
	}
}
