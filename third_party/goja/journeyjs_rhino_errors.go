package goja

// journeyjs patch: Rhino's wording of the errors the engine itself raises
// (a missing name, a property read or write through undefined, a call of
// something that is not a function …). Scripts log e.message and some
// compare it, so in Rhino mode the texts are Rhino 1.7.14's
// (org/mozilla/javascript/resources/Messages.properties). Every function
// here is reached only when r.jj.rhino is on; upstream goja's messages are
// unchanged otherwise.

import (
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja/unistring"
)

// rhinoNotDefined is Rhino's ReferenceError for a name no scope defines.
func (r *Runtime) rhinoNotDefined(name unistring.String) Value {
	return r.newErrorf(r.getReferenceError(), "\"%s\" is not defined.", name)
}

// jjPropReadError is the TypeError for reading key from base, which is
// undefined or null. upstream is goja's format, with one %s for the key.
func (r *Runtime) jjPropReadError(base Value, key interface{}, upstream string) *Object {
	if r.jj.rhino {
		return r.NewTypeError("Cannot read property \"%s\" from %s", key, rhinoNullishText(base))
	}
	return r.NewTypeError(upstream, key)
}

// jjMethodCallError is the TypeError for calling method key of base, which
// is undefined or null (o.f() with o undefined). upstream as above.
func (r *Runtime) jjMethodCallError(base Value, key interface{}, upstream string) *Object {
	if r.jj.rhino {
		return r.NewTypeError("Cannot call method \"%s\" of %s", key, rhinoNullishText(base))
	}
	return r.NewTypeError(upstream, key)
}

func rhinoNullishText(v Value) string {
	if v == _null {
		return "null"
	}
	return "undefined"
}

// rhinoCallError is the error for a call whose callee is not a function,
// worded as Rhino words it for each form of call: a name
// ("h is not a function, it is number."), a missing method ("Cannot find
// function f in object [object Object]."), a property that is not a
// function ("Cannot call property a in object … It is not a function, it is
// "number"."), or any other expression. It runs inside the call
// instruction, before the call: the receiver is on the stack.
func (vm *vm) rhinoCallError(callee Value) *Object {
	r := vm.r
	this := vm.rhinoCallThis()
	switch c := callee.(type) {
	case valueUnresolved:
		c.throw()
	case memberUnresolved:
		return r.NewTypeError("Cannot find function %s in object %s.", c.ref, r.rhinoObjectText(this))
	}
	name, member := vm.rhinoCalleeName()
	switch {
	case name != "" && member:
		return r.NewTypeError("Cannot call property %s in object %s. It is not a function, it is \"%s\".",
			name, r.rhinoObjectText(this), rhinoTypeof(callee))
	case name != "":
		return r.NewTypeError("%s is not a function, it is %s.", name, rhinoTypeof(callee))
	}
	return r.NewTypeError("%s is not a function, it is %s.", rhinoJavaText(callee), rhinoTypeof(callee))
}

// rhinoCallThis is the receiver of the call the current instruction makes,
// or undefined when the instruction is not a call.
func (vm *vm) rhinoCallThis() Value {
	n := -1
	switch ins := vm.prg.code[vm.pc].(type) {
	case call:
		n = int(ins)
	case callEval:
		n = int(ins)
	case callEvalStrict:
		n = int(ins)
	case _callVariadic, _callEvalVariadic, _callEvalVariadicStrict:
		n = vm.countVariadicArgs() - 2
	}
	if n < 0 || vm.sp-n-2 < 0 {
		return _undefined
	}
	return vm.stack[vm.sp-n-2]
}

// rhinoCalleeName reads the callee of the current call from the source
// text, which the program keeps: the identifier that ends right before the
// call's "(" and whether a "." precedes it (a method call). The compiled
// code keeps no name for a callee loaded from a local variable, and this
// runs only when the call is about to fail. It returns "" when the callee
// is anything else (o[k](), f()(), a comment before the parenthesis).
func (vm *vm) rhinoCalleeName() (name string, member bool) {
	prg := vm.prg
	if prg == nil || prg.src == nil {
		return "", false
	}
	src := prg.src.Source()
	i := prg.sourceOffset(vm.pc)
	if i <= 0 || i >= len(src) || src[i] != '(' {
		return "", false
	}
	i = skipSpaceBack(src, i)
	end := i
	for i > 0 && isRhinoIdentByte(src[i-1]) {
		i--
	}
	if i == end || (src[i] >= '0' && src[i] <= '9') {
		return "", false
	}
	name = src[i:end]
	j := skipSpaceBack(src, i)
	member = j > 0 && src[j-1] == '.' && (j < 2 || src[j-2] != '.')
	return name, member
}

func skipSpaceBack(src string, i int) int {
	for i > 0 && strings.IndexByte(" \t\r\n", src[i-1]) >= 0 {
		i--
	}
	return i
}

func isRhinoIdentByte(b byte) bool {
	return b == '_' || b == '$' || b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
}

// rhinoObjectText is how Rhino shows the object in "in object X": its
// string value, a function cut after its opening brace.
func (r *Runtime) rhinoObjectText(v Value) string {
	s := v.toString().String()
	if o, ok := v.(*Object); ok {
		// A native function prints whole, as Rhino prints its own.
		if _, native := o.self.(*nativeFuncObject); native {
			return s
		}
		if _, ok := o.self.assertCallable(); ok {
			if paren := strings.IndexByte(s, ')'); paren >= 0 {
				if curly := strings.IndexByte(s[paren:], '{'); curly >= 0 {
					s = "\n" + s[:paren+curly+1] + "...}"
				}
			}
		}
	}
	return s
}

// rhinoTypeof is typeof v.
func rhinoTypeof(v Value) string {
	switch v := v.(type) {
	case valueNull:
		return "object"
	case *Object:
		return v.self.typeOf().String()
	case valueBool:
		return "boolean"
	case String:
		return "string"
	case valueInt, valueFloat:
		return "number"
	case *valueBigInt:
		return "bigint"
	case *Symbol:
		return "symbol"
	}
	return "undefined"
}

// rhinoJavaText is a value as Rhino's messages print it when they use the
// Java object's own toString: numbers are Java doubles (5 is "5.0"), an
// object is "[object Class]". Rhino prints undefined as a Java identity
// (org.mozilla.javascript.Undefined@1b2c3d), which no script can expect.
func rhinoJavaText(v Value) string {
	switch v := v.(type) {
	case valueNull:
		return "null"
	case valueInt:
		return strconv.FormatInt(int64(v), 10) + ".0"
	case valueFloat:
		f := float64(v)
		if f == math.Trunc(f) && math.Abs(f) < 1e7 {
			return strconv.FormatFloat(f, 'f', 0, 64) + ".0"
		}
		return v.String()
	case *Object:
		return "[object " + v.self.className() + "]"
	case String, valueBool:
		return v.String()
	}
	return "undefined"
}

// rhinoNewError is the error for new applied to something that is not a
// constructor: Rhino's "X is not a function, it is T." for a value that is
// not a function, "\"f\" is not a constructor." for a function.
func (r *Runtime) rhinoNewError(v Value) *Object {
	if o, ok := v.(*Object); ok {
		if _, ok := o.self.assertCallable(); ok {
			return r.NewTypeError("\"%s\" is not a constructor.", o.toString().String())
		}
	}
	return r.NewTypeError("%s is not a function, it is %s.", rhinoJavaText(v), rhinoTypeof(v))
}

// jjConstructor is toConstructor for the new operator, with Rhino's
// message in Rhino mode.
func (r *Runtime) jjConstructor(v Value) func(args []Value, newTarget *Object) *Object {
	if r.jj.rhino {
		if o, ok := v.(*Object); ok {
			if ctor := o.self.assertConstructor(); ctor != nil {
				return ctor
			}
		}
		panic(r.rhinoNewError(v))
	}
	return r.toConstructor(v)
}

// rhinoToObjectError is the error for converting undefined or null to an
// object, worded after the instruction that needed the object: a property
// write ("Cannot set property "x" of undefined to "5""), a delete, or a
// read-modify-write; nil for any other (goja's message stays). The
// instruction's operands are still on the stack.
func (r *Runtime) rhinoToObjectError() *Object {
	vm := r.vm
	if vm.prg == nil || vm.pc < 0 || vm.pc >= len(vm.prg.code) {
		return nil
	}
	stack := func(i int) Value {
		if vm.sp-i < 0 {
			return _undefined
		}
		return vm.stack[vm.sp-i]
	}
	set := func(base Value, key interface{}, val Value) *Object {
		return r.NewTypeError("Cannot set property \"%s\" of %s to \"%s\"", key, rhinoNullishText(base), val.toString().String())
	}
	del := func(base Value, key interface{}) *Object {
		return r.NewTypeError("Cannot delete property \"%s\" of %s", key, rhinoNullishText(base))
	}
	read := func(base Value, key interface{}) *Object {
		return r.NewTypeError("Cannot read property \"%s\" from %s", key, rhinoNullishText(base))
	}
	switch ins := vm.prg.code[vm.pc].(type) {
	case setProp:
		return set(stack(2), ins, stack(1))
	case setPropP:
		return set(stack(2), ins, stack(1))
	case setPropStrict:
		return set(stack(2), ins, stack(1))
	case setPropStrictP:
		return set(stack(2), ins, stack(1))
	case _setElem, _setElemP, _setElemStrict, _setElemStrictP, _setElem1:
		return set(stack(3), stack(2), stack(1))
	case deleteProp:
		return del(stack(1), ins)
	case deletePropStrict:
		return del(stack(1), ins)
	case _deleteElem, _deleteElemStrict:
		return del(stack(2), stack(1))
	case getPropRef:
		return read(stack(1), ins)
	case getPropRefStrict:
		return read(stack(1), ins)
	case _getElemRef, _getElemRefStrict:
		return read(stack(2), stack(1))
	}
	return nil
}

// rhinoRequireObject is the check of the right operand of instanceof and
// in: Rhino refuses a primitive with its own words.
func (r *Runtime) rhinoRequireObject(v Value, operator string) {
	if _, ok := v.(*Object); !ok {
		panic(r.NewTypeError("Can't use '%s' on a non-object.", operator))
	}
}

// rhinoCheckToObject panics with rhinoToObjectError's error, if any.
func (r *Runtime) rhinoCheckToObject() {
	if e := r.rhinoToObjectError(); e != nil {
		panic(e)
	}
}

// jjMalformedURI is the URIError of decodeURI and encodeURI for a bad
// sequence.
func (r *Runtime) jjMalformedURI() Value {
	if r.jj.rhino {
		return r.newError(r.getURIError(), "Malformed URI sequence.")
	}
	return r.newError(r.getURIError(), "Malformed URI")
}
