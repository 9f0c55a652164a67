// Package action implements the `action` binding: how a decision script picks
// its outcome and decorates it (page header, description, error and lockout
// messages, identified user, stage, session properties).
package action

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/rhinoerr"
	"github.com/journeyjs/journeyjs/bindings/suspension"
)

// Binding is the `action` binding.
var Binding = bindings.Define("action", func(vm *bindings.VM) bindings.Instance { return New(vm.Runtime) })

// The outputs of `action`, besides the outcome (bindings.Run.SetOutcome).
// The first three are in every run's JSON, as they always were.
var (
	// Headers holds the page header of withHeader: AM keeps the last
	// non-empty one, so the list has at most one element.
	Headers = bindings.NewOutputDefault("headers", func() []string { return []string{} })
	// Description, ErrorMessage: withDescription, withErrorMessage.
	Description  = bindings.NewOutputDefault("description", func() string { return "" })
	ErrorMessage = bindings.NewOutputDefault("errorMessage", func() string { return "" })
	// LockoutMessage, Stage: withLockoutMessage, withStage.
	LockoutMessage = bindings.NewOutput[string]("lockoutMessage")
	Stage          = bindings.NewOutput[string]("stage")
	// IdentifiedUser and IdentifiedAgent are the identified identity of
	// withIdentifiedUser or withIdentifiedAgent: one identity, so only
	// the last call's is set, and a blank name sets none (as AM).
	IdentifiedUser  = bindings.NewOutput[string]("identifiedUser")
	IdentifiedAgent = bindings.NewOutput[string]("identifiedAgent")
	// MaxSessionTime and MaxIdleTime are the minutes of withMaxSessionTime
	// and withMaxIdleTime, for the session the journey ends with.
	MaxSessionTime = bindings.NewOutput[int]("maxSessionTime")
	MaxIdleTime    = bindings.NewOutput[int]("maxIdleTime")
	// SessionProperties were set with putSessionProperty and not removed:
	// AM applies every removal after every put, whatever their order.
	SessionProperties = bindings.NewOutput[map[string]string]("sessionProperties")
	// RemovedSessionProperties lists the keys passed to
	// removeSessionProperty, in call order: on the tenant they remove a
	// property an earlier node set.
	RemovedSessionProperties = bindings.NewOutput[[]string]("removedSessionProperties")
)

// wrapperClass is the Java class of `action`, which Rhino names when no
// method takes a call's arguments.
const wrapperClass = "org.forgerock.openam.auth.nodes.script.ActionWrapper"

// result is what a run did with `action`.
type result struct {
	outcome                  string
	called                   bool
	header                   string
	description              string
	errorMessage             string
	lockoutMessage           string
	identity                 string
	agent                    bool
	stage                    string
	maxSessionTime           int
	maxIdleTime              int
	sessionProperties        map[string]string
	removedSessionProperties []string
	suspended                *suspension.Suspension
}

// Instance is the per-runtime `action` object.
type Instance struct {
	rt  *goja.Runtime
	obj *goja.Object
	res result
	// The run's realm and resume URI settings, for suspend.
	realm   string
	suspend suspension.Config
}

// New builds the frozen `action` object for rt. Every method returns the same
// object, so calls chain in any order: action.goTo("true").withDescription("…").
// Arguments are converted as Rhino converts them for ActionWrapper's Java
// parameters (see args.go).
func New(rt *goja.Runtime) *Instance {
	b := &Instance{rt: rt}
	self := func(goja.FunctionCall) goja.Value { return b.obj }
	var methods jsvalue.Methods
	method := func(name string, fn func(call goja.FunctionCall)) {
		methods.Add(name, func(call goja.FunctionCall) goja.Value {
			fn(call)
			return self(call)
		})
	}
	method("goTo", func(call goja.FunctionCall) {
		outcome, isNull := b.stringArg(call, "goTo")
		if isNull {
			// Reject.ifNull: a NullPointerException, whose class scripts
			// cannot see.
			rhinoerr.Internal(rt, "action.goTo: the outcome is null")
		}
		b.res.outcome, b.res.called = outcome, true
	})
	// AM keeps a header, description or stage only when it is not empty.
	nonEmpty := func(name string, field *string) {
		method(name, func(call goja.FunctionCall) {
			if v, _ := b.stringArg(call, name); v != "" {
				*field = v
			}
		})
	}
	nonEmpty("withHeader", &b.res.header)
	nonEmpty("withDescription", &b.res.description)
	nonEmpty("withStage", &b.res.stage)
	// Messages may be null, which clears them.
	message := func(name string, field *string) {
		method(name, func(call goja.FunctionCall) { *field, _ = b.stringArg(call, name) })
	}
	message("withErrorMessage", &b.res.errorMessage)
	message("withLockoutMessage", &b.res.lockoutMessage)
	identity := func(name string, agent bool) {
		method(name, func(call goja.FunctionCall) {
			b.res.identity, _ = b.stringArg(call, name)
			b.res.agent = agent
		})
	}
	identity("withIdentifiedUser", false)
	identity("withIdentifiedAgent", true)
	minutes := func(name, what string, field *int) {
		method(name, func(call goja.FunctionCall) {
			n := b.intArg(call, name)
			if n < 1 {
				// Reject.ifTrue: an IllegalArgumentException.
				rhinoerr.Internal(rt, "%s must be greater than 0", what)
			}
			*field = n
		})
	}
	minutes("withMaxSessionTime", "maximumSessionTime", &b.res.maxSessionTime)
	minutes("withMaxIdleTime", "maximumIdleTime", &b.res.maxIdleTime)
	method("putSessionProperty", func(call goja.FunctionCall) {
		key, value, nullArg := b.twoStrings(call, "putSessionProperty")
		if nullArg {
			// AM's builder rejects a null key or value (Reject.ifNull) when
			// the node builds its action; the journey fails either way.
			rhinoerr.Internal(rt, "action.putSessionProperty: the key and the value must not be null")
		}
		if b.res.sessionProperties == nil {
			b.res.sessionProperties = map[string]string{}
		}
		b.res.sessionProperties[key] = value
	})
	method("removeSessionProperty", func(call goja.FunctionCall) {
		key, isNull := b.stringArg(call, "removeSessionProperty")
		if isNull {
			rhinoerr.Internal(rt, "action.removeSessionProperty: the key must not be null")
		}
		b.res.removedSessionProperties = append(b.res.removedSessionProperties, key)
	})
	methods.Add("suspend", func(call goja.FunctionCall) goja.Value {
		b.doSuspend(rt, call)
		return self(call)
	})
	b.obj = methods.Object(rt)
	return b
}

// Value is the JavaScript value installed as `action`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin clears what the previous run did.
func (b *Instance) Begin(run *bindings.Run) {
	b.res = result{}
	b.realm, b.suspend = run.Realm, suspension.ConfigKey.From(run)
}

// End hands what this run did with `action` to the run.
func (b *Instance) End(run *bindings.Run) {
	r := &b.res
	if r.called {
		run.SetOutcome(r.outcome)
	}
	o := run.Outputs
	if r.header != "" {
		Headers.Set(o, []string{r.header})
	}
	setString(o, Description, r.description)
	setString(o, ErrorMessage, r.errorMessage)
	setString(o, LockoutMessage, r.lockoutMessage)
	setString(o, Stage, r.stage)
	if strings.TrimSpace(r.identity) != "" {
		if r.agent {
			IdentifiedAgent.Set(o, r.identity)
		} else {
			IdentifiedUser.Set(o, r.identity)
		}
	}
	if r.maxSessionTime > 0 {
		MaxSessionTime.Set(o, r.maxSessionTime)
	}
	if r.maxIdleTime > 0 {
		MaxIdleTime.Set(o, r.maxIdleTime)
	}
	for _, k := range r.removedSessionProperties {
		delete(r.sessionProperties, k)
	}
	if len(r.sessionProperties) > 0 {
		SessionProperties.Set(o, r.sessionProperties)
	}
	if len(r.removedSessionProperties) > 0 {
		RemovedSessionProperties.Set(o, r.removedSessionProperties)
	}
	if s := r.suspended; s != nil {
		// A suspension wins over callbacks and goTo (spec §2.1): the pass
		// sends only its SuspendedTextOutputCallback.
		suspension.Suspended.Set(o, *s)
		callbacks.Sent.Set(o, callbacks.Number([]callbacks.Callback{callbacks.Render("SuspendedTextOutputCallback",
			map[string]any{"message": s.Message, "messageType": 0})}))
		run.SendsToUser()
	}
	b.res = result{}
}

func setString(o *bindings.Outputs, k bindings.Output[string], v string) {
	if v != "" {
		k.Set(o, v)
	}
}
