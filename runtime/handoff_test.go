package runtime_test

import (
	"context"
	"errors"
	"fmt"
	goruntime "runtime"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/runtime"
)

// A waiting run's script runs on an engine worker, but with the caller's
// context: the bindings see it, and canceling it stops the script (a
// *ScriptError, the run had started), not the wait.
func TestQueuedRunHasTheCallersContext(t *testing.T) {
	e := newEngine(t, runtime.Options{PoolSize: 1, Timeout: 5 * time.Minute})
	release := make(chan struct{})
	held := hold(t, e, release)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	g := &gate{entered: make(chan int, 1), release: make(chan struct{})}
	done := make(chan outcome, 1)
	go func() {
		res, err := e.Run(ctx, holdScript, runtime.Input{Backends: bindings.NewBackends(gateKey.Value(g))})
		done <- outcome{res, err}
	}()
	waitFor(t, e, 1)
	close(release)
	require.NoError(t, (<-held).err, "the run that ended returns its own result at once")
	<-g.entered // the queued script runs, on a worker
	assert.Zero(t, e.Stats().Waiting)
	cancel()
	o := <-done
	var se *runtime.ScriptError
	require.ErrorAs(t, o.err, &se, "the script ran: its failure is a ScriptError")
	assert.Equal(t, runtime.KindCanceled, se.Kind)
	assert.Same(t, se, o.res.Error)
}

// A queued run's start is its caller's call: its Result's Duration counts
// the wait, as its time limit does (both are counted from the same start).
func TestQueuedRunCountsFromTheCall(t *testing.T) {
	e := newEngine(t, runtime.Options{PoolSize: 1, Timeout: 5 * time.Minute})
	release := make(chan struct{})
	held := hold(t, e, release)

	const waited = 100 * time.Millisecond
	g := &gate{entered: make(chan int, 1), release: make(chan struct{})}
	done := make(chan outcome, 1)
	go func() {
		res, err := e.Run(context.Background(), holdScript, runtime.Input{Backends: bindings.NewBackends(gateKey.Value(g))})
		done <- outcome{res, err}
	}()
	waitFor(t, e, 1)
	time.Sleep(waited) // a lower bound on the wait, whatever the machine's speed
	close(release)
	require.NoError(t, (<-held).err)
	<-g.entered
	close(g.release)
	o := <-done
	require.NoError(t, o.err)
	assert.Equal(t, "held", o.res.Outcome)
	assert.GreaterOrEqual(t, o.res.Duration, waited, "Duration counts from the call, waiting included")
}

// Callers giving up while others' runs end and workers take jobs: every
// call returns, either with its result or with its context's error (never
// both, never neither), and afterwards no place is lost: MaxConcurrent runs
// can be in progress at once again, and nothing is counted as waiting.
func TestQueueWithdrawRacesWithWorkers(t *testing.T) {
	const bound, n = 2, 400
	e := newEngine(t, runtime.Options{PoolSize: bound, Timeout: 5 * time.Minute})
	script := runtime.Script{Name: "quick.js", Source: `action.goTo("ok")`}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var ok, gaveUp int
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			switch i % 3 {
			case 0: // while the call queues, waits, runs or returns
				go cancel()
			case 1:
				go func() { goruntime.Gosched(); cancel() }()
			}
			res, err := e.Run(ctx, script, runtime.Input{})
			mu.Lock()
			defer mu.Unlock()
			var se *runtime.ScriptError
			switch {
			case err == nil:
				assert.Equal(t, "ok", res.Outcome)
				ok++
			case errors.As(err, &se):
				assert.Equal(t, runtime.KindCanceled, se.Kind, "%v", err)
				gaveUp++
			default:
				assert.ErrorIs(t, err, context.Canceled)
				assert.Empty(t, res.Outcome)
				gaveUp++
			}
		}(i)
	}
	wg.Wait()
	assert.Equal(t, n, ok+gaveUp)
	st := e.Stats()
	assert.Zero(t, st.Waiting)
	assert.Zero(t, st.InUse)
	assert.Zero(t, st.BusyRejections)

	// Every place is free again: bound runs can hold a runtime at once.
	release := make(chan struct{})
	var held []<-chan outcome
	for i := 0; i < bound; i++ {
		held = append(held, hold(t, e, release))
	}
	close(release)
	for _, h := range held {
		require.NoError(t, (<-h).err)
	}
}

// panicKey asks the testPanic binding to panic as a run ends, outside the
// script (where binding panics are caught): an engine bug, simulated.
var panicKey = bindings.NewBackend[string]("test.panic")

type panicInstance struct {
	obj *goja.Object
	msg string
}

func (p *panicInstance) Value() goja.Value       { return p.obj }
func (p *panicInstance) Begin(run *bindings.Run) { p.msg = panicKey.From(run) }
func (p *panicInstance) End(*bindings.Run) {
	if msg := p.msg; msg != "" {
		p.msg = ""
		panic(msg)
	}
}

func init() {
	bindings.Register(bindings.Define("testPanic", func(vm *bindings.VM) bindings.Instance {
		return &panicInstance{obj: vm.Runtime.NewObject()}
	}))
}

// A panic in a queued run is raised in its caller's goroutine, as if the
// caller had run the script, not in the worker's (where it would take the
// host down); the worker goes on, and no place is lost.
func TestQueuedRunPanicReachesTheCaller(t *testing.T) {
	e := newEngine(t, runtime.Options{PoolSize: 1, Timeout: 5 * time.Minute})
	release := make(chan struct{})
	held := hold(t, e, release)

	panicked := make(chan any, 1)
	go func() {
		defer func() { panicked <- recover() }()
		_, err := e.Run(context.Background(), runtime.Script{Name: "panic.js", Source: `testPanic; action.goTo("x")`},
			runtime.Input{Backends: bindings.NewBackends(panicKey.Value("engine bug"))})
		panicked <- fmt.Sprintf("no panic: %v", err)
	}()
	waitFor(t, e, 1)
	after := runAsync(e, context.Background()) // queued behind it
	waitFor(t, e, 2)
	close(release)
	require.NoError(t, (<-held).err)
	assert.Equal(t, "engine bug", <-panicked)
	o := <-after
	require.NoError(t, o.err, "the worker went on with the next job")
	assert.Equal(t, "ok", o.res.Outcome)
	res, err := e.Run(context.Background(), runtime.Script{Source: `action.goTo("y")`}, runtime.Input{})
	require.NoError(t, err, "the place is free again")
	assert.Equal(t, "y", res.Outcome)
}
