// Package bindingtest runs bindings on a tiny test runtime, without the
// engine: a goja runtime with an event loop, the bindings under test as
// globals, and one bindings.Run at a time. It is to a binding package what
// k6's modulestest is to a k6 module.
//
//	r := bindingtest.New(t, action.Binding)
//	r.Begin(bindings.Backends{})
//	r.MustRun(`action.goTo("true").withHeader("Welcome")`)
//	out := r.End()
//	outcome, _ := r.Run.Outcome()
package bindingtest

import (
	"context"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/eventloop"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Runtime is a test runtime. Its fields are for the test to read; Begin,
// RunScript and End drive one run at a time.
type Runtime struct {
	T       testing.TB
	RT      *goja.Runtime
	Loop    *eventloop.EventLoop
	Run     bindings.Run
	State   bindings.State
	Outputs bindings.Outputs

	vm        bindings.VM
	given     map[string]bindings.Binding
	instances map[string]bindings.Instance
	order     []string
}

// New builds a runtime offering bs (and, through VM.Instance, any binding
// they depend on from the registry). The loop is terminated when the test
// ends.
func New(t testing.TB, bs ...bindings.Binding) *Runtime {
	r := &Runtime{T: t, given: map[string]bindings.Binding{}, instances: map[string]bindings.Instance{}}
	r.Loop = eventloop.NewEventLoop(eventloop.EnableConsole(false))
	r.Loop.Run(func(rt *goja.Runtime) { r.RT = rt })
	t.Cleanup(r.Loop.Terminate)
	r.vm = bindings.VM{
		Runtime:  r.RT,
		Loop:     r.Loop,
		Builtin:  func(name string) goja.Value { return jsvalue.Builtin(r.RT, name) },
		Instance: r.instance,
	}
	for _, b := range bs {
		r.given[b.Name()] = b
		r.order = append(r.order, b.Name())
	}
	for _, b := range bs {
		r.instance(b.Name())
	}
	return r
}

func (r *Runtime) instance(name string) bindings.Instance {
	if inst, ok := r.instances[name]; ok {
		return inst
	}
	b, ok := r.given[name]
	if !ok {
		if b, ok = bindings.Lookup(name); !ok {
			return nil
		}
	}
	inst := b.New(&r.vm)
	r.instances[name] = inst
	return inst
}

// Instance returns the instance of the binding called name.
func (r *Runtime) Instance(name string) bindings.Instance { return r.instances[name] }

// Begin starts a run with backends, empty state and a script named test.js
// in a Scripted Decision context, and installs the bindings' values.
func (r *Runtime) Begin(backends bindings.Backends) *Runtime {
	return r.BeginWith(backends, func(*bindings.Run) {})
}

// BeginWith is Begin with a hook that may change the run (state, request,
// script name) before the bindings begin it.
func (r *Runtime) BeginWith(backends bindings.Backends, change func(*bindings.Run)) *Runtime {
	r.State = bindings.State{}
	r.Outputs = bindings.Outputs{}
	r.Outputs.MarkRan()
	r.Run = bindings.Run{
		Context: context.Background(),
		Script:  bindings.NewScriptInfo("test.js", "SCRIPTED_DECISION_NODE", "AUTHENTICATION_TREE_DECISION_NODE", func() string { return "00000000-0000-0000-0000-000000000000" }),
		State:   &r.State,
		Outputs: &r.Outputs,
	}
	r.Run.SetBackends(backends, bindings.Backends{})
	change(&r.Run)
	for _, name := range r.order {
		inst := r.instances[name]
		inst.Begin(&r.Run)
		v := inst.Value()
		if p, ok := inst.(bindings.PerRun); ok {
			v = p.RunValue()
		}
		if err := r.RT.Set(name, v); err != nil {
			r.T.Fatalf("bindingtest: install %s: %v", name, err)
		}
	}
	return r
}

// RunScript runs src in the current run and, when a binding left work for
// the event loop, drains it.
func (r *Runtime) RunScript(src string) (goja.Value, error) {
	v, err := r.RT.RunString(src)
	if err != nil {
		return v, err
	}
	for _, name := range r.order {
		if a, ok := r.instances[name].(bindings.Async); ok && a.Pending() {
			if err := a.Drain(func() {}); err != nil {
				return v, err
			}
		}
	}
	return v, nil
}

// MustRun is RunScript that fails the test on an error.
func (r *Runtime) MustRun(src string) goja.Value {
	r.T.Helper()
	v, err := r.RunScript(src)
	if err != nil {
		r.T.Fatalf("bindingtest: %v", err)
	}
	return v
}

// End ends the run and returns what the bindings handed back.
func (r *Runtime) End() bindings.Outputs {
	for _, name := range r.order {
		r.instances[name].End(&r.Run)
	}
	return r.Outputs
}
