package goja

// journeyjs patch: guards on the texts a running script hands to a parser.
// goja's parser and JSON decoder recurse once per nesting level, and a Go
// stack past its limit is a fatal error no recover catches; the embedder
// checks the text first. Hooks are native, so the built-ins stay exactly
// goja's: eval keeps its direct (local-scope) semantics, and nothing a
// script can observe is a wrapper. See JOURNEYJS.md.

import (
	"fmt"
	"math"

	"github.com/dop251/goja/unistring"
)

// SetEvalGuard sets a function called with the source text of every eval
// (direct or indirect) and every Function, generator and async function
// constructor call, before it is parsed. To refuse the text, the guard
// panics with a Value (for example an error object from NewTypeError or
// one built with a constructor), which the script sees thrown by the call.
func (r *Runtime) SetEvalGuard(guard func(src string)) { r.jj.evalGuard = guard }

// SetJSONParseGuard sets a function called with the text of every
// JSON.parse before goja decodes it. It refuses the text as SetEvalGuard's
// guard does. It may also parse the text itself: when it returns a value
// that is not nil, JSON.parse (called without a reviver) returns that value.
func (r *Runtime) SetJSONParseGuard(guard func(text string) Value) { r.jj.jsonParseGuard = guard }

// SetJSONMaxDepth bounds the nesting of the values JSON.stringify writes;
// a deeper value throws a RangeError. goja checks for cycles by scanning
// its stack at every level, so unbounded depth costs the square of the
// depth inside one native call. 0 means no bound.
func (r *Runtime) SetJSONMaxDepth(depth int) { r.jj.jsonMaxDepth = depth }

func (r *Runtime) jjGuardEval(src String) {
	if r.jj.evalGuard != nil {
		r.jj.evalGuard(src.String())
	}
}

func (r *Runtime) jjGuardJSONParse(text String, call FunctionCall) Value {
	if r.jj.jsonParseGuard == nil {
		return nil
	}
	v := r.jj.jsonParseGuard(text.String())
	if v != nil && call.Argument(1) == _undefined {
		return v
	}
	return nil
}

func (ctx *_builtinJSON_stringifyContext) jjCheckDepth() {
	if max := ctx.r.jj.jsonMaxDepth; max > 0 && len(ctx.stack) >= max {
		panic(ctx.r.newError(ctx.r.getRangeError(), fmt.Sprintf("JSON.stringify: the value is nested more than %d levels deep", max)))
	}
}

// DeleteBuiltin deletes the property name of a built-in object, as Delete
// does, without building it first. goja builds its built-ins' properties on
// first use; deleting one the usual way would build it (a function object
// for a method) only to throw it away. An embedder that hides built-ins from
// scripts on every new runtime (journeyjs's tenant language) pays nothing
// for the ones no script touched. It reports whether the property is gone.
func (o *Object) DeleteBuiltin(name string) bool {
	n := unistring.NewFromString(name)
	if tt, ok := o.self.(interface{ jjTemplated() *templatedObject }); ok {
		t := tt.jjTemplated()
		if _, built := t.values[n]; !built {
			if _, inTemplate := t.tmpl.props[n]; inTemplate {
				t.materialisePropNames()
				t._delete(n)
				t.values[n] = nil // a white hole: the template's property is gone
				return true
			}
		}
	}
	return o.Delete(name) == nil
}

// Builtin returns the standard constructor or object called name as the
// runtime built it, whatever a script has since assigned to the global of
// that name: embedders building objects for a script (errors, promises)
// must not pick up the script's replacements. It covers Object, Array,
// JSON, Promise and the error constructors, and the prototypes
// "Object.prototype", "Array.prototype", "String.prototype" (without
// building their constructors); nil for any other name. A script may also
// have replaced the methods of those objects, so "JSON.parse",
// "JSON.stringify" and "Object.preventExtensions" are new functions calling
// goja's own implementations.
func (r *Runtime) Builtin(name string) Value {
	switch name {
	case "JSON.parse":
		return r.newNativeFunc(r.builtinJSON_parse, "parse", 2)
	case "JSON.stringify":
		return r.newNativeFunc(r.builtinJSON_stringify, "stringify", 3)
	case "Object.preventExtensions":
		return r.newNativeFunc(r.object_preventExtensions, "preventExtensions", 1)
	case "Object.prototype":
		return r.global.ObjectPrototype
	case "Array.prototype":
		return r.getArrayPrototype()
	case "String.prototype":
		return r.getStringPrototype()
	case "Object":
		return r.getObject()
	case "Array":
		return r.getArray()
	case "JSON":
		return r.getJSON()
	case "Promise":
		return r.getPromise()
	case "Error":
		return r.getError()
	case "TypeError":
		return r.getTypeError()
	case "RangeError":
		return r.getRangeError()
	case "SyntaxError":
		return r.getSyntaxError()
	case "ReferenceError":
		return r.getReferenceError()
	}
	return nil
}

// jjTemplated gives DeleteBuiltin the template of every object built from
// one (plain, function and array objects embed templatedObject).
func (o *templatedObject) jjTemplated() *templatedObject { return o }

// Freeze freezes o as Object.freeze does, without reading Object.freeze from
// the global object, which a script may have replaced (and without building
// the Object constructor on a runtime that has not needed it yet).
func (r *Runtime) Freeze(o *Object) {
	r.object_freeze(FunctionCall{Arguments: []Value{o}})
}

// NewFunction returns a native function called name, with length nArgs,
// that calls fn. ToValue names a Go function after its Go symbol
// (github.com/…/pkg.New.func3), which String(fn) and stack traces would
// show a script; renaming it afterwards costs a property definition per
// function, on every runtime.
func (r *Runtime) NewFunction(name string, nArgs int, fn func(FunctionCall) Value) *Object {
	return r.newNativeFunc(fn, unistring.NewFromString(name), nArgs)
}

// jjModularInt is f truncated to an integer, for the ToInt32, ToUint32 and
// ToUint16 conversions, which keep its value modulo 2³² (2¹⁶): Go's
// float-to-int64 conversion is undefined past ±2⁶³, where upstream answered
// ~1e21 with -1 (Rhino, and the spec, say 559939583). Found by journeyjs's
// differential fuzzer.
func jjModularInt(f float64) int64 {
	if math.Abs(f) >= 1<<63 {
		f = math.Mod(math.Trunc(f), 1<<32)
	}
	return int64(f)
}
