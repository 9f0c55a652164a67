package runtime

import (
	"maps"
	"slices"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// requestMap builds the requestHeaders / requestParameters object: each name
// maps to an array of values, readable as a property or with get(name). Header
// names are matched without regard to case, as HTTP requires.
func requestMap(rt *goja.Runtime, freeze goja.Callable, values map[string][]string, foldCase bool) goja.Value {
	obj := rt.NewObject()
	norm := func(s string) string {
		if foldCase {
			return strings.ToLower(s)
		}
		return s
	}
	for _, k := range slices.Sorted(maps.Keys(values)) {
		_ = obj.Set(norm(k), jsvalue.FrozenJavaView(rt, freeze, jsvalue.ToJS(rt, values[k])))
	}
	jsvalue.Method(rt, obj, "get", func(call goja.FunctionCall) goja.Value {
		v := obj.Get(norm(jsvalue.ArgString(call, 0)))
		if v == nil || goja.IsUndefined(v) {
			return goja.Null()
		}
		return v
	})
	_ = obj.DefineDataProperty("get", obj.Get("get"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	if _, err := freeze(goja.Undefined(), obj); err != nil {
		panic(err)
	}
	return obj
}
