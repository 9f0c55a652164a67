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
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/eventloop"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/secrets"
)

// ErrStopped is what Drain returns when the event loop was stopped (by the
// run's time limit or cancellation) before the run's requests and callbacks
// were done.
var ErrStopped = errors.New("httpClient: the event loop stopped before the run's requests and callbacks finished")

var errRunEnded = errors.New("the run ended before the response arrived")

// holdFor is the delay of the timer that keeps the event loop alive while
// requests are outstanding; it is always cleared long before.
const holdFor = 100 * 365 * 24 * time.Hour

// Binding is the per-runtime `httpClient` object.
type Binding struct {
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
	cfg    *Config
	store  secrets.Store
	run    *runState // nil until the run's first send

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
func New(rt *goja.Runtime, loop *eventloop.EventLoop) *Binding {
	b := &Binding{rt: rt, loop: loop, obj: rt.NewObject(), freeze: jsvalue.Freezer(rt)}
	b.preventExtensions, _ = goja.AssertFunction(rt.GlobalObject().Get("Object").ToObject(rt).Get("preventExtensions"))
	jsonObj := rt.GlobalObject().Get("JSON").ToObject(rt)
	b.stringify, _ = goja.AssertFunction(jsonObj.Get("stringify"))
	b.parse, _ = goja.AssertFunction(jsonObj.Get("parse"))

	jsvalue.Method(rt, b.obj, "send", b.send)
	jsvalue.SealWith(b.freeze, b.obj)

	b.promiseProto = rt.NewObject()
	jsvalue.Method(rt, b.promiseProto, "then", func(call goja.FunctionCall) goja.Value {
		return b.then(call.This, call.Argument(0), call.Argument(1), "then")
	})
	jsvalue.Method(rt, b.promiseProto, "catch", func(call goja.FunctionCall) goja.Value {
		return b.then(call.This, goja.Undefined(), call.Argument(0), "catch")
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

// Object is the JavaScript value installed as `httpClient`.
func (b *Binding) Object() *goja.Object { return b.obj }

// Begin starts a run. cfg may be nil (every request then fails with the route
// to add); store is the run's secret store, where named clients find their
// certificates. Begin allocates nothing: the run's state is made on its
// first request.
func (b *Binding) Begin(ctx context.Context, cfg *Config, store secrets.Store) {
	b.parent, b.cfg, b.store, b.run = ctx, cfg, store, nil
}

// Pending reports whether the run sent requests, so the runtime must call
// Drain before ending it.
func (b *Binding) Pending() bool { return b.run != nil }

// Busy reports whether the run may have left requests, callbacks or loop
// jobs behind (the script failed before Drain, or the loop was stopped): the
// runtime should then not be reused, so nothing of this run reaches the next.
func (b *Binding) Busy() bool {
	r := b.run
	return r != nil && (!r.drained || r.work > 0 || r.fatal != nil || r.hold != nil)
}

// Drain runs the event loop until the run's requests and callbacks are done.
// started runs on the loop as it starts (the runtime uses it to stop a loop
// whose run was interrupted just before). Drain returns the first error a
// callback raised that was not a JavaScript exception (an interrupt), the
// first unhandled rejection, or ErrStopped when the loop was stopped early.
func (b *Binding) Drain(started func()) error {
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
func (b *Binding) Abort(cause error) {
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

// End closes the run and returns the requests it made, in the order it sent
// them. Requests still outstanding are canceled and recorded without a
// response.
func (b *Binding) End() []Call {
	b.mu.Lock()
	cancel := b.cancel
	b.ctx, b.cancel, b.aborted = nil, nil, nil
	b.mu.Unlock()
	r := b.run
	b.parent, b.cfg, b.store, b.run = nil, nil, nil, nil
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

func (b *Binding) state() *runState {
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

func (b *Binding) isAborted() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.aborted != nil
}

func (b *Binding) runCtx() context.Context {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.ctx
}

func (b *Binding) config() *Config {
	if b.cfg == nil {
		return &Config{}
	}
	return b.cfg
}

// post runs fn on the event loop if r is still the binding's run. Each run
// that sends makes its own runState, so r names the run; post reads nothing
// else of the binding, and request goroutines may call it.
func (b *Binding) post(r *runState, fn func()) {
	b.loop.RunOnLoop(func(*goja.Runtime) {
		if b.run != r {
			return // a job of an earlier run on this runtime
		}
		fn()
		b.afterJob()
	})
}

func (b *Binding) afterJob() {
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

// ---- requests ----

type request struct {
	run        *runState
	idx        int
	method     string
	url        string
	header     http.Header
	body       []byte
	clientName string
	site       goja.StackFrame // the script's send call; see siteText
	start      time.Time
	root       *promise

	// How to send it, kept so whichever goroutine takes it can.
	ctx     context.Context
	client  *client
	clientE error
	maxBody int64
	// taken is won by the request's goroutine or by a get() that comes
	// first: the request runs exactly once, wherever it is taken.
	taken atomic.Bool

	done chan struct{}
	mu   sync.Mutex
	// finished: the goroutine has written the result. consumed: get() (or End)
	// takes the result directly, so the goroutine need not post it.
	finished, consumed bool

	// The result, written by the request goroutine before done is closed.
	status     int
	statusText string
	respHeader http.Header
	respBody   []byte
	finalURL   string
	err        error
	dur        time.Duration

	delivered bool
}

func (q *request) fill(c *Call) {
	c.Status = q.status
	c.DurationMs = millis(q.dur)
	if q.err != nil {
		c.Error = q.err.Error()
	}
}

type sendOptions struct {
	method, clientName string
	ignored            []string
	header             http.Header
	body               []byte
}

func (b *Binding) send(call goja.FunctionCall) goja.Value {
	rt := b.rt
	raw := jsvalue.ArgString(call, 0)
	if raw == "" {
		jsvalue.Throw(rt, "httpClient.send: a URL is required")
	}
	u, err := url.Parse(raw)
	if err != nil {
		jsvalue.Throw(rt, "httpClient.send: %q is not a valid URL: %v", raw, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		jsvalue.Throw(rt, "httpClient.send: %q is not an absolute http or https URL", raw)
	}
	opts := b.options(call.Argument(1))
	cfg := b.config()
	if int64(len(opts.body)) > cfg.maxRequest() {
		jsvalue.Throw(rt, "httpClient.send: the request body (%d bytes) is larger than the %d-byte limit", len(opts.body), cfg.maxRequest())
	}

	r := b.state()
	q := &request{
		run: r, method: opts.method, url: u.String(), header: opts.header, body: opts.body,
		clientName: opts.clientName, start: time.Now(), done: make(chan struct{}),
		site: b.callSite(),
	}
	r.calls = append(r.calls, Call{
		Method: q.method, URL: q.url, ClientName: q.clientName,
		RequestHeaders: recordHeaders(q.header), RequestBody: recordBody(q.body),
		IgnoredOptions: opts.ignored,
	})
	q.idx = len(r.calls) - 1
	r.reqs = append(r.reqs, q)
	r.work++
	p := b.newPromise()
	p.req, q.root = q, p

	ctx := b.runCtx()
	c, cerr := r.clients[q.clientName], error(nil)
	if c == nil {
		if c, cerr = buildClient(ctx, cfg, q.clientName, b.store); cerr == nil {
			r.clients[q.clientName] = c
		}
	}
	q.ctx, q.client, q.clientE, q.maxBody = ctx, c, cerr, cfg.maxResponse()
	go func() {
		if q.taken.CompareAndSwap(false, true) {
			b.do(q)
		}
	}()
	return p.obj
}

// callSite is the frame of the script's send call, for errors that have no
// JavaScript exception behind them. Only a failure nobody handled needs its
// text (siteText), so it is kept as a frame and formatted then.
func (b *Binding) callSite() goja.StackFrame {
	b.frames = b.rt.CaptureCallStack(2, b.frames[:0])
	for _, f := range b.frames {
		if f.Position().Filename != "" {
			return f
		}
	}
	return goja.StackFrame{}
}

// siteText is "file line L" of the request's send call, or "".
func (q *request) siteText() string {
	if p := q.site.Position(); p.Filename != "" {
		return fmt.Sprintf("%s line %d", p.Filename, p.Line)
	}
	return ""
}

// do sends q, in the request's goroutine or in a get() that took it first;
// it must not touch the runtime.
func (b *Binding) do(q *request) {
	ctx, c, cerr, maxBody := q.ctx, q.client, q.clientE, q.maxBody
	defer func() {
		q.dur = time.Since(q.start)
		q.mu.Lock()
		q.finished = true
		post := !q.consumed
		q.mu.Unlock()
		close(q.done)
		if post {
			b.post(q.run, func() { b.deliver(q) })
		}
	}()
	if cerr != nil {
		q.err = cerr
		return
	}
	var body io.Reader
	if q.body != nil {
		body = bytes.NewReader(q.body)
	}
	req, err := http.NewRequestWithContext(ctx, q.method, q.url, body)
	if err != nil {
		q.err = fmt.Errorf("httpClient: %s %s: %v", q.method, q.url, err)
		return
	}
	// The request's own header: send built it for this request alone (the
	// call record holds a copy), and nothing reads it after this.
	req.Header = q.header
	res, err := c.http.Do(req)
	if err != nil {
		if cause := context.Cause(ctx); cause != nil && ctx.Err() != nil {
			q.err = fmt.Errorf("httpClient: %s %s: request canceled: %v", q.method, q.url, cause)
			return
		}
		q.err = describeErr(q.method, q.url, c, err)
		return
	}
	defer res.Body.Close()
	q.status = res.StatusCode
	q.statusText = strings.TrimSpace(strings.TrimPrefix(res.Status, strconv.Itoa(res.StatusCode)))
	if q.statusText == "" {
		q.statusText = http.StatusText(res.StatusCode)
	}
	q.respHeader = res.Header
	if res.Request != nil && res.Request.URL != nil {
		q.finalURL = res.Request.URL.String()
	}
	// The client's read timeout bounds reading the body of a response that
	// came over the network (its transport exists only once a request went
	// out), not one already in memory. Closing the body is what stops a read
	// in progress.
	var timer *time.Timer
	var timedOut atomic.Bool
	readTimeout := c.conf.readTimeout()
	if _, inMemory := res.Body.(*memoryBody); !inMemory && c.network != nil && c.network.built.Load() {
		timer = time.AfterFunc(readTimeout, func() {
			timedOut.Store(true)
			res.Body.Close()
		})
	}
	data, err := readBody(res.Body, res.ContentLength, maxBody)
	if timer != nil {
		timer.Stop()
	}
	if err != nil {
		if timedOut.Load() {
			err = fmt.Errorf("reading the body took longer than the read timeout (%s)", readTimeout)
		} else if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
			err = cause
		}
		q.err = describeErr(q.method, q.url, c, fmt.Errorf("reading the response: %w", err))
		return
	}
	if int64(len(data)) > maxBody {
		q.err = fmt.Errorf("httpClient: %s %s: the response body is larger than the %d-byte limit", q.method, q.url, maxBody)
		return
	}
	q.respBody = data
}

// readBody reads a response body of at most max bytes, or max+1 bytes to
// show it is longer. An answer held in memory gives its buffer as it is; a
// body whose length is announced is read into one buffer of that size,
// where io.ReadAll would grow one from 512 bytes.
func readBody(body io.Reader, length, max int64) ([]byte, error) {
	if b, ok := body.(*memoryBody); ok {
		// An answer held in memory gives its buffer: taken, not copied.
		data := b.rest()
		if int64(len(data)) > max {
			data = data[:max+1]
		}
		return data, nil
	}
	if length < 0 || length > max {
		return io.ReadAll(io.LimitReader(body, max+1))
	}
	// One byte more than announced, to see a body that runs longer.
	buf := make([]byte, length+1)
	n, err := io.ReadFull(body, buf)
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return buf[:n], nil
	case err != nil:
		return nil, err
	}
	rest, err := io.ReadAll(io.LimitReader(body, max+1-int64(n)))
	return append(buf, rest...), err
}

// deliver records a finished request and settles its promise-like.
func (b *Binding) deliver(q *request) {
	if q.delivered {
		return
	}
	q.delivered = true
	r := b.run
	r.work--
	q.fill(&r.calls[q.idx])
	if q.err != nil {
		b.settle(q.root, rejected, b.rt.NewGoError(q.err), nil, q)
		return
	}
	b.settle(q.root, fulfilled, b.newResponse(q), nil, nil)
}

// options converts the script's request options.
func (b *Binding) options(v goja.Value) sendOptions {
	rt := b.rt
	o := sendOptions{method: http.MethodGet, header: make(http.Header)}
	if jsvalue.IsNullish(v) {
		return o
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		jsvalue.Throw(rt, "httpClient.send: the request options must be an object, not %s", v.String())
	}
	var token string
	var form goja.Value
	var body goja.Value
	for _, k := range obj.Keys() {
		val := obj.Get(k)
		if jsvalue.IsNullish(val) {
			continue
		}
		switch k {
		case "method":
			o.method = strings.ToUpper(val.String())
			if o.method == "" || strings.ContainsAny(o.method, " \t\r\n") {
				jsvalue.Throw(rt, "httpClient.send: %q is not an HTTP method", val.String())
			}
		case "headers":
			hobj, ok := val.(*goja.Object)
			if !ok {
				jsvalue.Throw(rt, "httpClient.send: headers must be an object")
			}
			eachField(hobj, o.header.Add)
		case "body":
			body = val
		case "form":
			form = val
		case "token":
			token = val.String()
		case "clientName":
			o.clientName = val.String()
		default:
			// AIC reads the options it knows and ignores the rest, so a
			// stray key must not fail here either; the call record says so.
			o.ignored = append(o.ignored, k)
		}
	}
	if body != nil && form != nil {
		jsvalue.Throw(rt, "httpClient.send: set body or form, not both")
	}
	if body != nil {
		if goja.IsString(body) {
			o.body = []byte(body.String())
		} else {
			out, err := b.stringify(goja.Undefined(), body)
			if err != nil {
				jsvalue.Throw(rt, "httpClient.send: the body cannot be converted to JSON: %v", err)
			}
			if goja.IsUndefined(out) {
				// A function, or a toJSON that returns undefined: JSON has
				// no text for it, and "undefined" is not JSON.
				jsvalue.Throw(rt, "httpClient.send: the body has no JSON form (JSON.stringify gives undefined); pass a string, an object or an array")
			}
			o.body = []byte(out.String())
			if o.header.Get("Content-Type") == "" {
				o.header.Set("Content-Type", "application/json")
			}
		}
	}
	if form != nil {
		fobj, ok := form.(*goja.Object)
		if !ok {
			jsvalue.Throw(rt, "httpClient.send: form must be an object of fields")
		}
		vals := url.Values{}
		eachField(fobj, vals.Add)
		o.body = []byte(vals.Encode())
		o.header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if token != "" {
		o.header.Set("Authorization", "Bearer "+token)
	}
	if o.body == nil && (body != nil || form != nil) {
		o.body = []byte{}
	}
	return o
}

// eachField hands add each field of obj (headers, form fields) as text: an
// array adds one value per element; null and undefined add none.
func eachField(obj *goja.Object, add func(name, value string)) {
	for _, name := range obj.Keys() {
		v := obj.Get(name)
		switch x := jsvalue.ToGo(v).(type) {
		case nil:
		case []any:
			for _, e := range x {
				add(name, fmt.Sprint(e))
			}
		default:
			add(name, v.String())
		}
	}
}

// ---- promise-likes ----

const (
	pending = iota
	fulfilled
	rejected
)

type promise struct {
	obj       *goja.Object
	req       *request // set on the object send returned
	state     int
	value     goja.Value
	exc       *goja.Exception // the exception a callback threw
	failed    *request        // the failed request the rejection comes from
	reactions []reaction
	handled   bool
}

type reaction struct {
	onFulfilled, onRejected goja.Callable
	child                   *promise
	// follow, when set, replaces the callbacks: the child takes the
	// settled promise's state (adoption of a returned promise-like).
	follow *promise
}

func (b *Binding) newPromise() *promise {
	obj := b.rt.NewObject()
	_ = obj.SetPrototype(b.promiseProto)
	p := &promise{obj: obj}
	b.state().promises[obj] = p
	return p
}

func (b *Binding) promiseOf(v goja.Value) *promise {
	obj, ok := v.(*goja.Object)
	if !ok || b.run == nil {
		return nil
	}
	return b.run.promises[obj]
}

func (b *Binding) then(this, onF, onR goja.Value, method string) goja.Value {
	p := b.promiseOf(this)
	if p == nil {
		jsvalue.Throw(b.rt, "httpClient: %s() must be called on the object httpClient.send returned", method)
	}
	re := reaction{child: b.newPromise()}
	re.onFulfilled, _ = goja.AssertFunction(onF)
	re.onRejected, _ = goja.AssertFunction(onR)
	b.addReaction(p, re)
	return re.child.obj
}

func (b *Binding) addReaction(p *promise, re reaction) {
	p.handled = true
	if p.state == pending {
		p.reactions = append(p.reactions, re)
		return
	}
	b.enqueue(func() { b.react(p, re) })
}

func (b *Binding) settle(p *promise, state int, value goja.Value, exc *goja.Exception, failed *request) {
	if p.state != pending {
		return
	}
	p.state, p.value, p.exc, p.failed = state, value, exc, failed
	if state == rejected && !p.handled {
		b.run.unhandled = append(b.run.unhandled, p)
	}
	for _, re := range p.reactions {
		b.enqueue(func() { b.react(p, re) })
	}
	p.reactions = nil
}

func (b *Binding) react(p *promise, re reaction) {
	if re.follow != nil {
		b.settle(re.follow, p.state, p.value, p.exc, p.failed)
		return
	}
	h := re.onFulfilled
	if p.state == rejected {
		h = re.onRejected
	}
	if h == nil {
		b.settle(re.child, p.state, p.value, p.exc, p.failed)
		return
	}
	res, err := h(goja.Undefined(), p.value)
	if err != nil {
		var exc *goja.Exception
		if errors.As(err, &exc) {
			b.settle(re.child, rejected, exc.Value(), exc, nil)
			return
		}
		b.run.fatal = err // an interrupt: the run is over
		return
	}
	b.resolve(re.child, res)
}

// resolve settles p with v, adopting v's state when v is a promise-like or
// another thenable (a native Promise, for example).
func (b *Binding) resolve(p *promise, v goja.Value) {
	obj, ok := v.(*goja.Object)
	if !ok {
		b.settle(p, fulfilled, v, nil, nil)
		return
	}
	if q := b.run.promises[obj]; q != nil {
		if q == p {
			b.settle(p, rejected, b.rt.NewTypeError("a promise cannot resolve to itself"), nil, nil)
			return
		}
		b.addReaction(q, reaction{follow: p})
		return
	}
	var then goja.Callable
	if exc := b.rt.Try(func() { then, _ = goja.AssertFunction(obj.Get("then")) }); exc != nil {
		b.settle(p, rejected, exc.Value(), exc, nil)
		return
	}
	if then == nil {
		b.settle(p, fulfilled, v, nil, nil)
		return
	}
	// A foreign thenable: count it as work until it calls back, so the loop
	// waits for it as long as something else keeps it running.
	done := false
	onF := b.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		if !done {
			done = true
			b.resolve(p, call.Argument(0))
		}
		return goja.Undefined()
	})
	onR := b.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		if !done {
			done = true
			b.settle(p, rejected, call.Argument(0), nil, nil)
		}
		return goja.Undefined()
	})
	if _, err := then(obj, onF, onR); err != nil && !done {
		done = true
		var exc *goja.Exception
		if errors.As(err, &exc) {
			b.settle(p, rejected, exc.Value(), exc, nil)
			return
		}
		b.run.fatal = err
	}
}

// enqueue schedules a callback job; the jobs of one batch run in order in a
// single event-loop turn.
func (b *Binding) enqueue(fn func()) {
	r := b.run
	r.micro = append(r.micro, fn)
	if r.microScheduled {
		return
	}
	r.microScheduled = true
	r.work++
	b.post(r, func() {
		for len(r.micro) > 0 && r.fatal == nil {
			job := r.micro[0]
			r.micro[0] = nil
			r.micro = r.micro[1:]
			job()
		}
		r.microScheduled = false
		r.work--
	})
}

func (b *Binding) get(call goja.FunctionCall) goja.Value {
	p := b.promiseOf(call.This)
	if p == nil || p.req == nil {
		jsvalue.Throw(b.rt, "httpClient: get() is only available on the object httpClient.send returns (use then() callbacks on a chain)")
	}
	q := p.req
	if !q.delivered {
		q.mu.Lock()
		q.consumed = true
		q.mu.Unlock()
		if q.taken.CompareAndSwap(false, true) {
			// The request's goroutine has not started: send it here rather
			// than park the script and wake two goroutines for the hand-over
			// (a fifth of a PingOne call's cost). The run's time limit still
			// stops it: Abort cancels the request's context.
			b.do(q)
		}
		ctx := b.runCtx()
		select {
		case <-q.done:
		case <-ctx.Done():
		}
		if b.isAborted() {
			// The run's limit passed: the runtime is already interrupted, and
			// the interrupt, not a request error, must end the script.
			return goja.Undefined()
		}
		<-q.done
		b.deliver(q)
	}
	p.handled = true
	if p.state == rejected {
		panic(p.value)
	}
	return p.value
}

func (b *Binding) unhandledErr() error {
	for _, p := range b.run.unhandled {
		if p.handled {
			continue
		}
		if p.exc != nil {
			return p.exc
		}
		if q := p.failed; q != nil {
			site := ""
			if t := q.siteText(); t != "" {
				site = " (sent at " + t + ")"
			}
			return fmt.Errorf("unhandled failure of an asynchronous HTTP request%s: %v", site, q.err)
		}
		return fmt.Errorf("unhandled rejection in an httpClient promise chain: %s", valueText(b.rt, p.value))
	}
	return nil
}

func valueText(rt *goja.Runtime, v goja.Value) (s string) {
	if exc := rt.Try(func() { s = v.String() }); exc != nil {
		return "(a value whose toString failed)"
	}
	return s
}

// ---- responses ----

// text is the response body as a script sees it.
func (q *request) text() string { return jsvalue.Text(q.respBody) }

func (b *Binding) newResponse(q *request) goja.Value {
	rt := b.rt
	// Built frozen: read-only properties on an object then made
	// non-extensible, which is what Object.freeze leaves, without freeze's
	// second pass over every property. A header named "__proto__" is an
	// own property like any other.
	o := rt.NewObject()
	_ = o.SetPrototype(b.responseProto)
	readOnly(o, "status", rt.ToValue(q.status))
	readOnly(o, "ok", rt.ToValue(q.status >= 200 && q.status <= 299))
	readOnly(o, "statusText", rt.ToValue(q.statusText))
	readOnly(o, "url", rt.ToValue(q.finalURL))
	h := rt.NewObject()
	_ = h.SetPrototype(b.headersProto)
	names := make([]string, 0, len(q.respHeader))
	for k := range q.respHeader {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		readOnly(h, k, rt.ToValue(strings.Join(q.respHeader[k], ", ")))
	}
	readOnly(o, "headers", h)
	for _, x := range [...]*goja.Object{h, o} {
		if _, err := b.preventExtensions(goja.Undefined(), x); err != nil {
			panic(err)
		}
	}
	b.run.responses[o] = q
	return o
}

// readOnly defines an enumerable property that can be neither written nor
// deleted, as a frozen object's are.
func readOnly(o *goja.Object, name string, v goja.Value) {
	_ = o.DefineDataProperty(name, v, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

func headerLookup(this goja.Value, name string) (goja.Value, bool) {
	obj, ok := this.(*goja.Object)
	if !ok || name == "" {
		return nil, false
	}
	for _, k := range obj.Keys() {
		if strings.EqualFold(k, name) {
			return obj.Get(k), true
		}
	}
	return nil, false
}

func (b *Binding) responseOf(this goja.Value, method string) *request {
	if obj, ok := this.(*goja.Object); ok && b.run != nil {
		if r := b.run.responses[obj]; r != nil {
			return r
		}
	}
	jsvalue.Throw(b.rt, "httpClient: %s() must be called on a response", method)
	return nil
}

// responseJSON parses the body as the script's JSON.parse would, without
// the round trip through a JavaScript string and the guarded parse that
// JSON.parse costs: the body is Go text already.
func (b *Binding) responseJSON(r *request) goja.Value {
	text := r.text()
	v, err := jsvalue.ParseJSON(b.rt, text, jsvalue.MaxJSONNesting)
	var msg string
	switch {
	case err == nil:
		return v
	case errors.Is(err, jsvalue.ErrJSONNotGo):
		// An unpaired surrogate escape or bytes that are not UTF-8: the
		// script's JSON.parse (goja's own parse for such text).
		v, err = b.parse(goja.Undefined(), b.rt.ToValue(text))
		if err == nil {
			return v
		}
		msg = err.Error()
		var exc *goja.Exception
		if errors.As(err, &exc) {
			msg = valueText(b.rt, exc.Value())
		}
	default:
		tooDeep, m := jsvalue.ScriptError(err, jsvalue.MaxJSONNesting)
		msg = "SyntaxError: " + m
		if tooDeep {
			msg = "RangeError: " + m
		}
	}
	snippet := text
	if len(snippet) > 80 {
		snippet = snippet[:80] + "…"
	}
	jsvalue.Throw(b.rt, "httpClient: the response to %s %s is not valid JSON (%s); the body begins %q", r.method, r.url, msg, snippet)
	return nil
}

func (b *Binding) responseForm(r *request) goja.Value {
	vals, err := url.ParseQuery(strings.TrimSpace(r.text()))
	if err != nil {
		jsvalue.Throw(b.rt, "httpClient: the response to %s %s is not form data: %v", r.method, r.url, err)
	}
	out := make(map[string]any, len(vals))
	for k, vs := range vals {
		if len(vs) == 1 {
			out[k] = vs[0]
		} else {
			out[k] = vs // ToJS makes a []string an array
		}
	}
	return jsvalue.ToJS(b.rt, out)
}
