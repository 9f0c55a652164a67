package runtime_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/journeyjs/journeyjs/runtime"
)

// The built-ins a script reaches and the extreme arguments it can hand
// them; FuzzHostileBuiltins combines them.
var (
	fuzzReceivers = []string{
		"[]", "[1, 2, 3]", "a", "s", "big", "new Array(5)", "({length: 4294967295})",
		"'x'", "JSON", "Math", "Object", "Array", "String", "/a+/g", "new Date(0)",
	}
	fuzzMethods = []string{
		"sort", "slice", "splice", "concat", "includes", "indexOf", "lastIndexOf", "join", "fill",
		"copyWithin", "map", "filter", "reduce", "reverse", "every", "some", "find", "push", "unshift",
		"repeat", "padStart", "padEnd", "split", "replace", "replaceAll", "concat", "normalize",
		"parse", "stringify", "apply", "call", "from", "keys", "assign", "fromCharCode", "raw", "test", "exec",
	}
	fuzzArgs = []string{
		"0", "-1", "1e9", "4294967295", "4e9", "Infinity", "-Infinity", "NaN", "undefined", "null",
		"''", "s", "big", "a", "{length: 4e9}", "function (x) { return x; }", "function () { throw 1; }",
		"/a/g", "'$&$&$&$&'", "[a, a, a]", "{}", "-0", "2147483648", "1.5",
	}
)

// FuzzHostileBuiltins runs scripts that call a built-in with extreme
// arguments on an array whose length can be 2³²−1, a long string and more,
// and checks what must hold on any machine: the run ends as a result or a
// script failure (never an internal error or a crashed host), and the next
// run on the same engine is clean. Seeds run with go test; `make fuzz`
// explores.
func FuzzHostileBuiltins(f *testing.F) {
	for _, seed := range [][]byte{{0, 0, 2, 3}, {6, 1, 4, 0}, {3, 19, 11, 18}, {4, 22, 12, 5}, {1, 30, 14, 14}} {
		f.Add(seed)
	}
	e := runtime.New(runtime.Options{PoolSize: 1, Timeout: 250 * time.Millisecond, MaxMemory: 16 << 20, Language: runtime.LanguageModern})
	f.Cleanup(e.Close)
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 2 {
			return
		}
		pick := func(list []string, i int) string { return list[int(b[i%len(b)])%len(list)] }
		args := make([]string, 0, 3)
		for i := 2; i < len(b) && i < 5; i++ {
			args = append(args, pick(fuzzArgs, i))
		}
		src := `var a = []; a.length = 4294967295; a[0] = 1;
var s = "ab".repeat(50000), big = new Array(1000).fill(s);
try { var r = (` + pick(fuzzReceivers, 0) + `).` + pick(fuzzMethods, 1) + `(` + strings.Join(args, ", ") + `); } catch (e) { }
action.goTo("done");`
		_, err := e.Run(context.Background(), runtime.Script{Name: "fuzz.js", Source: src}, runtime.Input{})
		if err != nil {
			var se *runtime.ScriptError
			if !errors.As(err, &se) {
				t.Fatalf("%s\nnot a script error: %v", src, err)
			}
			switch se.Kind {
			case runtime.KindTimeout, runtime.KindMemory, runtime.KindStackOverflow, runtime.KindException:
			default:
				t.Fatalf("%s\nkind %s: %v", src, se.Kind, se)
			}
			if strings.Contains(se.Message, "internal error") {
				t.Fatalf("%s\n%v", src, se)
			}
		}
		res, err := e.Run(context.Background(), runtime.Script{Name: "next.js", Source: `action.goTo(typeof a)`}, runtime.Input{})
		if err != nil || res.Outcome != "undefined" {
			t.Fatalf("the next run is not clean after\n%s\n: %q %v", src, res.Outcome, err)
		}
	})
}
