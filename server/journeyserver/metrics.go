package journeyserver

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"

	"github.com/journeyjs/journeyjs/runtime"
	"github.com/journeyjs/journeyjs/server/httpfront"
)

type endKey struct{ journey, result string }

// metrics counts journeys started, ended (by result), expired, and authIds
// refused (by reason). Journey names come from the exports, so their labels
// are bounded.
type metrics struct {
	mu       sync.Mutex
	starts   map[string]uint64
	ends     map[endKey]uint64
	expiries map[string]uint64
	rejects  map[string]uint64
}

func newMetrics() *metrics {
	return &metrics{starts: map[string]uint64{}, ends: map[endKey]uint64{}, expiries: map[string]uint64{}, rejects: map[string]uint64{}}
}

func (m *metrics) started(j string)  { m.mu.Lock(); m.starts[j]++; m.mu.Unlock() }
func (m *metrics) expired(j string)  { m.mu.Lock(); m.expiries[j]++; m.mu.Unlock() }
func (m *metrics) rejected(r string) { m.mu.Lock(); m.rejects[r]++; m.mu.Unlock() }
func (m *metrics) ended(j, res string) {
	m.mu.Lock()
	m.ends[endKey{j, res}]++
	m.mu.Unlock()
}

func (m *metrics) write(w io.Writer, sessions int, st runtime.Stats) {
	m.mu.Lock()
	defer m.mu.Unlock()
	httpfront.ByLabel(w, "journeyjs_journeys_started_total", "Journeys started, by journey.", "journey", m.starts)
	httpfront.Header(w, "journeyjs_journeys_ended_total", "counter", "Journeys that ended, by journey and result (Success, Failure, Error).")
	keys := slices.SortedFunc(maps.Keys(m.ends), func(a, b endKey) int {
		return cmp.Or(cmp.Compare(a.journey, b.journey), cmp.Compare(a.result, b.result))
	})
	for _, k := range keys {
		fmt.Fprintf(w, "journeyjs_journeys_ended_total{journey=%s,result=%s} %d\n", httpfront.Quote(k.journey), httpfront.Quote(k.result), m.ends[k])
	}
	httpfront.ByLabel(w, "journeyjs_journeys_expired_total", "Journeys dropped because the client did not come back before the authId expired.", "journey", m.expiries)
	httpfront.ByLabel(w, "journeyjs_authid_rejections_total", "authIds refused: invalid (not signed by this server), expired, unknown (journey ended, step answered already, or in progress).", "reason", m.rejects)
	httpfront.Single(w, "journeyjs_journey_sessions", "gauge", "Journeys in progress, waiting for their client.", sessions)
	httpfront.EngineStats(w, st)
}
