// Package federation builds the bindings that describe the application a
// journey runs for (samlApplication, oauthApplication): null outside such a
// flow, else a frozen object of getters over the fields the run's back end
// gives, each answering a Java-like value (maps readable as properties and
// with get, lists with get and size) or null.
package federation

import (
	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Getter is one method of the application object and the back end's field
// it reads.
type Getter struct {
	Method, Field string
}

// Define defines the binding name, whose run value is read from key.
func Define(name string, key bindings.Backend[map[string]any], getters []Getter) bindings.Binding {
	return bindings.Define(name, func(vm *bindings.VM) bindings.Instance {
		return &instance{rt: vm.Runtime, freeze: jsvalue.Freezer(vm.Runtime), key: key, getters: getters}
	})
}

type instance struct {
	rt      *goja.Runtime
	freeze  goja.Callable
	key     bindings.Backend[map[string]any]
	getters []Getter
	app     map[string]any
	val     goja.Value
}

func (i *instance) Value() goja.Value { return i.RunValue() }

// RunValue implements bindings.PerRun: null when the run is not part of a
// flow for such an application.
func (i *instance) RunValue() goja.Value {
	if i.app == nil {
		return goja.Null()
	}
	if i.val == nil {
		obj := i.rt.NewObject()
		for _, g := range i.getters {
			v, ok := i.app[g.Field]
			_ = obj.Set(g.Method, func(goja.FunctionCall) goja.Value {
				if !ok || v == nil {
					return goja.Null()
				}
				return jsvalue.FrozenJavaView(i.rt, i.freeze, jsvalue.ToJS(i.rt, v))
			})
		}
		jsvalue.SealWith(i.freeze, obj)
		i.val = obj
	}
	return i.val
}

func (i *instance) Begin(run *bindings.Run) { i.app, i.val = i.key.From(run), nil }

func (i *instance) End(*bindings.Run) { i.app, i.val = nil, nil }
