// Package callbacksbuilder implements the `callbacksBuilder` binding (AM's
// ScriptedCallbacksBuilder, spec §4): every method queues one callback;
// when the pass ends with callbacks queued, it sends them (the run's
// callbacks output, in AM's /json/authenticate shape) and has no outcome,
// whatever action.goTo said. A suspension (action.suspend) wins over them.
//
// Each method has AM's overloads, chosen as Rhino chooses them: by argument
// count, then by the JavaScript types of the arguments where two overloads
// have the same count. Arguments are converted to the Java parameter types
// and checked as the JDK and AM callback classes check them; a failed check
// throws "java.lang.IllegalArgumentException: …" (the JDK's own exception
// has no message: journeyjs adds what was wrong).
package callbacksbuilder

import (
	"fmt"
	"math"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/rhinoerr"
	"github.com/journeyjs/journeyjs/bindings/suspension"
)

// Binding is the `callbacksBuilder` binding.
var Binding = bindings.Define("callbacksBuilder", newInstance)

// javaClass names AM's class in Rhino's "Can't find method" message.
const javaClass = "org.forgerock.openam.auth.nodes.script.ScriptedCallbacksBuilder"

type instance struct {
	rt     *goja.Runtime
	obj    *goja.Object
	queued []callbacks.Callback
}

func newInstance(vm *bindings.VM) bindings.Instance {
	rt := vm.Runtime
	i := &instance{rt: rt, obj: rt.NewObject()}
	for _, m := range methods {
		jsvalue.Method(rt, i.obj, m.name, func(call goja.FunctionCall) goja.Value {
			typ, fields := m.call(rt, call.Arguments)
			i.queued = append(i.queued, callbacks.Render(typ, fields))
			return goja.Undefined()
		})
	}
	jsvalue.Seal(rt, i.obj)
	return i
}

func (i *instance) Value() goja.Value { return i.obj }

func (i *instance) Begin(*bindings.Run) { i.queued = nil }

// End sends the queued callbacks, unless the pass suspended the journey.
func (i *instance) End(run *bindings.Run) {
	q := i.queued
	i.queued = nil
	if len(q) == 0 {
		return
	}
	if _, suspended := suspension.Suspended.Lookup(*run.Outputs); suspended {
		return // action.suspend's callback wins (spec §2.1)
	}
	callbacks.Sent.Set(run.Outputs, callbacks.Number(q))
	run.SendsToUser()
}

// Methods lists the builder's methods, in the order of spec §4.
func Methods() []string {
	names := make([]string, len(methods))
	for i, m := range methods {
		names[i] = m.name
	}
	return names
}

// A param is one Java parameter: its name (the field it fills) and kind.
type param struct {
	name string
	kind kind
}

type kind int

const (
	kString   kind = iota // String: null stays null
	kInt                  // int: a number
	kBool                 // boolean
	kBoolean              // Boolean: null stays null
	kDouble               // Double: null stays null
	kStrings              // String[] or List<String>: an array
	kObject               // Object or Map, converted as JSON
	kCallback             // not used by the builder
)

// overload is one Java signature; check validates the converted values and
// adds derived ones, returning an error message for an
// IllegalArgumentException.
type overload struct {
	params []param
	check  func(f map[string]any) string
}

type method struct {
	name, typ string
	overloads []overload
	// typeOf, when set, picks the type from the values (a method that
	// sends different callback types).
	typeOf func(f map[string]any) string
}

func p(name string, k kind) param { return param{name, k} }

func ov(check func(map[string]any) string, ps ...param) overload { return overload{ps, check} }

// call resolves the overload for args, converts and checks them, and
// returns the callback type and its named values. It throws as Rhino or the
// Java class would.
func (m method) call(rt *goja.Runtime, args []goja.Value) (string, map[string]any) {
	var cands []overload
	for _, o := range m.overloads {
		if len(o.params) == len(args) {
			cands = append(cands, o)
		}
	}
	var chosen *overload
	if len(cands) == 1 {
		chosen = &cands[0]
	} else {
		for k := range cands {
			if fits(cands[k].params, args) {
				chosen = &cands[k]
				break
			}
		}
	}
	if chosen == nil {
		panic(rt.NewTypeError("Can't find method %s.%s(%s).", javaClass, m.name, signature(args)))
	}
	f := map[string]any{}
	for k, prm := range chosen.params {
		v, ok := convert(rt, prm.kind, args[k])
		if !ok {
			panic(rt.NewTypeError("Cannot convert %s to %s (argument %d of callbacksBuilder.%s)", args[k].String(), javaType(prm.kind), k+1, m.name))
		}
		f[prm.name] = v
	}
	if chosen.check != nil {
		if msg := chosen.check(f); msg != "" {
			jsvalue.Throw(rt, "java.lang.IllegalArgumentException: %s", msg)
		}
	}
	typ := m.typ
	if m.typeOf != nil {
		typ = m.typeOf(f)
	}
	return typ, f
}

// fits reports whether args have the JavaScript types of params, to tell
// overloads of one count apart.
func fits(params []param, args []goja.Value) bool {
	for k, prm := range params {
		a := args[k]
		if jsvalue.IsNullish(a) {
			if prm.kind == kInt || prm.kind == kBool {
				return false
			}
			continue
		}
		isArr := false
		if o, ok := a.(*goja.Object); ok && o.ClassName() == "Array" {
			isArr = true
		}
		switch prm.kind {
		case kStrings:
			if !isArr {
				return false
			}
		case kInt, kDouble:
			if _, ok := a.Export().(string); ok || isArr {
				return false
			}
			if _, ok := a.Export().(bool); ok {
				return false
			}
		case kString:
			if isArr {
				return false
			}
			if _, ok := a.(*goja.Object); ok {
				return false
			}
		case kBool, kBoolean:
			if _, ok := a.Export().(bool); !ok {
				return false
			}
		case kObject:
			if _, ok := a.(*goja.Object); !ok {
				return false
			}
		}
	}
	return true
}

// signature is Rhino's description of the argument types in "Can't find
// method" errors.
func signature(args []goja.Value) string {
	parts := make([]string, len(args))
	for k, a := range args {
		switch {
		case goja.IsUndefined(a):
			parts[k] = "undefined"
		case goja.IsNull(a):
			parts[k] = "null"
		default:
			switch a.Export().(type) {
			case string:
				parts[k] = "string"
			case bool:
				parts[k] = "boolean"
			case int64, float64:
				parts[k] = "number"
			default:
				if _, fn := goja.AssertFunction(a); fn {
					parts[k] = "function"
				} else {
					parts[k] = "object"
				}
			}
		}
	}
	return strings.Join(parts, ",")
}

func javaType(k kind) string {
	return [...]string{"java.lang.String", "int", "boolean", "java.lang.Boolean", "java.lang.Double", "java.util.List", "java.lang.Object", "function"}[k]
}

// convert turns a JavaScript argument into the Go value of a Java
// parameter, as Rhino converts it.
func convert(rt *goja.Runtime, k kind, a goja.Value) (any, bool) {
	null := jsvalue.IsNullish(a)
	switch k {
	case kString:
		if goja.IsNull(a) {
			return nil, true
		}
		return a.String(), true
	case kInt:
		f := a.ToFloat()
		if math.IsNaN(f) {
			return int64(0), true
		}
		return int64(f), true
	case kBool:
		return a.ToBoolean(), true
	case kBoolean:
		if null {
			return nil, true
		}
		return a.ToBoolean(), true
	case kDouble:
		if null {
			return nil, true
		}
		return a.ToFloat(), true
	case kStrings:
		if null {
			return nil, true
		}
		o, ok := a.(*goja.Object)
		if !ok || o.ClassName() != "Array" {
			return nil, false
		}
		n := int(o.Get("length").ToInteger())
		out := make([]any, n)
		for i := range out {
			e := o.Get(fmt.Sprint(i))
			if jsvalue.IsNullish(e) {
				out[i] = nil
			} else {
				out[i] = e.String()
			}
		}
		return out, true
	case kObject:
		v, err := jsvalue.ToGoChecked(a)
		if err != nil {
			rhinoerr.Internal(rt, "%s", err.Error())
		}
		return v, true
	}
	return nil, false
}
