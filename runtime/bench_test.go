package runtime

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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

// BenchmarkRunCold builds a new runtime for each run on the run's own
// goroutine (every binding available; a binding is built when the script
// names it): what a run costs when no runtime was built ahead.
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
		if res, err := runOn(ctx, e, v, script, &in); err != nil || res.Outcome != "true" {
			b.Fatal(res.Outcome, err)
		}
		e.drop(v)
	}
}

// BenchmarkRunContention runs trivial decisions from many more goroutines
// than the engine has runtimes (default Options: MaxConcurrent = PoolSize =
// 2 × GOMAXPROCS), each goroutine taking runs until b.N are done. runs/s
// at 1,000 goroutines over runs/s at 8 is what a host loses to contention:
// callers beyond the bound queue for a pooled runtime instead of building
// cold ones. cpu-ns/run is the process's CPU time per run, which other
// work on a shared machine does not inflate: on an idle machine with every
// core busy, runs/s is about GOMAXPROCS × 1e9 / cpu-ns/run.
func BenchmarkRunContention(b *testing.B) {
	for _, goroutines := range []int{8, 64, 1000} {
		b.Run(fmt.Sprintf("goroutines=%d", goroutines), func(b *testing.B) {
			e := New(Options{})
			defer e.Close()
			script := Script{Name: "bench.js", Source: trivialScript}
			in := benchInput()
			ctx := context.Background()
			var next, failed atomic.Int64
			var firstErr atomic.Value
			var wg sync.WaitGroup
			start := make(chan struct{})
			for i := 0; i < goroutines; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					for next.Add(1) <= int64(b.N) {
						res, err := e.Run(ctx, script, in)
						if err != nil || res.Outcome != "true" {
							if failed.Add(1) == 1 {
								firstErr.Store(fmt.Sprintf("outcome %q, error %v", res.Outcome, err))
							}
						}
					}
				}()
			}
			b.ReportAllocs()
			b.ResetTimer()
			t0, cpu0 := time.Now(), processCPU()
			close(start)
			wg.Wait()
			elapsed, cpu := time.Since(t0), processCPU()-cpu0
			b.StopTimer()
			if n := failed.Load(); n > 0 {
				b.Fatalf("%d of %d runs failed; first: %v", n, b.N, firstErr.Load())
			}
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "runs/s")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/run")
			st := e.Stats()
			b.ReportMetric(float64(st.RuntimesCreated), "runtimes")
		})
	}
}

// runOn runs script on the runtime v, as Engine.run does after taking it.
func runOn(ctx context.Context, e *Engine, v *vm, script Script, in *Input) (Result, error) {
	entry := e.cache.entry(script.name(), script.Source, kindScript)
	if entry.err != nil {
		return Result{}, entry.err
	}
	v.prepare(entry)
	var res Result
	err := v.execute(ctx, monoNow(), e.limit(ctx), entry.prg, script, in, &res)
	return res, err
}

// BenchmarkNewRuntime is what building one fresh runtime costs (the part of
// every run that the engine's background builder does ahead of time).
func BenchmarkNewRuntime(b *testing.B) {
	e := New(Options{})
	defer e.Close()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		e.drop(newVM(e))
	}
}

// BenchmarkRunPrebuilt is a run's own latency once its runtime is ready:
// the runtimes are built with the timer stopped, a few at a time, as the
// engine's builder builds them ahead of the runs (BenchmarkNewRuntime is
// the other part of a run's cost). Holding only a few keeps the heap, and
// the collector's work, what a serving engine has.
func BenchmarkRunPrebuilt(b *testing.B) {
	e := New(Options{})
	defer e.Close()
	script := Script{Name: "bench.js", Source: trivialScript}
	in := benchInput()
	ctx := context.Background()
	const batch = 16
	vms := make([]*vm, 0, batch)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(vms) == 0 {
			b.StopTimer()
			for j := 0; j < batch; j++ {
				vms = append(vms, newVM(e))
			}
			b.StartTimer()
		}
		v := vms[len(vms)-1]
		vms = vms[:len(vms)-1]
		if res, err := runOn(ctx, e, v, script, &in); err != nil || res.Outcome != "true" {
			b.Fatal(res.Outcome, err)
		}
		e.drop(v)
	}
}

// BenchmarkLatencyAtHalfLoad paces trivial decisions at 25,000 a second
// (half of issue 15's 50,000 a second bar) from two goroutines through
// Engine.Run, and reports the median and 99th percentile of the time each
// Run took (µs-median, µs-p99): what a caller waits while the engine's
// builder keeps runtimes ready. Run it with a fixed -benchtime N x.
func BenchmarkLatencyAtHalfLoad(b *testing.B) {
	e := New(Options{})
	defer e.Close()
	script := Script{Name: "bench.js", Source: trivialScript}
	ctx := context.Background()
	const workers = 2
	const rate = 25000 // runs per second, all workers together
	interval := time.Duration(workers) * time.Second / rate
	durations := make([][]time.Duration, workers)
	// Warm the cache and the pool first.
	for i := 0; i < 100; i++ {
		in := benchInput()
		if _, err := e.Run(ctx, script, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			in := benchInput()
			for i := w; i < b.N; i += workers {
				due := start.Add(time.Duration(i/workers) * interval)
				if d := time.Until(due); d > 0 {
					time.Sleep(d)
				}
				t0 := time.Now()
				if _, err := e.Run(ctx, script, in); err != nil {
					b.Error(err)
					return
				}
				durations[w] = append(durations[w], time.Since(t0))
			}
		}(w)
	}
	wg.Wait()
	b.StopTimer()
	var all []time.Duration
	for _, d := range durations {
		all = append(all, d...)
	}
	slices.Sort(all)
	if len(all) > 0 {
		b.ReportMetric(float64(all[len(all)/2].Nanoseconds())/1e3, "µs-median")
		b.ReportMetric(float64(all[len(all)*99/100].Nanoseconds())/1e3, "µs-p99")
		b.ReportMetric(float64(len(all))/time.Since(start).Seconds(), "runs/s")
	}
}
