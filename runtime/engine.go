package runtime

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/journeyjs/journeyjs/bindings"
)

// Options configure an Engine. The zero value of every field means its
// documented default.
type Options struct {
	// PoolSize is how many fresh runtimes the engine keeps built ahead of
	// the runs that will use them. Every run gets a runtime no other run
	// has used (AM builds fresh standard objects for every evaluation), so
	// building one is part of every run's cost; a background goroutine
	// builds them while the pool has room, and a run that finds the pool
	// empty builds its own. Default: 2 × GOMAXPROCS.
	PoolSize int
	// MaxConcurrent bounds the runs in progress at once, and with them the
	// runtimes in use: callers beyond the bound wait for a place (see
	// QueueTimeout) instead of all running at once. Default (zero or
	// negative): PoolSize.
	MaxConcurrent int
	// QueueTimeout bounds how long a run waits for a free runtime when
	// MaxConcurrent runs are in progress; a run that waits longer fails
	// with ErrBusy. Zero: the run waits as long as its time limit allows
	// (its context's deadline, or Timeout), and fails with ErrBusy only
	// when that limit passes before a runtime comes free. Negative: runs
	// never wait, Run returns ErrBusy at once (fail fast, for a host that
	// would rather shed load or retry elsewhere). Like time limits, the
	// watchdog ends a wait, a few milliseconds (watchInterval) after it
	// is due.
	QueueTimeout time.Duration
	// Timeout bounds one call of Run, waiting for a free runtime included,
	// when the caller's context has no earlier deadline. Default: 10 s.
	Timeout time.Duration
	// MaxCallStackSize bounds the JavaScript call depth. Default: 10000,
	// AIC's (its Rhino interpreter's maximum stack depth, spec §1).
	MaxCallStackSize int
	// CacheSize bounds the compiled-program cache (LRU). Default: 16384.
	CacheSize int
	// Backends are the bindings' back ends for every run, each set with
	// the key its binding package declares (the scripts' log sink and
	// level: logger.SinkKey and logger.LevelKey). A run's Input.Backends
	// override them key by key.
	Backends bindings.Backends
	// Libraries are library scripts (name → source) every run can require.
	Libraries map[string]string
	// MaxMemory is each run's memory budget in bytes: what the run may
	// allocate in total, as the allocation meter of its runtime counts it
	// (the patched goja in third_party/goja, see JOURNEYJS.md there). The
	// meter is cumulative and deterministic: it adds up the arrays,
	// strings, objects, properties, JSON, buffers and collection entries
	// the run asks for, before they are allocated, and never subtracts what
	// the garbage collector frees. The run whose next allocation would pass
	// the budget stops with KindMemory, and no other run is affected: the
	// budget is not a share of the process heap. Default: 256 MiB;
	// negative: no budget.
	MaxMemory int64
	// Language is the JavaScript scripts and libraries may use. Default:
	// LanguageTenant, what AIC's Rhino compiles; LanguageModern for all
	// of goja's.
	Language Language
}

// Defaults for Options.
const (
	DefaultTimeout          = 10 * time.Second
	DefaultMaxCallStackSize = 10000
	DefaultCacheSize        = 16384
	DefaultMaxMemory        = 256 << 20
)

// resolved is Options with defaults applied.
type resolved struct {
	PoolSize         int
	MaxConcurrent    int
	QueueTimeout     time.Duration
	Timeout          time.Duration
	MaxCallStackSize int
	CacheSize        int
	MaxMemory        int64
	Backends         bindings.Backends
	Language         Language
}

// Engine runs decision scripts on pooled runtimes. It is safe for concurrent
// use by many goroutines. The zero value is ready to use with default Options;
// Options are read once, by New or the first call, and later changes to the
// field have no effect.
//
// What a host can rely on:
//   - Every run has a runtime of its own that no other run has used, with
//     fresh standard objects: what a script changes (Array.prototype, a
//     global, JSON.stringify) lasts for its own run only. Runtimes are
//     built ahead of time by a background goroutine (PoolSize of them)
//     and dropped when their run ends.
//   - At most MaxConcurrent runs are in progress at once, so at most
//     MaxConcurrent runtimes are in use, however many goroutines call Run.
//   - A caller beyond the bound waits in arrival order (first come, first
//     served), without spinning, and its script starts the moment a run
//     ends. It runs on a worker goroutine of the engine, with the caller's
//     context and time limit, and the caller is woken once, with the
//     result (see queue.go). The wait ends without the script running when
//     the caller's context ends (its error), when QueueTimeout or the run's
//     time limit passes (ErrBusy), or when the engine is closed
//     (ErrClosed).
//   - Run returns within the run's time limit (the context's deadline or
//     Timeout, whichever is earlier, counted from the call) plus the
//     watchdog's few milliseconds, waiting included.
type Engine struct {
	Options Options

	once  sync.Once
	opts  resolved
	cache *programCache

	// qmu guards running, the number of runs in progress (at most
	// MaxConcurrent), and the queue of runs waiting for one to end (jobs,
	// first in, first out: head to tail). While a run waits, running is
	// MaxConcurrent: a run that ends with the queue not empty keeps its
	// place for the job at the head, which a worker goroutine runs (see
	// serve), so a newcomer never overtakes a waiting run.
	qmu        sync.Mutex
	running    int
	head, tail *job

	// ready holds the runtimes built ahead of their runs; building is
	// true while the goroutine that fills it runs (fill).
	ready    chan *vm
	building atomic.Bool

	libMu     sync.RWMutex
	libraries map[string]string

	// registry holds the named scripts of RegisterScript (registry.go).
	registry scriptRegistry

	stats engineStats

	vmsMu    sync.Mutex
	vms      map[*vm]struct{}     // every live runtime, for the watchdog
	waiters  map[*waiter]struct{} // runs waiting with a deadline, under vmsMu
	watching atomic.Bool
	stop     chan struct{}
	closed   atomic.Bool
}

// ErrClosed is returned by Run after Close, and to runs still waiting for a
// runtime when Close is called.
var ErrClosed = errors.New("runtime: engine is closed")

// ErrBusy is returned (wrapped: test with errors.Is) by Run when
// MaxConcurrent runs are in progress and none ended within the time the run
// could wait (Options.QueueTimeout; the run's time limit). The script did
// not start: the Result is empty, and nothing is counted in Stats but
// BusyRejections. A host can answer it as overload (HTTP 503) or retry.
var ErrBusy = errors.New("runtime: engine busy")

// New returns an engine with opts.
func New(opts Options) *Engine {
	e := &Engine{Options: opts}
	e.init()
	return e
}

func (e *Engine) init() {
	e.once.Do(func() {
		o := e.Options
		r := resolved{
			PoolSize:         o.PoolSize,
			Timeout:          o.Timeout,
			MaxCallStackSize: o.MaxCallStackSize,
			CacheSize:        o.CacheSize,
			// A copy, so that a caller's later Set does not race with runs.
			Backends: o.Backends.Clone(),
		}
		if r.PoolSize <= 0 {
			r.PoolSize = 2 * runtime.GOMAXPROCS(0)
		}
		r.MaxConcurrent = o.MaxConcurrent
		if r.MaxConcurrent <= 0 {
			r.MaxConcurrent = r.PoolSize
		}
		r.QueueTimeout = o.QueueTimeout
		if r.Timeout <= 0 {
			r.Timeout = DefaultTimeout
		}
		if r.MaxCallStackSize <= 0 {
			r.MaxCallStackSize = DefaultMaxCallStackSize
		}
		if r.CacheSize <= 0 {
			r.CacheSize = DefaultCacheSize
		}
		switch {
		case o.MaxMemory == 0:
			r.MaxMemory = DefaultMaxMemory
		case o.MaxMemory > 0:
			r.MaxMemory = o.MaxMemory
		}
		r.Language = o.Language
		e.opts = r
		e.cache = newProgramCache(r.CacheSize)
		e.cache.lang = o.Language
		e.ready = make(chan *vm, r.PoolSize)
		e.vms = make(map[*vm]struct{})
		e.waiters = make(map[*waiter]struct{})
		e.stop = make(chan struct{})
		e.libraries = make(map[string]string, len(o.Libraries))
		for k, v := range o.Libraries {
			e.libraries[k] = v
		}
	})
}

// RegisterLibrary makes a library script available to require(name) in
// every later run. It compiles the library now, so a syntax error is reported
// here, with its position.
func (e *Engine) RegisterLibrary(name, source string) error {
	e.init()
	if name == "" {
		return fmt.Errorf("register library: a name is required")
	}
	if _, err := e.cache.get(name, source, kindLibrary); err != nil {
		return e.compileError(err, name)
	}
	e.libMu.Lock()
	e.libraries[name] = source
	e.libMu.Unlock()
	return nil
}

func (e *Engine) library(name string) (string, bool) {
	e.libMu.RLock()
	src, ok := e.libraries[name]
	e.libMu.RUnlock()
	return src, ok
}

// Compile checks a script without running it and caches the compiled form.
// It returns a *ScriptError with the position of a syntax error.
func (e *Engine) Compile(script Script) error {
	e.init()
	if _, err := e.cache.get(script.name(), script.Source, kindScript); err != nil {
		return e.compileError(err, script.name())
	}
	return nil
}

// compileError reports a script or library that does not compile. No run
// limit is involved, so no interrupt reason needs mapping.
func (e *Engine) compileError(err error, name string) *ScriptError {
	return fromGoja(err, name, e.positions, func(error) (ErrorKind, string, bool) { return "", "", false })
}

// positions maps a position in a compiled library back to the user's file:
// only its first line carries the wrapper's prefix.
func (e *Engine) positions(file string, line, col int) (int, int) {
	if line != 1 {
		return line, col
	}
	if _, isLib := e.library(file); isLib && col > len(libraryPrefix) {
		col -= len(libraryPrefix)
	}
	return line, col
}

// Run runs script with in and returns its result. A failing script returns a
// *ScriptError together with the partial result. Run blocks until the script
// and any asynchronous callbacks it started are done, the run's time limit
// passes, or ctx is canceled.
//
// When MaxConcurrent runs are in progress, Run first waits for one of them
// to end (see Engine and Options.QueueTimeout); the script then runs on an
// engine worker goroutine while Run waits for its result. A wait can end
// without the script running, and Run then returns an empty Result and an
// error that is not a *ScriptError: ErrBusy (wrapped) when the engine
// stayed busy for as long as the run could wait, ErrClosed when the engine
// is closed, or ctx's error (wrapped: errors.Is(err, context.Canceled) or
// context.DeadlineExceeded) when ctx ends first. Every run that got a
// runtime, and one whose ctx had ended before Run was called, reports its
// failure as a *ScriptError.
//
// The run's time limit is the earlier of ctx's deadline and Timeout after
// the call: time spent waiting for a runtime counts against it.
func (e *Engine) Run(ctx context.Context, script Script, in Input) (Result, error) {
	e.init()
	start := monoNow()
	if e.closed.Load() {
		return Result{}, ErrClosed
	}
	if err := ctx.Err(); err != nil {
		se := &ScriptError{Kind: KindCanceled, Script: script.name(), File: script.name(), Message: "run canceled: " + err.Error(), Err: err}
		return Result{Error: se}, se
	}
	limit := e.limit(ctx)
	if !e.acquire() {
		return e.wait(ctx, script, &in, start, limit)
	}
	res, err := e.run(ctx, script, &in, start, limit)
	e.release()
	return res, err
}

// run runs script on a runtime from the pool, for a run that holds one of
// the MaxConcurrent places, and gives the runtime back.
func (e *Engine) run(ctx context.Context, script Script, in *Input, start, limit time.Duration) (Result, error) {
	var res Result
	kind := kindScript
	if in.context() == Library {
		// A library run on its own runs as require runs it: a function
		// body, given module, exports and require.
		kind = kindLibrary
	}
	entry := e.cache.entry(script.name(), script.Source, kind)
	if entry.err != nil {
		e.stats.started.Add(1)
		e.stats.runs.Add(1)
		err := e.compileError(entry.err, script.name())
		res.Error, res.Duration = err, monoNow()-start
		e.stats.record(err)
		return res, err
	}
	v := e.get()
	v.prepare(entry)
	err := v.execute(ctx, start, limit, entry.prg, script, in, &res)
	res.Warnings = v.allWarnings()
	e.put(v)
	if se, ok := err.(*ScriptError); ok {
		res.Error = se
	}
	res.Duration = monoNow() - start
	e.stats.record(err)
	return res, err
}

// limit is a run's time limit: Timeout, or less when ctx's deadline is
// earlier.
func (e *Engine) limit(ctx context.Context) time.Duration {
	limit := e.opts.Timeout
	if dl, ok := ctx.Deadline(); ok {
		if d := time.Until(dl); d < limit {
			limit = d
		}
	}
	return limit
}

// wait is Run for a run that found MaxConcurrent runs in progress: it
// queues the run as a job and blocks until a worker has run it (see serve),
// ctx ends, the run can wait no longer, or the engine closes. A run that
// could not start returns an empty Result and why.
//
// The script runs on the worker's goroutine, not this one: a waiting
// caller is woken once, with its result, and its goroutine never grows the
// stack a script needs (with a thousand callers waiting, growing their
// stacks, and the collector shrinking them while they wait, cost more CPU
// than the queue itself).
func (e *Engine) wait(ctx context.Context, script Script, in *Input, start, limit time.Duration) (Result, error) {
	patience := limit - (monoNow() - start)
	// When ctx's deadline is the run's limit, ctx's Done ends the wait (with
	// ctx's error); a timer is needed only for an earlier bound.
	_, hasDeadline := ctx.Deadline()
	timer := !hasDeadline || limit >= e.opts.Timeout
	if q := e.opts.QueueTimeout; q != 0 && q < patience {
		patience, timer = q, true
	}
	if patience <= 0 && timer {
		return Result{}, e.busy(max(patience, 0))
	}
	j := &job{ctx: ctx, script: script, in: *in, start: start, limit: limit, done: make(chan struct{})}
	switch e.enqueue(j) {
	case enqueueClosed:
		return Result{}, ErrClosed
	case enqueueRun:
		// A place came free before the job was queued: run it here.
		res, err := e.run(ctx, script, in, start, limit)
		e.release()
		return res, err
	}
	var expired <-chan struct{}
	if timer {
		// The watchdog ends the wait, as it ends runs: a timer per waiting
		// run would cost more than the run itself when a thousand wait.
		j.waiter = waiter{deadline: monoNow() + patience, expired: make(chan struct{})}
		e.addWaiter(&j.waiter)
		defer e.removeWaiter(&j.waiter)
		expired = j.waiter.expired
	}
	var gaveUpErr error
	select {
	case <-j.done:
		return j.result()
	case <-ctx.Done():
		gaveUpErr = gaveUp(ctx)
	case <-expired:
		if ctx.Err() != nil {
			gaveUpErr = gaveUp(ctx)
		} else {
			gaveUpErr = errBusyLater
		}
	}
	// Withdraw the job, unless a worker took it first or Close failed it:
	// then its result is on the way.
	if !e.withdraw(j) {
		<-j.done
		return j.result()
	}
	if gaveUpErr == errBusyLater {
		gaveUpErr = e.busy(patience)
	}
	return Result{}, gaveUpErr
}

// errBusyLater marks, inside wait, a wait that ended with its patience; the
// ErrBusy it stands for is counted only once the job is withdrawn.
var errBusyLater = errors.New("busy")

// gaveUp is the error of a run whose context ended while it waited.
func gaveUp(ctx context.Context) error {
	return fmt.Errorf("runtime: gave up waiting for a free runtime: %w", ctx.Err())
}

// busy is the ErrBusy a run gets after waiting waited.
func (e *Engine) busy(waited time.Duration) error {
	e.stats.busy.Add(1)
	n := e.opts.MaxConcurrent
	if e.opts.QueueTimeout < 0 {
		return fmt.Errorf("%w: %d runs in progress (MaxConcurrent), and the run may not wait", ErrBusy, n)
	}
	return fmt.Errorf("%w: %d runs in progress (MaxConcurrent), none ended within %v", ErrBusy, n, waited.Round(time.Millisecond))
}

// get returns a fresh runtime for a run: one built ahead of time, or, when
// none is ready, one built now. Either way the pool is refilled behind it.
func (e *Engine) get() *vm {
	e.stats.started.Add(1)
	select {
	case v := <-e.ready:
		e.refill()
		return v
	default:
	}
	e.refill()
	e.stats.created.Add(1)
	return newVM(e)
}

// refill starts the goroutine that builds runtimes into ready, unless it is
// running. It builds until ready is full and then exits, so an idle engine
// holds PoolSize runtimes and no goroutine.
func (e *Engine) refill() {
	if e.closed.Load() || !e.building.CompareAndSwap(false, true) {
		return
	}
	go e.fill()
}

func (e *Engine) fill() {
	for !e.closed.Load() && len(e.ready) < cap(e.ready) {
		v := newVM(e)
		e.stats.created.Add(1)
		select {
		case e.ready <- v:
		default:
			e.drop(v) // runs built their own meanwhile and the pool is full
		}
	}
	e.building.Store(false)
	// A run may have taken a runtime between the last check and the
	// Store, finding the builder still marked as running.
	if !e.closed.Load() && len(e.ready) < cap(e.ready) {
		e.refill()
	}
	if e.closed.Load() {
		e.drainReady()
	}
}

// put drops the runtime of a run that ended: no runtime serves two runs.
func (e *Engine) put(v *vm) {
	e.stats.runs.Add(1)
	if v.broken {
		e.stats.discarded.Add(1)
	}
	e.drop(v)
}

func (e *Engine) drop(v *vm) {
	e.unregister(v)
	v.loop.Terminate()
}

// drainReady drops the runtimes built ahead, for Close.
func (e *Engine) drainReady() {
	for {
		select {
		case v := <-e.ready:
			e.drop(v)
		default:
			return
		}
	}
}

// Close releases the runtimes built ahead and stops the watchdog. Runs waiting for a
// runtime return ErrClosed at once, and so do later calls to Run. Runs in
// progress should finish first: their runtimes are dropped when they end.
func (e *Engine) Close() {
	e.init()
	if e.closed.CompareAndSwap(false, true) {
		close(e.stop)
	}
	e.failQueued(ErrClosed)
	e.drainReady()
}
