package jsvalue

import (
	"errors"
	"math"
	"strconv"

	"github.com/dop251/goja"
)

// In AIC, a binding method declared to return byte[] hands the script a
// Java array wrapped by Rhino (NativeJavaArray): typeof "object", indexable,
// a fixed length, Java's signed bytes (-128…127) as numbers, and
// Array.prototype behind it, so bytes.join(",") works while
// Array.isArray(bytes) is false. Bytes models that value.

// Bytes is a Java byte[] as a script sees it.
type Bytes struct {
	rt      *goja.Runtime
	builtin func(string) goja.Value
	b       []byte
}

// NewBytes returns a script value for a Java byte[] holding b (not copied:
// the caller hands b over). builtin is bindings.VM.Builtin: the value
// inherits the run's own Array.prototype.
func NewBytes(rt *goja.Runtime, builtin func(string) goja.Value, b []byte) *goja.Object {
	// The bytes live in Go, outside goja's allocation meter: charge them.
	rt.Charge(int64(len(b)) + 16)
	obj := rt.NewDynamicObject(&Bytes{rt: rt, builtin: builtin, b: b})
	if ctor, ok := builtin("Array").(*goja.Object); ok {
		if proto, ok := ctor.Get("prototype").(*goja.Object); ok {
			_ = obj.SetPrototype(proto)
		}
	}
	return obj
}

// Get implements goja.DynamicObject.
func (o *Bytes) Get(key string) goja.Value {
	if i, ok := byteIndex(key); ok {
		if i < len(o.b) {
			return o.rt.ToValue(int8(o.b[i]))
		}
		return goja.Undefined()
	}
	if key == "length" {
		return o.rt.ToValue(len(o.b))
	}
	return nil // the prototype's
}

// Set implements goja.DynamicObject: an element takes a number that fits a
// byte, as Rhino converts it; writing length is ignored, as Rhino ignores it.
// Rhino's refusals are engine errors, which reach a script as InternalError.
func (o *Bytes) Set(key string, v goja.Value) bool {
	throw := NewJavaThrower(o.rt, o.builtin)
	if i, ok := byteIndex(key); ok {
		if i >= len(o.b) {
			throw.Throw("Array index %d is outside the bounds [0..%d].", i, len(o.b)-1)
		}
		c, err := toJavaByte(v)
		if err != nil {
			throw.Throw("%s", err.Error())
		}
		o.b[i] = c
		return true
	}
	if key == "length" {
		return true
	}
	throw.Throw("Java array has no public instance field or method named \"%s\".", key)
	return false
}

// Has implements goja.DynamicObject.
func (o *Bytes) Has(key string) bool {
	if i, ok := byteIndex(key); ok {
		return i < len(o.b)
	}
	return key == "length"
}

// Delete implements goja.DynamicObject: a Java array keeps its elements.
func (o *Bytes) Delete(string) bool { return false }

// Keys implements goja.DynamicObject: the indices, as for…in lists them.
func (o *Bytes) Keys() []string {
	keys := make([]string, len(o.b))
	for i := range keys {
		keys[i] = strconv.Itoa(i)
	}
	return keys
}

// JSONValue is the array as JSON: its signed bytes.
func (o *Bytes) JSONValue() any {
	out := make([]any, len(o.b))
	for i, c := range o.b {
		out[i] = int64(int8(c))
	}
	return out
}

func byteIndex(key string) (int, bool) {
	i, err := strconv.Atoi(key)
	if err != nil || i < 0 || strconv.Itoa(i) != key {
		return 0, false
	}
	return i, true
}

// BytesOf converts what a script passes where Java takes a byte[]: a Java
// byte array (copied), or a JavaScript array of numbers, each of which must
// fit a Java byte, as Rhino converts an array argument. ok is false when v
// is neither.
func BytesOf(v goja.Value) (b []byte, ok bool, err error) {
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return nil, false, nil
	}
	if jb, isBytes := obj.Export().(*Bytes); isBytes {
		return append([]byte(nil), jb.b...), true, nil
	}
	if obj.ClassName() != "Array" {
		return nil, false, nil
	}
	n := obj.Get("length").ToInteger()
	if n > math.MaxInt32 {
		return nil, true, errors.New("the array is too long for a byte array")
	}
	out := make([]byte, n)
	for i := range out {
		c, err := toJavaByte(obj.Get(strconv.Itoa(i)))
		if err != nil {
			return nil, true, err
		}
		out[i] = c
	}
	return out, true, nil
}

// toJavaByte is Rhino's conversion of a script value to a Java byte: a
// number, truncated toward zero, within -128…127. Rhino refuses 128…255
// too, so a script written for unsigned bytes fails here as it does there.
func toJavaByte(v goja.Value) (byte, error) {
	if IsNullish(v) {
		return 0, ByteConversionError{v.String()}
	}
	f := v.ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Trunc(f) < -128 || math.Trunc(f) > 127 {
		return 0, ByteConversionError{v.String()}
	}
	return byte(int64(math.Trunc(f))), nil
}

// ByteConversionError is Rhino's refusal to turn a value into a Java byte.
type ByteConversionError struct{ Value string }

func (e ByteConversionError) Error() string { return "Cannot convert " + e.Value + " to byte" }
