package conformance

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	UseUTC()
	os.Exit(m.Run())
}

var (
	oracleOnce sync.Once
	oracle     *Oracle
	oracleErr  error
)

// startOracle returns the shared oracle, or skips the test with the reason
// the oracle cannot run on this machine.
func startOracle(t testing.TB) *Oracle {
	t.Helper()
	oracleOnce.Do(func() {
		cfg, err := FindOracle()
		if err != nil {
			oracleErr = err
			return
		}
		oracle, oracleErr = StartOracle(cfg)
	})
	if oracleErr != nil {
		if errors.Is(oracleErr, ErrNoOracle) {
			t.Skipf("skipping: %v (make conformance installs rhino, librhino-java and a JDK with apt-get)", oracleErr)
		}
		t.Fatal(oracleErr)
	}
	return oracle
}

func corpus(t testing.TB) []Probe {
	t.Helper()
	probes, err := LoadProbes(filepath.Join(Dir(), "probes"))
	if err != nil {
		t.Fatal(err)
	}
	return probes
}

func TestProbesParse(t *testing.T) {
	probes := corpus(t)
	for _, p := range probes {
		if strings.TrimSpace(p.Code) == "" && strings.TrimSpace(p.Result) == "" {
			t.Errorf("%s (%s:%d): no code and no result", p.ID(), p.File, p.Line)
		}
	}
	if _, err := LoadKnown(filepath.Join(Dir(), "KNOWN-DIFFERENCES.md")); err != nil {
		t.Fatal(err)
	}
}

func TestParseHeaders(t *testing.T) {
	ps, err := parseProbes("t", "t.js", "// about the file\n\n// probe: a\n// result: x ? 1 : 2\n// messages: match\n// note: n\nvar x = 1;\n// a comment in the code\n\n// probe: b\nthrow 1\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].Result != "x ? 1 : 2" || !ps[0].Messages || ps[0].Code != "var x = 1;\n// a comment in the code" ||
		ps[1].ID() != "t/b" || ps[1].Messages || ps[1].Code != "throw 1" {
		t.Fatalf("%+v", ps)
	}
	for _, bad := range []string{"var x;\n// probe: a\n", "// probe: a b\n", "// probe: a\n// messages: maybe\n"} {
		if _, err := parseProbes("t", "t.js", bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// The canonicaliser's text for journeyjs, which needs no Java.
func TestCanonicalJourneyjs(t *testing.T) {
	jj := NewJourneyjs(5 * time.Second)
	defer jj.Close()
	for expr, want := range map[string]string{
		`undefined`:          "undefined",
		`-0`:                 "-0",
		`"a\"\\\n\u00e9"`:    `"a\"\\\u000a\u00e9"`,
		`[1,,"x",[null]]`:    `[1,<hole>,"x",[null]]`,
		`({b:1,a:{c:true}})`: `{"b":1,"a":{"c":true}}`,
		`new Date(0)`:        "Date(0)",
		`/a\/b/gi`:           `RegExp(/a\/b/gi)`,
		`new TypeError("m")`: `Error("TypeError","m")`,
		`new String("s")`:    `Boxed("s")`,
		`(function(){ var o = {}; o.o = o; return o })()`: `{"o":<cycle>}`,
		`function f() {}`: "function",
	} {
		a := jj.Eval("canon", Assemble("", expr))
		if a.Kind != KindValue || a.Value != want {
			t.Errorf("%s: got %s, want %s", expr, a, want)
		}
	}
	for src, want := range map[string]string{
		`throw new RangeError("r")`: "exception RangeError: r",
		`throw "x"`:                 "exception (thrown): x",
		`var = 1`:                   "compile-error",
	} {
		a := jj.Eval("err", Assemble(src, ""))
		if got := a.Key(a.Kind != KindCompileError); got != want {
			t.Errorf("%s: got %q, want %q", src, got, want)
		}
	}
}

// The oracle reproduces what was measured on an AIC tenant (spec §1).
func TestOracleMatchesMeasuredAIC(t *testing.T) {
	o := startOracle(t)
	for _, c := range []struct{ code, result, want string }{
		{"let x = 1;", "x", "compile-error: missing ; before statement"},
		{"var o = {a, b};", "o", "compile-error: missing : after property id"},
		{"for (var v of [1]) {}", "v", "compile-error: missing ; after for-loop initializer"},
		{"const c = 1;", "c", "value undefined"},
		{"var out = []; for (var i = 0; i < 3; i++) { const k = i * 2; out.push(k); }", "out.join()", `value ",,"`},
		{"function f() { var out = []; for (var i = 0; i < 3; i++) { const k = i * 2; out.push(k); } return out.join(); }", "f()", `value "0,0,0"`},
		{"", "[typeof Map, typeof Set, typeof Symbol, typeof Promise, typeof Proxy, typeof Reflect, typeof console, typeof setTimeout].join()",
			`value "undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined"`},
		{"", "[typeof require, typeof JavaImporter, typeof java, typeof context].join()", `value "function,function,object,object"`},
		{"new java.util.HashMap();", "", "exception TypeError: [JavaPackage java.util.HashMap] is not a function, it is object."},
		{"", "Array.from({length: 3}, function (_, i) { return i; }).join() + [1,2].includes(2)", `value "0,1,2true"`},
		{"while (true) {}", "", "timeout"},
	} {
		a, err := o.Eval("measured", Assemble(c.code, c.result))
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Key(true); got != c.want {
			t.Errorf("%s ⇒ %s: got %q, want %q", c.code, c.result, got, c.want)
		}
	}
}

// TestConformance runs the corpus on both engines (skipped where Java or
// Rhino is missing): a difference not listed in KNOWN-DIFFERENCES.md, or a
// harness failure, fails it.
func TestConformance(t *testing.T) {
	o := startOracle(t)
	jj := NewJourneyjs(5 * time.Second)
	defer jj.Close()
	known, err := LoadKnown(filepath.Join(Dir(), "KNOWN-DIFFERENCES.md"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Compare(corpus(t), o, jj, known)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range rep.Harness() {
		t.Errorf("%s: harness failure: journeyjs %s; rhino %s", h.Probe.ID(), h.Journeyjs, h.Rhino)
	}
	for _, d := range rep.Unexplained() {
		t.Errorf("%s differs: journeyjs %s; rhino %s", d.Probe.ID(), d.Journeyjs, d.Rhino)
	}
	t.Logf("conformance: %d/%d probes agree", rep.Agreed(), len(rep.Outcomes))
}
