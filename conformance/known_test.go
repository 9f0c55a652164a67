package conformance

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/journeyjs/journeyjs/runtime"
)

// pinned is journeyjs's answer to every probe listed in
// KNOWN-DIFFERENCES.md: a known difference is a decision, so journeyjs's
// side of it must not drift. The test needs no Java: it runs journeyjs only.
var pinned = map[string]string{
	"arrays/keys-element-past-dense": "value \"0,1,5,x\"",
	"classes/class-as-identifier":    "compile-error: Unexpected token class",
	"errors/conditional-catch":       "compile-error: Unexpected token if",
	"functions/function-tostring":    "value \"function  add(a,b){ return a+b }\"",
	"globals/typeof-java":            "value \"object,function,undefined,undefined\"",
	"globals/typeof-rhino-shell":     "value \"undefined,undefined,undefined,undefined,undefined\"",
	"globals/typeof-uneval":          "value \"undefined,undefined\"",
	"globals/typeof-xml":             "value \"undefined,undefined\"",
	"java/arraylist-for-each":        "compile-error: Unexpected identifier",
	"java/packages-root":             "exception ReferenceError: \"Packages\" is not defined.",
	"loops/for-each-in":              "compile-error: Unexpected identifier",
	"misc/getter-infinite-recursion": "exception InternalError: Exceeded maximum stack depth (misc/getter-infinite-recursion#1)",
	"numbers/math-cosh":              "value 1.5430806348152437",
	"numbers/max-safe":               "value \"9007199254740991,2.220446049250313e-16,5e-324,1.7976931348623157e+308\"",
	"numbers/min-value-denormal":     "value \"5e-324,1e-323,2.5e-320\"",
	"regexp/flags-property":          "value \"gi\"",
}

// TestKnownDifferencesArePinned runs each known difference's probe through
// journeyjs and checks the answer is the one pinned here, and that every
// listed difference has a pin (and no pin outlives its listing).
func TestKnownDifferencesArePinned(t *testing.T) {
	known, err := LoadKnown(filepath.Join(Dir(), "KNOWN-DIFFERENCES.md"))
	if err != nil {
		t.Fatal(err)
	}
	jj := NewJourneyjs(5 * time.Second)
	defer jj.Close()
	byID := map[string]Probe{}
	for _, p := range corpus(t) {
		byID[p.ID()] = p
	}
	var ids []string
	for id := range known {
		if id != "topic/probe-name" { // the file's example of the format
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		p, ok := byID[id]
		if !ok {
			t.Errorf("%s is listed in KNOWN-DIFFERENCES.md but no probe has that name", id)
			continue
		}
		got := jj.Eval(p.ID(), p.Source()).Key(true)
		want, ok := pinned[id]
		if !ok {
			t.Errorf("%s: no pinned answer; journeyjs answers %q", id, got)
			continue
		}
		if got != want {
			t.Errorf("%s: journeyjs now answers %q, pinned %q: a known difference changed", id, got, want)
		}
	}
	for id := range pinned {
		if _, ok := known[id]; !ok {
			t.Errorf("%s is pinned but no longer listed in KNOWN-DIFFERENCES.md", id)
		}
	}
}

// TestDeliberateDifferenceFails: a journeyjs that lets `let` through (the
// modern language level standing in for a broken tenant check) fails the
// comparison, and the report names the probe and both engines' answers.
func TestDeliberateDifferenceFails(t *testing.T) {
	o := startOracle(t)
	broken := &Journeyjs{Engine: runtime.New(runtime.Options{Language: runtime.LanguageModern, Timeout: 5 * time.Second})}
	defer broken.Close()
	var probes []Probe
	for _, p := range corpus(t) {
		if p.ID() == "declarations/let-top" {
			probes = append(probes, p)
		}
	}
	if len(probes) != 1 {
		t.Fatal("declarations/let-top: probe not found")
	}
	rep, err := Compare(probes, o, broken, map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	if u := rep.Unexplained(); len(u) != 1 {
		t.Fatalf("want the let probe to differ, got %d differences", len(u))
	}
	var out strings.Builder
	rep.Write(&out, false)
	for _, want := range []string{"DIFFERS declarations/let-top", "journeyjs: 1", "rhino:     compile error", "missing ; before statement"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}
