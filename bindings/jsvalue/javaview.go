package jsvalue

import (
	"slices"
	"strconv"

	"github.com/dop251/goja"
)

// In AIC, values such as node state, request headers and typed ESVs reach a script as Java collections that GraalJS
// lets a script use both ways: as JavaScript objects and arrays (oa.mail,
// Object.keys(oa), list[0]) and through their Java methods (oa.get("mail"),
// oa.keySet(), nodeState.keys().toArray()). Real decision scripts use both.
// javaView adds the common Java methods to the native copies journeyjs hands
// out, as non-enumerable properties, so neither style fails here and the
// data itself (Object.keys, JSON.stringify, putShared) is unchanged. A map
// that has a key with a method's name keeps its data under that name.

// JavaView decorates v, and every object and array inside it, in place, and
// returns it.
func JavaView(rt *goja.Runtime, v goja.Value) goja.Value { return javaView(rt, nil, v) }

// FrozenJavaView is JavaView with each object and array then frozen by
// freeze (see Freezer), in the same walk: a value handed out read-only for
// one call or run. Its methods are fresh functions no later run sees, so
// they are left as they are; as non-writable properties of a frozen object
// they cannot be replaced.
func FrozenJavaView(rt *goja.Runtime, freeze goja.Callable, v goja.Value) goja.Value {
	return javaView(rt, freeze, v)
}

func javaView(rt *goja.Runtime, freeze goja.Callable, v goja.Value) goja.Value {
	obj, ok := v.(*goja.Object)
	if !ok {
		return v
	}
	if obj.ClassName() == "Array" {
		n := int(obj.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			javaView(rt, freeze, obj.Get(strconv.Itoa(i)))
		}
		listMethods(rt, obj)
	} else {
		keys := obj.Keys()
		for _, k := range keys {
			javaView(rt, freeze, obj.Get(k))
		}
		mapMethods(rt, obj, keys)
	}
	if freeze != nil {
		if _, err := freeze(goja.Undefined(), obj); err != nil {
			panic(err)
		}
	}
	return v
}

// hidden defines a method on obj unless keys, obj's own keys, has its name.
func hidden(rt *goja.Runtime, obj *goja.Object, keys []string, name string, fn func(goja.FunctionCall) goja.Value) {
	if slices.Contains(keys, name) {
		return // the data has a key of this name: it wins
	}
	_ = obj.DefineDataProperty(name, Func(rt, name, fn), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

func mapMethods(rt *goja.Runtime, obj *goja.Object, keys []string) {
	has := func(k string) bool { return slices.Contains(keys, k) }
	hidden(rt, obj, keys, "get", func(call goja.FunctionCall) goja.Value {
		k := ArgString(call, 0)
		if !has(k) {
			return goja.Null()
		}
		return obj.Get(k)
	})
	hidden(rt, obj, keys, "containsKey", func(call goja.FunctionCall) goja.Value {
		return rt.ToValue(has(ArgString(call, 0)))
	})
	hidden(rt, obj, keys, "keySet", func(goja.FunctionCall) goja.Value {
		return JavaList(rt, ToJS(rt, keys))
	})
	hidden(rt, obj, keys, "values", func(goja.FunctionCall) goja.Value {
		vals := make([]any, len(keys))
		for i, k := range keys {
			vals[i] = obj.Get(k)
		}
		return JavaList(rt, rt.NewArray(vals...))
	})
	hidden(rt, obj, keys, "size", func(goja.FunctionCall) goja.Value { return rt.ToValue(len(keys)) })
	hidden(rt, obj, keys, "isEmpty", func(goja.FunctionCall) goja.Value { return rt.ToValue(len(keys) == 0) })
}

func listMethods(rt *goja.Runtime, arr *goja.Object) {
	length := func() int64 { return arr.Get("length").ToInteger() }
	// An array's own keys are indices, never a method's name: no keys.
	hidden(rt, arr, nil, "size", func(goja.FunctionCall) goja.Value { return rt.ToValue(length()) })
	hidden(rt, arr, nil, "isEmpty", func(goja.FunctionCall) goja.Value { return rt.ToValue(length() == 0) })
	hidden(rt, arr, nil, "get", func(call goja.FunctionCall) goja.Value {
		i := call.Argument(0).ToInteger()
		if i < 0 || i >= length() {
			Throw(rt, "index %d out of bounds for length %d", i, length())
		}
		return arr.Get(strconv.Itoa(int(i)))
	})
	hidden(rt, arr, nil, "contains", func(call goja.FunctionCall) goja.Value {
		want := call.Argument(0)
		n := int(length())
		for i := 0; i < n; i++ {
			if arr.Get(strconv.Itoa(i)).StrictEquals(want) {
				return rt.ToValue(true)
			}
		}
		return rt.ToValue(false)
	})
	hidden(rt, arr, nil, "toArray", func(goja.FunctionCall) goja.Value {
		n := int(length())
		items := make([]any, n)
		for i := range items {
			items[i] = arr.Get(strconv.Itoa(i))
		}
		return rt.NewArray(items...)
	})
}

// JavaList adds the list methods to an array and returns it.
func JavaList(rt *goja.Runtime, v goja.Value) goja.Value {
	if obj, ok := v.(*goja.Object); ok {
		listMethods(rt, obj)
	}
	return v
}

// RhinoTypeName is how Rhino names an argument's type in its "Can't find
// method Class.name(types)." error: undefined, null, function, object,
// string, boolean or number.
func RhinoTypeName(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if _, ok := goja.AssertFunction(v); ok {
		return "function"
	}
	if _, ok := v.(*goja.Object); ok {
		return "object"
	}
	switch v.ExportType().Kind().String() {
	case "string":
		return "string"
	case "bool":
		return "boolean"
	}
	return "number"
}
