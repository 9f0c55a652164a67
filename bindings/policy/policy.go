// Package policy implements the `policy` binding:
// policy.evaluate(subject, application, resources, environment) asks the
// realm's policy engine for a decision on each resource, as AM's REST
// policies?_action=evaluate does, and returns a list of
// {resource, actions, attributes, advices}.
//
// The subject is a map naming the caller by ssoToken, jwt or claims;
// application is the policy set; resources is a list of strings;
// environment maps names to lists of strings. The decisions come from the
// run's Engine back end (Rules in fixtures); without one, every call throws.
package policy

import (
	"context"
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `policy` binding.
var Binding = bindings.Define("policy", func(vm *bindings.VM) bindings.Instance { return New(vm.Runtime) })

// Request is one evaluate call.
type Request struct {
	Subject     map[string]any
	Application string
	Resources   []string
	Environment map[string][]string
}

// Decision is the policy engine's answer for one resource.
type Decision struct {
	Resource   string              `json:"resource"`
	Actions    map[string]bool     `json:"actions"`
	Attributes map[string][]string `json:"attributes"`
	Advices    map[string][]string `json:"advices"`
}

// Engine decides requests.
type Engine interface {
	Evaluate(ctx context.Context, req Request) ([]Decision, error)
}

// EngineKey is the key of the policy engine a run asks.
var EngineKey = bindings.NewBackend[Engine]("policy")

// Evaluations lists the requests a run made, for reports and tests.
var Evaluations = bindings.NewOutput[[]Evaluation]("policyEvaluations")

// Evaluation is one request and its decisions (the subject left out: it
// carries tokens).
type Evaluation struct {
	Application string     `json:"application"`
	Resources   []string   `json:"resources"`
	Decisions   []Decision `json:"decisions"`
}

// Instance is the per-runtime `policy` object.
type Instance struct {
	obj    *goja.Object
	ctx    context.Context
	engine Engine
	evals  []Evaluation
}

// New builds the `policy` object for rt.
func New(rt *goja.Runtime) *Instance {
	b := &Instance{obj: rt.NewObject()}
	jsvalue.Method(rt, b.obj, "evaluate", func(call goja.FunctionCall) goja.Value {
		req := readRequest(rt, call)
		if b.engine == nil {
			jsvalue.Throw(rt, "policy.evaluate: no policy engine is configured (fixtures: policies)")
		}
		ds, err := b.engine.Evaluate(b.ctx, req)
		if err != nil {
			jsvalue.Throw(rt, "policy.evaluate: %v", err)
		}
		b.evals = append(b.evals, Evaluation{Application: req.Application, Resources: req.Resources, Decisions: ds})
		items := make([]any, len(ds))
		for i, d := range ds {
			items[i] = decisionValue(rt, d)
		}
		return jsvalue.JavaList(rt, rt.NewArray(items...))
	})
	jsvalue.Seal(rt, b.obj)
	return b
}

func readRequest(rt *goja.Runtime, call goja.FunctionCall) Request {
	subj, ok := jsvalue.ToGo(call.Argument(0)).(map[string]any)
	if !ok {
		jsvalue.Throw(rt, "policy.evaluate: the subject must be a map with ssoToken, jwt or claims")
	}
	if subj["ssoToken"] == nil && subj["jwt"] == nil && subj["claims"] == nil {
		jsvalue.Throw(rt, "policy.evaluate: the subject names no one: give ssoToken, jwt or claims")
	}
	app := jsvalue.ArgString(call, 1)
	if app == "" {
		jsvalue.Throw(rt, "policy.evaluate: the application (policy set name) is required")
	}
	rawRes, ok := jsvalue.ToGo(call.Argument(2)).([]any)
	if !ok || len(rawRes) == 0 {
		jsvalue.Throw(rt, "policy.evaluate: resources must be a non-empty list of strings")
	}
	req := Request{Subject: subj, Application: app, Environment: map[string][]string{}}
	for _, r := range rawRes {
		req.Resources = append(req.Resources, fmt.Sprint(r))
	}
	env := call.Argument(3)
	if !jsvalue.IsNullish(env) {
		m, ok := jsvalue.ToGo(env).(map[string]any)
		if !ok {
			jsvalue.Throw(rt, "policy.evaluate: the environment must be a map of names to lists of strings, or {}")
		}
		for k, v := range m {
			list, ok := v.([]any)
			if !ok {
				jsvalue.Throw(rt, "policy.evaluate: environment %q must be a list of strings", k)
			}
			for _, s := range list {
				req.Environment[k] = append(req.Environment[k], fmt.Sprint(s))
			}
		}
	}
	return req
}

func decisionValue(rt *goja.Runtime, d Decision) goja.Value {
	actions := map[string]any{}
	for k, v := range d.Actions {
		actions[k] = v
	}
	lists := func(m map[string][]string) map[string]any {
		out := map[string]any{}
		for k, v := range m {
			items := make([]any, len(v))
			for i, s := range v {
				items[i] = s
			}
			out[k] = items
		}
		return out
	}
	return jsvalue.JavaView(rt, jsvalue.ToJS(rt, map[string]any{
		"resource": d.Resource, "actions": actions,
		"attributes": lists(d.Attributes), "advices": lists(d.Advices),
	}))
}

// Value is the JavaScript value installed as `policy`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin starts a run that asks the run's engine.
func (b *Instance) Begin(run *bindings.Run) {
	b.ctx, b.engine, b.evals = run.Context, EngineKey.From(run), nil
}

// End hands the run's evaluations to the run.
func (b *Instance) End(run *bindings.Run) {
	if len(b.evals) > 0 {
		Evaluations.Set(run.Outputs, b.evals)
	}
	b.ctx, b.engine, b.evals = nil, nil, nil
}

// Rule grants or denies actions on the resources of a policy set matching
// Resources, where * stands for any run of characters.
type Rule struct {
	Application string              `yaml:"application"`
	Resources   []string            `yaml:"resources"`
	Actions     map[string]bool     `yaml:"actions"`
	Attributes  map[string][]string `yaml:"attributes"`
	Advices     map[string][]string `yaml:"advices"`
}

// Rules is an Engine from a list of rules: for each resource, the actions,
// attributes and advices of every matching rule of the application, later
// rules winning on the same action. A resource no rule matches gets empty
// maps, as AM answers for a resource no policy covers.
type Rules []Rule

// Evaluate implements Engine.
func (rs Rules) Evaluate(_ context.Context, req Request) ([]Decision, error) {
	out := make([]Decision, 0, len(req.Resources))
	for _, res := range req.Resources {
		d := Decision{Resource: res, Actions: map[string]bool{}, Attributes: map[string][]string{}, Advices: map[string][]string{}}
		for _, r := range rs {
			if r.Application != req.Application || !matchesAny(r.Resources, res) {
				continue
			}
			for k, v := range r.Actions {
				d.Actions[k] = v
			}
			for k, v := range r.Attributes {
				d.Attributes[k] = v
			}
			for k, v := range r.Advices {
				d.Advices[k] = v
			}
		}
		out = append(out, d)
	}
	return out, nil
}

func matchesAny(patterns []string, s string) bool {
	for _, p := range patterns {
		if glob(p, s) {
			return true
		}
	}
	return false
}

// glob matches s against p, where * matches any run of characters.
func glob(p, s string) bool {
	parts := strings.Split(p, "*")
	if len(parts) == 1 {
		return p == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}
