package runtime

import (
	"context"
	goruntime "runtime"
	"testing"
)

// BenchmarkRuntimeMemory reports the heap each pooled runtime keeps alive,
// with every binding available and the trivial script run on it (bytes/runtime):
// what a runtime keeps for a script that uses nodeState and action.
func BenchmarkRuntimeMemory(b *testing.B) {
	const n = 50
	e := New(Options{PoolSize: n})
	defer e.Close()
	script := Script{Name: "bench.js", Source: trivialScript}
	in := benchInput()
	for i := 0; i < b.N; i++ {
		goruntime.GC()
		var before, after goruntime.MemStats
		goruntime.ReadMemStats(&before)
		vms := make([]*vm, n)
		for j := range vms {
			vms[j] = newVM(e)
			if _, err := runOn(context.Background(), e, vms[j], script, &in); err != nil {
				b.Fatal(err)
			}
		}
		goruntime.GC()
		goruntime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "bytes/runtime")
		for _, v := range vms {
			e.drop(v)
		}
		goruntime.KeepAlive(vms)
	}
}
