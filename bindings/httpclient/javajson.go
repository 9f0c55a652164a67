package httpclient

// The JSON of a request body that is not a string. AIC hands the script's
// object to Java as a Map and Jackson writes it, not JSON.stringify: every
// JavaScript number is a java.lang.Double (1 goes out as 1.0), and a field
// holding undefined goes out as null instead of being dropped (spec §10.2,
// measured). A Java number the script made (java.lang.Integer.valueOf(1))
// keeps its integer form.

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strconv"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// errBodyFunction is a body holding a function, which has no JSON form.
var errBodyFunction = errors.New("it holds a function, which has no JSON form")

var jsonValuerType = reflect.TypeOf((*jsvalue.JSONValuer)(nil)).Elem()

// javaJSON writes v as Jackson writes the Java value Rhino makes of it.
// stringify is the engine's JSON.stringify, for values that are neither
// plain objects, arrays nor primitives (a Date), which are written as it
// writes them.
func javaJSON(v goja.Value, stringify goja.Callable) ([]byte, error) {
	w := &javaWriter{stringify: stringify}
	if err := w.value(v, 0); err != nil {
		return nil, err
	}
	return w.buf.Bytes(), nil
}

type javaWriter struct {
	buf       bytes.Buffer
	stringify goja.Callable
}

func (w *javaWriter) value(v goja.Value, depth int) error {
	if depth > jsvalue.MaxDepth {
		return jsvalue.ErrTooDeep
	}
	if jsvalue.IsNullish(v) {
		w.buf.WriteString("null")
		return nil
	}
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return w.primitive(v)
	}
	if _, isFn := goja.AssertFunction(obj); isFn {
		return errBodyFunction
	}
	// A Java value of the java binding (a list, a boxed Integer) is what
	// it stands for, integers included. ExportType first: Export would copy
	// a whole plain object.
	if t := obj.ExportType(); t != nil && t.Implements(jsonValuerType) {
		if j, ok := obj.Export().(jsvalue.JSONValuer); ok {
			return w.plain(j.JSONValue())
		}
	}
	switch obj.ClassName() {
	case "Array":
		n := int(obj.Get("length").ToInteger())
		w.buf.WriteByte('[')
		for i := 0; i < n; i++ {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			if err := w.value(obj.Get(strconv.Itoa(i)), depth+1); err != nil {
				return err
			}
		}
		w.buf.WriteByte(']')
		return nil
	case "Object":
		w.buf.WriteByte('{')
		for i, k := range obj.Keys() {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			w.str(k)
			w.buf.WriteByte(':')
			if err := w.value(obj.Get(k), depth+1); err != nil {
				return err
			}
		}
		w.buf.WriteByte('}')
		return nil
	case "String", "Number", "Boolean":
		return w.primitive(obj.Export())
	}
	out, err := w.stringify(goja.Undefined(), obj)
	if err != nil {
		return err
	}
	if goja.IsUndefined(out) {
		w.buf.WriteString("null")
		return nil
	}
	w.buf.WriteString(out.String())
	return nil
}

// primitive writes a string, boolean or number.
func (w *javaWriter) primitive(v any) error {
	if gv, ok := v.(goja.Value); ok {
		v = gv.Export()
	}
	switch x := v.(type) {
	case string:
		w.str(x)
	case bool:
		w.buf.WriteString(strconv.FormatBool(x))
	case int64:
		w.buf.WriteString(javaDouble(float64(x)))
	case float64:
		w.buf.WriteString(javaDouble(x))
	default:
		w.buf.WriteString("null")
	}
	return nil
}

// plain writes a JSON-shaped Go value from a Java value: its integers stay
// integers.
func (w *javaWriter) plain(v any) error {
	switch x := v.(type) {
	case float64:
		w.buf.WriteString(javaDouble(x))
		return nil
	case float32:
		w.buf.WriteString(javaDouble(float64(x)))
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.buf.Write(b)
	return nil
}

func (w *javaWriter) str(s string) {
	// Jackson escapes the quote, the backslash and control characters only;
	// encoding/json would also escape <, > and &.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	w.buf.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// javaDouble is Java's Double.toString(d), as Jackson writes a double, with
// NaN and the infinities as the quoted strings Jackson gives them.
func javaDouble(d float64) string {
	if math.IsNaN(d) || math.IsInf(d, 0) {
		return strconv.Quote(jsvalue.JavaDouble(d))
	}
	return jsvalue.JavaDouble(d)
}
