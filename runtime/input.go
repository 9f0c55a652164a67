package runtime

import "github.com/journeyjs/journeyjs/bindings"

// Input is everything one run sees: its script context, the journey's
// state, the request, and the back ends the bindings talk to. The zero value
// is a Scripted Decision run with empty state and no back ends beyond the
// engine's.
type Input struct {
	// Context is the script's AIC context; nil means ScriptedDecision.
	Context *Context

	// SharedState and TransientState are the node state before the run. They
	// are never modified; the run's changes come back in Result.
	SharedState    map[string]any
	TransientState map[string]any

	// Realm is the `realm` binding, for example "/alpha".
	Realm string
	// CookieName is the `cookieName` binding.
	CookieName string
	// RequestHeaders, RequestParameters and RequestCookies describe the HTTP
	// request that drove the journey.
	RequestHeaders    map[string][]string
	RequestParameters map[string][]string
	RequestCookies    map[string]string

	// Backends are the bindings' back ends for this run, each set with the
	// key its binding package declares, e.g.
	// secrets.StoreKey.Set(&in.Backends, store). A key not set here falls
	// back to Options.Backends; a binding with no back end says so when a
	// script calls it.
	Backends bindings.Backends

	// Libraries are library scripts (name → source) that require() can load in
	// this run, in addition to those registered on the engine.
	Libraries map[string]string
}

func (in *Input) context() *Context {
	if in.Context == nil {
		return ScriptedDecision
	}
	return in.Context
}
