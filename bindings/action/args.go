package action

import (
	"math"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/rhinoerr"
)

// Rhino calls a Java method only with as many arguments as it declares, and
// converts each to the parameter's Java type: to a String, null stays null
// and undefined becomes the text "undefined"; to an int, a number is
// truncated and one that is not finite (or out of range) is refused.

// noMethod throws Rhino's error for a call no ActionWrapper method takes.
func (b *Instance) noMethod(name string, args []goja.Value) {
	types := make([]string, len(args))
	for i, a := range args {
		types[i] = jsvalue.RhinoTypeName(a)
	}
	rhinoerr.Internal(b.rt, "Can't find method %s.%s(%s).", wrapperClass, name, strings.Join(types, ","))
}

// stringArg is the call's one String argument, and whether it is null.
func (b *Instance) stringArg(call goja.FunctionCall, name string) (string, bool) {
	if len(call.Arguments) != 1 {
		b.noMethod(name, call.Arguments)
	}
	return javaString(call.Arguments[0])
}

// twoStrings are the call's two String arguments, and whether either is
// null.
func (b *Instance) twoStrings(call goja.FunctionCall, name string) (string, string, bool) {
	if len(call.Arguments) != 2 {
		b.noMethod(name, call.Arguments)
	}
	k, kNull := javaString(call.Arguments[0])
	v, vNull := javaString(call.Arguments[1])
	return k, v, kNull || vNull
}

// intArg is the call's one int argument.
func (b *Instance) intArg(call goja.FunctionCall, name string) int {
	if len(call.Arguments) != 1 || goja.IsNull(call.Arguments[0]) {
		// null does not convert to a primitive int: no method matches.
		b.noMethod(name, call.Arguments)
	}
	a := call.Arguments[0]
	d := a.ToFloat()
	if math.IsNaN(d) || math.IsInf(d, 0) || math.Trunc(d) < math.MinInt32 || math.Trunc(d) > math.MaxInt32 {
		rhinoerr.Internal(b.rt, "Cannot convert %s to int", a.String())
	}
	return int(math.Trunc(d))
}

func javaString(v goja.Value) (string, bool) {
	if goja.IsNull(v) {
		return "", true
	}
	return v.String(), false
}
