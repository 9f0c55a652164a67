package httpclient

// Promise-likes: the object send returns, its then, catch and get, the
// callback queue on the event loop, and the run's unhandled rejections.

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/rhinoerr"
)

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

func (b *Instance) newPromise() *promise {
	obj := b.rt.NewObject()
	_ = obj.SetPrototype(b.promiseProto)
	p := &promise{obj: obj}
	b.state().promises[obj] = p
	return p
}

func (b *Instance) promiseOf(v goja.Value) *promise {
	obj, ok := v.(*goja.Object)
	if !ok || b.run == nil {
		return nil
	}
	return b.run.promises[obj]
}

func (b *Instance) then(this, onF, onR goja.Value, method string) goja.Value {
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

func (b *Instance) addReaction(p *promise, re reaction) {
	p.handled = true
	if p.state == pending {
		p.reactions = append(p.reactions, re)
		return
	}
	b.enqueue(func() { b.react(p, re) })
}

func (b *Instance) settle(p *promise, state int, value goja.Value, exc *goja.Exception, failed *request) {
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

func (b *Instance) react(p *promise, re reaction) {
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
func (b *Instance) resolve(p *promise, v goja.Value) {
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
func (b *Instance) enqueue(fn func()) {
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

func (b *Instance) get(call goja.FunctionCall) goja.Value {
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
		if p.failed != nil {
			// The request failed: get() throws as a Java call that failed,
			// with the failure's text.
			rhinoerr.Internal(b.rt, "%s", p.failed.scriptText())
		}
		panic(p.value)
	}
	return p.value
}

func (b *Instance) unhandledErr() error {
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
