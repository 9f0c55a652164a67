package java

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/dop251/goja"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// The Java side of a value. A value held by a Java object (an element of a
// list, a map's key) is one of:
//
//	nil                      null
//	string                   java.lang.String
//	float64                  java.lang.Double (every JS number enters Java so)
//	int32, int64             java.lang.Integer, java.lang.Long
//	bool                     java.lang.Boolean
//	*list, *set, *jmap       a Java collection
//	goja.Value               a JavaScript value Rhino keeps as it is (an
//	                         object, a function, undefined)

// className is the Java class of x, as Java's messages name it.
func className(x any) string {
	switch x := x.(type) {
	case string:
		return "java.lang.String"
	case float64:
		return "java.lang.Double"
	case int32:
		return "java.lang.Integer"
	case int64:
		return "java.lang.Long"
	case bool:
		return "java.lang.Boolean"
	case *list:
		return x.cls
	case *set:
		return x.cls
	case *jmap:
		return x.cls
	case goja.Value:
		return rhinoClass(x)
	}
	return "java.lang.Object"
}

// rhinoClass is the Rhino class behind a JavaScript value.
func rhinoClass(v goja.Value) string {
	obj, ok := v.(*goja.Object)
	switch {
	case !ok:
		return "org.mozilla.javascript.Undefined"
	case obj.ClassName() == "Array":
		return "org.mozilla.javascript.NativeArray"
	case obj.ClassName() == "Function":
		return "org.mozilla.javascript.InterpretedFunction"
	}
	return "org.mozilla.javascript.NativeObject"
}

// javaString is Java's String.valueOf(x): [a, 1.0], {k=v}, 1.0E21.
func javaString(x any) string {
	switch x := x.(type) {
	case nil:
		return "null"
	case string:
		return x
	case float64:
		return doubleString(x)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case *list:
		return seqString(x.items)
	case *set:
		return seqString(x.ordered())
	case *jmap:
		var b strings.Builder
		b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(javaString(k) + "=" + javaString(x.vals[i]))
		}
		b.WriteByte('}')
		return b.String()
	case goja.Value:
		switch c := rhinoClass(x); c {
		case "org.mozilla.javascript.Undefined":
			return "undefined"
		case "org.mozilla.javascript.NativeObject":
			return x.String()
		default:
			// Object.toString: the class and an identity hash.
			return fmt.Sprintf("%s@%x", c, identityHash(x))
		}
	}
	return fmt.Sprint(x)
}

func seqString(items []any) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, e := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(javaString(e))
	}
	b.WriteByte(']')
	return b.String()
}

// doubleString is Java's Double.toString.
func doubleString(f float64) string { return jsvalue.JavaDouble(f) }

// javaEquals is Java's Objects.equals(a, b).
func javaEquals(a, b any) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case float64:
		bf, ok := b.(float64)
		// Double.equals compares bits: NaN equals NaN, 0.0 is not -0.0.
		return ok && (math.Float64bits(a) == math.Float64bits(bf) || math.IsNaN(a) && math.IsNaN(bf))
	case string, int32, int64, bool:
		return a == b
	case *list:
		bl, ok := b.(*list)
		if !ok || len(a.items) != len(bl.items) {
			return false
		}
		for i := range a.items {
			if !javaEquals(a.items[i], bl.items[i]) {
				return false
			}
		}
		return true
	case *set:
		bs, ok := b.(*set)
		if !ok || len(a.items) != len(bs.items) {
			return false
		}
		for _, e := range a.items {
			if bs.indexOf(e) < 0 {
				return false
			}
		}
		return true
	case *jmap:
		bm, ok := b.(*jmap)
		if !ok || len(a.keys) != len(bm.keys) {
			return false
		}
		for i, k := range a.keys {
			j := bm.indexOf(k)
			if j < 0 || !javaEquals(a.vals[i], bm.vals[j]) {
				return false
			}
		}
		return true
	case goja.Value:
		bv, ok := b.(goja.Value)
		return ok && a.SameAs(bv)
	}
	return false
}

// javaHash is Java's Objects.hashCode(x).
func javaHash(x any) int32 {
	switch x := x.(type) {
	case nil:
		return 0
	case string:
		var h int32
		for _, c := range utf16.Encode([]rune(x)) {
			h = 31*h + int32(c)
		}
		return h
	case float64:
		if math.IsNaN(x) {
			x = math.NaN()
		}
		bits := math.Float64bits(x)
		return int32(bits ^ bits>>32)
	case int32:
		return x
	case int64:
		return int32(uint64(x) ^ uint64(x)>>32)
	case bool:
		if x {
			return 1231
		}
		return 1237
	case *list:
		h := int32(1)
		for _, e := range x.items {
			h = 31*h + javaHash(e)
		}
		return h
	case *set:
		var h int32
		for _, e := range x.items {
			h += javaHash(e)
		}
		return h
	case *jmap:
		var h int32
		for i, k := range x.keys {
			h += javaHash(k) ^ javaHash(x.vals[i])
		}
		return h
	case goja.Value:
		return int32(identityHash(x))
	}
	return 0
}

// identityHash stands in for Java's identity hash code of a JavaScript
// object: stable for the object, arbitrary otherwise.
func identityHash(v goja.Value) uint32 {
	s := fmt.Sprintf("%p", v)
	var h uint32 = 2166136261
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h & 0x7fffffff
}

// javaError is a Java exception on its way to the script.
type javaError struct{ class, message string }

// classCast is the ClassCastException of casting a value of class from to
// class to.
func classCast(from, to string) *javaError {
	where := func(c string) string {
		if strings.HasPrefix(c, "java.") {
			return "module java.base of loader 'bootstrap'"
		}
		return "unnamed module of loader 'app'"
	}
	var msg string
	if where(from) == where(to) {
		msg = fmt.Sprintf("class %s cannot be cast to class %s (%s and %s are in %s)", from, to, from, to, where(from))
	} else {
		msg = fmt.Sprintf("class %s cannot be cast to class %s (%s is in %s; %s is in %s)", from, to, from, where(from), to, where(to))
	}
	return &javaError{"java.lang.ClassCastException", msg}
}

// javaCompare is the natural order of TreeSet and Collections.sort: a
// compared with b by a's compareTo, which casts b to a's class.
func javaCompare(a, b any) (int, *javaError) {
	if a == nil || b == nil {
		return 0, &javaError{"java.lang.NullPointerException", `Cannot invoke "java.lang.Comparable.compareTo(Object)" because "k1" is null`}
	}
	switch a := a.(type) {
	case string:
		bs, ok := b.(string)
		if !ok {
			return 0, classCast(className(b), "java.lang.String")
		}
		return compareUTF16(a, bs), nil
	case float64:
		bf, ok := b.(float64)
		if !ok {
			return 0, classCast(className(b), "java.lang.Double")
		}
		return compareDouble(a, bf), nil
	case int32:
		bi, ok := b.(int32)
		if !ok {
			return 0, classCast(className(b), "java.lang.Integer")
		}
		return cmp3(a < bi, a > bi), nil
	case int64:
		bi, ok := b.(int64)
		if !ok {
			return 0, classCast(className(b), "java.lang.Long")
		}
		return cmp3(a < bi, a > bi), nil
	case bool:
		bb, ok := b.(bool)
		if !ok {
			return 0, classCast(className(b), "java.lang.Boolean")
		}
		return cmp3(!a && bb, a && !bb), nil
	}
	return 0, classCast(className(a), "java.lang.Comparable")
}

func cmp3(less, more bool) int {
	switch {
	case less:
		return -1
	case more:
		return 1
	}
	return 0
}

// compareDouble is Double.compare: -0.0 before 0.0, NaN after everything.
func compareDouble(a, b float64) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	ab, bb := math.Float64bits(a), math.Float64bits(b)
	if math.IsNaN(a) {
		ab = 0x7ff8000000000000
	}
	if math.IsNaN(b) {
		bb = 0x7ff8000000000000
	}
	return cmp3(int64(ab) < int64(bb), int64(ab) > int64(bb))
}

// compareUTF16 is String.compareTo: by UTF-16 code units.
func compareUTF16(a, b string) int {
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			return int(ua[i]) - int(ub[i])
		}
	}
	return len(ua) - len(ub)
}

// jsonValue is x as a JSON-shaped Go value, the way Rhino's JSON.stringify
// writes Java objects: lists and sets as arrays, maps as objects, boxed
// numbers, strings and booleans as themselves.
func jsonValue(x any, toGo func(goja.Value) any) any {
	switch x := x.(type) {
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int64(x)
		}
		return x
	case int32:
		return int64(x)
	case *list:
		return jsonSeq(x.items, toGo)
	case *set:
		return jsonSeq(x.ordered(), toGo)
	case *jmap:
		m := make(map[string]any, len(x.keys))
		for i, k := range x.keys {
			m[javaString(k)] = jsonValue(x.vals[i], toGo)
		}
		return m
	case goja.Value:
		return toGo(x)
	}
	return x
}

func jsonSeq(items []any, toGo func(goja.Value) any) []any {
	out := make([]any, len(items))
	for i, e := range items {
		out[i] = jsonValue(e, toGo)
	}
	return out
}
