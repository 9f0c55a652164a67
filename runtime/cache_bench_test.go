package runtime_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/journeyjs/journeyjs/runtime"
)

// BenchmarkCompileCache runs N distinct scripts round-robin on one engine,
// after one warm-up pass: with every script compiled once and cached, the
// cost per run should stay flat as N grows from 10 to 10,000 (the default
// cache holds 16,384 programs). ns/op is one run.
func BenchmarkCompileCache(b *testing.B) {
	for _, n := range []int{10, 1000, 10000} {
		b.Run(fmt.Sprintf("scripts=%d", n), func(b *testing.B) {
			e := runtime.New(runtime.Options{PoolSize: 1})
			defer e.Close()
			scripts := make([]runtime.Script, n)
			for i := range scripts {
				scripts[i] = runtime.Script{
					Name: fmt.Sprintf("script-%05d.js", i),
					Source: fmt.Sprintf(`var u = nodeState.get("username"); var n = %d;
action.goTo(u && n >= 0 ? "true" : "false");`, i),
				}
			}
			in := runtime.Input{SharedState: map[string]any{"username": "bjensen"}}
			ctx := context.Background()
			for _, s := range scripts {
				if _, err := e.Run(ctx, s, in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := e.Run(ctx, scripts[i%n], in)
				if err != nil || res.Outcome != "true" {
					b.Fatal(res.Outcome, err)
				}
			}
			b.StopTimer()
			if st := e.Stats(); st.CachedPrograms < n {
				b.Fatalf("%d programs cached for %d scripts", st.CachedPrograms, n)
			}
		})
	}
}

// BenchmarkCompileMiss is the cost of a run whose script is new to the
// engine: parse, compile and first run (every op a distinct script).
func BenchmarkCompileMiss(b *testing.B) {
	e := runtime.New(runtime.Options{PoolSize: 1})
	defer e.Close()
	in := runtime.Input{SharedState: map[string]any{"username": "bjensen"}}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := runtime.Script{Name: "miss.js", Source: fmt.Sprintf(`var u = nodeState.get("username"); var n = %d;
action.goTo(u && n >= 0 ? "true" : "false");`, i)}
		if _, err := e.Run(ctx, s, in); err != nil {
			b.Fatal(err)
		}
	}
}
