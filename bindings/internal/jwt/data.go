package jwt

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Data is the jwtData argument as the Java wrappers read it: a script
// object seen through java.util.Map (Rhino's NativeObject).
type Data struct{ obj *goja.Object }

// NewData reads v, which must be an object.
func NewData(v goja.Value) (Data, error) {
	obj, ok := v.(*goja.Object)
	if !ok || jsvalue.IsNullish(v) {
		return Data{}, JavaError(`Cannot invoke "java.util.Map.get(Object)" because "jwtData" is null`)
	}
	return Data{obj}, nil
}

// Get is Map.get: the value under key, or nil for an absent, null or
// undefined one (Rhino's Map view answers null for both).
func (d Data) Get(key string) goja.Value {
	v := d.obj.Get(key)
	if jsvalue.IsNullish(v) {
		return nil
	}
	return v
}

// has is Map.containsKey.
func (d Data) has(key string) bool {
	for _, k := range d.obj.Keys() {
		if k == key {
			return true
		}
	}
	return false
}

// Strings reads several String values of d in turn, keeping the first
// error (Err): the wrappers read every field before they check any.
type Strings struct {
	D   Data
	Err error
}

// Get is D.String(key, def), or "" once a read has failed.
func (s *Strings) Get(key, def string) string {
	if s.Err != nil {
		return ""
	}
	v, err := s.D.String(key, def)
	s.Err = err
	return v
}

// String is jwtData.getOrDefault(key, def).toString(): def when the key is
// absent; a NullPointerException when it is there but null or undefined.
func (d Data) String(key, def string) (string, error) {
	if !d.has(key) {
		return def, nil
	}
	v := d.Get(key)
	if v == nil {
		return "", JavaError(`Cannot invoke "Object.toString()" because the return value of "java.util.Map.getOrDefault(Object, Object)" is null`)
	}
	return JavaString(v), nil
}

// Required is a field the wrappers check first (jwtType, jwsAlgorithm,
// jwt): ok is false when it is missing, null or empty, and the call then
// returns null.
func (d Data) Required(key string) (string, bool) {
	v := d.Get(key)
	if v == nil {
		return "", false
	}
	s := JavaString(v)
	return s, s != ""
}

// JavaString is a script value's Java toString() after Rhino has passed it
// to Java as an Object: numbers are Doubles (5 → "5.0").
func JavaString(v goja.Value) string {
	switch x := v.Export().(type) {
	case int64:
		return doubleString(float64(x))
	case float64:
		return doubleString(x)
	}
	return v.String()
}

// doubleString is Java's Double.toString.
func doubleString(f float64) string { return jsvalue.JavaDouble(f) }

// JavaInt is Double.valueOf(s).intValue(): Java's number syntax (spaces
// trimmed, a trailing d or f allowed, Infinity and NaN spelt as Java spells
// them), NaN to 0, clamped to int's range.
func JavaInt(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, JavaError("empty String")
	}
	num := t
	if strings.ContainsAny(num[len(num)-1:], "dDfF") && !strings.HasSuffix(num, "Infinity") {
		num = num[:len(num)-1]
	}
	lower := strings.ToLower(strings.TrimLeft(num, "+-"))
	spelt := strings.TrimLeft(num, "+-")
	f, err := strconv.ParseFloat(num, 64)
	rangeErr := err != nil && errors.Is(err, strconv.ErrRange)
	if err != nil && !rangeErr || strings.Contains(num, "_") ||
		strings.HasPrefix(lower, "inf") && spelt != "Infinity" || lower == "nan" && spelt != "NaN" {
		return 0, javaErrorf("For input string: \"%s\"", s)
	}
	switch {
	case math.IsNaN(f):
		return 0, nil
	case f >= math.MaxInt32:
		return math.MaxInt32, nil
	case f <= math.MinInt32:
		return math.MinInt32, nil
	}
	return int64(f), nil
}
