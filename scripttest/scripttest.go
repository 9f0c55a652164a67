// Package scripttest tests decision scripts with `go test`: load a script,
// describe its world in Go (a fixtures file, node state, secrets, ESVs, HTTP
// routes, IDM objects), run it, and assert on what it did. Failed assertions
// report through the test (t.Errorf) with a diff of expected against actual.
//
//	func TestRisk(t *testing.T) {
//		run := scripttest.New(t, "scripts/risk-decision.js").
//			WithFixtures("scripts/risk-decision.fixtures.yaml").
//			WithSharedState(map[string]any{"country": "FR"}).
//			Run()
//		run.AssertNoError()
//		run.AssertOutcome("low")
//		run.AssertSharedState(map[string]any{"riskScore": 0})
//	}
//
// The assertions are those of `journeyjs test` files (package harness), so a
// Go test and a test file report a failure the same way. Runs share one
// engine (runtime.Engine is safe for concurrent use), so tests may call
// t.Parallel; each Run builds fresh back ends, so runs never see each other's
// changes.
package scripttest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	// Every binding journeyjs provides.
	_ "github.com/journeyjs/journeyjs/bindings/all"

	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/emulator/idm"
	"github.com/journeyjs/journeyjs/emulator/pingone"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/harness"
	"github.com/journeyjs/journeyjs/runtime"
)

// TB is the part of testing.TB that scripttest uses; *testing.T and
// *testing.B satisfy it. When the value also has Cleanup(func()) (as
// testing.TB does), each Run's back ends are closed at the end of the test.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Script is a script to run and the world it runs in. Build it with New or
// NewSource and the With… methods (or options), then call Run. A Script can
// be run many times; each Run gets fresh back ends.
type Script struct {
	t      TB
	script runtime.Script
	failed bool

	fixturesPath string
	shared       map[string]any
	transient    map[string]any
	secrets      map[string]string
	esvs         map[string]any
	libraries    map[string]string
	headers      map[string][]string
	params       map[string][]string
	routes       []httpclient.Route
	idm          idm.Seed
	realm        string
	scriptCtx    *runtime.Context
	logLevel     *logger.Level
	timeout      time.Duration
	engine       *runtime.Engine
	ctx          context.Context

	// world caches what the options build (fixtures read, options checked
	// and laid over them) for every Run until the next With.
	mu       sync.Mutex
	world    *fixtures.File
	worldErr error
}

// Option configures a Script; every With… method has an Option of the same
// name, for New's variadic form.
type Option func(*Script)

// New loads the script file at path (relative to the test's directory, the
// package directory under go test). The test fails at once when the file
// cannot be read.
func New(t TB, path string, opts ...Option) *Script {
	t.Helper()
	s := &Script{t: t}
	src, err := os.ReadFile(path)
	if err != nil {
		s.failed = true
		t.Fatalf("scripttest: cannot read script %s: %v", path, err)
		return s
	}
	s.script = runtime.Script{Name: filepath.Base(path), Source: string(src)}
	return s.With(opts...)
}

// NewSource makes a script from source; name names it in errors and in the
// logger name.
func NewSource(t TB, name, source string, opts ...Option) *Script {
	s := &Script{t: t, script: runtime.Script{Name: name, Source: source}}
	return s.With(opts...)
}

// With applies options.
func (s *Script) With(opts ...Option) *Script {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range opts {
		o(s)
	}
	s.world, s.worldErr = nil, nil
	return s
}

// WithFixtures reads a fixtures file (the format of `journeyjs run
// --fixtures`). The other With… options are laid over it. The file is read
// by the first Run and reused by later ones until the next With.
func WithFixtures(path string) Option { return func(s *Script) { s.fixturesPath = path } }

// WithSharedState lays keys over the shared node state (the fixtures' own
// keys stay unless replaced).
func WithSharedState(state map[string]any) Option {
	return func(s *Script) { s.shared = fixtures.Overlay(s.shared, state) }
}

// WithTransientState lays keys over the transient node state.
func WithTransientState(state map[string]any) Option {
	return func(s *Script) { s.transient = fixtures.Overlay(s.transient, state) }
}

// WithSecret maps a secret label (scripted.node.…) to a value.
func WithSecret(label, value string) Option {
	return func(s *Script) { s.secrets = fixtures.Overlay(s.secrets, map[string]string{label: value}) }
}

// WithESV defines an ESV (esv.…); lists and maps are stored as JSON, as the
// tenant stores them.
func WithESV(name string, value any) Option {
	return func(s *Script) { s.esvs = fixtures.Overlay(s.esvs, map[string]any{name: value}) }
}

// WithLibrary makes a library script available to require(name).
func WithLibrary(name, source string) Option {
	return func(s *Script) { s.libraries = fixtures.Overlay(s.libraries, map[string]string{name: source}) }
}

// WithRequestHeader sets a request header (replacing the fixtures' values).
func WithRequestHeader(name string, values ...string) Option {
	return func(s *Script) { s.headers = fixtures.Overlay(s.headers, map[string][]string{name: values}) }
}

// WithRequestParameter sets a request parameter.
func WithRequestParameter(name string, values ...string) Option {
	return func(s *Script) { s.params = fixtures.Overlay(s.params, map[string][]string{name: values}) }
}

// WithHTTPRoute adds a canned HTTP response for httpClient. Routes added in
// Go are tried in the order added, before the fixtures' routes.
func WithHTTPRoute(r httpclient.Route) Option {
	return func(s *Script) { s.routes = append(s.routes, r) }
}

// WithIDMObject adds an object (with a string _id) to an IDM collection
// (managed/alpha_user), after those of the fixtures.
func WithIDMObject(collection string, obj map[string]any) Option {
	return func(s *Script) {
		if s.idm == nil {
			s.idm = idm.Seed{}
		}
		s.idm[collection] = append(s.idm[collection], obj)
	}
}

// WithRealm sets the realm binding (default /alpha).
func WithRealm(realm string) Option { return func(s *Script) { s.realm = realm } }

// WithScriptContext sets the script's AIC context (runtime.VerifyCompletion
// …), over the fixtures' context: key; the default is ScriptedDecision.
func WithScriptContext(c *runtime.Context) Option { return func(s *Script) { s.scriptCtx = c } }

// WithLogLevel sets the scripts' log level (default: the fixtures', else
// every level).
func WithLogLevel(level logger.Level) Option { return func(s *Script) { s.logLevel = &level } }

// WithTimeout sets the run's time limit (default runtime.DefaultTimeout), as
// the run's context deadline. With WithEngine, the engine's own limit caps
// it.
func WithTimeout(d time.Duration) Option { return func(s *Script) { s.timeout = d } }

// WithEngine runs the script on eng instead of the package's shared engine.
func WithEngine(eng *runtime.Engine) Option { return func(s *Script) { s.engine = eng } }

// WithContext runs the script under ctx (default context.Background()).
func WithContext(ctx context.Context) Option { return func(s *Script) { s.ctx = ctx } }

// The With… methods are the options, chained.

// WithFixtures: see the WithFixtures option.
func (s *Script) WithFixtures(path string) *Script { return s.With(WithFixtures(path)) }

// WithSharedState: see the WithSharedState option.
func (s *Script) WithSharedState(state map[string]any) *Script {
	return s.With(WithSharedState(state))
}

// WithTransientState: see the WithTransientState option.
func (s *Script) WithTransientState(state map[string]any) *Script {
	return s.With(WithTransientState(state))
}

// WithSecret: see the WithSecret option.
func (s *Script) WithSecret(label, value string) *Script { return s.With(WithSecret(label, value)) }

// WithESV: see the WithESV option.
func (s *Script) WithESV(name string, value any) *Script { return s.With(WithESV(name, value)) }

// WithLibrary: see the WithLibrary option.
func (s *Script) WithLibrary(name, source string) *Script { return s.With(WithLibrary(name, source)) }

// WithRequestHeader: see the WithRequestHeader option.
func (s *Script) WithRequestHeader(name string, values ...string) *Script {
	return s.With(WithRequestHeader(name, values...))
}

// WithRequestParameter: see the WithRequestParameter option.
func (s *Script) WithRequestParameter(name string, values ...string) *Script {
	return s.With(WithRequestParameter(name, values...))
}

// WithHTTPRoute: see the WithHTTPRoute option.
func (s *Script) WithHTTPRoute(r httpclient.Route) *Script { return s.With(WithHTTPRoute(r)) }

// WithIDMObject: see the WithIDMObject option.
func (s *Script) WithIDMObject(collection string, obj map[string]any) *Script {
	return s.With(WithIDMObject(collection, obj))
}

// WithRealm: see the WithRealm option.
func (s *Script) WithRealm(realm string) *Script { return s.With(WithRealm(realm)) }

// WithScriptContext: see the WithScriptContext option.
func (s *Script) WithScriptContext(c *runtime.Context) *Script { return s.With(WithScriptContext(c)) }

// WithLogLevel: see the WithLogLevel option.
func (s *Script) WithLogLevel(level logger.Level) *Script { return s.With(WithLogLevel(level)) }

// WithTimeout: see the WithTimeout option.
func (s *Script) WithTimeout(d time.Duration) *Script { return s.With(WithTimeout(d)) }

// WithEngine: see the WithEngine option.
func (s *Script) WithEngine(eng *runtime.Engine) *Script { return s.With(WithEngine(eng)) }

// WithContext: see the WithContext option.
func (s *Script) WithContext(ctx context.Context) *Script { return s.With(WithContext(ctx)) }

var (
	sharedOnce   sync.Once
	sharedEngine *runtime.Engine
)

// Engine is the engine every Script runs on unless given another (with
// WithEngine or WithTimeout). It lives as long as the test binary.
func Engine() *runtime.Engine {
	sharedOnce.Do(func() { sharedEngine = runtime.New(runtime.Options{}) })
	return sharedEngine
}

// fixtures returns the fixtures file the options describe, built on the
// first Run after the last With and shared by the Runs after it (each Build
// makes its own back ends from it, as for the cases of a test file).
func (s *Script) fixtures() (*fixtures.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.world == nil && s.worldErr == nil {
		s.world, s.worldErr = s.buildFixtures()
	}
	return s.world, s.worldErr
}

// buildFixtures reads the fixtures file and lays the options over it.
func (s *Script) buildFixtures() (*fixtures.File, error) {
	var f *fixtures.File
	var err error
	if s.fixturesPath != "" {
		f, err = fixtures.Load(s.fixturesPath)
	} else {
		f, err = fixtures.Parse("scripttest", nil)
	}
	if err != nil {
		return nil, err
	}
	// f is this Script's own copy: laying the options over it touches nobody
	// else's.
	for label := range s.secrets {
		if err := fixtures.CheckSecretLabel(label); err != nil {
			return nil, fmt.Errorf("secret %v", err)
		}
	}
	for name := range s.esvs {
		if err := fixtures.CheckESVName(name); err != nil {
			return nil, err
		}
	}
	f.Secrets = fixtures.Overlay(f.Secrets, s.secrets)
	f.ESVs = fixtures.Overlay(f.ESVs, s.esvs)
	if s.idm != nil {
		seed := idm.Seed{}
		for k, v := range f.IDM {
			seed[k] = append([]map[string]any(nil), v...)
		}
		for k, v := range s.idm {
			seed[k] = append(seed[k], v...)
		}
		// Input drops a seed it cannot load: check it here.
		if _, err := idm.NewMemory(seed); err != nil {
			return nil, fmt.Errorf("IDM objects: %v", err)
		}
		f.IDM = seed
	}
	if s.realm != "" {
		f.Realm = s.realm
	}
	f.SharedState = fixtures.Overlay(f.SharedState, s.shared)
	f.TransientState = fixtures.Overlay(f.TransientState, s.transient)
	f.RequestHeaders = fixtures.Overlay(f.RequestHeaders, s.headers)
	f.RequestParameters = fixtures.Overlay(f.RequestParameters, s.params)
	return f, nil
}

// Run runs the script once and returns what it did. Problems with the set-up
// (a bad fixtures file, a bad option) fail the test at once; a failing
// script does not: assert on it with AssertNoError or AssertError.
func (s *Script) Run() *Run {
	s.t.Helper()
	r := &Run{t: s.t, name: s.script.Name}
	if s.failed {
		r.broken = true
		return r
	}
	f, err := s.fixtures()
	if err != nil {
		r.broken = true
		s.t.Fatalf("scripttest: %s: %v", s.script.Name, err)
		return r
	}
	ctx := s.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	env, err := f.Build(ctx)
	if err != nil {
		r.broken = true
		s.t.Fatalf("scripttest: %s: %v", s.script.Name, err)
		return r
	}
	if c, ok := s.t.(interface{ Cleanup(func()) }); ok {
		c.Cleanup(func() { _ = env.Close() })
	}
	// What the fixtures file cannot carry (library sources, routes, a
	// level) goes on the input.
	in := &env.Input
	if len(s.libraries) > 0 {
		in.Libraries = fixtures.Overlay(in.Libraries, s.libraries)
	}
	if len(s.routes) > 0 {
		cfg := &httpclient.Config{}
		if own, _ := httpclient.ConfigKey.In(in.Backends); own != nil {
			c := *own
			cfg = &c
		}
		cfg.Routes = append(append([]httpclient.Route(nil), s.routes...), cfg.Routes...)
		httpclient.ConfigKey.Set(&in.Backends, cfg)
	}
	if s.logLevel != nil {
		logger.LevelKey.Set(&in.Backends, *s.logLevel)
	}
	if s.scriptCtx != nil {
		in.Context = s.scriptCtx
	}

	eng := s.engine
	if eng == nil {
		eng = Engine()
		if s.timeout > runtime.DefaultTimeout {
			// Longer than the shared engine allows: an engine of its own.
			eng = runtime.New(runtime.Options{Timeout: s.timeout, PoolSize: 1})
			defer eng.Close()
		}
	}
	r.ctx, r.Env = ctx, env
	runCtx := ctx
	if s.timeout > 0 {
		var cancel context.CancelFunc
		runCtx, cancel = context.WithTimeout(ctx, s.timeout)
		defer cancel()
	}
	r.Result, r.Err = eng.Run(runCtx, s.script, *in)
	r.PingOneChanges = env.PingOneChanges()
	return r
}

// Run is one run's result, with assertions. Each assertion reports a
// failure with t.Errorf (the test goes on) and returns whether it held.
type Run struct {
	t      TB
	name   string
	ctx    context.Context
	broken bool

	// Result and Err are what runtime.Engine.Run returned. Result is the
	// run as `journeyjs run --format json` prints it.
	Result runtime.Result
	Err    error
	// Env is the world the run ran in; its back ends (Env.Input.Backends,
	// Env.PingOne) hold the state the run left.
	Env *fixtures.Env
	// PingOneChanges are what the run changed in the local PingOne.
	PingOneChanges []pingone.Change
}

// Close releases the run's back ends. Tests whose TB has Cleanup need not
// call it.
func (r *Run) Close() error {
	if r.Env == nil {
		return nil
	}
	return r.Env.Close()
}

// Expect checks any expectations a test file can state (harness.Expect) and
// reports each one that does not hold. Unless e.Error is set, a run that
// failed is reported as such, whatever else e asks.
func (r *Run) Expect(e harness.Expect) bool {
	r.t.Helper()
	return r.report(e, "")
}

// check is Expect for one assertion that is not about the error: on a run
// that failed it checks the partial result and says, after each failure,
// that the script failed.
func (r *Run) check(e harness.Expect) bool {
	r.t.Helper()
	note := ""
	if r.Err != nil {
		e.Error = &harness.ErrorExpect{}
		note = "\n(the script failed: " + r.Err.Error() + ")"
	}
	return r.report(e, note)
}

// report checks e against the run and reports each failure, followed by
// note.
func (r *Run) report(e harness.Expect, note string) bool {
	r.t.Helper()
	if r.broken {
		return false
	}
	if err := e.Validate(); err != nil {
		r.t.Errorf("scripttest: %s: bad expectation: %v", r.name, err)
		return false
	}
	fs := e.Check(r.ctx, harness.Observed{Result: r.Result, Err: r.Err, Env: r.Env, PingOneChanges: r.PingOneChanges})
	for _, f := range fs {
		r.t.Errorf("scripttest: %s: %s%s", r.name, f, note)
	}
	return len(fs) == 0
}

// AssertNoError asserts that the script reached an outcome.
func (r *Run) AssertNoError() bool {
	r.t.Helper()
	return r.Expect(harness.Expect{})
}

// AssertError asserts that the script failed with an error of kind (any
// kind when "") whose message contains contains.
func (r *Run) AssertError(kind runtime.ErrorKind, contains string) bool {
	r.t.Helper()
	return r.Expect(harness.Expect{Error: &harness.ErrorExpect{Kind: string(kind), Contains: contains}})
}

// AssertOutcome asserts the outcome the script passed to action.goTo.
func (r *Run) AssertOutcome(want string) bool {
	r.t.Helper()
	if !r.broken && r.Err != nil {
		r.t.Errorf("scripttest: %s: outcome: expected %q, but the script failed: %v", r.name, want, r.Err)
		return false
	}
	return r.check(harness.Expect{Outcome: &want})
}

// AssertSharedState asserts that the shared state after the run contains
// subset: nested maps match as subsets, lists and values exactly (numbers
// by value, so 1 matches 1.0).
func (r *Run) AssertSharedState(subset map[string]any) bool {
	r.t.Helper()
	return r.check(harness.Expect{SharedState: subset})
}

// AssertTransientState is AssertSharedState for the transient state.
func (r *Run) AssertTransientState(subset map[string]any) bool {
	r.t.Helper()
	return r.check(harness.Expect{TransientState: subset})
}

// AssertAbsent asserts that keys are in neither node state after the run.
func (r *Run) AssertAbsent(keys ...string) bool {
	r.t.Helper()
	return r.check(harness.Expect{Absent: keys})
}

// AssertHeaders asserts the page headers, exactly and in order.
func (r *Run) AssertHeaders(headers ...string) bool {
	r.t.Helper()
	return r.check(harness.Expect{Headers: &headers})
}

// AssertDescription asserts the text set with action.withDescription.
func (r *Run) AssertDescription(want string) bool {
	r.t.Helper()
	return r.check(harness.Expect{Description: &want})
}

// AssertErrorMessage asserts the text set with action.withErrorMessage.
func (r *Run) AssertErrorMessage(want string) bool {
	r.t.Helper()
	return r.check(harness.Expect{ErrorMessage: &want})
}

// AssertLogged asserts that the script logged a line at level (TRACE …
// ERROR, any case; "" for any level) whose message contains substring.
func (r *Run) AssertLogged(level, substring string) bool {
	r.t.Helper()
	return r.check(harness.Expect{Logs: []harness.LogExpect{{Level: level, Contains: substring}}})
}

// AssertLoggedMatch asserts that the script logged a line at level whose
// message matches the regular expression pattern.
func (r *Run) AssertLoggedMatch(level, pattern string) bool {
	r.t.Helper()
	return r.check(harness.Expect{Logs: []harness.LogExpect{{Level: level, Matches: pattern}}})
}

// AssertNoLogsAbove asserts that no line was logged above level ("info"
// forbids WARN and ERROR).
func (r *Run) AssertNoLogsAbove(level string) bool {
	r.t.Helper()
	return r.check(harness.Expect{NoLogsAbove: level})
}

// AssertHTTPCall asserts that the script sent a request with method (any
// case; "" for any) to a URL matching urlPattern (* stands for any run of
// characters; without "?" the query string is ignored).
func (r *Run) AssertHTTPCall(method, urlPattern string) bool {
	r.t.Helper()
	return r.check(harness.Expect{HTTPCalls: &harness.HTTPCallsExpect{Calls: []harness.HTTPCallExpect{{Method: method, URL: urlPattern}}}})
}

// AssertHTTPCalls asserts that the script sent exactly len(calls) requests
// and that they match calls, in order.
func (r *Run) AssertHTTPCalls(calls ...harness.HTTPCallExpect) bool {
	r.t.Helper()
	n := len(calls)
	return r.check(harness.Expect{HTTPCalls: &harness.HTTPCallsExpect{Count: &n, Calls: calls}})
}

// AssertHTTPCallCount asserts how many requests the script sent.
func (r *Run) AssertHTTPCallCount(n int) bool {
	r.t.Helper()
	return r.check(harness.Expect{HTTPCalls: &harness.HTTPCallsExpect{Count: &n}})
}

// AssertIDMCount queries the run's IDM store after the run and asserts how
// many objects of resource (managed/alpha_user) match filter (a
// _queryFilter; "" for every object).
func (r *Run) AssertIDMCount(resource, filter string, n int) bool {
	r.t.Helper()
	return r.check(harness.Expect{IDM: []harness.IDMExpect{{Resource: resource, Filter: filter, Count: &n}}})
}

// AssertIDMObject queries the run's IDM store after the run and asserts
// that exactly one object of resource matches filter and that it contains
// subset.
func (r *Run) AssertIDMObject(resource, filter string, subset map[string]any) bool {
	r.t.Helper()
	one := 1
	return r.check(harness.Expect{IDM: []harness.IDMExpect{{Resource: resource, Filter: filter, Count: &one, Match: subset}}})
}

// AssertPingOneCredentials asserts how many credentials a user (a username
// from the fixtures' pingone seed, or a user id) has in the run's local
// PingOne, counting only those with status when status is not "".
func (r *Run) AssertPingOneCredentials(user, status string, n int) bool {
	r.t.Helper()
	return r.check(harness.Expect{PingOne: &harness.PingOneExpect{UserCredentials: []harness.UserCredentialsExpect{{User: user, Status: status, Count: &n}}}})
}
