package jsvalue

import "github.com/dop251/goja"

// Methods collects a binding object's methods, then builds the object
// (Object): frozen, as Seal leaves one, with each method's function made
// the first time a script reads it. Every run builds the bindings its script
// names on a runtime of its own, so a method never read costs nothing.
type Methods struct {
	names []string
	fns   map[string]func(goja.FunctionCall) goja.Value
}

// Add adds the method name.
func (m *Methods) Add(name string, fn func(goja.FunctionCall) goja.Value) {
	if m.fns == nil {
		m.fns = map[string]func(goja.FunctionCall) goja.Value{}
	}
	if _, dup := m.fns[name]; !dup {
		m.names = append(m.names, name)
	}
	m.fns[name] = fn
}

// Object builds the frozen object of the methods added (patched goja's
// Runtime.NewFrozenLazyObject).
func (m *Methods) Object(rt *goja.Runtime) *goja.Object {
	fns := m.fns
	return rt.NewFrozenLazyObject(m.names, func(name string) goja.Value { return Func(rt, name, fns[name]) })
}
