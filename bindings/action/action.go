// Package action implements the `action` binding: how a decision script picks
// its outcome and decorates it (page header, description, error and lockout
// messages, identified user, stage, session properties).
package action

import (
	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Result is what a run did with `action`.
type Result struct {
	// Outcome is the argument of the last goTo call; Called says whether goTo
	// was called at all (an empty outcome is still an outcome).
	Outcome string
	Called  bool
	// Headers lists the withHeader texts in call order.
	Headers           []string
	Description       string
	ErrorMessage      string
	LockoutMessage    string
	IdentifiedUser    string
	Stage             string
	SessionProperties map[string]string
	// RemovedSessionProperties lists keys passed to removeSessionProperty.
	RemovedSessionProperties []string
}

// Binding is the per-runtime `action` object.
type Binding struct {
	obj *goja.Object
	res Result
}

// New builds the frozen `action` object for rt. Every method returns the same
// object, so calls chain in any order: action.goTo("true").withDescription("…").
func New(rt *goja.Runtime) *Binding {
	b := &Binding{obj: rt.NewObject()}
	self := func(goja.FunctionCall) goja.Value { return b.obj }
	str := func(call goja.FunctionCall, name string) string {
		if len(call.Arguments) == 0 || jsvalue.IsNullish(call.Argument(0)) {
			jsvalue.Throw(rt, "action.%s: an argument is required", name)
		}
		return call.Argument(0).String()
	}
	jsvalue.Method(rt, b.obj, "goTo", func(call goja.FunctionCall) goja.Value {
		b.res.Outcome = str(call, "goTo")
		b.res.Called = true
		return self(call)
	})
	jsvalue.Method(rt, b.obj, "withHeader", func(call goja.FunctionCall) goja.Value {
		b.res.Headers = append(b.res.Headers, str(call, "withHeader"))
		return self(call)
	})
	setter := func(name string, field *string) {
		jsvalue.Method(rt, b.obj, name, func(call goja.FunctionCall) goja.Value {
			*field = str(call, name)
			return self(call)
		})
	}
	setter("withDescription", &b.res.Description)
	setter("withErrorMessage", &b.res.ErrorMessage)
	setter("withLockoutMessage", &b.res.LockoutMessage)
	setter("withIdentifiedUser", &b.res.IdentifiedUser)
	setter("withStage", &b.res.Stage)
	jsvalue.Method(rt, b.obj, "putSessionProperty", func(call goja.FunctionCall) goja.Value {
		key := str(call, "putSessionProperty")
		if b.res.SessionProperties == nil {
			b.res.SessionProperties = map[string]string{}
		}
		b.res.SessionProperties[key] = jsvalue.ArgString(call, 1)
		return self(call)
	})
	jsvalue.Method(rt, b.obj, "removeSessionProperty", func(call goja.FunctionCall) goja.Value {
		key := str(call, "removeSessionProperty")
		delete(b.res.SessionProperties, key)
		b.res.RemovedSessionProperties = append(b.res.RemovedSessionProperties, key)
		return self(call)
	})
	jsvalue.Seal(rt, b.obj)
	return b
}

// Object is the JavaScript value installed as `action`.
func (b *Binding) Object() *goja.Object { return b.obj }

// Begin clears what the previous run did.
func (b *Binding) Begin() { b.res = Result{} }

// End returns what this run did with `action`.
func (b *Binding) End() Result { return b.res }
