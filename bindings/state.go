package bindings

import "maps"

// State is the journey's node state during a run: shared and transient. It
// starts as the caller's own maps and copies one on its first change, so a
// run that only reads allocates nothing and never changes its input.
type State struct {
	shared, transient       map[string]any
	ownShared, ownTransient bool
}

// Reset starts a run with the given state.
func (s *State) Reset(shared, transient map[string]any) {
	*s = State{shared: shared, transient: transient}
}

// Shared is the shared state as the run left it: the map given to Reset
// when nothing changed it.
func (s *State) Shared() map[string]any { return s.shared }

// Transient is the transient state as the run left it.
func (s *State) Transient() map[string]any { return s.transient }

// Of returns one of the two states.
func (s *State) Of(shared bool) map[string]any {
	if shared {
		return s.shared
	}
	return s.transient
}

// Get reads a key as AM's nodeState.get does: transient state first, then
// shared.
func (s *State) Get(k string) (any, bool) {
	if v, ok := s.transient[k]; ok {
		return v, true
	}
	v, ok := s.shared[k]
	return v, ok
}

// Put sets k in one state.
func (s *State) Put(shared bool, k string, v any) {
	s.own(shared)
	s.Of(shared)[k] = v
}

// Delete removes k from one state.
func (s *State) Delete(shared bool, k string) {
	if _, ok := s.Of(shared)[k]; ok {
		s.own(shared)
		delete(s.Of(shared), k)
	}
}

// own makes one state the run's own copy, before its first change.
func (s *State) own(shared bool) {
	m, owned := &s.transient, &s.ownTransient
	if shared {
		m, owned = &s.shared, &s.ownShared
	}
	if *owned {
		return
	}
	*m = maps.Clone(*m)
	if *m == nil {
		*m = map[string]any{}
	}
	*owned = true
}
