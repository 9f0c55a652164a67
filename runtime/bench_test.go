package runtime

import (
	"context"
	"testing"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/secrets"
	"github.com/journeyjs/journeyjs/bindings/systemenv"
)

// trivialScript is the benchmark's decision: read a state key, pick an outcome.
const trivialScript = `var u = nodeState.get("username"); action.goTo(u ? "true" : "false");`

func benchInput() Input {
	return Input{
		SharedState: map[string]any{"username": "bjensen"},
		Realm:       "/alpha",
		Backends: bindings.NewBackends(
			secrets.StoreKey.Value(secrets.MapStore{"scripted.node.k": "v"}),
			systemenv.SourceKey.Value(systemenv.MapSource{"esv.x": "1"}),
		),
	}
}

// BenchmarkBareGoja is the floor: the same script run with goja's RunProgram on
// one reused runtime, with the two Go functions it calls and nothing else.
func BenchmarkBareGoja(b *testing.B) {
	rt := goja.New()
	state := map[string]any{"username": "bjensen"}
	var outcome string
	ns := rt.NewObject()
	_ = ns.Set("get", func(call goja.FunctionCall) goja.Value {
		v, ok := state[call.Argument(0).String()]
		if !ok {
			return goja.Null()
		}
		return rt.ToValue(v)
	})
	act := rt.NewObject()
	_ = act.Set("goTo", func(call goja.FunctionCall) goja.Value {
		outcome = call.Argument(0).String()
		return act
	})
	_ = rt.Set("nodeState", ns)
	_ = rt.Set("action", act)
	prg := goja.MustCompile("bench.js", trivialScript, false)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := rt.RunProgram(prg); err != nil {
			b.Fatal(err)
		}
		if outcome != "true" {
			b.Fatal(outcome)
		}
	}
}

// BenchmarkRunPooled is Engine.Run with every binding available, on pooled
// runtimes: the cost a host pays per decision.
func BenchmarkRunPooled(b *testing.B) {
	e := New(Options{})
	defer e.Close()
	script := Script{Name: "bench.js", Source: trivialScript}
	in := benchInput()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := e.Run(ctx, script, in)
		if err != nil || res.Outcome != "true" {
			b.Fatal(res.Outcome, err)
		}
	}
}

// BenchmarkRunPooledParallel runs trivial decisions from GOMAXPROCS
// goroutines: its ns/op inverted is the engine's throughput.
func BenchmarkRunPooledParallel(b *testing.B) {
	e := New(Options{})
	defer e.Close()
	script := Script{Name: "bench.js", Source: trivialScript}
	in := benchInput()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			res, err := e.Run(ctx, script, in)
			if err != nil || res.Outcome != "true" {
				b.Fatal(res.Outcome, err)
			}
		}
	})
}

// BenchmarkRunCold builds a new runtime for each run (hardened, with every
// binding available; a binding is built when the script names it).
func BenchmarkRunCold(b *testing.B) {
	e := New(Options{})
	defer e.Close()
	script := Script{Name: "bench.js", Source: trivialScript}
	in := benchInput()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := newVM(e)
		fn, err := v.scriptFunc(script)
		if err != nil {
			b.Fatal(err)
		}
		var res Result
		if err := v.execute(ctx, monoNow(), e.limit(ctx), fn, script, &in, &res); err != nil || res.Outcome != "true" {
			b.Fatal(res.Outcome, err)
		}
		e.drop(v)
	}
}
