package bindings

import (
	"context"
	"errors"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/eventloop"
)

// A Binding is one global a script context can offer. Register it in the
// table of package bindings/all (or, in a test, with Register).
type Binding interface {
	// Name is the global the binding is installed as, e.g. "httpClient".
	Name() string
	// New builds the binding for one runtime. The runtime calls it at most
	// once, the first time one of its scripts names the binding, and begins
	// the instance for the run in progress at once.
	New(vm *VM) Instance
}

// An Instance is a binding built for one runtime. Only the goroutine running
// the runtime's scripts calls its methods, except where an optional
// interface (Async.Abort) says otherwise.
type Instance interface {
	// Value is the JavaScript value scripts see under the binding's name.
	// The runtime asks once and keeps it, unless the instance is a PerRun.
	Value() goja.Value
	// Begin prepares the instance for a run: its back ends, its inputs.
	Begin(run *Run)
	// End closes the run, adding what the run produced to run.Outputs, and
	// drops every reference to the run's data.
	End(run *Run)
}

// PerRun is implemented by an instance whose value is the run's own
// (`realm`, `requestHeaders` …): the runtime asks RunValue every time a
// script names it instead of keeping Value.
type PerRun interface {
	Instance
	RunValue() goja.Value
}

// Async is implemented by an instance that leaves work for the runtime's
// event loop after the script's body returns (httpClient's promises).
type Async interface {
	Instance
	// Pending reports whether the run left work to wait for.
	Pending() bool
	// Drain runs the event loop until that work is done or the loop is
	// stopped; started is called once the loop runs. A stopped loop returns
	// an error wrapping ErrStopped.
	Drain(started func()) error
	// Busy reports whether work is still outstanding at the end of a run
	// that failed: it is abandoned with the runtime.
	Busy() bool
	// Abort stops the run's outstanding work. It is called from the
	// watchdog's goroutine, concurrently with the run: it must be safe
	// for that.
	Abort(cause error)
}

// ErrStopped is wrapped by Async.Drain when the run's limit stopped the event
// loop before the work was done.
var ErrStopped = errors.New("the run was stopped")

// VM is what a binding gets from the runtime it is built for.
type VM struct {
	// Runtime is the goja runtime. Only the run's goroutine may touch it.
	Runtime *goja.Runtime
	// Loop is the runtime's event loop, for bindings with asynchronous work.
	Loop *eventloop.EventLoop
	// Builtin returns the engine's own global built-in called name (JSON,
	// Object …), never a script's replacement of it.
	Builtin func(name string) goja.Value
	// Instance returns the instance of another binding on the same
	// runtime, building it if needed (nil when no binding is registered
	// under name), so that bindings that share objects can find each other.
	Instance func(name string) Instance
	// CheckSource checks the source of a script a binding runs itself (a
	// cache loader) against the engine's language, as the engine checks
	// the scripts it runs: in the tenant language, what AIC's Rhino would
	// not compile is an error naming name, line and column. nil checks
	// nothing.
	CheckSource func(name, source string) error
}

// Run is one evaluation of a script, as its bindings see it. The runtime
// owns it; a binding reads it between Begin and End and must not keep it.
type Run struct {
	// Context is the run's context: canceled when the run is stopped.
	Context context.Context
	// Script names the script running.
	Script ScriptInfo
	// Realm and CookieName describe the tenant: "/alpha", the session
	// cookie's name.
	Realm      string
	CookieName string
	// Request is the HTTP request that drove the journey.
	Request Request
	// State is the journey's node state.
	State *State
	// Outputs collects what the bindings hand back.
	Outputs *Outputs

	// The run's own back ends, then the engine's defaults.
	backends, defaults Backends
	outcome            string
	outcomeSet         bool
	sends              bool
}

// ScriptInfo identifies the script of a run.
type ScriptInfo struct {
	// Name is the script's name, e.g. its file name.
	Name string
	// Context is the AIC script context it runs in, e.g.
	// SCRIPTED_DECISION_NODE.
	Context string
	// LoggerContext is the context's name in the script's logger name:
	// scripts.<LoggerContext>.<id>.(<name>).
	LoggerContext string
	id            func() string
}

// ID is the script's identifier in the tenant (a UUID).
func (s ScriptInfo) ID() string {
	if s.id == nil {
		return ""
	}
	return s.id()
}

// NewScriptInfo describes a script; id is called only when a binding asks
// for the script's ID (deriving one costs a hash).
func NewScriptInfo(name, context, loggerContext string, id func() string) ScriptInfo {
	return ScriptInfo{Name: name, Context: context, LoggerContext: loggerContext, id: id}
}

// Request describes the HTTP request that drove the journey.
type Request struct {
	Headers    map[string][]string
	Parameters map[string][]string
	Cookies    map[string]string
}

// SetBackends gives the run its back ends: the run's own, looked up first,
// then the engine's defaults.
func (r *Run) SetBackends(own, defaults Backends) { r.backends, r.defaults = own, defaults }

// SetOutcome records the outcome the script chose (action.goTo). The last
// call wins.
func (r *Run) SetOutcome(outcome string) { r.outcome, r.outcomeSet = outcome, true }

// Outcome is the outcome the script chose, and whether it chose one.
func (r *Run) Outcome() (string, bool) { return r.outcome, r.outcomeSet }

// SendsToUser records that the pass ends by sending the user something
// (callbacks, a suspension) instead of taking an outcome: as in AM, the
// pass then has no outcome, whatever action.goTo said, and needs none.
func (r *Run) SendsToUser() { r.sends = true }

// Sends reports whether a binding called SendsToUser in this run.
func (r *Run) Sends() bool { return r.sends }
