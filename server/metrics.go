package server

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/journeyjs/journeyjs/runtime"
)

// The metrics are written by hand in the Prometheus text exposition format
// (version 0.0.4): a handful of counters and one histogram do not need a
// client library and its dependencies.

// latencyBuckets are the upper bounds, in seconds, of the run latency
// histogram: from 100 µs (a pooled trivial decision) to 10 s (the default
// time limit).
var latencyBuckets = []float64{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// maxOutcomeLabels bounds the distinct outcome label values: outcomes are
// chosen by scripts, and a script that makes them up must not grow the
// metrics without limit. Later outcomes are counted as "_other".
const maxOutcomeLabels = 256

type outcomeKey struct{ script, outcome string }

type metrics struct {
	mu       sync.Mutex
	runs     map[string]uint64     // by script
	outcomes map[outcomeKey]uint64 // by script and outcome
	errors   map[string]uint64     // by kind (timeouts are errors[KindTimeout])
	buckets  []uint64              // cumulative at write time; here per bucket
	count    uint64
	sum      float64
}

func newMetrics() *metrics {
	return &metrics{
		runs:     map[string]uint64{},
		outcomes: map[outcomeKey]uint64{},
		errors:   map[string]uint64{},
		buckets:  make([]uint64, len(latencyBuckets)+1),
	}
}

func (m *metrics) observe(script string, res runtime.Result, err error) {
	secs := res.Duration.Seconds()
	i := sort.SearchFloat64s(latencyBuckets, secs) // first bound >= secs
	m.mu.Lock()
	defer m.mu.Unlock()
	m.runs[script]++
	m.buckets[i]++
	m.count++
	m.sum += secs
	if err != nil {
		kind := string(runtime.KindException)
		var se *runtime.ScriptError
		if errors.As(err, &se) {
			kind = string(se.Kind)
		}
		m.errors[kind]++
		return
	}
	k := outcomeKey{script, res.Outcome}
	if _, ok := m.outcomes[k]; !ok && len(m.outcomes) >= maxOutcomeLabels {
		k.outcome = "_other"
	}
	m.outcomes[k]++
}

func (m *metrics) write(w io.Writer, st runtime.Stats) {
	m.mu.Lock()
	defer m.mu.Unlock()

	header(w, "journeyjs_evaluations_total", "counter", "Script evaluations served, by script.")
	for _, s := range slices.Sorted(maps.Keys(m.runs)) {
		fmt.Fprintf(w, "journeyjs_evaluations_total{script=%s} %d\n", quote(s), m.runs[s])
	}
	header(w, "journeyjs_outcomes_total", "counter", "Evaluations that reached an outcome, by script and outcome.")
	okeys := slices.SortedFunc(maps.Keys(m.outcomes), func(a, b outcomeKey) int {
		return cmp.Or(cmp.Compare(a.script, b.script), cmp.Compare(a.outcome, b.outcome))
	})
	for _, k := range okeys {
		fmt.Fprintf(w, "journeyjs_outcomes_total{script=%s,outcome=%s} %d\n", quote(k.script), quote(k.outcome), m.outcomes[k])
	}
	header(w, "journeyjs_errors_total", "counter", "Evaluations that failed, by error kind.")
	for _, k := range slices.Sorted(maps.Keys(m.errors)) {
		fmt.Fprintf(w, "journeyjs_errors_total{kind=%s} %d\n", quote(k), m.errors[k])
	}
	single(w, "journeyjs_timeouts_total", "counter", "Evaluations stopped by the time limit.", m.errors[string(runtime.KindTimeout)])

	header(w, "journeyjs_evaluation_duration_seconds", "histogram", "Wall time of one run, compile included.")
	var cum uint64
	for i, le := range latencyBuckets {
		cum += m.buckets[i]
		fmt.Fprintf(w, "journeyjs_evaluation_duration_seconds_bucket{le=%q} %d\n", formatFloat(le), cum)
	}
	cum += m.buckets[len(latencyBuckets)]
	fmt.Fprintf(w, "journeyjs_evaluation_duration_seconds_bucket{le=\"+Inf\"} %d\n", cum)
	fmt.Fprintf(w, "journeyjs_evaluation_duration_seconds_sum %s\n", formatFloat(m.sum))
	fmt.Fprintf(w, "journeyjs_evaluation_duration_seconds_count %d\n", m.count)

	single(w, "journeyjs_engine_runs_total", "counter", "Runs the engine finished (all callers).", st.Runs)
	single(w, "journeyjs_engine_failures_total", "counter", "Runs the engine finished with an error.", st.Failures)
	header(w, "journeyjs_pool_runtimes", "gauge", "Pooled runtimes by state: idle in the pool, or in use by a run.")
	fmt.Fprintf(w, "journeyjs_pool_runtimes{state=\"idle\"} %d\n", st.Idle)
	fmt.Fprintf(w, "journeyjs_pool_runtimes{state=\"in_use\"} %d\n", st.InUse)
	single(w, "journeyjs_evaluations_waiting", "gauge", "Runs waiting for a free runtime.", st.Waiting)
	single(w, "journeyjs_engine_busy_rejections_total", "counter", "Runs refused because no runtime came free in time.", st.BusyRejections)
	single(w, "journeyjs_engine_max_concurrent", "gauge", "Runs the engine lets run at once.", st.MaxConcurrent)
	single(w, "journeyjs_pool_capacity", "gauge", "Idle runtimes the pool keeps at most.", st.PoolSize)
	single(w, "journeyjs_runtimes_created_total", "counter", "Runtimes built.", st.RuntimesCreated)
	single(w, "journeyjs_runtimes_discarded_total", "counter", "Runtimes dropped after a run that left them unsafe to reuse.", st.RuntimesDiscarded)
	single(w, "journeyjs_compiled_programs", "gauge", "Compiled programs in the engine's cache.", st.CachedPrograms)
}

func header(w io.Writer, name, typ, help string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
}

// single writes a metric without labels and its one value.
func single[N int | int64 | uint64](w io.Writer, name, typ, help string, v N) {
	header(w, name, typ, help)
	fmt.Fprintf(w, "%s %d\n", name, v)
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// quote writes a label value: backslash, double quote and newline escaped.
func quote(s string) string { return `"` + labelEscaper.Replace(s) + `"` }

func formatFloat(f float64) string {
	if math.IsInf(f, 1) {
		return "+Inf"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
