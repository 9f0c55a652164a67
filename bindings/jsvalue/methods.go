package jsvalue

import "github.com/dop251/goja"

// Methods collects a binding object's methods, then builds the object
// (Object): frozen, as Seal leaves one, with each method's function made
// the first time a script reads it. Every run builds the bindings its script
// names on a runtime of its own, so a method never read costs nothing.
type Methods struct {
	names []string
	fns   []func(goja.FunctionCall) goja.Value
}

// Add adds the method name; a second Add of one name replaces the first.
func (m *Methods) Add(name string, fn func(goja.FunctionCall) goja.Value) {
	for i, n := range m.names {
		if n == name {
			m.fns[i] = fn
			return
		}
	}
	m.names = append(m.names, name)
	m.fns = append(m.fns, fn)
}

// Object builds the frozen object of the methods added (patched goja's
// Runtime.NewFrozenLazyObject).
func (m *Methods) Object(rt *goja.Runtime) *goja.Object {
	names, fns := m.names, m.fns
	return rt.NewFrozenLazyObject(names, func(name string) goja.Value {
		for i, n := range names {
			if n == name {
				return Func(rt, name, fns[i])
			}
		}
		return goja.Undefined()
	})
}
