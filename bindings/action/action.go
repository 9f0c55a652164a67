// Package action implements the `action` binding: how a decision script picks
// its outcome and decorates it (page header, description, error and lockout
// messages, identified user, stage, session properties).
package action

import (
	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/suspension"
)

// Binding is the `action` binding.
var Binding = bindings.Define("action", func(vm *bindings.VM) bindings.Instance { return New(vm.Runtime) })

// The outputs of `action`, besides the outcome (bindings.Run.SetOutcome).
// The first three are in every run's JSON, as they always were.
var (
	// Headers lists the withHeader texts in call order.
	Headers = bindings.NewOutputDefault("headers", func() []string { return []string{} })
	// Description, ErrorMessage: withDescription, withErrorMessage.
	Description  = bindings.NewOutputDefault("description", func() string { return "" })
	ErrorMessage = bindings.NewOutputDefault("errorMessage", func() string { return "" })
	// LockoutMessage, IdentifiedUser, Stage: withLockoutMessage,
	// withIdentifiedUser, withStage.
	LockoutMessage = bindings.NewOutput[string]("lockoutMessage")
	IdentifiedUser = bindings.NewOutput[string]("identifiedUser")
	Stage          = bindings.NewOutput[string]("stage")
	// SessionProperties were set with putSessionProperty and not removed
	// since.
	SessionProperties = bindings.NewOutput[map[string]string]("sessionProperties")
	// RemovedSessionProperties lists the keys passed to
	// removeSessionProperty, in call order: on the tenant they remove a
	// property an earlier node set.
	RemovedSessionProperties = bindings.NewOutput[[]string]("removedSessionProperties")
)

// result is what a run did with `action`.
type result struct {
	outcome                  string
	called                   bool
	headers                  []string
	description              string
	errorMessage             string
	lockoutMessage           string
	identifiedUser           string
	stage                    string
	sessionProperties        map[string]string
	removedSessionProperties []string
	suspended                *suspension.Suspension
}

// Instance is the per-runtime `action` object.
type Instance struct {
	obj *goja.Object
	res result
	// The run's realm and resume URI settings, for suspend.
	realm   string
	suspend suspension.Config
}

// New builds the frozen `action` object for rt. Every method returns the same
// object, so calls chain in any order: action.goTo("true").withDescription("…").
func New(rt *goja.Runtime) *Instance {
	b := &Instance{obj: rt.NewObject()}
	self := func(goja.FunctionCall) goja.Value { return b.obj }
	str := func(call goja.FunctionCall, name string) string {
		if len(call.Arguments) == 0 || jsvalue.IsNullish(call.Argument(0)) {
			jsvalue.Throw(rt, "action.%s: an argument is required", name)
		}
		return call.Argument(0).String()
	}
	jsvalue.Method(rt, b.obj, "goTo", func(call goja.FunctionCall) goja.Value {
		b.res.outcome = str(call, "goTo")
		b.res.called = true
		return self(call)
	})
	jsvalue.Method(rt, b.obj, "withHeader", func(call goja.FunctionCall) goja.Value {
		b.res.headers = append(b.res.headers, str(call, "withHeader"))
		return self(call)
	})
	setter := func(name string, field *string) {
		jsvalue.Method(rt, b.obj, name, func(call goja.FunctionCall) goja.Value {
			*field = str(call, name)
			return self(call)
		})
	}
	setter("withDescription", &b.res.description)
	setter("withErrorMessage", &b.res.errorMessage)
	setter("withLockoutMessage", &b.res.lockoutMessage)
	setter("withIdentifiedUser", &b.res.identifiedUser)
	setter("withStage", &b.res.stage)
	jsvalue.Method(rt, b.obj, "putSessionProperty", func(call goja.FunctionCall) goja.Value {
		key := str(call, "putSessionProperty")
		if b.res.sessionProperties == nil {
			b.res.sessionProperties = map[string]string{}
		}
		b.res.sessionProperties[key] = jsvalue.ArgString(call, 1)
		return self(call)
	})
	jsvalue.Method(rt, b.obj, "removeSessionProperty", func(call goja.FunctionCall) goja.Value {
		key := str(call, "removeSessionProperty")
		delete(b.res.sessionProperties, key)
		b.res.removedSessionProperties = append(b.res.removedSessionProperties, key)
		return self(call)
	})
	jsvalue.Method(rt, b.obj, "suspend", func(call goja.FunctionCall) goja.Value {
		b.doSuspend(rt, call)
		return self(call)
	})
	jsvalue.Seal(rt, b.obj)
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
	if len(r.headers) > 0 {
		Headers.Set(o, r.headers)
	}
	setString(o, Description, r.description)
	setString(o, ErrorMessage, r.errorMessage)
	setString(o, LockoutMessage, r.lockoutMessage)
	setString(o, IdentifiedUser, r.identifiedUser)
	setString(o, Stage, r.stage)
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
