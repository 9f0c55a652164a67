package all_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/all"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
)

// goTraces are texts only Go puts in a function name or an error: a package
// path, a Go error type, a closure's symbol.
var goTraces = []string{"github.com", "GoError", ".func", "(*", "golang.org", "runtime error", "goroutine"}

// probe walks every binding's object graph (through properties, not
// prototypes' built-ins) and calls each function it finds with a few
// argument shapes, reporting function names and what each failed call throws.
const probe = `(function () {
	var out = [], seen = [];
	// Methods that stop the run on purpose (bindings.NotProvided).
	var skip = SKIP;
	var argSets = [[], [undefined], [null], [{}], ["x"], [1, 2], ["managed/user/1", {}, {}], [[]]];
	function note(where, e) {
		var text;
		try { text = String(e) + "\n" + (e && e.stack) + "\n" + (e && e.message) } catch (x) { text = "unprintable" }
		out.push(where + " => " + text);
	}
	function walk(v, path, depth) {
		if (v === null || (typeof v !== "object" && typeof v !== "function") || depth > 3 || seen.indexOf(v) >= 0 || skip.indexOf(path) >= 0) return;
		seen.push(v);
		if (typeof v === "function") {
			out.push(path + " name " + v.name + " " + String(v));
			for (var i = 0; i < argSets.length; i++) {
				try { v.apply(undefined, argSets[i]) } catch (e) { note(path + "(set " + i + ")", e) }
			}
		}
		var names = Object.getOwnPropertyNames(v);
		for (var j = 0; j < names.length; j++) {
			var k = names[j], child;
			if (k === "caller" || k === "arguments") continue;
			try { child = v[k] } catch (e) { note(path + "." + k, e); continue }
			walk(child, path + "." + k, depth + 1);
		}
	}
	NAMES.forEach(function (n) {
		var v;
		try { v = this[n] } catch (e) { note(n, e); return }
		walk(v, n, 0);
		if (v && typeof v === "object") {
			// The methods of an object are called on it, too.
			Object.getOwnPropertyNames(v).forEach(function (k) {
				if (typeof v[k] !== "function" || skip.indexOf(n + "." + k) >= 0) return;
				for (var i = 0; i < argSets.length; i++) {
					try { v[k].apply(v, argSets[i]) } catch (e) { note(n + "." + k + "(set " + i + ")", e) }
				}
			});
		}
	}, this);
	return out.join("\n");
})()`

// TestNoGoTextReachesScripts: a script never sees Go in a binding, whether
// it prints a function or calls one wrongly. utils is left to its own
// package's tests.
func TestNoGoTextReachesScripts(t *testing.T) {
	var names []string
	var bs []bindings.Binding
	for _, b := range all.Bindings {
		if b.Name() == "utils" {
			continue
		}
		bs = append(bs, b)
		names = append(names, `"`+b.Name()+`"`)
	}
	r := bindingtest.New(t, bs...).Begin(bindings.Backends{})
	skip, _ := json.Marshal(bindings.NotProvidedNames())
	src := strings.Replace(probe, "NAMES", "["+strings.Join(names, ",")+"]", 1)
	out := r.MustRun(strings.Replace(src, "SKIP", string(skip), 1)).String()
	r.End()
	for _, line := range strings.Split(out, "\n") {
		for _, trace := range goTraces {
			assert.NotContains(t, line, trace)
		}
	}
}
