package runtime

import (
	"fmt"

	"github.com/dop251/goja"
)

// stringifyGuard runs goja's own JSON.stringify with a replacer written in
// Go, for the calls that bring no replacer of their own (nearly all). The
// replacer keeps what the JavaScript guard in hardenSource keeps: the path
// from the root to the value being written, to refuse values nested past
// MaxJSONNesting, and a way for the run's time limit to stop a long
// stringify (a JavaScript no-op every stringifyTick values, where goja
// checks for an interrupt). Being Go, it costs a native call per value
// where the JavaScript replacer cost an interpreted one: half the time of
// a small object's stringify.
//
// A stringify may call another (from a toJSON method), so each call pushes
// its path on a stack; the paths are cleared when their call returns, so a
// pooled runtime keeps no value of a run.
type stringifyGuard struct {
	rt         *goja.Runtime
	rangeError goja.Value // the pristine RangeError
	// Made on first use: most runtimes never stringify.
	stringify goja.Callable // goja's own JSON.stringify
	replacer  goja.Value
	tick      goja.Callable
	paths     []jsonPath
	seen      int // values met since the last tick
}

// jsonPath is one stringify's path: path[:depth] are the objects from the
// root to the current holder; entries past depth are stale until cleared.
type jsonPath struct {
	path  []*goja.Object
	depth int
	used  int // how much of path was ever written, to clear
}

const stringifyTick = 1024

// call is JSON.stringify(value, undefined, space) for hardenSource's
// wrapper, which passes goja's own stringify first.
func (g *stringifyGuard) call(call goja.FunctionCall) goja.Value {
	if g.stringify == nil {
		g.stringify, _ = goja.AssertFunction(call.Argument(0))
		g.replacer = g.rt.ToValue(g.replace)
		tick, err := g.rt.RunString("(function () {})")
		if err != nil {
			panic(err)
		}
		g.tick, _ = goja.AssertFunction(tick)
	}
	g.paths = append(g.paths, jsonPath{})
	defer g.pop()
	out, err := g.stringify(goja.Undefined(), call.Argument(1), g.replacer, call.Argument(2))
	if err != nil {
		panic(err) // the exception (or interrupt) as it was
	}
	return out
}

func (g *stringifyGuard) pop() {
	p := &g.paths[len(g.paths)-1]
	clear(p.path[:p.used])
	g.paths = g.paths[:len(g.paths)-1]
}

// replace is the replacer: this is the holder of v.
func (g *stringifyGuard) replace(call goja.FunctionCall) goja.Value {
	p := &g.paths[len(g.paths)-1]
	v := call.Argument(1)
	holder, _ := call.This.(*goja.Object)
	for p.depth > 0 && p.path[p.depth-1] != holder {
		p.depth--
	}
	if obj, ok := v.(*goja.Object); ok && !isCallable(obj) {
		if p.depth >= MaxJSONNesting {
			exc, err := g.rt.New(g.rangeError, g.rt.ToValue(fmt.Sprintf("JSON.stringify: the value is nested more than %d levels deep", MaxJSONNesting)))
			if err != nil {
				panic(err)
			}
			panic(exc)
		}
		if p.depth < len(p.path) {
			p.path[p.depth] = obj
		} else {
			p.path = append(p.path, obj)
		}
		p.depth++
		p.used = max(p.used, p.depth)
	}
	if g.seen++; g.seen >= stringifyTick {
		g.seen = 0
		if _, err := g.tick(goja.Undefined()); err != nil {
			panic(err) // the run's interrupt
		}
	}
	return v
}

// isCallable tells a function (which stringify skips, and typeof calls
// "function", not "object") from other objects.
func isCallable(o *goja.Object) bool {
	_, ok := goja.AssertFunction(o)
	return ok
}
