package runtime

import (
	"context"
	"errors"
	"time"
)

// The queue of runs waiting for one of the MaxConcurrent places.
//
// A run that finds a place free takes it (acquire) and runs its script on
// its own goroutine. A run that finds none queues a job (enqueue) and
// sleeps. A run that ends with jobs queued does not give its place up: it
// passes the place, with the job at the head, to a worker goroutine (serve)
// and returns. A worker runs queued jobs one after the other, waking each
// job's caller with its result, until the queue is empty; then it gives
// the place up and exits. A waiting caller is woken exactly once, with its
// result, and its goroutine never grows the stack a script needs; a worker
// runs job after job on a stack that stays grown.
//
// With 1,000 callers on 2 cores (BenchmarkRunContention) the queue empties
// often: a worker runs the jobs faster than the callers it woke queue new
// ones, and then gives its place up, and a caller that finds a place free
// runs its script on its own goroutine, run after run, until the scheduler
// preempts it. A CPU profile puts most runs there, and little in stack
// growth. Handing every place to the first waiter instead (a channel
// semaphore) keeps every caller in the queue, each run on a goroutine whose
// stack the collector shrank while it waited.
//
// The run that ends passes its place on instead of running the next job
// itself: its own caller is waiting for its result, and must not wait for
// another caller's script too (which may block until that script's time
// limit).

// job is a run waiting for a place: what it runs with, and where its result
// goes. state, prev and next are guarded by Engine.qmu.
type job struct {
	ctx          context.Context
	script       Script
	in           Input
	start, limit time.Duration
	waiter       waiter // the watchdog's, when the wait has a deadline

	prev, next *job
	state      jobState

	// Set before done is closed.
	res      Result
	err      error
	panicked any // a panic of the run, raised again in the caller
	panicSet bool
	done     chan struct{}
}

type jobState uint8

const (
	jobQueued    jobState = iota
	jobTaken              // a worker runs it, or failed it: done will close
	jobWithdrawn          // its caller gave up waiting
)

// result is the job's outcome, for its caller once done is closed.
func (j *job) result() (Result, error) {
	if j.panicSet {
		panic(j.panicked)
	}
	return j.res, j.err
}

// finish hands the job's outcome to its caller.
func (j *job) finish(res Result, err error) {
	j.res, j.err = res, err
	close(j.done)
}

// acquire takes a place for a run, if one is free.
func (e *Engine) acquire() bool {
	e.qmu.Lock()
	ok := e.running < e.opts.MaxConcurrent
	if ok {
		e.running++
	}
	e.qmu.Unlock()
	return ok
}

type enqueued uint8

const (
	enqueueWait   enqueued = iota // queued: wait for done
	enqueueRun                    // a place was free after all, and is taken
	enqueueClosed                 // the engine is closed
)

// enqueue queues j at the tail, unless a place came free since acquire
// failed (then it takes it: the queue is empty whenever a place is free, so
// this overtakes no one) or the engine is closed.
func (e *Engine) enqueue(j *job) enqueued {
	e.qmu.Lock()
	defer e.qmu.Unlock()
	switch {
	case e.closed.Load():
		// Checked under qmu: Close fails the jobs queued before it takes
		// qmu, and no job is queued after.
		return enqueueClosed
	case e.running < e.opts.MaxConcurrent:
		e.running++
		return enqueueRun
	}
	j.prev = e.tail
	if e.tail != nil {
		e.tail.next = j
	} else {
		e.head = j
	}
	e.tail = j
	e.stats.waiting.Add(1)
	return enqueueWait
}

// unlinkLocked takes j out of the queue; e.qmu is held.
func (e *Engine) unlinkLocked(j *job) {
	if j.prev != nil {
		j.prev.next = j.next
	} else {
		e.head = j.next
	}
	if j.next != nil {
		j.next.prev = j.prev
	} else {
		e.tail = j.prev
	}
	j.prev, j.next = nil, nil
	e.stats.waiting.Add(-1)
}

// withdraw takes j out of the queue for a caller that gives up waiting. It
// reports false when j was already taken (a worker runs it, or Close failed
// it): the caller then waits for done.
func (e *Engine) withdraw(j *job) bool {
	e.qmu.Lock()
	defer e.qmu.Unlock()
	if j.state != jobQueued {
		return false
	}
	e.unlinkLocked(j)
	j.state = jobWithdrawn
	return true
}

// nextLocked takes the job at the head of the queue for the run that holds
// a place; e.qmu is held.
func (e *Engine) nextLocked() *job {
	j := e.head
	if j != nil {
		e.unlinkLocked(j)
		j.state = jobTaken
	}
	return j
}

// release gives up a run's place, after it gave back its runtime: to a
// worker for the job at the head of the queue, if any (see serve).
func (e *Engine) release() {
	e.qmu.Lock()
	j := e.nextLocked()
	if j == nil {
		e.running--
	}
	e.qmu.Unlock()
	if j != nil {
		go e.serve(j)
	}
}

// serve is a worker: it holds a place and runs queued jobs, j first, until
// the queue is empty, then gives the place up.
func (e *Engine) serve(j *job) {
	for j != nil {
		e.runJob(j)
		e.qmu.Lock()
		if j = e.nextLocked(); j == nil {
			e.running--
		}
		e.qmu.Unlock()
	}
}

// runJob runs a queued job and wakes its caller with the outcome. A job
// whose context ended while it waited does not run: its caller gets the
// error it would have got had it withdrawn the job first. A panic (a bug:
// scripts' panics are caught as run errors) is raised again in the caller's
// goroutine, where it would have happened had the caller run the script.
func (e *Engine) runJob(j *job) {
	if j.ctx.Err() != nil {
		j.finish(Result{}, gaveUp(j.ctx))
		return
	}
	finished := false
	defer func() {
		if finished {
			return
		}
		if r := recover(); r != nil {
			j.panicked, j.panicSet = r, true
			close(j.done)
			return // serve goes on with the next job
		}
		// runtime.Goexit: this goroutine ends, and its place goes on.
		j.finish(Result{}, errors.New("runtime: the run's goroutine exited (runtime.Goexit)"))
		e.release()
	}()
	res, err := e.run(j.ctx, j.script, &j.in, j.start, j.limit)
	finished = true
	j.finish(res, err)
}

// failQueued fails every queued job with err (Close).
func (e *Engine) failQueued(err error) {
	e.qmu.Lock()
	var failed []*job
	for j := e.nextLocked(); j != nil; j = e.nextLocked() {
		failed = append(failed, j)
	}
	e.qmu.Unlock()
	for _, j := range failed {
		j.finish(Result{}, err)
	}
}
