// Package callbacks holds what a pass sends to the user and what the user
// sends back, in AM's /json/authenticate JSON shape, and implements the
// `callbacks` binding, through which a Scripted Decision script reads the
// callbacks submitted with this pass (spec §5).
//
// One type, Callback, serves both directions: callbacksBuilder renders the
// callbacks a pass queues into the Sent output (`callbacks` in the run's
// JSON), and the host hands the client's answer back to the next pass
// through the Submitted back end, the same callbacks with their input
// values filled in (Fill does that from a Reply). A local server speaking
// AM's REST API can send Sent as is and decode the client's body into
// Submitted.
//
// How each callback type renders (its output names, its inputs and their
// initial values) is the table in shapes.json, not code: rows the spec marks
// unverified follow AM's usual format and can be corrected from a tenant
// capture by editing that file.
package callbacks

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/journeyjs/journeyjs/bindings"
)

// Callback is one callback as AM's /json/authenticate sends and receives
// it: {"type": …, "output": [{"name", "value"}…], "input": [{"name":
// "IDToken1", "value"}…]}. A callback without inputs has no input key.
type Callback struct {
	Type   string      `json:"type" yaml:"type"`
	Output []NameValue `json:"output" yaml:"output"`
	Input  []NameValue `json:"input,omitempty" yaml:"input,omitempty"`
}

// NameValue is one entry of a callback's output or input.
type NameValue struct {
	Name  string `json:"name" yaml:"name"`
	Value any    `json:"value" yaml:"value"`
}

// Sent is the callbacks a pass sends to the user (callbacksBuilder's, or
// action.suspend's SuspendedTextOutputCallback), numbered IDToken1… in
// order. A pass that sets it has no outcome (bindings.Run.SendsToUser).
var Sent = bindings.NewOutput[[]Callback]("callbacks")

// Submitted is the back end of `callbacks`: the callbacks the client sent
// back with this pass (the previous pass's Sent, input values filled in).
// Unset or empty on a first pass, where callbacks.isEmpty() is true.
var Submitted = bindings.NewBackend[[]Callback]("callbacks")

// Shape is one row of the rendering table (shapes.json).
type Shape struct {
	Source string        `json:"source"`
	Output []OutputShape `json:"output"`
	Input  []InputShape  `json:"input"`
}

// OutputShape is one output entry of a callback type.
type OutputShape struct {
	// Name is the entry's name in the JSON.
	Name string `json:"name"`
	// Field is the builder's value it shows; empty means Name.
	Field string `json:"field"`
	// As "string" renders a number as a JSON string (messageType "0").
	As string `json:"as"`
}

// InputShape is one input of a callback type.
type InputShape struct {
	// Suffix follows IDToken<N> in the input's name ("", "validateOnly",
	// "question" …).
	Suffix string `json:"suffix"`
	// Field is the name the callbacks getters read the value under.
	Field string `json:"field"`
	// Initial names the builder's value the input holds before the client
	// answers (HiddenValueCallback: its id); Default is used when the
	// builder has no such value.
	Initial string `json:"initial"`
	Default any    `json:"default"`
}

//go:embed shapes.json
var shapesJSON []byte

// Shapes is the rendering table, by callback type.
var Shapes = func() map[string]Shape {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(shapesJSON, &raw); err != nil {
		panic("callbacks: shapes.json: " + err.Error())
	}
	m := make(map[string]Shape, len(raw))
	for typ, r := range raw {
		if strings.HasPrefix(typ, "_") {
			continue
		}
		var s Shape
		if err := json.Unmarshal(r, &s); err != nil {
			panic(fmt.Sprintf("callbacks: shapes.json: %s: %v", typ, err))
		}
		m[typ] = s
	}
	return m
}()

// Render builds a callback of type typ from the builder's named values,
// as the table says. Its inputs are named as if it were the first callback;
// Number renames them for their place in a page.
func Render(typ string, fields map[string]any) Callback {
	s, ok := Shapes[typ]
	if !ok {
		panic("callbacks: no shape for " + typ)
	}
	cb := Callback{Type: typ, Output: []NameValue{}}
	for _, o := range s.Output {
		f := o.Field
		if f == "" {
			f = o.Name
		}
		v := fields[f]
		if o.As == "string" && v != nil {
			v = fmt.Sprint(v)
		}
		cb.Output = append(cb.Output, NameValue{Name: o.Name, Value: v})
	}
	for _, in := range s.Input {
		v := in.Default
		if in.Initial != "" {
			if iv, ok := fields[in.Initial]; ok && iv != nil {
				v = iv
			}
		}
		cb.Input = append(cb.Input, NameValue{Name: "IDToken1" + in.Suffix, Value: v})
	}
	return cb
}

var idToken = regexp.MustCompile(`^IDToken\d+`)

// Number names the inputs of cbs for their places: the inputs of the n-th
// callback (1-based) are IDToken<n> and IDToken<n><suffix>. It changes cbs
// in place and returns it.
func Number(cbs []Callback) []Callback {
	for i := range cbs {
		for j := range cbs[i].Input {
			in := &cbs[i].Input[j]
			in.Name = "IDToken" + strconv.Itoa(i+1) + idToken.ReplaceAllString(in.Name, "")
		}
	}
	return cbs
}

// Output returns the value of the output entry called name, and whether
// the callback has one.
func (c Callback) OutputValue(name string) (any, bool) {
	for _, o := range c.Output {
		if o.Name == name {
			return o.Value, true
		}
	}
	return nil, false
}

// Values returns the callback's input values by the table's field names
// (name, password, selected …), as the callbacks getters read them. An input
// the client left out is absent.
func (c Callback) Values() map[string]any {
	s := Shapes[c.Type]
	out := map[string]any{}
	for _, in := range c.Input {
		suffix := idToken.ReplaceAllString(in.Name, "")
		for _, is := range s.Input {
			if is.Suffix == suffix {
				out[is.Field] = in.Value
			}
		}
	}
	return out
}

// TakesInput reports whether the client answers the callback.
func (c Callback) TakesInput() bool { return len(c.Input) > 0 }

// Summary describes the callback on one line: its type, its prompt or
// message, its options, for the CLI.
func (c Callback) Summary() string {
	parts := []string{c.Type}
	for _, k := range []string{"prompt", "message"} {
		if v, ok := c.OutputValue(k); ok && v != nil && v != "" {
			parts = append(parts, fmt.Sprintf("%q", fmt.Sprint(v)))
			break
		}
	}
	for _, k := range []string{"choices", "options", "predefinedQuestions", "providers"} {
		if v, ok := c.OutputValue(k); ok && v != nil {
			b, _ := json.Marshal(v)
			if string(b) != "null" && string(b) != "[]" {
				parts = append(parts, k+" "+string(b))
			}
		}
	}
	for _, k := range []string{"id", "redirectUrl", "waitTime"} {
		if v, ok := c.OutputValue(k); ok && v != nil {
			parts = append(parts, fmt.Sprintf("%s %v", k, v))
		}
	}
	var ins []string
	for _, in := range c.Input {
		b, _ := json.Marshal(in.Value)
		ins = append(ins, in.Name+"="+string(b))
	}
	if len(ins) > 0 {
		parts = append(parts, "["+strings.Join(ins, " ")+"]")
	}
	return strings.Join(parts, "  ")
}
