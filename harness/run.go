package harness

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	goruntime "runtime"
	"sync"
	"time"

	// Every binding journeyjs provides.
	_ "github.com/journeyjs/journeyjs/bindings/all"

	"github.com/journeyjs/journeyjs/emulator/pingone"
	"github.com/journeyjs/journeyjs/passes"
	"github.com/journeyjs/journeyjs/runtime"
)

// Options configure Run.
type Options struct {
	// Parallel is how many cases run at once; 0 means GOMAXPROCS.
	Parallel int
	// Timeout is each run's time limit when its case sets none; 0 means
	// runtime.DefaultTimeout.
	Timeout time.Duration
	// Engine, when set, runs the cases; Run does not close it. Its own
	// Timeout caps every case's. When nil, Run makes one engine for all the
	// cases and closes it at the end.
	Engine *runtime.Engine
	// Language is the scripts' language when Engine is nil (default:
	// runtime.LanguageTenant, what AIC compiles).
	Language runtime.Language
}

// Result is one case's result.
type Result struct {
	Case *Case `json:"-"`
	// Name is the case's full name (file/case/row); File, CaseName and Line
	// locate it.
	Name     string `json:"name"`
	File     string `json:"file"`
	CaseName string `json:"case"`
	Line     int    `json:"line"`
	// Passed is true when every expectation held.
	Passed bool `json:"passed"`
	// Duration is the case's wall time: building its back ends, the run and
	// the checks.
	Duration time.Duration `json:"-"`
	// Failures are the expectations the run did not meet.
	Failures []Failure `json:"failures,omitempty"`
	// Run is the run's result, error included, in the JSON every
	// command shows: the last pass's, when the case has replies.
	Run *runtime.Result `json:"result,omitempty"`
	// Passes are every pass's result when there was more than one.
	Passes []runtime.Result `json:"passes,omitempty"`
	// PingOneChanges are what the run changed in the local PingOne.
	PingOneChanges []pingone.Change `json:"pingoneChanges,omitempty"`
}

// Summary is the result of a Run.
type Summary struct {
	Results  []*Result
	Passed   int
	Failed   int
	Duration time.Duration
}

// Select returns the cases whose full name (file/case/row) re matches; a nil
// re selects all.
func Select(cases []*Case, re *regexp.Regexp) []*Case {
	if re == nil {
		return cases
	}
	var out []*Case
	for _, c := range cases {
		if re.MatchString(c.Name()) {
			out = append(out, c)
		}
	}
	return out
}

// Run runs the cases in parallel on one shared engine, each with fresh back
// ends built from its fixtures, and returns their results in the order of
// cases. A case's time limit is its run's context deadline. done, when not
// nil, is called with each result in that same order as soon as it and every
// result before it are ready (from the calling goroutine).
func Run(ctx context.Context, cases []*Case, opts Options, done func(*Result)) *Summary {
	start := time.Now()
	par := opts.Parallel
	if par <= 0 {
		par = goruntime.GOMAXPROCS(0)
	}
	defTimeout := opts.Timeout
	if defTimeout <= 0 {
		defTimeout = runtime.DefaultTimeout
	}
	eng := opts.Engine
	if eng == nil {
		// The engine's limit is the longest any case asks for; each run's
		// context brings its own.
		limit := defTimeout
		for _, c := range cases {
			limit = max(limit, c.Timeout)
		}
		eng = runtime.New(runtime.Options{Timeout: limit, PoolSize: par, Language: opts.Language})
		defer eng.Close()
	}

	results := make([]*Result, len(cases))
	ready := make([]chan struct{}, len(cases))
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(par, len(cases)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = runCase(ctx, cases[i], eng, defTimeout)
				close(ready[i])
			}
		}()
	}
	go func() {
		for i := range cases {
			next <- i
		}
		close(next)
	}()
	sum := &Summary{Results: results}
	for i := range cases {
		<-ready[i]
		if results[i].Passed {
			sum.Passed++
		} else {
			sum.Failed++
		}
		if done != nil {
			done(results[i])
		}
	}
	wg.Wait()
	sum.Duration = time.Since(start)
	return sum
}

func runCase(ctx context.Context, c *Case, eng *runtime.Engine, defTimeout time.Duration) (r *Result) {
	start := time.Now()
	r = &Result{Case: c, Name: c.Name(), File: c.File, CaseName: c.CaseName(), Line: c.Line}
	defer func() {
		if p := recover(); p != nil {
			r.Failures = append(r.Failures, Failure{Check: "harness", Message: fmt.Sprintf("the harness panicked: %v", p)})
		}
		r.Duration = time.Since(start)
		r.Passed = len(r.Failures) == 0
	}()
	env, err := c.Fixtures.Build(ctx)
	if err != nil {
		r.Failures = append(r.Failures, Failure{Check: "fixtures", Message: "building the fixtures' back ends: " + err.Error()})
		return r
	}
	defer func() {
		if err := env.Close(); err != nil {
			r.Failures = append(r.Failures, Failure{Check: "fixtures", Message: "closing the fixtures' back ends: " + err.Error()})
		}
	}()
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = defTimeout
	}
	runCtx, cancel := context.WithTimeout(ctx, timeout)
	results, runErr := passes.Run(runCtx, eng, c.Script, env.Input, c.Replies)
	cancel()
	res := results[len(results)-1]
	r.Run = &res
	if len(results) > 1 {
		r.Passes = results
	}
	var se *runtime.ScriptError
	if runErr != nil && !errors.As(runErr, &se) {
		// A reply that does not fit the callbacks: the case is wrong.
		r.Failures = append(r.Failures, Failure{Check: "replies", Message: runErr.Error()})
		runErr = nil
	}
	r.PingOneChanges = env.PingOneChanges()
	r.Failures = append(r.Failures, c.Expect.CheckPasses(ctx, results, runErr, Observed{Result: res, Err: runErr, Env: env, PingOneChanges: r.PingOneChanges})...)
	return r
}
