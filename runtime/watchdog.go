package runtime

import (
	"context"
	"time"
)

// watchInterval is how often the watchdog checks running scripts and
// waiting runs: a script past its deadline stops, and a run waiting for a
// runtime gives up, at most this long after it.
const watchInterval = 5 * time.Millisecond

// watchIdleTicks is how many idle checks the watchdog makes before it exits;
// the next run starts it again. A host that stops running scripts keeps no
// goroutine behind.
const watchIdleTicks = 200

// The watchdog enforces time limits and context cancellation for every
// runtime of an engine from one goroutine, so a run pays for a deadline with
// a field write instead of a timer.

func (e *Engine) register(v *vm) {
	e.vmsMu.Lock()
	e.vms[v] = struct{}{}
	e.vmsMu.Unlock()
}

func (e *Engine) unregister(v *vm) {
	e.vmsMu.Lock()
	delete(e.vms, v)
	e.vmsMu.Unlock()
}

// waiter is a run waiting for a runtime until deadline (monoNow): the
// watchdog closes expired once it is past.
type waiter struct {
	deadline time.Duration
	expired  chan struct{}
}

func (e *Engine) addWaiter(w *waiter) {
	e.vmsMu.Lock()
	e.waiters[w] = struct{}{}
	e.vmsMu.Unlock()
	e.ensureWatchdog()
}

func (e *Engine) removeWaiter(w *waiter) {
	e.vmsMu.Lock()
	delete(e.waiters, w)
	e.vmsMu.Unlock()
}

// ensureWatchdog starts the watchdog goroutine unless it is running.
func (e *Engine) ensureWatchdog() {
	if e.watching.Load() {
		return
	}
	if e.watching.CompareAndSwap(false, true) {
		go e.watch()
	}
}

func (e *Engine) watch() {
	t := time.NewTicker(watchInterval)
	defer t.Stop()
	idle := 0
	for {
		select {
		case <-e.stop:
			return
		case <-t.C:
			if e.check(monoNow()) > 0 {
				idle = 0
				continue
			}
			if idle++; idle < watchIdleTicks {
				continue
			}
			// Say we stopped, then look once more: a run that became active
			// before this check is seen here; one after it starts a new
			// watchdog itself.
			e.watching.Store(false)
			if e.check(monoNow()) == 0 || !e.watching.CompareAndSwap(false, true) {
				return
			}
			idle = 0
		}
	}
}

// check interrupts every run past its deadline or whose context is done,
// ends the waits past their deadline, and returns how many runs are active
// or waiting. Runs shorter than a tick are never looked at.
//
// The watchdog does not look at memory. It used to sample the process heap
// and stop every run active while the heap grew by a budget, which let one
// heavy run stop innocent runs beside it and made the outcome depend on GC
// timing and load. Each run's memory is now its own: the allocation meter
// of its goja runtime (third_party/goja, SetAllocLimit) refuses the
// allocation that would take that run past Options.MaxMemory, before it is
// made, and stops that run alone (vm.go, allocReason). No process-wide
// guard is kept: one that never stops a run under its own budget could only
// stop runs for the sum of many budgets, which is the host's to size
// (PoolSize × MaxMemory, GOMEMLIMIT).
func (e *Engine) check(now time.Duration) int {
	active := 0
	e.vmsMu.Lock()
	defer e.vmsMu.Unlock()
	for w := range e.waiters {
		active++
		if now >= w.deadline {
			close(w.expired)
			delete(e.waiters, w)
		}
	}
	for v := range e.vms {
		v.mu.Lock()
		if v.active {
			active++
			switch {
			case int64(now) >= v.deadline:
				v.interruptLocked(timeoutReason(v.timeout))
			case v.ctx != nil && v.ctx.Done() != nil:
				select {
				case <-v.ctx.Done():
					v.interruptLocked(canceledReason{context.Cause(v.ctx)})
				default:
				}
			}
		}
		v.mu.Unlock()
	}
	return active
}

// epoch anchors monoNow. It is a reading of the monotonic clock, the same for
// every engine, not configuration.
var epoch = time.Now()

// monoNow is the time since epoch on the monotonic clock: one clock read,
// where time.Now makes two (wall and monotonic). Run takes it twice.
func monoNow() time.Duration { return time.Since(epoch) }
