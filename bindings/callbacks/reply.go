package callbacks

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Reply is what the person at the browser answers to the callbacks of one
// pass, in one of two forms:
//
//   - a list of values, one for each callback that takes input, in order
//     (callbacks without input, such as TextOutputCallback, are skipped). A
//     callback with several inputs takes a map by input suffix or field
//     ({question: …, answer: …}); a plain value fills its first input. A
//     single value stands for a list of one. Callbacks left without a value
//     keep their initial input, as in AM.
//   - a map by input name: {IDToken1: bjensen, IDToken2validateOnly: true}.
type Reply struct {
	List   []any
	ByName map[string]any
}

// Replies are the replies of a run, one per pass after the first: the
// first answers the callbacks the first pass sends.
type Replies []Reply

// UnmarshalYAML reads either form.
func (r *Reply) UnmarshalYAML(n *yaml.Node) error {
	var v any
	if err := n.Decode(&v); err != nil {
		return err
	}
	return r.set(jsvalue.Normalize(v))
}

// UnmarshalJSON reads either form.
func (r *Reply) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	return r.set(jsvalue.Normalize(v))
}

// MarshalJSON writes the reply as it was given.
func (r Reply) MarshalJSON() ([]byte, error) {
	if r.ByName != nil {
		return json.Marshal(r.ByName)
	}
	if r.List == nil {
		return []byte("[]"), nil
	}
	return json.Marshal(r.List)
}

func (r *Reply) set(v any) error {
	switch x := v.(type) {
	case []any:
		*r = Reply{List: x}
	case map[string]any:
		for k := range x {
			if !idToken.MatchString(k) {
				return fmt.Errorf("a reply given as a map has input names as keys (IDToken1, IDToken2validateOnly …), not %q", k)
			}
		}
		*r = Reply{ByName: x}
	case nil:
		*r = Reply{List: []any{}}
	default:
		*r = Reply{List: []any{x}}
	}
	return nil
}

// Fill returns a copy of sent, the callbacks a pass sent, with the reply's
// values in their inputs: what the client submits.
func Fill(sent []Callback, r Reply) ([]Callback, error) {
	out := make([]Callback, len(sent))
	for i, cb := range sent {
		cb.Output = slices.Clone(cb.Output)
		cb.Input = slices.Clone(cb.Input)
		out[i] = cb
	}
	if r.ByName != nil {
		for _, name := range slices.Sorted(maps.Keys(r.ByName)) {
			if !setInput(out, name, r.ByName[name]) {
				return nil, fmt.Errorf("reply: no callback has an input %s (inputs: %s)", name, strings.Join(inputNames(out), ", "))
			}
		}
		return out, nil
	}
	var takers []int
	for i, cb := range out {
		if cb.TakesInput() {
			takers = append(takers, i)
		}
	}
	if len(r.List) > len(takers) {
		return nil, fmt.Errorf("reply: %d value(s) for %d callback(s) that take input (%s)", len(r.List), len(takers), describe(out))
	}
	for k, v := range r.List {
		cb := &out[takers[k]]
		m, isMap := v.(map[string]any)
		if !isMap || len(cb.Input) == 1 && !matchesInputs(*cb, m) {
			cb.Input[0].Value = v
			continue
		}
		for _, key := range slices.Sorted(maps.Keys(m)) {
			if !setField(cb, key, m[key]) {
				return nil, fmt.Errorf("reply: value %d: %s has no input %q (its inputs: %s)", k+1, cb.Type, key, strings.Join(fieldNames(*cb), ", "))
			}
		}
	}
	return out, nil
}

func setInput(cbs []Callback, name string, v any) bool {
	for i := range cbs {
		for j := range cbs[i].Input {
			if cbs[i].Input[j].Name == name {
				cbs[i].Input[j].Value = v
				return true
			}
		}
	}
	return false
}

// matchesInputs reports whether every key of m names an input of cb.
func matchesInputs(cb Callback, m map[string]any) bool {
	names := fieldNames(cb)
	for k := range m {
		if !slices.Contains(names, k) {
			return false
		}
	}
	return len(m) > 0
}

// setField sets the input of cb whose suffix or field is key.
func setField(cb *Callback, key string, v any) bool {
	s := Shapes[cb.Type]
	for j := range cb.Input {
		suffix := idToken.ReplaceAllString(cb.Input[j].Name, "")
		for _, is := range s.Input {
			if is.Suffix == suffix && (key == is.Field || key == suffix && suffix != "") {
				cb.Input[j].Value = v
				return true
			}
		}
	}
	return false
}

func fieldNames(cb Callback) []string {
	var out []string
	s := Shapes[cb.Type]
	for _, is := range s.Input {
		out = append(out, is.Field)
		if is.Suffix != "" && is.Suffix != is.Field {
			out = append(out, is.Suffix)
		}
	}
	return out
}

func inputNames(cbs []Callback) []string {
	var out []string
	for _, cb := range cbs {
		for _, in := range cb.Input {
			out = append(out, in.Name)
		}
	}
	if len(out) == 0 {
		return []string{"none"}
	}
	return out
}

func describe(cbs []Callback) string {
	var parts []string
	for _, cb := range cbs {
		if cb.TakesInput() {
			parts = append(parts, cb.Type)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
