package bindings

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
)

// Outputs holds what a run's bindings handed back, each under the Output key
// its binding package declares. A run's result carries them; its JSON form
// writes each under its key's name. The zero value holds none.
type Outputs struct {
	vals map[*outputKey]any
	// ran marks the outputs of a run: only those show the keys declared
	// with a default when nothing set them.
	ran bool
}

type outputKey struct {
	name   string
	order  int
	hasDef bool
	def    func() any
	decode func(json.RawMessage) (any, error)
}

// Output is the key of one output of type T, declared by a binding package
// as a package variable:
//
//	var Calls = bindings.NewOutput[[]Call]("httpCalls")
//
// The binding sets it at End; a host reads it with Calls.Get(res.Outputs).
type Output[T any] struct{ k *outputKey }

var outputRegistry struct {
	sync.RWMutex
	byName map[string]*outputKey
	order  []*outputKey
}

// NewOutput declares an output key. name is its key in the result's JSON
// and must be unique among every output; the output is in the JSON only
// when set. It panics on a duplicate name: declaring keys is done at
// package initialisation, where that is a programming error.
func NewOutput[T any](name string) Output[T] {
	return Output[T]{declare[T](name, nil)}
}

// NewOutputDefault declares an output key that every run's JSON shows: as
// def when the run did not set it.
func NewOutputDefault[T any](name string, def func() T) Output[T] {
	return Output[T]{declare(name, def)}
}

func declare[T any](name string, def func() T) *outputKey {
	k := &outputKey{name: name, decode: func(raw json.RawMessage) (any, error) {
		var v T
		err := json.Unmarshal(raw, &v)
		return v, err
	}}
	if def != nil {
		k.hasDef, k.def = true, func() any { return def() }
	}
	r := &outputRegistry
	r.Lock()
	defer r.Unlock()
	if _, dup := r.byName[name]; dup || reservedNames[name] {
		panic(fmt.Sprintf("bindings: output %q is declared twice", name))
	}
	if r.byName == nil {
		r.byName = make(map[string]*outputKey)
	}
	k.order = len(r.order)
	r.byName[name] = k
	r.order = append(r.order, k)
	return k
}

// reservedNames are the result's own keys, which no output may take.
var reservedNames = map[string]bool{
	"context": true, "outcome": true, "sharedState": true, "transientState": true, "durationMs": true, "error": true,
}

// Reserve marks names as keys of a JSON object that outputs are written
// into (a journey step's own keys), so that no output can take them.
func Reserve(names ...string) {
	r := &outputRegistry
	r.Lock()
	defer r.Unlock()
	for _, n := range names {
		if _, taken := r.byName[n]; taken {
			panic(fmt.Sprintf("bindings: %q is both an output and a reserved key", n))
		}
		reservedNames[n] = true
	}
}

// Name is the output's key in the result's JSON.
func (k Output[T]) Name() string { return k.k.name }

// Set puts v under k.
func (k Output[T]) Set(o *Outputs, v T) {
	if o.vals == nil {
		o.vals = make(map[*outputKey]any, 4)
	}
	o.vals[k.k] = v
}

// Lookup returns the value under k and whether the run set it.
func (k Output[T]) Lookup(o Outputs) (T, bool) {
	v, ok := o.vals[k.k].(T)
	return v, ok
}

// Get returns the value under k: its default or the zero T when unset.
func (k Output[T]) Get(o Outputs) T {
	if v, ok := k.Lookup(o); ok {
		return v
	}
	if k.k.hasDef {
		return k.k.def().(T)
	}
	var zero T
	return zero
}

// MarkRan marks o as a run's outputs, which show the outputs declared with a
// default even when unset.
func (o *Outputs) MarkRan() { o.ran = true }

// OutputNames lists every declared output's JSON name, in declaration order.
func OutputNames() []string {
	r := &outputRegistry
	r.RLock()
	defer r.RUnlock()
	names := make([]string, len(r.order))
	for i, k := range r.order {
		names[i] = k.name
	}
	return names
}

// JSON returns the JSON of the output called name as a run's JSON would show
// it, and whether it would show it at all.
func (o Outputs) JSON(name string) (json.RawMessage, bool, error) {
	r := &outputRegistry
	r.RLock()
	k := r.byName[name]
	r.RUnlock()
	if k == nil {
		return nil, false, nil
	}
	v, ok := o.value(k)
	if !ok {
		return nil, false, nil
	}
	b, err := json.Marshal(v)
	return b, true, err
}

// IsOutput reports whether name is a declared output.
func IsOutput(name string) bool {
	r := &outputRegistry
	r.RLock()
	defer r.RUnlock()
	_, ok := r.byName[name]
	return ok
}

func (o Outputs) value(k *outputKey) (any, bool) {
	if v, ok := o.vals[k]; ok {
		return v, true
	}
	if o.ran && k.hasDef {
		return k.def(), true
	}
	return nil, false
}

// AppendJSON writes v, a struct without a MarshalJSON of its own (pass a
// value of a type with the same fields but no methods), as a JSON object
// followed by o's outputs in declaration order, into one object.
func AppendJSON(v any, o Outputs) ([]byte, error) {
	base, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if len(base) < 2 || base[len(base)-1] != '}' {
		return nil, fmt.Errorf("bindings: AppendJSON needs a JSON object, got %.20s", base)
	}
	r := &outputRegistry
	r.RLock()
	order := r.order
	r.RUnlock()
	var buf bytes.Buffer
	buf.Write(base[:len(base)-1])
	first := len(base) == 2
	for _, k := range order {
		val, ok := o.value(k)
		if !ok {
			continue
		}
		b, err := json.Marshal(val)
		if err != nil {
			return nil, fmt.Errorf("output %q: %w", k.name, err)
		}
		if !first {
			buf.WriteByte(',')
		}
		first = false
		name, _ := json.Marshal(k.name)
		buf.Write(name)
		buf.WriteByte(':')
		buf.Write(b)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// ReadJSON is AppendJSON's inverse: it decodes data into v (a pointer to a
// struct without an UnmarshalJSON of its own) and every declared output's
// key into o, each with its declared type. Keys that are neither are
// ignored, as encoding/json ignores them.
func ReadJSON(data []byte, v any, o *Outputs) error {
	if err := json.Unmarshal(data, v); err != nil {
		return err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	r := &outputRegistry
	r.RLock()
	defer r.RUnlock()
	for name, msg := range raw {
		k := r.byName[name]
		if k == nil {
			continue
		}
		val, err := k.decode(msg)
		if err != nil {
			return fmt.Errorf("output %q: %w", name, err)
		}
		if o.vals == nil {
			o.vals = make(map[*outputKey]any)
		}
		o.vals[k] = val
		o.ran = true
	}
	return nil
}
