package runtime

import (
	"fmt"
	"slices"

	"github.com/dop251/goja"
)

// stringifyGuard runs goja's own JSON.stringify with a replacer written in
// Go. The replacer sees every value once, depth first, as stringify writes
// it, so it keeps the path from the root to the value's holder (refusing
// values nested past MaxJSONNesting without running getters twice) and,
// every stringifyTick values, calls a JavaScript no-op, where goja checks
// for an interrupt: the run's time limit stops a long stringify.
//
// It also applies the script's own replacer. A function is called as
// JSON.stringify would. A list of keys cannot be handed to goja's stringify
// beside a replacer function, so each object is replaced by a copy holding
// the listed keys, in the list's order, read from the object (inherited
// ones too): what JSON.stringify writes for a list. The copies hide cycles
// from goja's check, so the path keeps each copy's original to find them.
//
// A stringify may call another (from a toJSON method or a replacer), so
// each call pushes its state on a stack, dropped when the call returns: a
// pooled runtime keeps no value of a run.
type stringifyGuard struct {
	rt         *goja.Runtime
	rangeError goja.Value    // the pristine RangeError
	typeError  goja.Value    // the pristine TypeError: a run's global may hold another
	isArray    goja.Callable // the pristine Array.isArray
	// Made on first use: most runtimes never stringify.
	stringify goja.Callable // goja's own JSON.stringify
	replacer  goja.Value
	tick      goja.Callable
	calls     []stringifyCall
	seen      int // values met since the last tick
}

// stringifyCall is one stringify's state: path[:depth] are the objects from
// the root to the current holder and, with a list of keys, orig[:depth]
// what they copy (the same object when not a copy); entries past depth are
// stale. fn and keys are the script's replacer.
type stringifyCall struct {
	path, orig []*goja.Object
	depth      int
	fn         goja.Callable
	keys       []string // nil: no list
}

const stringifyTick = 1024

// noopProgram makes the function a stringify calls every stringifyTick
// values: calling into JavaScript is where goja checks for an interrupt.
var noopProgram = goja.MustCompile("", "(function () {})", false)

// call is JSON.stringify(value, …, space) for hardenSource's wrapper, which
// passes goja's own stringify first and the script's replacer last, as a
// function (fn) or a list of key strings (keys), each null when absent.
func (g *stringifyGuard) call(call goja.FunctionCall) goja.Value {
	if g.stringify == nil {
		g.stringify, _ = goja.AssertFunction(call.Argument(0))
		g.replacer = g.rt.ToValue(g.replace)
		tick, err := g.rt.RunProgram(noopProgram)
		if err != nil {
			panic(err)
		}
		g.tick, _ = goja.AssertFunction(tick)
	}
	c := stringifyCall{}
	c.fn, _ = goja.AssertFunction(call.Argument(3))
	if list, ok := call.Argument(4).(*goja.Object); ok {
		c.keys = []string{}
		for _, k := range list.Export().([]any) {
			if k := k.(string); !slices.Contains(c.keys, k) {
				c.keys = append(c.keys, k)
			}
		}
	}
	g.calls = append(g.calls, c)
	defer func() {
		g.calls[len(g.calls)-1] = stringifyCall{}
		g.calls = g.calls[:len(g.calls)-1]
	}()
	out, err := g.stringify(goja.Undefined(), call.Argument(1), g.replacer, call.Argument(2))
	if err != nil {
		panic(err) // the exception (or interrupt) as it was
	}
	return out
}

// replace is the replacer: this is the holder of v, whose key is key.
func (g *stringifyGuard) replace(call goja.FunctionCall) goja.Value {
	c := &g.calls[len(g.calls)-1]
	v := call.Argument(1)
	if c.fn != nil {
		var err error
		if v, err = c.fn(call.This, call.Argument(0), v); err != nil {
			panic(err)
		}
	}
	holder, _ := call.This.(*goja.Object)
	for c.depth > 0 && c.path[c.depth-1] != holder {
		c.depth--
	}
	obj, ok := v.(*goja.Object)
	if !ok || isCallable(obj) {
		g.ticked()
		return v
	}
	if c.depth >= MaxJSONNesting {
		g.throw(g.rangeError, fmt.Sprintf("JSON.stringify: the value is nested more than %d levels deep", MaxJSONNesting))
	}
	orig := obj
	if c.keys != nil && g.listed(obj) {
		if slices.Contains(c.orig[:c.depth], obj) {
			g.throw(g.typeError, "Converting circular structure to JSON")
		}
		cp := &listedCopy{keys: c.keys, vals: make(map[string]goja.Value, len(c.keys))}
		for _, k := range c.keys {
			cp.vals[k] = orig.Get(k)
		}
		obj = g.rt.NewDynamicObject(cp)
	}
	c.path = append(c.path[:c.depth], obj)
	if c.keys != nil { // only lists copy objects: without one, orig is path
		c.orig = append(c.orig[:c.depth], orig)
	}
	c.depth++
	g.ticked()
	return obj
}

// listed tells whether a list of keys applies to obj: to objects written
// as JSON objects, not arrays, nor the String, Number and Boolean objects
// JSON.stringify writes as their primitive.
func (g *stringifyGuard) listed(obj *goja.Object) bool {
	switch obj.ClassName() {
	case "String", "Number", "Boolean", "BigInt":
		return false
	}
	isArray, err := g.isArray(goja.Undefined(), obj)
	if err != nil {
		panic(err)
	}
	return !isArray.ToBoolean()
}

// ticked counts a value and, every stringifyTick, lets the run's interrupt in.
func (g *stringifyGuard) ticked() {
	if g.seen++; g.seen >= stringifyTick {
		g.seen = 0
		if _, err := g.tick(goja.Undefined()); err != nil {
			panic(err) // the run's interrupt
		}
	}
}

func (g *stringifyGuard) throw(ctor goja.Value, msg string) { throwNew(g.rt, ctor, msg) }

// isCallable tells a function (which stringify skips, and typeof calls
// "function", not "object") from other objects.
func isCallable(o *goja.Object) bool {
	_, ok := goja.AssertFunction(o)
	return ok
}

// listedCopy is an object's copy for a list of keys: a dynamic object, so
// that its keys come in the list's order (an ordinary object would put
// "0" before "a", as goja's stringify does not for a list).
type listedCopy struct {
	keys []string
	vals map[string]goja.Value
}

func (c *listedCopy) Get(key string) goja.Value { return c.vals[key] }

func (c *listedCopy) Set(string, goja.Value) bool { return false }

func (c *listedCopy) Has(key string) bool {
	_, ok := c.vals[key]
	return ok
}

func (c *listedCopy) Delete(string) bool { return false }

func (c *listedCopy) Keys() []string { return c.keys }
