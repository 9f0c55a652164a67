// Package httpclient implements the `httpClient` binding: httpClient.send(uri,
// options) as next-generation AIC scripts call it, over routes, in-process
// host handlers or the network (see Config).
//
// # Threading
//
// A request never touches the goja runtime. send starts a goroutine for it;
// when the script asks for the response with get() before that goroutine
// has started (httpClient.send(...).get(), the common case), get sends the
// request itself, which spares a hand-over between goroutines. Either way
// the request runs once. An in-process host handler may thus run on the
// script's goroutine: like any handler, it must return once its request's
// context is done, which is how the run's time limit stops it.
//
// send returns a promise-like object:
//
//   - get() blocks the script until the response is there and returns it, or
//     throws the request's error.
//   - then(onFulfilled, onRejected) and catch(onRejected) register callbacks
//     and return a new promise-like, so chains work (and `await` works on
//     them, being thenables). Callbacks always run asynchronously, on the
//     runtime's event loop: the request goroutine hands its result over with
//     EventLoop.RunOnLoop.
//
// After the script body returns, the runtime calls Drain, which runs the event
// loop until every request and callback of the run is done. While work is
// outstanding a long "hold" timer keeps the loop alive (the loop counts only
// timers); it is cleared when the work count drops to zero. The run's time
// limit stops the loop (EventLoop.StopNoWait) and cancels the requests
// (Abort); Drain then reports ErrStopped.
//
// # Errors in callbacks
//
// A callback that throws rejects the promise-like its then returned, as in
// JavaScript. A rejection that nothing handles (no catch, no onRejected, no
// get) by the end of the run becomes the run's error: an exception thrown in
// a callback keeps its file, line and stack; a failed request with no handler
// is reported with the line of its send call. Every request is also recorded,
// with its error, in the run's HTTP calls. Native Promises (async functions
// awaiting a send) follow JavaScript's rules: their own rejections are not
// tracked.
package httpclient

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
	"github.com/journeyjs/journeyjs/bindings/secrets"
)

// ErrStopped is what Drain returns when the event loop was stopped (by the
// run's time limit or cancellation) before the run's requests and callbacks
// were done.
var ErrStopped = fmt.Errorf("httpClient: the event loop stopped before the run's requests and callbacks finished: %w", bindings.ErrStopped)

var errRunEnded = errors.New("the run ended before the response arrived")

// holdFor is the delay of the timer that keeps the event loop alive while
// requests are outstanding; it is always cleared long before.
const holdFor = 100 * 365 * 24 * time.Hour

// Binding is the `httpClient` binding.
var Binding = bindings.Define("httpClient", func(vm *bindings.VM) bindings.Instance {
	return New(vm.Runtime, vm.Loop)
})

// ConfigKey is the key of a run's Config: routes, in-process hosts, the
// network transport, the outbound policy and the named clients. Unset,
// there are no routes and no passthrough: every request fails and says
// which route to add.
var ConfigKey = bindings.NewBackend[*Config]("httpClient")

// Calls are the requests a run sent, in order, with credentials masked.
var Calls = bindings.NewOutput[[]Call]("httpCalls")

// Instance is the per-runtime `httpClient` object.
type Instance struct {
	rt                *goja.Runtime
	loop              *eventloop.EventLoop
	obj               *goja.Object
	freeze            goja.Callable
	preventExtensions goja.Callable
	stringify         goja.Callable
	parse             goja.Callable
	promiseProto      *goja.Object
	responseProto     *goja.Object
	headersProto      *goja.Object
	frames            []goja.StackFrame // reused by callSite

	// Per run; touched only by the goroutine running the script or the loop.
	parent context.Context
	// reqHeaders are the journey request's headers, where the run's
	// transaction id comes from; tx numbers the run's requests.
	reqHeaders map[string][]string
	tx         *transaction
	cfg        *Config
	store      secrets.Store
	run        *runState // nil until the run's first send

	// mu guards the run's context against Abort, called from the timer.
	mu      sync.Mutex
	ctx     context.Context
	cancel  context.CancelCauseFunc
	aborted error
}

// runState is what a run that sent requests holds; runs that send nothing
// never allocate one.
type runState struct {
	calls     []Call
	reqs      []*request
	clients   map[string]*client
	promises  map[*goja.Object]*promise
	responses map[*goja.Object]*request // response object -> its request

	// work counts requests not yet delivered and scheduled callback batches.
	work           int
	micro          []func()
	microScheduled bool
	hold           *eventloop.Timer
	unhandled      []*promise
	fatal          error
	// drained: Drain ran the loop, so no job of this run is left queued.
	drained bool
}

// New builds the frozen `httpClient` object for rt, whose event loop is loop.
func New(rt *goja.Runtime, loop *eventloop.EventLoop) *Instance {
	b := &Instance{rt: rt, loop: loop, obj: rt.NewObject(), freeze: jsvalue.Freezer(rt)}

	// Each is goja's own, even when the script replaced JSON.stringify
	// before it first named httpClient: in AIC the binding is Java.
	b.preventExtensions, _ = goja.AssertFunction(rt.Builtin("Object.preventExtensions"))
	b.stringify, _ = goja.AssertFunction(rt.Builtin("JSON.stringify"))
	b.parse, _ = goja.AssertFunction(rt.Builtin("JSON.parse"))

	jsvalue.Method(rt, b.obj, "send", b.send)
	jsvalue.SealWith(b.freeze, b.obj)

	b.promiseProto = rt.NewObject()
	jsvalue.Method(rt, b.promiseProto, "then", func(call goja.FunctionCall) goja.Value {
		return b.then(call.This, call.Argument(0), call.Argument(1), "then")
	})
	jsvalue.Method(rt, b.promiseProto, "catch", func(call goja.FunctionCall) goja.Value {
		return b.then(call.This, goja.Undefined(), call.Argument(0), "catch")
	})
	// thenCatch is the Java promise's name for catch, the one AIC's
	// documentation uses.
	jsvalue.Method(rt, b.promiseProto, "thenCatch", func(call goja.FunctionCall) goja.Value {
		return b.then(call.This, goja.Undefined(), call.Argument(0), "thenCatch")
	})
	jsvalue.Method(rt, b.promiseProto, "get", b.get)
	jsvalue.SealWith(b.freeze, b.promiseProto)

	b.responseProto = rt.NewObject()
	jsvalue.Method(rt, b.responseProto, "text", func(call goja.FunctionCall) goja.Value {
		return rt.ToValue(b.responseOf(call.This, "text").text())
	})
	jsvalue.Method(rt, b.responseProto, "json", func(call goja.FunctionCall) goja.Value {
		return b.responseJSON(b.responseOf(call.This, "json"))
	})
	jsvalue.Method(rt, b.responseProto, "formData", func(call goja.FunctionCall) goja.Value {
		return b.responseForm(b.responseOf(call.This, "formData"))
	})
	jsvalue.SealWith(b.freeze, b.responseProto)

	b.headersProto = rt.NewObject()
	jsvalue.Method(rt, b.headersProto, "get", func(call goja.FunctionCall) goja.Value {
		if v, ok := headerLookup(call.This, jsvalue.ArgString(call, 0)); ok {
			return v
		}
		return goja.Null()
	})
	jsvalue.Method(rt, b.headersProto, "has", func(call goja.FunctionCall) goja.Value {
		_, ok := headerLookup(call.This, jsvalue.ArgString(call, 0))
		return rt.ToValue(ok)
	})
	jsvalue.SealWith(b.freeze, b.headersProto)
	return b
}

// Value is the JavaScript value installed as `httpClient`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin starts a run with the run's Config (nil: every request fails with
// the route to add) and its secret store, where named clients find their
// certificates. Begin allocates nothing: the run's state is made on its
// first request.
func (b *Instance) Begin(run *bindings.Run) {
	b.parent, b.cfg, b.store, b.run = run.Context, ConfigKey.From(run), secrets.StoreKey.From(run), nil
	b.reqHeaders, b.tx = run.Request.Headers, nil
}

// Pending reports whether the run sent requests, so the runtime must call
// Drain before ending it.
func (b *Instance) Pending() bool { return b.run != nil }

// Busy reports whether the run may have left requests, callbacks or loop
// jobs behind (the script failed before Drain, or the loop was stopped): they
// are abandoned with the run's runtime.
func (b *Instance) Busy() bool {
	r := b.run
	return r != nil && (!r.drained || r.work > 0 || r.fatal != nil || r.hold != nil)
}

// Drain runs the event loop until the run's requests and callbacks are done.
// started runs on the loop as it starts (the runtime uses it to stop a loop
// whose run was interrupted just before). Drain returns the first error a
// callback raised that was not a JavaScript exception (an interrupt), the
// first unhandled rejection, or ErrStopped when the loop was stopped early.
func (b *Instance) Drain(started func()) error {
	r := b.run
	if r == nil {
		return nil
	}
	if r.work > 0 && r.hold == nil {
		r.hold = b.loop.SetTimeout(func(*goja.Runtime) {}, holdFor)
	}
	b.loop.Run(func(*goja.Runtime) {
		if started != nil {
			started()
		}
	})
	r.drained = true
	if r.fatal != nil {
		return r.fatal
	}
	if r.work > 0 {
		return ErrStopped
	}
	return b.unhandledErr()
}

// Abort cancels the run's requests. It is safe to call from any goroutine;
// the runtime calls it when the run's time limit passes.
func (b *Instance) Abort(cause error) {
	b.mu.Lock()
	if b.aborted == nil {
		b.aborted = cause
	}
	cancel := b.cancel
	b.mu.Unlock()
	if cancel != nil {
		cancel(cause)
	}
}

// End closes the run and hands the requests it made, in the order it sent
// them, to the run. Requests still outstanding are canceled and recorded
// without a response.
func (b *Instance) End(run *bindings.Run) {
	if calls := b.end(); len(calls) > 0 {
		Calls.Set(run.Outputs, calls)
	}
}

func (b *Instance) end() []Call {
	b.mu.Lock()
	cancel := b.cancel
	b.ctx, b.cancel, b.aborted = nil, nil, nil
	b.mu.Unlock()
	r := b.run
	b.parent, b.cfg, b.store, b.run = nil, nil, nil, nil
	b.reqHeaders, b.tx = nil, nil
	if r == nil {
		return nil
	}
	if cancel != nil {
		cancel(errRunEnded)
	}
	for _, q := range r.reqs {
		if q.delivered {
			continue
		}
		q.mu.Lock()
		finished := q.finished
		q.consumed = true
		q.mu.Unlock()
		c := &r.calls[q.idx]
		if finished {
			q.fill(c)
		} else {
			c.DurationMs = millis(time.Since(q.start))
			c.Error = "httpClient: no response: " + errRunEnded.Error()
		}
	}
	if r.hold != nil {
		b.loop.ClearTimeout(r.hold)
	}
	for _, c := range r.clients {
		c.network.closeIdle()
	}
	return r.calls
}

func (b *Instance) state() *runState {
	if b.run == nil {
		b.run = &runState{
			promises:  make(map[*goja.Object]*promise),
			responses: make(map[*goja.Object]*request),
			clients:   make(map[string]*client),
		}
		parent := b.parent
		if parent == nil {
			parent = context.Background()
		}
		b.mu.Lock()
		b.ctx, b.cancel = context.WithCancelCause(parent)
		if b.aborted != nil {
			b.cancel(b.aborted)
		}
		b.mu.Unlock()
	}
	return b.run
}

func (b *Instance) isAborted() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.aborted != nil
}

func (b *Instance) runCtx() context.Context {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.ctx
}

func (b *Instance) config() *Config {
	if b.cfg == nil {
		return &Config{}
	}
	return b.cfg
}

// post runs fn on the event loop if r is still the binding's run. Each run
// that sends makes its own runState, so r names the run; post reads nothing
// else of the binding, and request goroutines may call it.
func (b *Instance) post(r *runState, fn func()) {
	b.loop.RunOnLoop(func(*goja.Runtime) {
		if b.run != r {
			return // a job of an earlier run on this runtime
		}
		fn()
		b.afterJob()
	})
}

func (b *Instance) afterJob() {
	r := b.run
	if r.fatal != nil {
		b.loop.StopNoWait()
		return
	}
	if r.work == 0 && r.hold != nil {
		b.loop.ClearTimeout(r.hold)
		r.hold = nil
	}
}
