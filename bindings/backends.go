package bindings

// Backends holds the back ends of a run (runtime.Input.Backends) or the
// engine's defaults for every run (runtime.Options.Backends), each under the
// Backend key its binding package declares. The zero value holds none.
type Backends struct {
	m map[*keyName]any
}

type keyName struct{ name string }

// Backend is the key of one back end of type T. A binding package declares
// its keys as package variables, e.g.
//
//	var Store = bindings.NewBackend[secrets.Store]("secrets")
//
// and a host sets them with Store.Set(&in.Backends, store).
type Backend[T any] struct{ k *keyName }

// NewBackend declares a back-end key; name is for messages only (each key is
// distinct, whatever its name).
func NewBackend[T any](name string) Backend[T] { return Backend[T]{&keyName{name}} }

// Name is the key's name.
func (k Backend[T]) Name() string { return k.k.name }

// Set puts v under k in b.
func (k Backend[T]) Set(b *Backends, v T) {
	if b.m == nil {
		b.m = make(map[*keyName]any)
	}
	b.m[k.k] = v
}

// In returns the value under k in b.
func (k Backend[T]) In(b Backends) (T, bool) {
	v, ok := b.m[k.k].(T)
	return v, ok
}

// From returns the run's back end under k: the run's own, else the
// engine's default, else the zero T.
func (k Backend[T]) From(r *Run) T {
	if v, ok := k.In(r.backends); ok {
		return v
	}
	v, _ := k.In(r.defaults)
	return v
}

// Clone returns a copy of b that Set on either does not affect the other.
func (b Backends) Clone() Backends {
	c := Backends{m: make(map[*keyName]any, len(b.m))}
	for k, v := range b.m {
		c.m[k] = v
	}
	return c
}

// BackendValue is one back end with its key, for NewBackends.
type BackendValue struct {
	k *keyName
	v any
}

// Value pairs v with k, for NewBackends.
func (k Backend[T]) Value(v T) BackendValue { return BackendValue{k.k, v} }

// NewBackends returns the back ends given, e.g.
//
//	bindings.NewBackends(secrets.StoreKey.Value(store), systemenv.SourceKey.Value(esvs))
func NewBackends(vs ...BackendValue) Backends {
	b := Backends{m: make(map[*keyName]any, len(vs))}
	for _, v := range vs {
		b.m[v.k] = v.v
	}
	return b
}
