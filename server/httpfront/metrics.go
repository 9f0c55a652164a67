package httpfront

import (
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/journeyjs/journeyjs/runtime"
)

// The metrics are written by hand in the Prometheus text exposition format
// (version 0.0.4): a handful of counters and histograms do not need a client
// library and its dependencies.

// Header writes a metric's HELP and TYPE lines.
func Header(w io.Writer, name, typ, help string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
}

// Single writes a metric without labels and its one value.
func Single[N int | int64 | uint64](w io.Writer, name, typ, help string, v N) {
	Header(w, name, typ, help)
	fmt.Fprintf(w, "%s %d\n", name, v)
}

// ByLabel writes a counter family with one label, a line per value of the
// label, sorted.
func ByLabel(w io.Writer, name, help, label string, counts map[string]uint64) {
	Header(w, name, "counter", help)
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		fmt.Fprintf(w, "%s{%s=%s} %d\n", name, label, Quote(k), counts[k])
	}
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// Quote writes a label value: backslash, double quote and newline escaped.
func Quote(s string) string { return `"` + labelEscaper.Replace(s) + `"` }

// FormatFloat writes a sample value or a bucket bound.
func FormatFloat(f float64) string {
	if math.IsInf(f, 1) {
		return "+Inf"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// EngineStats writes the engine's counters and gauges (runs, pool, queue,
// compile cache), the same for every server.
func EngineStats(w io.Writer, st runtime.Stats) {
	Single(w, "journeyjs_engine_runs_total", "counter", "Runs the engine finished (all callers).", st.Runs)
	Single(w, "journeyjs_engine_failures_total", "counter", "Runs the engine finished with an error.", st.Failures)
	Header(w, "journeyjs_pool_runtimes", "gauge", "Pooled runtimes by state: idle in the pool, or in use by a run.")
	fmt.Fprintf(w, "journeyjs_pool_runtimes{state=\"idle\"} %d\n", st.Idle)
	fmt.Fprintf(w, "journeyjs_pool_runtimes{state=\"in_use\"} %d\n", st.InUse)
	Single(w, "journeyjs_evaluations_waiting", "gauge", "Runs waiting for a free runtime.", st.Waiting)
	Single(w, "journeyjs_engine_busy_rejections_total", "counter", "Runs refused because no runtime came free in time.", st.BusyRejections)
	Single(w, "journeyjs_engine_max_concurrent", "gauge", "Runs the engine lets run at once.", st.MaxConcurrent)
	Single(w, "journeyjs_pool_capacity", "gauge", "Idle runtimes the pool keeps at most.", st.PoolSize)
	Single(w, "journeyjs_runtimes_created_total", "counter", "Runtimes built.", st.RuntimesCreated)
	Single(w, "journeyjs_runtimes_discarded_total", "counter", "Runtimes dropped after a run that left them unsafe to reuse.", st.RuntimesDiscarded)
	Single(w, "journeyjs_compiled_programs", "gauge", "Compiled programs in the engine's cache.", st.CachedPrograms)
}
