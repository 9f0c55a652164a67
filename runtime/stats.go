package runtime

import (
	"errors"
	"sync/atomic"
)

// engineStats counts with atomics. Runs in use are started minus runs
// (finished), so a run costs two counter updates, not three.
type engineStats struct {
	started, runs, failures, timeouts atomic.Int64
	created, discarded                atomic.Int64
	// waiting counts runs waiting for a runtime now; busy the runs that
	// gave up waiting with ErrBusy.
	waiting, busy atomic.Int64
}

func (s *engineStats) record(err error) {
	if err == nil {
		return
	}
	s.failures.Add(1)
	var se *ScriptError
	if errors.As(err, &se) && se.Kind == KindTimeout {
		s.timeouts.Add(1)
	}
}

// Stats is a snapshot of an engine's counters, for metrics.
type Stats struct {
	// Runs counts finished runs; Failures those that returned an error;
	// Timeouts those that hit the time limit.
	Runs, Failures, Timeouts int64
	// RuntimesCreated counts runtimes built (one per run, and those built
	// ahead); RuntimesDiscarded the runs that ended by a limit or an
	// internal error (every runtime is dropped after its run).
	RuntimesCreated, RuntimesDiscarded int64
	// InUse is the number of runtimes running a script now; Idle the number
	// built ahead and waiting for a run; PoolSize the pool's capacity.
	InUse, Idle, PoolSize int
	// MaxConcurrent is the bound on runs in progress (Options.MaxConcurrent);
	// Waiting the number of calls to Run waiting for a runtime now.
	MaxConcurrent, Waiting int
	// BusyRejections counts calls to Run that returned ErrBusy: they found
	// MaxConcurrent runs in progress and none ended in time. They are not
	// counted in Runs or Failures.
	BusyRejections int64
	// CachedPrograms is the number of compiled programs in the cache.
	CachedPrograms int
}

// Stats returns the engine's counters.
func (e *Engine) Stats() Stats {
	e.init()
	runs := e.stats.runs.Load() // before started, so InUse is never negative
	return Stats{
		Runs:              runs,
		Failures:          e.stats.failures.Load(),
		Timeouts:          e.stats.timeouts.Load(),
		RuntimesCreated:   e.stats.created.Load(),
		RuntimesDiscarded: e.stats.discarded.Load(),
		InUse:             int(e.stats.started.Load() - runs),
		Idle:              e.idleCount(),
		PoolSize:          cap(e.ready),
		MaxConcurrent:     e.opts.MaxConcurrent,
		Waiting:           int(e.stats.waiting.Load()),
		BusyRejections:    e.stats.busy.Load(),
		CachedPrograms:    e.cache.Len(),
	}
}

func (e *Engine) idleCount() int { return len(e.ready) }
