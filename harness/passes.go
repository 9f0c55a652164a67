package harness

import (
	"context"
	"fmt"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/runtime"
)

// CallbackExpect is one expected callback of a pass. Unset fields are not
// checked.
type CallbackExpect struct {
	// Type is the callback's type: NameCallback, ChoiceCallback …
	Type string `yaml:"type" json:"type,omitempty"`
	// Prompt is its prompt output, or its message for the output-only
	// callbacks (TextOutputCallback …).
	Prompt *string `yaml:"prompt" json:"prompt,omitempty"`
	// Options are its choices (ChoiceCallback) or options
	// (ConfirmationCallback).
	Options []string `yaml:"options" json:"options,omitempty"`
	// Values are other entries by name, output (defaultChoice, id …) or
	// input (IDToken1 …: its value before the user answers), matched as
	// sharedState is.
	Values map[string]any `yaml:"values" json:"values,omitempty"`
}

// CheckPasses checks a case's passes: e's passes against each pass's
// result, and e itself against the last (o, whose Err is runErr). runErr is
// the error of the last pass.
func (e *Expect) CheckPasses(ctx context.Context, results []runtime.Result, runErr error, o Observed) []Failure {
	if e == nil {
		e = &Expect{}
	}
	var fs []Failure
	for i, pe := range e.Passes {
		name := fmt.Sprintf("passes[%d]", i)
		if i >= len(results) {
			fs = append(fs, Failure{Check: name, Message: fmt.Sprintf("%s: the run had only %d pass(es): add replies for the callbacks of pass %d", name, len(results), len(results))})
			break
		}
		po := Observed{Result: results[i], Env: o.Env}
		if i == len(results)-1 {
			po = o
		}
		for _, f := range pe.Check(ctx, po) {
			f.Check = name + "." + f.Check
			f.Message = name + "." + f.Message
			fs = append(fs, f)
		}
	}
	return append(fs, e.Check(ctx, o)...)
}

// callbackView is what a CallbackExpect compares: the callback's type,
// prompt, options and every entry by name.
func callbackView(cb callbacks.Callback) map[string]any {
	v := map[string]any{"type": cb.Type}
	for _, k := range []string{"prompt", "message"} {
		if p, ok := cb.OutputValue(k); ok {
			v["prompt"] = p
			break
		}
	}
	for _, k := range []string{"choices", "options"} {
		if p, ok := cb.OutputValue(k); ok {
			v["options"] = p
			break
		}
	}
	vals := map[string]any{}
	for _, o := range cb.Output {
		vals[o.Name] = o.Value
	}
	for _, in := range cb.Input {
		vals[in.Name] = in.Value
	}
	v["values"] = vals
	return v
}

func (c CallbackExpect) view() map[string]any {
	v := map[string]any{}
	if c.Type != "" {
		v["type"] = c.Type
	}
	if c.Prompt != nil {
		v["prompt"] = *c.Prompt
	}
	if c.Options != nil {
		v["options"] = c.Options
	}
	if c.Values != nil {
		v["values"] = c.Values
	}
	return v
}

func (e *Expect) checkCallbacks(out bindings.Outputs) []Failure {
	if e.Callbacks == nil {
		return nil
	}
	want := *e.Callbacks
	got := callbacks.Sent.Get(out)
	if len(want) != len(got) {
		gv := make([]any, len(got))
		for i, cb := range got {
			gv[i] = cb.Summary()
		}
		return []Failure{{Check: "callbacks", Message: fmt.Sprintf("callbacks: expected %d callback(s), the pass sent %d", len(want), len(got)),
			Expected: len(want), Actual: gv}}
	}
	var fs []Failure
	for i, w := range want {
		if f, bad := subsetFailure(fmt.Sprintf("callbacks[%d]", i), w.view(), callbackView(got[i])); bad {
			fs = append(fs, f)
		}
	}
	return fs
}
