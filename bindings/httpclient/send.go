package httpclient

// Request execution: send checks a script's call and starts its request, do
// runs it without touching the runtime, and deliver records the result and
// settles the request's promise-like.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/rhinoerr"
)

type request struct {
	run        *runState
	idx        int
	method     string
	url        string
	header     http.Header
	body       []byte
	clientName string
	// txID is the request's X-ForgeRock-TransactionId. It is added as the
	// request goes out, not recorded: it changes with every run.
	txID  string
	site  goja.StackFrame // the script's send call; see siteText
	start time.Time
	root  *promise

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

func (b *Instance) send(call goja.FunctionCall) goja.Value {
	rt := b.rt
	raw := jsvalue.ArgString(call, 0)
	if raw == "" {
		jsvalue.Throw(rt, "httpClient.send: a URL is required")
	}
	u, err := url.Parse(raw)
	if err != nil {
		jsvalue.Throw(rt, "httpClient.send: %q is not a valid URL", raw)
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
	if b.tx == nil {
		b.tx = newTransaction(b.reqHeaders)
	}
	q := &request{
		txID: b.tx.sub(),
		run:  r, method: opts.method, url: u.String(), header: opts.header, body: opts.body,
		clientName: opts.clientName, start: time.Now(), done: make(chan struct{}),
		site: b.callSite(),
	}
	r.calls = append(r.calls, Call{
		Method: q.method, URL: q.url, ClientName: q.clientName,
		RequestHeaders: recordHeaders(q.header), RequestBody: recordBody(opts.recordedBody()),
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
func (b *Instance) callSite() goja.StackFrame {
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
func (b *Instance) do(q *request) {
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
	req.Header.Set(TransactionHeader, q.txID)
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
func (b *Instance) deliver(q *request) {
	if q.delivered {
		return
	}
	q.delivered = true
	r := b.run
	r.work--
	q.fill(&r.calls[q.idx])
	if q.err != nil {
		b.settle(q.root, rejected, q.exception().Object(b.rt), nil, q)
		return
	}
	b.settle(q.root, fulfilled, b.newResponse(q), nil, nil)
}

// ExceptionClass is the class of what a failed request's promise rejects
// with in AIC: HttpClientScriptException, whose getMessage() is null and
// whose public field message holds the cause's message.
const ExceptionClass = "org.forgerock.openam.auth.nodes.script.HttpClientScriptException"

// exception is q's failure as the HttpClientScriptException a thenCatch
// handler receives.
func (q *request) exception() *rhinoerr.Exception {
	return &rhinoerr.Exception{Class: ExceptionClass, Null: true, Fields: map[string]any{"message": q.scriptText()}}
}

// scriptText is q's failure in words a script may read: of a network
// failure, the request and the system's complaint, without Go's wording of
// it ("dial tcp 127.0.0.1:8080: …").
func (q *request) scriptText() string {
	text := q.err.Error()
	var op *net.OpError
	if errors.As(q.err, &op) {
		text = strings.Replace(text, op.Error(), rhinoerr.NetworkText(op, op.Error()), 1)
	}
	return text
}
