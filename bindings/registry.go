package bindings

import (
	"fmt"
	"sort"
	"sync"

	"github.com/dop251/goja"
)

// registry holds every registered binding by name.
var registry struct {
	sync.RWMutex
	byName map[string]Binding
}

// Register adds bindings to the registry. It panics when a name is taken:
// registering is done at initialisation (package bindings/all's table, or a
// test's init), where that is a programming error.
func Register(bs ...Binding) {
	registry.Lock()
	defer registry.Unlock()
	if registry.byName == nil {
		registry.byName = make(map[string]Binding)
	}
	for _, b := range bs {
		if _, dup := registry.byName[b.Name()]; dup {
			panic(fmt.Sprintf("bindings: %q is registered twice", b.Name()))
		}
		registry.byName[b.Name()] = b
	}
}

// Lookup returns the binding registered under name.
func Lookup(name string) (Binding, bool) {
	registry.RLock()
	defer registry.RUnlock()
	b, ok := registry.byName[name]
	return b, ok
}

// Names lists the registered bindings, sorted.
func Names() []string {
	registry.RLock()
	defer registry.RUnlock()
	names := make([]string, 0, len(registry.byName))
	for n := range registry.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// defined is the Binding that Define makes.
type defined struct {
	name  string
	build func(vm *VM) Instance
}

func (d defined) Name() string        { return d.name }
func (d defined) New(vm *VM) Instance { return d.build(vm) }

// Define returns the Binding called name whose instances newInstance builds:
// the usual way for a binding package to declare itself,
//
//	var Binding = bindings.Define("action", newInstance)
func Define(name string, newInstance func(vm *VM) Instance) Binding {
	return defined{name, newInstance}
}

// Value is an Instance for a binding with no per-run state: a fixed value
// whose Begin and End do nothing (`utils`).
type Value struct{ V goja.Value }

// Value implements Instance.
func (v Value) Value() goja.Value { return v.V }

// Begin implements Instance.
func (Value) Begin(*Run) {}

// End implements Instance.
func (Value) End(*Run) {}
