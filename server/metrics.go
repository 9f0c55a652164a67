package server

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"sync"

	"github.com/journeyjs/journeyjs/runtime"
	"github.com/journeyjs/journeyjs/server/httpfront"
)

// The metrics are written by hand in the Prometheus text exposition format
// (package httpfront has the helpers).

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

	httpfront.ByLabel(w, "journeyjs_evaluations_total", "Script evaluations served, by script.", "script", m.runs)
	httpfront.Header(w, "journeyjs_outcomes_total", "counter", "Evaluations that reached an outcome, by script and outcome.")
	okeys := slices.SortedFunc(maps.Keys(m.outcomes), func(a, b outcomeKey) int {
		return cmp.Or(cmp.Compare(a.script, b.script), cmp.Compare(a.outcome, b.outcome))
	})
	for _, k := range okeys {
		fmt.Fprintf(w, "journeyjs_outcomes_total{script=%s,outcome=%s} %d\n", httpfront.Quote(k.script), httpfront.Quote(k.outcome), m.outcomes[k])
	}
	httpfront.ByLabel(w, "journeyjs_errors_total", "Evaluations that failed, by error kind.", "kind", m.errors)
	httpfront.Single(w, "journeyjs_timeouts_total", "counter", "Evaluations stopped by the time limit.", m.errors[string(runtime.KindTimeout)])

	httpfront.Header(w, "journeyjs_evaluation_duration_seconds", "histogram", "Wall time of one run, compile included.")
	var cum uint64
	for i, le := range latencyBuckets {
		cum += m.buckets[i]
		fmt.Fprintf(w, "journeyjs_evaluation_duration_seconds_bucket{le=%q} %d\n", httpfront.FormatFloat(le), cum)
	}
	cum += m.buckets[len(latencyBuckets)]
	fmt.Fprintf(w, "journeyjs_evaluation_duration_seconds_bucket{le=\"+Inf\"} %d\n", cum)
	fmt.Fprintf(w, "journeyjs_evaluation_duration_seconds_sum %s\n", httpfront.FormatFloat(m.sum))
	fmt.Fprintf(w, "journeyjs_evaluation_duration_seconds_count %d\n", m.count)

	httpfront.EngineStats(w, st)
}
