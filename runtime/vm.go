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
	"github.com/journeyjs/journeyjs/runtime/rhino"
)

// vm is one runtime, used by exactly one run. AM builds fresh standard
// objects for every evaluation (spec §1), so a script may change Array.prototype,
// replace a global or redefine JSON.stringify for its own run, and the next
// run never sees it: here every run gets a runtime nobody has used, built
// ahead of time off the run's path (Engine.ready), and the runtime is
// dropped when the run ends. Only the goroutine running the run touches its
// goja.Runtime; other goroutines reach it only through Interrupt (the time
// limit) and the event loop's queue.
type vm struct {
	eng    *Engine
	loop   *eventloop.EventLoop
	rt     *goja.Runtime
	freeze goja.Callable

	// env is what bindings built on this runtime get (bindings.VM).
	env bindings.VM
	// built holds the bindings built so far by name, order in build order,
	// async those with event-loop work (read by the watchdog under mu).
	built map[string]*builtBinding
	order []*builtBinding
	async []bindings.Async
	req   requirer

	// run is the run as the bindings see it; inRun is true between its
	// begin and end. context is the run's script context.
	run     bindings.Run
	state   bindings.State
	outputs bindings.Outputs
	inRun   bool
	context *Context

	// Per-run values. input holds the run's Input by value so that Run's
	// argument does not escape to the heap.
	input    Input
	idFn     func() string
	script   Script
	warnings []Warning // the script's language warnings
	// shifts map positions in the rewritten sources of the run's script
	// and libraries back to the user's (rhino.Shifts), by file name.
	shifts map[string][]rhino.Shift

	// mu guards the run's limits against the watchdog goroutine.
	mu       sync.Mutex
	active   bool
	deadline int64 // monoNow() nanoseconds
	timeout  time.Duration
	// ctx is the run's context. The run's own goroutine writes it (under
	// mu) and may read it without the lock: bindings built during a run
	// begin with it.
	ctx     context.Context
	stopped bool // interrupted in this run
	// stopReason is why, when stopped.
	stopReason error
	// broken marks a run that ended in a way the engine counts as
	// discarding its runtime (a limit, a panic); every runtime is dropped
	// after its run anyway.
	broken bool
}

func newVM(e *Engine) *vm {
	v := &vm{eng: e}
	// The loop runs the jobs and timers of asynchronous bindings
	// (httpClient); it installs nothing in the runtime (patched
	// goja_nodejs, third_party/goja_nodejs/JOURNEYJS.md): AIC has no
	// setTimeout, console or Node require, and not installing them is a
	// good part of what building a runtime for every run costs.
	v.loop = eventloop.NewEventLoop(eventloop.WithoutGlobals())
	v.loop.Run(func(rt *goja.Runtime) { v.rt = rt })
	rt := v.rt
	rt.SetMaxCallStackSize(e.opts.MaxCallStackSize)
	// The run's memory budget is its runtime's allocation meter (patched
	// goja, third_party/goja/JOURNEYJS.md), reset when the run starts.
	rt.SetAllocLimit(e.opts.MaxMemory)
	tenant := e.opts.Language == LanguageTenant
	// In the tenant language, goja answers as AIC's Rhino where the two
	// engines differ observably (messages, legacy built-ins; patched goja).
	rt.SetRhinoCompat(tenant)
	v.freeze = jsvalue.Freezer(rt)
	global := rt.GlobalObject()
	guardParsers(rt, tenant)
	prepareGlobal(rt, tenant)

	// The bindings are built on first use (bindings.go), answered by the
	// global object's prototype: a script's own globals (var, function,
	// implicit) land on the global object itself, as in Rhino, and shadow
	// a binding of the same name.
	v.env = bindings.VM{
		Runtime: rt,
		Loop:    v.loop,
		Builtin: func(name string) goja.Value { return jsvalue.Builtin(rt, name) },
		Instance: func(name string) bindings.Instance {
			if b := v.instance(name); b != nil {
				return b.inst
			}
			return nil
		},
	}
	if tenant {
		v.env.CheckSource = checkTenantSource
	}
	v.run.State = &v.state
	v.req.v = v
	v.idFn = func() string { return v.script.id() }
	scope := rt.NewDynamicObject(&bindingScope{v: v})
	_ = scope.SetPrototype(global.Prototype())
	_ = global.SetPrototype(scope)
	e.register(v)
	return v
}

// prepare readies the runtime for the compiled script of entry: in the
// tenant language, the script's top-level consts become the read-only,
// undefined globals AIC makes of them (rhino.Report.TopConsts).
func (v *vm) prepare(entry *progEntry) {
	v.warnings = entry.tenant.warnings
	v.addShifts(entry.key.name, entry.tenant.shifts)
	global := v.rt.GlobalObject()
	for _, name := range entry.tenant.topConsts {
		_ = global.DefineDataProperty(name, goja.Undefined(), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
}

// addShifts records the position shifts of a compiled script or library.
func (v *vm) addShifts(file string, shifts []rhino.Shift) {
	if len(shifts) == 0 {
		return
	}
	if v.shifts == nil {
		v.shifts = make(map[string][]rhino.Shift)
	}
	v.shifts[file] = shifts
}

// positions is Engine.positions that also knows this run's own libraries
// and the rewrites of its sources.
func (v *vm) positions(file string, line, col int) (int, int) {
	if line == 1 {
		if _, ok := v.input.Libraries[file]; ok && col > len(libraryPrefix) {
			col -= len(libraryPrefix)
			return line, rhino.Unshift(v.shifts[file], line, col)
		}
	}
	line, col = v.eng.positions(file, line, col)
	return line, rhino.Unshift(v.shifts[file], line, col)
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
	case bindings.NotProvidedError:
		return KindNotProvided, r.Error(), true
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
// owns. The run stops timeout after start (Engine.limit: the time spent
// waiting for a place is already behind). It never panics: every failure
// comes back as a *ScriptError.
func (v *vm) execute(ctx context.Context, start, timeout time.Duration, prg *goja.Program, script Script, input *Input, res *Result) (err error) {
	e := v.eng
	v.input = *input
	v.script = script
	v.context = input.context()

	// Building the runtime charged its meter; the run starts from zero.
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

	completion, runErr := v.call(prg)
	if runErr == nil {
		if a := v.pendingAsync(); a != nil {
			runErr = v.drain(a, script)
		}
	}
	if runErr == nil {
		runErr = v.readResult(res)
	}
	if runErr == nil && v.context == Library {
		// Reading the exports may run a getter: script code, under the
		// run's limits.
		if ex := v.rt.Try(func() { res.Value = exportsSummary(completion) }); ex != nil {
			runErr = ex
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

	if err == nil && !called && !sends && v.context.NeedsOutcome {
		err = &ScriptError{Kind: KindNoOutcome, Script: script.name(), File: script.name(),
			Message: "the script finished without an outcome: call action.goTo(\"<outcome>\") (or, the legacy way, set the global variable outcome)"}
	}
	if se, ok := err.(*ScriptError); ok {
		switch se.Kind {
		case KindTimeout, KindCanceled, KindStackOverflow, KindMemory:
			v.broken = true
		}
	}
	return err
}

// readResult reads what AM reads from a script's scope once it has run: for
// a node that needs an outcome and got none from action.goTo or callbacks,
// the global variable outcome (the legacy way, which AIC still honours,
// spec §2.1); for a context with a ResultGlobal (a Configuration
// Provider's config), that variable, into res.Value. It runs before the
// run's limits are lifted: a getter named outcome is script code.
func (v *vm) readResult(res *Result) error {
	read := func(name string) (val goja.Value, err error) {
		if ex := v.rt.Try(func() { val = v.rt.GlobalObject().Get(name) }); ex != nil {
			return nil, ex
		}
		if val == nil || goja.IsUndefined(val) || goja.IsNull(val) {
			return nil, nil
		}
		return val, nil
	}
	if v.context.NeedsOutcome {
		if _, called := v.run.Outcome(); called || v.run.Sends() {
			return nil
		}
		outcome, err := read("outcome")
		if outcome != nil {
			v.run.SetOutcome(outcome.String())
		}
		return err
	}
	if name := v.context.ResultGlobal; name != "" {
		val, err := read(name)
		if err != nil {
			return err
		}
		obj, ok := val.(*goja.Object)
		if !ok || obj.ClassName() == "Function" || obj.ClassName() == "Array" {
			return &ScriptError{Kind: KindNoOutcome, Script: v.script.name(), File: v.script.name(),
				Message: "the script did not set " + name + " to an object (AM reads the global variable " + name + " as a map; without one the node takes its CONFIGURATION_FAILED outcome)"}
		}
		var ex *goja.Exception
		if ex = v.rt.Try(func() { res.Value, err = jsvalue.ToGoChecked(obj) }); ex != nil {
			return ex
		}
		return err
	}
	return nil
}

// exportsSummary is what a library run on its own exports, for its result:
// each export by name, a function as "function".
func exportsSummary(exports goja.Value) any {
	obj, ok := exports.(*goja.Object)
	if !ok {
		return jsvalue.ToGo(exports)
	}
	if _, isFn := goja.AssertFunction(obj); isFn {
		return "function"
	}
	out := map[string]any{}
	for _, k := range obj.Keys() {
		v := obj.Get(k)
		if _, isFn := goja.AssertFunction(v); isFn {
			out[k] = "function"
		} else {
			out[k] = jsvalue.ToGo(v)
		}
	}
	return out
}

// call runs the program and reports its completion value. A library run on
// its own (context library) is called as require calls it, and its value
// is its module.exports.
func (v *vm) call(prg *goja.Program) (val goja.Value, err error) {
	defer func() {
		// A panic from a binding that is not a JavaScript exception is a bug;
		// report it as the run's error rather than take the host down.
		if r := recover(); r != nil {
			v.broken = true
			err = panicError{r}
		}
	}()
	val, err = v.rt.RunProgram(prg)
	if err != nil || v.context != Library {
		return val, err
	}
	fn, _ := goja.AssertFunction(val)
	module, exports := v.rt.NewObject(), v.rt.NewObject()
	_ = module.Set("exports", exports)
	_ = module.Set("id", v.script.name())
	if _, err = fn(exports, exports, module, v.rt.ToValue(v.req.require)); err != nil {
		return nil, err
	}
	return module.Get("exports"), nil
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
