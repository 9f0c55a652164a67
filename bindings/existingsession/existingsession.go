// Package existingsession implements the `existingSession` binding: the
// properties of the session the journey request already carries, as a Java
// Map<String,String>. AM binds it only when the request has a valid session
// (spec §2.1, §8): without one the name is not bound at all, so a script
// that reads it fails with a ReferenceError there and here, and only
// typeof existingSession is safe.
package existingsession

import (
	"maps"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `existingSession` binding.
var Binding = bindings.Define("existingSession", func(vm *bindings.VM) bindings.Instance {
	return &instance{rt: vm.Runtime, freeze: jsvalue.Freezer(vm.Runtime)}
})

// PropertiesKey carries the run's session: its properties (AMCtxId,
// UserToken, a property an earlier node put …). Unset (nil), the request
// has no session and the binding is absent; an empty map is a session
// without properties.
var PropertiesKey = bindings.NewBackend[map[string]string]("existing session")

type instance struct {
	rt     *goja.Runtime
	freeze goja.Callable
	props  map[string]string
	val    goja.Value
}

// Value is the run's value: a binding whose presence depends on the run
// has no value of its own.
func (i *instance) Value() goja.Value { return i.RunValue() }

// RunValue implements bindings.PerRun: nil, which leaves the name unbound,
// when the run has no session.
func (i *instance) RunValue() goja.Value {
	if i.props == nil {
		return nil
	}
	if i.val == nil {
		i.val = jsvalue.FrozenJavaView(i.rt, i.freeze, jsvalue.ToJS(i.rt, i.props))
	}
	return i.val
}

// Begin takes the run's session, a copy no script can change.
func (i *instance) Begin(run *bindings.Run) {
	i.props, i.val = maps.Clone(PropertiesKey.From(run)), nil
}

func (i *instance) End(*bindings.Run) { i.props, i.val = nil, nil }
