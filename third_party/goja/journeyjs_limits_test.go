package goja

// Tests of the journeyjs patch (journeyjs_limits.go). Run them with
// `go test -run Journeyjs ./...`. None measures time: natives are stopped
// by an interrupt raised from inside them, and the allocation meter is
// deterministic.

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dlclark/regexp2/v2"
)

const journeyjsLimit = 16 << 20

func journeyjsAllocStop(t *testing.T, err error) *AllocLimitError {
	t.Helper()
	var ie *InterruptedError
	if !errors.As(err, &ie) {
		t.Fatalf("want an *InterruptedError, got %T %v", err, err)
	}
	ae, ok := ie.Value().(*AllocLimitError)
	if !ok {
		t.Fatalf("want an *AllocLimitError value, got %T %v", ie.Value(), ie.Value())
	}
	return ae
}

func TestJourneyjsAllocLimitStopsBombs(t *testing.T) {
	bombs := map[string]string{
		"apply":             `Array.apply(null, {length: 4e9})`,
		"sort sparse":       `var a = []; a.length = 4294967295; a[0] = 1; a.sort()`,
		"map":               `new Array(4e9).map(function (x) { return x; })`,
		"slice":             `var a = new Array(1e6).fill(1), b = []; for (;;) { b.push(a.slice()); }`,
		"concat dense":      `var a = new Array(1e6).fill(1); var b = []; for (;;) { b = b.concat(a); }`,
		"splice":            `var a = new Array(2e7).fill(0); a.splice(0)`,
		"filter":            `new Array(2e7).fill(0).filter(function () { return true; })`,
		"push":              `var a = []; for (;;) { a.push(1, 2, 3, 4); }`,
		"length then fill":  `var a = []; a.length = 4e9; a.fill(0)`,
		"Array.from":        `Array.from({length: 1e9})`,
		"spread":            `var a = new Array(1e7).fill(1); Math.max(...a, ...a, ...a, ...a, ...a)`,
		"string doubling":   `var s = "x"; for (;;) { s += s; }`,
		"template":          "var s = 'x'; for (;;) { s = `${s}${s}`; }",
		"concat string":     `var s = "x"; for (;;) { s = s.concat(s); }`,
		"repeat":            `"x".repeat(1e9)`,
		"padStart":          `"".padStart(2e9, "ab")`,
		"replace":           `var s = "a".repeat(200000); s.replace(/a/g, s)`,
		"replace $'":        `var s = "a".repeat(200000); s.replace(/a/g, "$'")`,
		"replaceAll":        `var s = "a".repeat(200000); s.replaceAll("a", s)`,
		"split":             `"a".repeat(1e8).split("")`,
		"split regexp":      `"a".repeat(1e7).split(/(?:)/)`,
		"match":             `"a".repeat(1e8).match(/a/g)`,
		"String.raw":        `String.raw({raw: {length: 1e9}})`,
		"fromCharCode":      `String.fromCharCode.apply(null, new Array(1e8).fill(65))`,
		"join":              `new Array(1e8).join("xxxxxxxx")`,
		"JSON.parse":        `JSON.parse("[" + "1,".repeat(5e7) + "1]")`,
		"JSON.stringify":    `JSON.stringify(new Array(1e8))`,
		"typed array":       `new Float64Array(1e8)`,
		"ArrayBuffer":       `new ArrayBuffer(1e9)`,
		"typed join":        `new Uint8Array(3e7).join("--")`,
		"Object.keys":       `Object.keys("a".repeat(1e8))`,
		"object properties": `var o = {}; for (var i = 0; ; i++) { o["k" + i] = i; }`,
		"Map":               `var m = new Map(); for (var i = 0; ; i++) { m.set(i, i); }`,
		"Set":               `var s = new Set(); for (var i = 0; ; i++) { s.add(i); }`,
		"objects":           `var a = []; for (;;) { a.push({x: 1}); }`,
	}
	for name, src := range bombs {
		t.Run(name, func(t *testing.T) {
			r := New()
			r.SetAllocLimit(journeyjsLimit)
			_, err := r.RunString(src)
			ae := journeyjsAllocStop(t, err)
			if ae.Limit != journeyjsLimit || ae.Requested <= journeyjsLimit {
				t.Fatalf("bad error %+v", ae)
			}
			if !strings.Contains(err.Error(), "allocation limit") {
				t.Fatalf("message %q", err.Error())
			}
		})
	}
}

func TestJourneyjsAllocLimitIsNotCatchable(t *testing.T) {
	r := New()
	r.SetAllocLimit(journeyjsLimit)
	_, err := r.RunString(`
		var caught = 0;
		for (var i = 0; i < 10; i++) {
			try { Array.apply(null, {length: 4e9}); } catch (e) { caught++; }
			finally { caught++; }
		}
		caught`)
	journeyjsAllocStop(t, err)
	// Once the run is over (goja clears the interrupt when it leaves), the
	// runtime is usable after a reset.
	r.ResetAllocs()
	v, err := r.RunString(`[1, 2, 3].map(function (x) { return x * 2; }).join()`)
	if err != nil || v.String() != "2,4,6" {
		t.Fatalf("after reset: %v %v", v, err)
	}
}

func TestJourneyjsAllocMeterIsDeterministicAndOff(t *testing.T) {
	const src = `var o = {}, a = [], s = "";
		for (var i = 0; i < 1000; i++) { o["k" + i] = i; a.push(i); s += i; }
		JSON.stringify({o: o, a: a}).length + s.length`
	r := New()
	if _, err := r.RunString(src); err != nil {
		t.Fatal(err)
	}
	if r.Allocs() != 0 {
		t.Fatalf("meter off but counted %d", r.Allocs())
	}
	var counts []int64
	for i := 0; i < 2; i++ {
		r := New()
		r.SetAllocLimit(1 << 40)
		if _, err := r.RunString(`1`); err != nil { // build what every run builds
			t.Fatal(err)
		}
		r.ResetAllocs()
		if _, err := r.RunString(src); err != nil {
			t.Fatal(err)
		}
		counts = append(counts, r.Allocs())
	}
	if counts[0] != counts[1] || counts[0] <= 0 || counts[0] > 4<<20 {
		t.Fatalf("counts %v", counts)
	}
	t.Logf("script allocated %d bytes by the meter", counts[0])
}

// interruptingGetter returns a native getter that interrupts r when called:
// the interrupt is raised while a native loop is running, with no
// JavaScript instruction after it, so only a check inside the loop sees it.
func interruptingGetter(r *Runtime, calls *int) func(FunctionCall) Value {
	return func(FunctionCall) Value {
		*calls++
		r.Interrupt("stop")
		return r.ToValue(1)
	}
}

func TestJourneyjsNativeLoopsSeeInterrupt(t *testing.T) {
	calls := map[string]string{
		"slice":        `a.slice()`,
		"includes":     `a.includes(5)`,
		"indexOf":      `a.indexOf(5)`,
		"lastIndexOf":  `a.lastIndexOf(5)`,
		"concat":       `a.concat([1])`,
		"splice":       `a.splice(0)`,
		"copyWithin":   `Array.prototype.copyWithin.call(b, 0, 1)`,
		"filter":       `a.filter(function () { return false; })`,
		"every":        `Array.prototype.every.call(a, function () { return true; })`,
		"reverse":      `a.reverse()`,
		"join":         `a.join()`,
		"fill":         `Array.prototype.fill.call(o, 0)`,
		"reduce":       `Array.prototype.reduce.call(o, function (x) { return x; })`,
		"findLast":     `Array.prototype.findLastIndex.call(o, function () { return false; })`,
		"apply":        `Math.max.apply(null, o)`,
		"String.raw":   `String.raw({raw: o})`,
		"sort generic": `Array.prototype.sort.call(o)`,
	}
	for name, src := range calls {
		t.Run(name, func(t *testing.T) {
			r := New()
			var n int
			r.Set("getter", interruptingGetter(r, &n))
			_, err := r.RunString(`
				var a = []; a.length = 4294967295;
				Object.defineProperty(a, 0, {get: getter, set: getter, configurable: true});
				Object.defineProperty(a, 4294967294, {get: getter, set: getter, configurable: true});
				var o = {length: 4e6};
				Object.defineProperty(o, 0, {get: getter, set: getter});
				Object.defineProperty(o, 3999999, {get: getter, set: getter});
				var b = {length: 4e9};
				Object.defineProperty(b, 1, {get: getter});
			` + src)
			var ie *InterruptedError
			if !errors.As(err, &ie) || ie.Value() != "stop" {
				t.Fatalf("want the interrupt, got %v", err)
			}
			// On a (2³²−1 long) the loop would run for minutes without the
			// check, and one iteration touches the accessors at most four
			// times (reverse reads and writes both ends). On o and b, the
			// first iteration touches one accessor and, without the check,
			// a later one would touch another.
			limit := 1
			if strings.HasPrefix(src, "a.") {
				limit = 4
			}
			if n > limit {
				t.Fatalf("the accessors ran %d times after the interrupt", n)
			}
		})
	}
}

func TestJourneyjsRegexpTimeoutThrows(t *testing.T) {
	saved := regexp2.DefaultMatchTimeout
	regexp2.DefaultMatchTimeout = 20 * time.Millisecond
	defer func() { regexp2.DefaultMatchTimeout = saved }()

	r := New()
	v, err := r.RunString(`
		var small = /(a+)+\1b/.test("aaaab");
		var msg = "none", isError = false;
		try { /(a+)+\1b/.test("a".repeat(3000) + "c"); } catch (e) { msg = e.message; isError = e instanceof Error; }
		var msg2 = "none";
		try { ("a".repeat(3000) + "c").replace(/(a+)+\1b/g, "x"); } catch (e) { msg2 = e.message; }
		[small, isError, msg, msg2].join("|")`)
	if err != nil {
		t.Fatal(err)
	}
	want := "true|true|RegExp match exceeded its time limit of 20ms|RegExp match exceeded its time limit of 20ms"
	if v.String() != want {
		t.Fatalf("got %q, want %q", v.String(), want)
	}
	// Go's regexp (patterns without backreferences or lookaround) is
	// unchanged: linear, never times out.
	v, err = r.RunString(`/(a+)+b/.test("a".repeat(100000) + "c")`)
	if err != nil || v.ToBoolean() {
		t.Fatalf("RE2 path: %v %v", v, err)
	}
}
