// Package jsvalue converts between goja values and plain Go values.
//
// Node state, fixtures and results are JSON-shaped Go values: map[string]any,
// []any, string, bool, float64/int64 and nil. Scripts always receive native
// JavaScript copies of those values, never live wrappers around Go maps, so a
// script cannot change stored state behind a binding's back.
package jsvalue

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/rhinoerr"
)

// ToGo exports a JavaScript value as a JSON-shaped Go value. Functions and
// symbols become nil, as JSON.stringify would drop them; anything nested
// deeper than MaxDepth (cycles included) is cut to nil. Use ToGoChecked where
// a script should hear about it.
func ToGo(v goja.Value) any {
	out, _ := toGo(v, 0)
	return out
}

// MaxDepth is how deeply nested a value may be when it crosses from a script
// to Go (node state, request bodies, IDM objects).
const MaxDepth = 256

// ErrTooDeep is returned by ToGoChecked for a value nested past MaxDepth.
var ErrTooDeep = fmt.Errorf("the value is nested more than %d levels deep (or refers to itself)", MaxDepth)

// ToGoChecked is ToGo that reports a value nested past MaxDepth instead of
// cutting it.
func ToGoChecked(v goja.Value) (any, error) {
	return toGo(v, 0)
}

func toGo(v goja.Value, depth int) (any, error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, nil
	}
	if depth > MaxDepth {
		return nil, ErrTooDeep
	}
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return normalizeNumber(v.Export()), nil
	}
	if _, isFn := goja.AssertFunction(v); isFn {
		return nil, nil
	}
	switch obj.ClassName() {
	case "Array":
		n := int(obj.Get("length").ToInteger())
		out := make([]any, n)
		for i := 0; i < n; i++ {
			e, err := toGo(obj.Get(strconv.Itoa(i)), depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	case "Date", "String", "Number", "Boolean", "RegExp", "Error":
		return normalizeNumber(v.Export()), nil
	}
	// A Java object of the java binding (a list, a set, a boxed number)
	// stands for its JSON form, as Rhino's JSON.stringify writes it.
	if t := obj.ExportType(); t != nil && t.Implements(jsonValuerType) {
		if j, ok := obj.Export().(JSONValuer); ok {
			return normalizeNumber(j.JSONValue()), nil
		}
	}
	// Typed arrays and ArrayBuffers export as slices. ExportType is cheap;
	// Export itself would copy a whole plain object graph recursively, in Go,
	// where a run's time limit cannot stop it.
	if t := obj.ExportType(); t != nil && t.Kind() == reflect.Slice {
		rv := reflect.ValueOf(obj.Export())
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = normalizeNumber(rv.Index(i).Interface())
		}
		return out, nil
	}
	keys := obj.Keys()
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		e, err := toGo(obj.Get(k), depth+1)
		if err != nil {
			return nil, err
		}
		out[k] = e
	}
	return out, nil
}

// JSONValuer is implemented by the Go value behind an object (a
// goja.DynamicObject) that stands for a JSON-shaped value of its own, such
// as a Java list: ToGo takes that value instead of the object's keys.
type JSONValuer interface{ JSONValue() any }

var jsonValuerType = reflect.TypeOf((*JSONValuer)(nil)).Elem()

// normalizeNumber folds integral floats to int64 so that JSON output shows 3,
// not 3.0, exactly as the script wrote it.
func normalizeNumber(v any) any {
	switch n := v.(type) {
	case float64:
		if n == math.Trunc(n) && math.Abs(n) < 1<<53 {
			return int64(n)
		}
		return n
	case int:
		return int64(n)
	case int32:
		return int64(n)
	case int8:
		return int64(n)
	case uint8:
		return int64(n)
	case int16:
		return int64(n)
	case uint16:
		return int64(n)
	case uint32:
		return int64(n)
	case float32:
		return normalizeNumber(float64(n))
	}
	return v
}

// ToJS builds a native JavaScript value from a Go value. Maps become plain
// objects (keys in sorted order, for stable output), slices become arrays.
func ToJS(rt *goja.Runtime, v any) goja.Value {
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case goja.Value:
		return x
	case string, bool, int, int32, int64, float64, float32, uint, uint32, uint64:
		return rt.ToValue(x)
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return rt.ToValue(i)
		}
		f, _ := x.Float64()
		return rt.ToValue(f)
	case map[string]any:
		obj := rt.NewObject()
		for _, k := range slices.Sorted(maps.Keys(x)) {
			_ = obj.Set(k, ToJS(rt, x[k]))
		}
		return obj
	case map[string]string:
		m := make(map[string]any, len(x))
		for k, s := range x {
			m[k] = s
		}
		return ToJS(rt, m)
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[fmt.Sprint(k)] = e
		}
		return ToJS(rt, m)
	case []any:
		items := make([]any, len(x))
		for i, e := range x {
			items[i] = ToJS(rt, e)
		}
		return rt.NewArray(items...)
	case []string:
		items := make([]any, len(x))
		for i, e := range x {
			items[i] = e
		}
		return rt.NewArray(items...)
	case []map[string]any:
		items := make([]any, len(x))
		for i, e := range x {
			items[i] = ToJS(rt, e)
		}
		return rt.NewArray(items...)
	}
	return rt.ToValue(v)
}

// Normalize turns any JSON-shaped Go value (for example one decoded from YAML,
// with map[string]interface{} and int) into the canonical shapes ToGo returns.
func Normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = Normalize(e)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[fmt.Sprint(k)] = Normalize(e)
		}
		return out
	case map[string]string:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = e
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = Normalize(e)
		}
		return out
	case []string:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = e
		}
		return out
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case int, int32, float64, float32:
		return normalizeNumber(x)
	case uint:
		return int64(x)
	case uint64:
		return int64(x)
	}
	return v
}

// NormalizeMap is Normalize for the common top-level case; nil stays nil.
func NormalizeMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	return Normalize(m).(map[string]any)
}

// Throw raises, in the running script, the InternalError Rhino raises for a
// call a binding refuses, carrying the formatted message. It must be called
// from inside a Go function that goja called.
func Throw(rt *goja.Runtime, format string, args ...any) {
	rhinoerr.Internal(rt, format, args...)
}

// Method attaches a Go function to obj as a non-enumerable, read-only method.
func Method(rt *goja.Runtime, obj *goja.Object, name string, fn func(goja.FunctionCall) goja.Value) {
	_ = obj.DefineDataProperty(name, Func(rt, name, fn), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// Func is fn as a JavaScript function called name. goja names a Go function
// after its Go symbol (github.com/…/action.New.func3), which String(fn) and
// every stack trace through it would show a script.
func Func(rt *goja.Runtime, name string, fn func(goja.FunctionCall) goja.Value) *goja.Object {
	return rt.NewFunction(name, 0, fn)
}

// Freezer returns the runtime's own Object.freeze, as a callable: it is
// goja's freeze itself (patched goja's Runtime.Freeze), never the script's
// Object.freeze, which a script may have replaced before a binding is built.
func Freezer(rt *goja.Runtime) goja.Callable {
	return func(_ goja.Value, args ...goja.Value) (goja.Value, error) {
		if len(args) > 0 {
			if o, ok := args[0].(*goja.Object); ok {
				if ex := rt.Try(func() { rt.Freeze(o) }); ex != nil {
					return nil, ex
				}
				return o, nil
			}
			return args[0], nil
		}
		return goja.Undefined(), nil
	}
}

// Seal freezes a binding object at set-up time, before any script has run.
func Seal(rt *goja.Runtime, obj *goja.Object) {
	SealWith(Freezer(rt), obj)
}

// SealWith freezes obj and, through its own properties (enumerable or not,
// symbols included), every plain object it holds (utils.crypto and the
// like), with a freeze function obtained from Freezer, so that a script
// cannot replace a binding's method, as it cannot change a Java object's
// in AIC. Methods themselves are left as they are: every run has a runtime
// of its own, so what a script does to a function object ends with its
// run, and freezing every method of every binding built for every run
// would cost more than the run. Binding objects hold only data properties,
// so reading them runs no script code.
func SealWith(freeze goja.Callable, obj *goja.Object) {
	seen := map[*goja.Object]bool{}
	var walk func(o *goja.Object)
	walk = func(o *goja.Object) {
		if seen[o] {
			return
		}
		seen[o] = true
		if _, err := freeze(goja.Undefined(), o); err != nil {
			panic(fmt.Sprintf("jsvalue: freeze: %v", err))
		}
		for _, k := range o.GetOwnPropertyNames() {
			if v, ok := o.Get(k).(*goja.Object); ok && !isFunction(v) {
				walk(v)
			}
		}
		for _, sym := range o.Symbols() {
			if v, ok := o.GetSymbol(sym).(*goja.Object); ok && !isFunction(v) {
				walk(v)
			}
		}
	}
	walk(obj)
}

// ArgString returns argument i as a string, or "" when it is absent, null or
// undefined.
func ArgString(call goja.FunctionCall, i int) string {
	v := call.Argument(i)
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	return v.String()
}

// IsNullish reports whether v is absent, undefined or null.
func IsNullish(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v)
}

// Text is b as a string, each invalid UTF-8 sequence replaced by U+FFFD,
// as a script must see bytes from outside. Valid text, nearly all of it,
// is checked by utf8.Valid, which is several times faster than
// strings.ToValidUTF8's walk rune by rune.
func Text(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func isFunction(o *goja.Object) bool {
	_, ok := goja.AssertFunction(o)
	return ok
}

// Builtin is bindings.VM.Builtin for rt: the standard object called name as
// the runtime built it (patched goja's Runtime.Builtin), whatever a script
// has assigned to its name since; names Runtime.Builtin does not cover are
// read from the global object.
func Builtin(rt *goja.Runtime, name string) goja.Value {
	if b := rt.Builtin(name); b != nil {
		return b
	}
	return rt.GlobalObject().Get(name)
}
