package runtime

import (
	"encoding/json"
	"time"

	"github.com/journeyjs/journeyjs/bindings"
)

// Result is what a run produced, the one result type from the engine to
// every consumer: its JSON form is what `journeyjs run --format json`
// prints, what `journeyjs serve` answers, and what test cases compare.
// When a run fails, Run returns the partial Result (state and outputs up to
// the failure) together with the error, which Error holds too.
type Result struct {
	// Context is the script context the run had.
	Context *Context
	// Outcome is the outcome the script chose (action.goTo).
	Outcome string
	// Value is the run's result for a context whose result is a value, not
	// an outcome (Context.ResultGlobal: a Configuration Provider's config
	// object), as JSON-shaped Go values; nil otherwise.
	Value any
	// SharedState and TransientState are the node state after the run. When
	// the script did not change a state, its map is the one from Input.
	SharedState    map[string]any
	TransientState map[string]any
	// Outputs is what the bindings recorded (page header, logs, HTTP
	// calls, IDM changes …), read with each binding's typed keys, e.g.
	// httpclient.Calls.Get(res.Outputs). In JSON each is a key of its own.
	Outputs bindings.Outputs
	// Duration is the wall time of the run, compile included.
	Duration time.Duration
	// Error is why the run failed, nil when it did not.
	Error *ScriptError
	// Warnings are what the script (and the libraries it required) does
	// that AIC compiles but runs differently (LanguageTenant): a top-level
	// const reads back undefined, a const in a loop body keeps its first
	// value …
	Warnings []Warning
}

// resultJSON is Result's JSON form without the outputs, which
// bindings.AppendJSON adds after it. Empty state comes out as {}, never
// null, so consumers need no checks.
type resultJSON struct {
	Context        string         `json:"context,omitempty"`
	Outcome        string         `json:"outcome"`
	Value          any            `json:"value,omitempty"`
	SharedState    map[string]any `json:"sharedState"`
	TransientState map[string]any `json:"transientState"`
	DurationMs     float64        `json:"durationMs"`
	Error          *ScriptError   `json:"error,omitempty"`
	Warnings       []Warning      `json:"warnings,omitempty"`
}

// MarshalJSON writes the result with every output under its own key.
func (r Result) MarshalJSON() ([]byte, error) {
	j := resultJSON{
		Outcome:        r.Outcome,
		Value:          r.Value,
		SharedState:    orEmptyMap(r.SharedState),
		TransientState: orEmptyMap(r.TransientState),
		DurationMs:     float64(r.Duration.Microseconds()) / 1000,
		Error:          r.Error,
		Warnings:       r.Warnings,
	}
	if r.Context != nil {
		j.Context = r.Context.Name
	}
	return bindings.AppendJSON(j, r.Outputs)
}

// UnmarshalJSON reads what MarshalJSON wrote, each output with its declared
// type.
func (r *Result) UnmarshalJSON(data []byte) error {
	var j resultJSON
	var out bindings.Outputs
	if err := bindings.ReadJSON(data, &j, &out); err != nil {
		return err
	}
	*r = Result{Outcome: j.Outcome, Value: j.Value, SharedState: j.SharedState, TransientState: j.TransientState,
		Outputs: out, Duration: time.Duration(j.DurationMs * float64(time.Millisecond)), Error: j.Error,
		Warnings: j.Warnings}
	if j.Context != "" {
		c, err := LookupContext(j.Context)
		if err != nil {
			return err
		}
		r.Context = c
	}
	return nil
}

// String is the result's JSON, for debugging.
func (r Result) String() string {
	b, err := json.Marshal(r)
	if err != nil {
		return "runtime.Result: " + err.Error()
	}
	return string(b)
}

// The result's own JSON key for the warnings, which no output may take.
func init() { bindings.Reserve("warnings"); bindings.Reserve("value") }

func orEmptyMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
