// Package request implements the bindings that describe the HTTP request
// driving the journey: `requestHeaders`, `requestParameters` and
// `requestCookies`. Each run has its own values (bindings.Run.Request),
// built the first time the run's script names them.
package request

import (
	"maps"
	"slices"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// The three bindings.
var (
	// Headers is `requestHeaders`: header name → Java list of values,
	// names matched without regard to case (AM's case-insensitive map).
	Headers = define("requestHeaders", func(rt *goja.Runtime, freeze goja.Callable, r bindings.Request) goja.Value {
		return valuesMap(rt, freeze, r.Headers, true)
	})
	// Parameters is `requestParameters`: query parameter → Java list of
	// values.
	Parameters = define("requestParameters", func(rt *goja.Runtime, freeze goja.Callable, r bindings.Request) goja.Value {
		return valuesMap(rt, freeze, r.Parameters, false)
	})
	// Cookies is `requestCookies`: cookie name → value, a Java map.
	Cookies = define("requestCookies", func(rt *goja.Runtime, freeze goja.Callable, r bindings.Request) goja.Value {
		return jsvalue.FrozenJavaView(rt, freeze, jsvalue.ToJS(rt, r.Cookies))
	})
)

type build func(rt *goja.Runtime, freeze goja.Callable, r bindings.Request) goja.Value

func define(name string, b build) bindings.Binding {
	return bindings.Define(name, func(vm *bindings.VM) bindings.Instance {
		return &instance{rt: vm.Runtime, freeze: jsvalue.Freezer(vm.Runtime), build: b}
	})
}

// instance builds its value once per run, when the script first names it.
type instance struct {
	rt     *goja.Runtime
	freeze goja.Callable
	build  build
	req    bindings.Request
	val    goja.Value
}

func (i *instance) Value() goja.Value { return i.RunValue() }

// RunValue implements bindings.PerRun.
func (i *instance) RunValue() goja.Value {
	if i.val == nil {
		i.val = i.build(i.rt, i.freeze, i.req)
	}
	return i.val
}

func (i *instance) Begin(run *bindings.Run) { i.req, i.val = run.Request, nil }

func (i *instance) End(*bindings.Run) { i.req, i.val = bindings.Request{}, nil }

// valuesMap builds the requestHeaders / requestParameters object: each name
// maps to a Java list of values, readable as a property or with get(name).
// Header names are matched without regard to case, as HTTP requires. AM
// hands scripts a modifiable copy (spec §2.1, §5): put(name, values) and
// remove(name) change it for the rest of the run, and nothing else.
func valuesMap(rt *goja.Runtime, freeze goja.Callable, values map[string][]string, foldCase bool) goja.Value {
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
	method := func(name string, fn func(call goja.FunctionCall) goja.Value) {
		// Not enumerable, so that for…in lists the names only, as over
		// AM's map.
		_ = obj.DefineDataProperty(name, jsvalue.Func(rt, name, fn), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
	method("get", func(call goja.FunctionCall) goja.Value {
		v := obj.Get(norm(jsvalue.ArgString(call, 0)))
		if v == nil || goja.IsUndefined(v) {
			return goja.Null()
		}
		return v
	})
	method("put", func(call goja.FunctionCall) goja.Value {
		key := norm(jsvalue.ArgString(call, 0))
		old := obj.Get(key)
		_ = obj.Set(key, call.Argument(1))
		if old == nil {
			return goja.Null()
		}
		return old
	})
	method("remove", func(call goja.FunctionCall) goja.Value {
		key := norm(jsvalue.ArgString(call, 0))
		old := obj.Get(key)
		_ = obj.Delete(key)
		if old == nil {
			return goja.Null()
		}
		return old
	})
	method("containsKey", func(call goja.FunctionCall) goja.Value {
		v := obj.Get(norm(jsvalue.ArgString(call, 0)))
		return rt.ToValue(v != nil && !goja.IsUndefined(v))
	})
	return obj
}
