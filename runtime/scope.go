package runtime

import "github.com/dop251/goja"

// bindingScope is the prototype of a run's global object: it answers the
// names of the bindings the run's context offers, building each on first
// use (vm.instance). As in AM, where bindings live in the engine scope
// behind the script's own scope object, the script's own globals (var and
// function declarations, implicit globals, this.x = …) are properties of
// the global object itself, so a script that declares `var logger` shadows
// the binding rather than changing it. Names no binding answers fall
// through to the standard objects' Object.prototype.
type bindingScope struct {
	v *vm
	// values keeps each binding's value once looked up, so that `action`
	// is the same object every time the script names it.
	values map[string]goja.Value
}

// Get implements goja.DynamicObject.
func (s *bindingScope) Get(key string) goja.Value {
	if val, ok := s.values[key]; ok {
		return val
	}
	if s.v.context == nil || !isBinding(key) {
		return nil
	}
	val := s.v.bindingValue(key)
	if val == nil {
		return nil
	}
	if s.values == nil {
		s.values = make(map[string]goja.Value, 4)
	}
	s.values[key] = val
	return val
}

// Has implements goja.DynamicObject.
func (s *bindingScope) Has(key string) bool { return s.Get(key) != nil }

// Set implements goja.DynamicObject. It refuses: an assignment to a
// binding's name defines the script's own global of that name instead.
func (s *bindingScope) Set(string, goja.Value) bool { return false }

// Delete implements goja.DynamicObject: a binding cannot be deleted.
func (s *bindingScope) Delete(string) bool { return false }

// Keys implements goja.DynamicObject: bindings are not enumerable
// properties of the global object.
func (s *bindingScope) Keys() []string { return nil }
