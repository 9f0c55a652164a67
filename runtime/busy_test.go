package runtime_test

import (
	"context"
	"errors"
	"fmt"
	goruntime "runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/runtime"
)

// gate lets a test hold a runtime: a script that calls testGate.hold()
// reports its id on entered, then blocks until release is closed (or the
// run's context ends: it then throws). active counts the runs inside testGate.probe() and
// peak the most seen at once.
type gate struct {
	id      int
	entered chan int
	release chan struct{}

	active, peak *atomic.Int64
}

var gateKey = bindings.NewBackend[*gate]("test.gate")

type gateInstance struct {
	obj *goja.Object
	g   *gate
	ctx context.Context
}

func (gi *gateInstance) Value() goja.Value { return gi.obj }
func (gi *gateInstance) Begin(run *bindings.Run) {
	gi.g, gi.ctx = gateKey.From(run), run.Context
}
func (gi *gateInstance) End(*bindings.Run) { gi.g, gi.ctx = nil, nil }

var gateBinding = bindings.Define("testGate", func(vm *bindings.VM) bindings.Instance {
	gi := &gateInstance{obj: vm.Runtime.NewObject()}
	_ = gi.obj.Set("hold", func() {
		gi.g.entered <- gi.g.id
		select {
		case <-gi.g.release:
		case <-gi.ctx.Done():
			panic(vm.Runtime.NewGoError(gi.ctx.Err()))
		}
	})
	_ = gi.obj.Set("probe", func() {
		n := gi.g.active.Add(1)
		for {
			p := gi.g.peak.Load()
			if n <= p || gi.g.peak.CompareAndSwap(p, n) {
				break
			}
		}
		goruntime.Gosched() // let other runs in, if the engine would let them
		gi.g.active.Add(-1)
	})
	return gi
})

func init() { bindings.Register(gateBinding) }

var holdScript = runtime.Script{Name: "hold.js", Source: `testGate.hold(); action.goTo("held");`}

type outcome struct {
	res runtime.Result
	err error
}

// hold starts a run that holds one of e's runtimes until release is closed,
// and returns once the script is running.
func hold(t *testing.T, e *runtime.Engine, release chan struct{}) <-chan outcome {
	t.Helper()
	g := &gate{entered: make(chan int, 1), release: release}
	done := make(chan outcome, 1)
	go func() {
		res, err := e.Run(context.Background(), holdScript, runtime.Input{Backends: bindings.NewBackends(gateKey.Value(g))})
		done <- outcome{res, err}
	}()
	select {
	case <-g.entered:
	case o := <-done:
		t.Fatalf("the holding run ended: %v", o.err)
	}
	return done
}

// runAsync starts a trivial run on e with ctx.
func runAsync(e *runtime.Engine, ctx context.Context) <-chan outcome {
	done := make(chan outcome, 1)
	go func() {
		res, err := e.Run(ctx, runtime.Script{Name: "quick.js", Source: `action.goTo("ok")`}, runtime.Input{})
		done <- outcome{res, err}
	}()
	return done
}

// waitFor waits until n runs are waiting for a runtime of e. The bound is
// generous: it only stops a broken test from hanging.
func waitFor(t *testing.T, e *runtime.Engine, n int) {
	t.Helper()
	require.Eventually(t, func() bool { return e.Stats().Waiting == n }, 30*time.Second, time.Millisecond,
		"want %d runs waiting", n)
}

// parkedWaiters counts the goroutines blocked in the engine's wait.
func parkedWaiters() int {
	buf := make([]byte, 1<<20)
	for {
		n := goruntime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	count := 0
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, " [select") && strings.Contains(g, "runtime.(*Engine).wait(") {
			count++
		}
	}
	return count
}

// 1,000 goroutines calling Run at once on an engine bounded to two runtimes
// all succeed, each with its own state, and never more than two runtimes
// exist or run a script at the same time.
func TestConcurrentThousandRunsStayWithinMaxConcurrent(t *testing.T) {
	const n, bound = 1000, 2
	// The time limit only has to outlast the queue on a slow, shared
	// machine under -race; nothing here measures speed.
	e := newEngine(t, runtime.Options{PoolSize: bound, Timeout: 5 * time.Minute})
	var active, peak atomic.Int64
	g := &gate{active: &active, peak: &peak}
	in := func(i int) runtime.Input {
		return runtime.Input{SharedState: map[string]any{"n": int64(i)}, Backends: bindings.NewBackends(gateKey.Value(g))}
	}
	script := runtime.Script{Name: "contended.js", Source: `
		var me = nodeState.get("n");
		scratch = me; // an implicit global, per run
		testGate.probe();
		nodeState.putShared("seen", scratch);
		action.goTo("user-" + me);`}
	start := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			res, err := e.Run(context.Background(), script, in(i))
			switch {
			case err != nil:
				errs <- fmt.Errorf("run %d: %w", i, err)
			case res.Outcome != fmt.Sprintf("user-%d", i) || res.SharedState["seen"] != int64(i):
				errs <- fmt.Errorf("run %d: outcome %q, seen %v (another run's state?)", i, res.Outcome, res.SharedState["seen"])
			}
		}(i)
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st := e.Stats()
	t.Logf("%+v", st)
	assert.Equal(t, int64(n), st.Runs)
	assert.Zero(t, st.Failures)
	assert.Zero(t, st.BusyRejections)
	assert.Equal(t, bound, st.MaxConcurrent)
	assert.GreaterOrEqual(t, st.RuntimesCreated, int64(n), "every run has a fresh runtime")
	assert.Zero(t, st.RuntimesDiscarded)
	assert.Zero(t, st.InUse)
	assert.Zero(t, st.Waiting)
	assert.LessOrEqual(t, peak.Load(), int64(bound), "never more runs at once than the bound")
}

// A run waiting for a runtime returns its context's error as soon as the
// context ends: canceled, or past its deadline, while the runtime it waits
// for is still held (so it did not wait for it).
func TestWaitEndsWithTheContext(t *testing.T) {
	e := newEngine(t, runtime.Options{PoolSize: 1, Timeout: 5 * time.Minute})
	release := make(chan struct{})
	held := hold(t, e, release)

	ctx, cancel := context.WithCancel(context.Background())
	waiting := runAsync(e, ctx)
	waitFor(t, e, 1)
	cancel()
	o := <-waiting
	require.ErrorIs(t, o.err, context.Canceled)
	assert.Equal(t, "runtime: gave up waiting for a free runtime: context canceled", o.err.Error())
	var se *runtime.ScriptError
	assert.False(t, errors.As(o.err, &se), "the script never ran: no ScriptError")
	assert.Nil(t, o.res.Error)

	// A deadline a moment away: the wait ends with it.
	ctx, cancel = context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	o = <-runAsync(e, ctx)
	require.ErrorIs(t, o.err, context.DeadlineExceeded)
	assert.NotErrorIs(t, o.err, runtime.ErrBusy)

	select {
	case o := <-held:
		t.Fatalf("the held run ended early: %v", o.err)
	default:
	}
	st := e.Stats()
	assert.Zero(t, st.Waiting)
	assert.Zero(t, st.BusyRejections, "a context that ends is not a busy rejection")
	assert.Equal(t, 1, st.InUse)
	close(release)
	require.NoError(t, (<-held).err)
	assert.Equal(t, int64(1), e.Stats().Runs, "runs that never started are not counted")
}

// With no deadline on the context, the engine's Timeout bounds the wait:
// the run gets ErrBusy when it passes.
func TestWaitEndsWithErrBusyAtTheTimeLimit(t *testing.T) {
	e := newEngine(t, runtime.Options{PoolSize: 1, Timeout: 50 * time.Millisecond})
	release := make(chan struct{})
	held := hold(t, e, release)
	o := <-runAsync(e, context.Background())
	require.ErrorIs(t, o.err, runtime.ErrBusy)
	assert.Contains(t, o.err.Error(), "engine busy: 1 runs in progress")
	assert.Nil(t, o.res.Error)
	assert.Equal(t, int64(1), e.Stats().BusyRejections)
	close(release)
	<-held // it ran past its own time limit: a timeout, its runtime dropped
	assert.Zero(t, e.Stats().Waiting)
}

// Close wakes every waiting run with ErrClosed; the run in progress
// finishes.
func TestWaitersWakeOnClose(t *testing.T) {
	e := newEngine(t, runtime.Options{PoolSize: 1, Timeout: 5 * time.Minute})
	release := make(chan struct{})
	held := hold(t, e, release)
	var waiters []<-chan outcome
	for i := 1; i <= 3; i++ {
		waiters = append(waiters, runAsync(e, context.Background()))
		waitFor(t, e, i)
	}
	e.Close()
	for _, w := range waiters {
		assert.ErrorIs(t, (<-w).err, runtime.ErrClosed)
	}
	assert.Zero(t, e.Stats().Waiting)
	close(release)
	o := <-held
	require.NoError(t, o.err)
	assert.Equal(t, "held", o.res.Outcome)
	_, err := e.Run(context.Background(), holdScript, runtime.Input{})
	assert.ErrorIs(t, err, runtime.ErrClosed)
	st := e.Stats()
	assert.Zero(t, st.Idle, "the runtime of the run that ended after Close is dropped")
	assert.Zero(t, st.InUse)
}

// With a negative QueueTimeout a run never waits: when every runtime is in
// use, Run returns ErrBusy at once. A positive QueueTimeout bounds the
// wait.
func TestBusyFailFastAndQueueTimeout(t *testing.T) {
	e := newEngine(t, runtime.Options{PoolSize: 2, QueueTimeout: -1, Timeout: 5 * time.Minute})
	release := make(chan struct{})
	held := []<-chan outcome{hold(t, e, release), hold(t, e, release)}
	for i := 0; i < 3; i++ {
		res, err := e.Run(context.Background(), runtime.Script{Source: `action.goTo("x")`}, runtime.Input{})
		require.ErrorIs(t, err, runtime.ErrBusy)
		assert.Equal(t, "runtime: engine busy: 2 runs in progress (MaxConcurrent), and the run may not wait", err.Error())
		assert.Empty(t, res.Outcome)
	}
	st := e.Stats()
	assert.Equal(t, int64(3), st.BusyRejections)
	assert.Zero(t, st.Waiting)
	assert.Equal(t, 2, st.InUse)
	assert.Zero(t, st.Runs)
	assert.Zero(t, st.Failures, "a rejection is not a failed run")
	close(release)
	for _, h := range held {
		require.NoError(t, (<-h).err)
	}
	res, err := e.Run(context.Background(), runtime.Script{Source: `action.goTo("x")`}, runtime.Input{})
	require.NoError(t, err, "a free runtime is taken at once")
	assert.Equal(t, "x", res.Outcome)

	e = newEngine(t, runtime.Options{PoolSize: 1, QueueTimeout: 10 * time.Millisecond, Timeout: 5 * time.Minute})
	release = make(chan struct{})
	h := hold(t, e, release)
	o := <-runAsync(e, context.Background())
	require.ErrorIs(t, o.err, runtime.ErrBusy)
	assert.Contains(t, o.err.Error(), "none ended within 10ms")
	close(release)
	require.NoError(t, (<-h).err)
}

// Waiting runs get a runtime in the order they arrived.
func TestWaitersAreServedInOrder(t *testing.T) {
	e := newEngine(t, runtime.Options{PoolSize: 1, Timeout: 5 * time.Minute})
	first := make(chan struct{})
	held := hold(t, e, first)
	const n = 5
	entered := make(chan int, n)
	releases := make([]chan struct{}, n)
	done := make([]chan outcome, n)
	for i := 0; i < n; i++ {
		releases[i], done[i] = make(chan struct{}), make(chan outcome, 1)
		g := &gate{id: i, entered: entered, release: releases[i]}
		go func() {
			res, err := e.Run(context.Background(), holdScript, runtime.Input{Backends: bindings.NewBackends(gateKey.Value(g))})
			done[g.id] <- outcome{res, err}
		}()
		// Arrival is joining the queue: Waiting counts a run a moment
		// before it blocks, so wait until it is parked too.
		waitFor(t, e, i+1)
		require.Eventually(t, func() bool { return parkedWaiters() == i+1 }, 30*time.Second, time.Millisecond)
	}
	close(first)
	require.NoError(t, (<-held).err)
	for i := 0; i < n; i++ {
		require.Equal(t, i, <-entered, "served in arrival order")
		close(releases[i])
		require.NoError(t, (<-done[i]).err)
	}
	st := e.Stats()
	assert.Equal(t, int64(n+1), st.Runs)
}

// A run that ends by a limit is counted as discarded, and a waiting run
// gets its place: the engine stays within its bound and does not lose
// capacity.
func TestPoolReplacesABrokenRuntimeWithinTheBound(t *testing.T) {
	e := newEngine(t, runtime.Options{PoolSize: 1, Timeout: 5 * time.Minute})
	release := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	g := &gate{entered: make(chan int, 1), release: release}
	held := make(chan outcome, 1)
	go func() {
		res, err := e.Run(ctx, holdScript, runtime.Input{Backends: bindings.NewBackends(gateKey.Value(g))})
		held <- outcome{res, err}
	}()
	<-g.entered
	waiter := runAsync(e, context.Background())
	waitFor(t, e, 1)
	cancel() // the holding run is canceled: its runtime is broken
	o := <-held
	var se *runtime.ScriptError
	require.ErrorAs(t, o.err, &se)
	assert.Equal(t, runtime.KindCanceled, se.Kind)
	o = <-waiter
	require.NoError(t, o.err)
	assert.Equal(t, "ok", o.res.Outcome)
	st := e.Stats()
	assert.Equal(t, int64(1), st.RuntimesDiscarded)
	assert.Zero(t, st.InUse)
}

// MaxConcurrent above PoolSize: the runs beyond the pool build their own
// runtimes, and the bound still holds.
func TestConcurrentAbovePoolSize(t *testing.T) {
	e := newEngine(t, runtime.Options{PoolSize: 1, MaxConcurrent: 2, QueueTimeout: -1, Timeout: 5 * time.Minute})
	release := make(chan struct{})
	a, b := hold(t, e, release), hold(t, e, release)
	_, err := e.Run(context.Background(), holdScript, runtime.Input{})
	require.True(t, errors.Is(err, runtime.ErrBusy), "%v", err)
	close(release)
	require.NoError(t, (<-a).err)
	require.NoError(t, (<-b).err)
	st := e.Stats()
	assert.Equal(t, 2, st.MaxConcurrent)
	assert.Equal(t, int64(2), st.Runs)
}
