package runtime

import (
	"context"
	"runtime/metrics"
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

// heapSample is the heap as the watchdog sees it: all objects (live and
// not yet swept), and those found live by the last collection.
type heapSample struct{ objects, live uint64 }

func readHeap() heapSample {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	var h heapSample
	if s[0].Value.Kind() == metrics.KindUint64 {
		h.objects = s[0].Value.Uint64()
	}
	if s[1].Value.Kind() == metrics.KindUint64 {
		h.live = s[1].Value.Uint64()
	}
	return h
}

// garbageAllowance is how far, in budgets, the heap may grow during a run
// counting garbage not yet swept, before the run is stopped anyway.
const garbageAllowance = 4

// check interrupts every run past its deadline, whose context is done, or
// during which the heap grew past the memory budget, ends the waits past
// their deadline, and returns how many runs are active or waiting. Runs
// shorter than a tick are never looked at.
//
// Memory is judged on the live heap of the last collection, so a run that
// only churns garbage is not taken for a memory bomb; collections follow a
// growing heap closely. As a backstop, a run is also stopped when the heap
// including unswept garbage grew by garbageAllowance budgets.
func (e *Engine) check(now time.Duration) int {
	budget := uint64(e.opts.MaxMemory)
	active := 0
	e.vmsMu.Lock()
	defer e.vmsMu.Unlock()
	var heap heapSample
	if budget > 0 && len(e.vms) > 0 {
		heap = readHeap()
	}
	grew := func(now, base uint64) uint64 {
		if now > base {
			return now - base
		}
		return 0
	}
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
			if budget > 0 && v.heapSeq != v.seq {
				v.heapSeq, v.heapBase = v.seq, heap
			}
			live, all := grew(heap.live, v.heapBase.live), grew(heap.objects, v.heapBase.objects)
			switch {
			case int64(now) >= v.deadline:
				v.interruptLocked(timeoutReason(v.timeout))
			case budget > 0 && (live > budget || all > garbageAllowance*budget):
				v.interruptLocked(memoryReason{used: max(live, all), budget: budget})
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
