package runtime

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/eventloop"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// vm is one pooled runtime with every binding available. Only the goroutine
// that took it from the pool touches its goja.Runtime; other goroutines reach
// it only through Interrupt (the time limit) and the event loop's queue.
type vm struct {
	eng    *Engine
	loop   *eventloop.EventLoop
	rt     *goja.Runtime
	base   *goja.Object
	freeze goja.Callable

	// env is what bindings built on this runtime get (bindings.VM).
	env bindings.VM
	// built holds the bindings built so far by name, order in build order,
	// async those with event-loop work (read by the watchdog under mu).
	built map[string]*builtBinding
	order []*builtBinding
	async []bindings.Async
	req   requirer

	// run is the current run as the bindings see it; inRun is true
	// between its begin and end. context is the run's script context,
	// lastContext the previous run's.
	run                  bindings.Run
	state                bindings.State
	outputs              bindings.Outputs
	inRun                bool
	context, lastContext *Context

	// Per-run values read by vm.live. input holds the run's Input by value
	// so that Run's argument does not escape to the heap.
	input  Input
	idFn   func() string
	script Script

	// mu guards the run's limits against the watchdog goroutine, so an
	// interrupt meant for one run can never hit the next run on this runtime.
	mu       sync.Mutex
	active   bool
	deadline int64 // monoNow() nanoseconds
	timeout  time.Duration
	// ctx is the run's context. The run's own goroutine writes it (under
	// mu) and may read it without the lock: bindings built during a run
	// begin with it.
	ctx     context.Context
	stopped bool // interrupted in this run
	seq     uint64
	// stopReason is why, when stopped.
	stopReason error
	// broken marks a runtime that must not go back to the pool.
	broken bool

	// fns holds, per compiled script, the wrapper function this runtime made
	// from it: making a function object costs more than running a small
	// script, so each runtime makes it once.
	fns map[progKey]scriptFn
	// lastKey and lastFn short-cut fns for a script run twice in a row.
	lastKey  progKey
	lastFn   goja.Callable
	lastWarn []Warning // lastFn's language warnings
	// global is the global object runs see; see runGlobal.
	global    *runGlobal
	globalObj *goja.Object
}

func newVM(e *Engine) *vm {
	v := &vm{eng: e}
	v.loop = eventloop.NewEventLoop(eventloop.EnableConsole(false))
	v.loop.Run(func(rt *goja.Runtime) { v.rt = rt })
	rt := v.rt
	rt.SetMaxCallStackSize(e.opts.MaxCallStackSize)
	// The run's memory budget is its runtime's allocation meter (patched
	// goja, third_party/goja/JOURNEYJS.md), reset at the start of each run.
	rt.SetAllocLimit(e.opts.MaxMemory)
	// In the tenant language, goja answers as AIC's Rhino where the two
	// engines differ observably (messages, legacy built-ins; patched goja).
	rt.SetRhinoCompat(e.opts.Language == LanguageTenant)
	v.freeze = jsvalue.Freezer(rt)
	v.base = prepareGlobal(rt)
	guardJSON, err := guardParsers(rt, v.base)
	if err != nil {
		panic("runtime: guard parsers: " + err.Error())
	}
	var missing map[string][]string
	if e.opts.Language == LanguageTenant {
		missing = tenantMissingMethods
	}
	hardenGlobal, err := harden(rt, v.base, e.opts.MaxMemory, func() { v.broken = true }, guardJSON, missing)
	if err != nil {
		panic("runtime: harden built-ins: " + err.Error())
	}

	// The bindings are built on first use (bindings.go).
	v.env = bindings.VM{
		Runtime: rt,
		Loop:    v.loop,
		Builtin: func(name string) goja.Value { return v.global.builtin(name) },
		Instance: func(name string) bindings.Instance {
			if b := v.instance(name); b != nil {
				return b.inst
			}
			return nil
		},
	}
	v.run.State = &v.state
	v.req.v = v
	v.idFn = func() string { return v.script.id() }
	v.global = newRunGlobal(rt, v.base, hardenGlobal, v.binding, v.live)
	if e.opts.Language == LanguageTenant {
		v.global.hidden = tenantHiddenGlobals
	}
	v.globalObj = rt.NewDynamicObject(v.global)
	v.global.obj, v.global.proto = v.globalObj, v.globalObj.Prototype()
	// From here on scripts see the per-run global: implicit globals and
	// globalThis properties land on it and are forgotten after each run.
	// Set-up is over, so nothing needs the pristine global as goja's own.
	rt.SetGlobalObject(v.globalObj)
	e.register(v)
	return v
}

// live answers the globals whose value is the current run's and that no
// binding provides: globalThis.
func (v *vm) live(name string) (goja.Value, bool) {
	if name == "globalThis" {
		return v.globalObj, true
	}
	return nil, false
}

// positions is Engine.positions that also knows this run's own libraries.
func (v *vm) positions(file string, line, col int) (int, int) {
	if line == 1 {
		if _, ok := v.input.Libraries[file]; ok && col > len(libraryPrefix) {
			return line, col - len(libraryPrefix)
		}
	}
	return v.eng.positions(file, line, col)
}

func (v *vm) lookupLibrary(name string) (string, bool) {
	if src, ok := v.input.Libraries[name]; ok {
		return src, true
	}
	return v.eng.library(name)
}

// begin opens a run with its limits; from here the watchdog may stop it.
func (v *vm) begin(ctx context.Context, start, timeout time.Duration) {
	v.mu.Lock()
	v.seq++
	v.active, v.stopped = true, false
	v.deadline = int64(start + timeout)
	v.timeout = timeout
	v.ctx = ctx
	v.mu.Unlock()
}

// finish closes the run: after it, no interrupt can reach the runtime. It
// reports whether the watchdog stopped the run, and why.
func (v *vm) finish() (stopped bool, reason error) {
	v.mu.Lock()
	v.active = false
	v.ctx = nil
	stopped, reason = v.stopped, v.stopReason
	v.mu.Unlock()
	if stopped {
		v.rt.ClearInterrupt()
	}
	return stopped, reason
}

// interruptLocked stops the current run; v.mu is held.
func (v *vm) interruptLocked(reason error) {
	if v.stopped {
		return
	}
	v.stopped, v.stopReason = true, reason
	v.rt.Interrupt(reason)
	v.loop.StopNoWait()
	for _, a := range v.async {
		a.Abort(reason)
	}
}

// limitKind maps the reasons the engine interrupts a run to error kinds.
func (v *vm) limitKind(err error) (ErrorKind, string, bool) {
	ie, ok := err.(*goja.InterruptedError)
	if !ok {
		return "", "", false
	}
	return reasonKind(ie.Value())
}

// reasonKind is the error kind and message for an interrupt reason.
func reasonKind(reason any) (ErrorKind, string, bool) {
	switch r := reason.(type) {
	case timeoutReason:
		return KindTimeout, "script timed out after " + time.Duration(r).String(), true
	case canceledReason:
		// A context that ended by its deadline is the run's time limit,
		// whichever the watchdog noticed first.
		if errors.Is(r.err, context.DeadlineExceeded) {
			return KindTimeout, "script timed out: the caller's deadline passed", true
		}
		return KindCanceled, "run canceled: " + r.err.Error(), true
	case *goja.AllocLimitError:
		return reasonKind(allocReason(r.Limit))
	case allocReason:
		return KindMemory, fmt.Sprintf("script stopped: it allocated more than its memory budget of %s", mib(int64(r))), true
	}
	return "", "", false
}

type timeoutReason time.Duration

func (r timeoutReason) Error() string { return "timeout" }

type canceledReason struct{ err error }

// allocReason is a run stopped by its runtime's allocation meter, with the
// budget in bytes.
type allocReason int64

func (r allocReason) Error() string { return "memory budget exceeded" }

// overBudget reports whether the run's allocation meter went past its limit.
func (v *vm) overBudget() bool {
	limit := v.rt.AllocLimit()
	return limit > 0 && v.rt.Allocs() > limit
}

// mib prints n bytes in MiB, with a fraction only when needed.
func mib(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20))
}

func (r canceledReason) Error() string { return "canceled: " + r.err.Error() }

// Unwrap lets errors.Is find the context's error in a canceled run's error.
func (r canceledReason) Unwrap() error { return r.err }

// execute runs one compiled script with in and fills res, which the caller
// owns (filling it in place saves copying a large struct on every run). The
// run stops timeout after start (Engine.limit: the time spent waiting for
// this runtime is already behind). It never panics: every failure comes
// back as a *ScriptError.
func (v *vm) execute(ctx context.Context, start, timeout time.Duration, fn goja.Callable, script Script, input *Input, res *Result) (err error) {
	e := v.eng
	v.input = *input
	v.script = script
	v.req.modules = nil
	v.context = input.context()
	if v.context != v.lastContext {
		if v.lastContext != nil {
			v.global.forgetBindings()
		}
		v.lastContext = v.context
	}

	v.rt.ResetAllocs()
	v.begin(ctx, start, timeout)
	e.ensureWatchdog()

	v.outputs = bindings.Outputs{}
	v.outputs.MarkRan()
	v.state.Reset(input.SharedState, input.TransientState)
	v.run = bindings.Run{
		Context: ctx,
		Script:  bindings.NewScriptInfo(script.name(), v.context.ID, v.context.LoggerID, v.idFn),
		Realm:   input.Realm, CookieName: input.CookieName,
		Request: bindings.Request{Headers: input.RequestHeaders, Parameters: input.RequestParameters, Cookies: input.RequestCookies},
		State:   &v.state,
		Outputs: &v.outputs,
	}
	v.run.SetBackends(input.Backends, e.opts.Backends)
	v.inRun = true
	v.beginBindings()

	_, runErr := v.call(fn)
	if runErr == nil {
		if a := v.pendingAsync(); a != nil {
			runErr = v.drain(a, script)
		}
	}
	if se, ok := runErr.(*ScriptError); ok {
		err = se
	} else if runErr != nil {
		err = fromGoja(runErr, script.name(), v.positions, v.limitKind)
	}
	stopped, reason := v.finish()
	if !stopped && v.overBudget() {
		// The meter stopped the run. Its stop cannot be caught, but a
		// binding or a promise job may have reported it as something else.
		stopped, reason = true, allocReason(v.rt.AllocLimit())
	}
	if !stopped && err != nil && ctx.Err() != nil {
		// The caller ended the run, and the failure came from that (an
		// HTTP request canceled with the run's context) before the
		// watchdog's next look: report it as the caller's stop.
		stopped, reason = true, canceledReason{context.Cause(ctx)}
	}
	if stopped {
		err = v.stoppedError(err, script, reason)
	}
	v.global.reset()

	v.endBindings()
	v.inRun = false
	res.Context = v.context
	outcome, called := v.run.Outcome()
	sends := v.run.Sends()
	if !sends {
		// Callbacks or a suspension win over action.goTo (spec §2.1).
		res.Outcome = outcome
	}
	res.SharedState, res.TransientState = v.state.Shared(), v.state.Transient()
	res.Outputs = v.outputs
	// v.input keeps the last run's Input until the next run overwrites it:
	// clearing it costs write barriers on every run, and scripts never see it.
	v.run = bindings.Run{State: &v.state}
	v.state = bindings.State{}

	if err == nil && !called && !sends && v.context.NeedsOutcome {
		err = &ScriptError{Kind: KindNoOutcome, Script: script.name(), File: script.name(),
			Message: "the script finished without an outcome: call action.goTo(\"<outcome>\")"}
	}
	if se, ok := err.(*ScriptError); ok {
		switch se.Kind {
		case KindTimeout, KindCanceled, KindStackOverflow, KindMemory:
			// The runtime may hold half-finished work (loop jobs, deep
			// frames): start the next run on a clean one.
			v.broken = true
		}
	}
	return err
}

// call executes the program and then, if the script left asynchronous work,
// runs the event loop until it drains or the run is interrupted.
func (v *vm) call(fn goja.Callable) (val goja.Value, err error) {
	defer func() {
		// A panic from a binding that is not a JavaScript exception is a bug;
		// report it as the run's error rather than take the host down.
		if r := recover(); r != nil {
			v.broken = true
			err = panicError{r}
		}
	}()
	return fn(goja.Undefined())
}

// drain runs the event loop until the HTTP requests and callbacks the script
// left are done, or the run's limit stops the loop. An exception a callback
// threw and nothing handled comes back with its position; a stopped loop
// comes back with the kind of the limit that stopped it.
func (v *vm) drain(a bindings.Async, script Script) (err error) {
	defer func() {
		if r := recover(); r != nil {
			v.broken = true
			err = panicError{r}
		}
	}()
	err = a.Drain(func() {
		// The run may have been stopped before the loop was running, when
		// StopNoWait had no effect.
		v.mu.Lock()
		stopped := v.stopped
		v.mu.Unlock()
		if stopped {
			v.loop.StopNoWait()
		}
	})
	if !errors.Is(err, bindings.ErrStopped) {
		return err
	}
	// The run's limit stopped the loop while it waited; say which limit, the
	// way every other stopped run does.
	v.mu.Lock()
	reason := v.stopReason
	v.mu.Unlock()
	kind, msg, ok := reasonKind(reason)
	if !ok {
		kind, msg = KindTimeout, "script timed out after "+v.timeout.String()
	}
	return &ScriptError{Kind: kind, Script: script.name(), File: script.name(), Err: err,
		Message: msg + " (waiting for HTTP responses or callbacks)"}
}

// stoppedError makes sure a run the watchdog stopped reports why, even when
// the interrupt surfaced somewhere that turned it into something else (a
// hostile toString on a thrown value runs under recover), and that its
// runtime is not reused.
func (v *vm) stoppedError(err error, script Script, reason error) error {
	v.broken = true
	kind, msg, ok := reasonKind(reason)
	if !ok {
		return err
	}
	se, isSE := err.(*ScriptError)
	switch {
	case err == nil:
		return &ScriptError{Kind: kind, Script: script.name(), File: script.name(), Message: msg}
	case isSE && se.Kind == KindException:
		se.Kind, se.Message = kind, msg
	}
	return err
}

type panicError struct{ v any }

func (p panicError) Error() string { return fmt.Sprintf("internal error: %v", p.v) }

// maxFns bounds fns; past it the map starts over, which only costs re-making
// the functions of the scripts still in use.
const maxFns = 16384

// scriptFunc returns this runtime's wrapper function for script, making it
// on first use from the engine's compiled program. The lookup takes no lock.
func (v *vm) scriptFunc(script Script) (goja.Callable, error) {
	// A host usually runs the same script again with the same strings;
	// comparing them with the last one costs a pointer check, hashing the
	// whole source for the map does not.
	if v.lastFn != nil && script.Source == v.lastKey.source && script.Name == v.lastKey.name {
		return v.lastFn, nil
	}
	key := progKey{script.Name, script.Source, kindScript}
	if f, ok := v.fns[key]; ok {
		v.lastKey, v.lastFn, v.lastWarn = key, f.fn, f.warnings
		return f.fn, nil
	}
	prg, warnings, err := v.eng.cache.getWarnings(script.name(), script.Source, kindScript)
	if err != nil {
		return nil, err
	}
	val, err := v.rt.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	fn, ok := goja.AssertFunction(val)
	if !ok {
		return nil, fmt.Errorf("internal error: script wrapper is not a function")
	}
	if len(v.fns) >= maxFns {
		v.fns = nil
	}
	if v.fns == nil {
		v.fns = make(map[progKey]scriptFn)
	}
	v.fns[key] = scriptFn{fn, warnings}
	v.lastKey, v.lastFn, v.lastWarn = key, fn, warnings
	return fn, nil
}

// scriptFn is a script's wrapper function in one runtime, with the language
// check's warnings for the script, which every run's Result carries.
type scriptFn struct {
	fn       goja.Callable
	warnings []Warning
}
