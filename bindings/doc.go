// Package bindings defines what a script binding is and holds the registry
// of them. A binding is one global that AIC gives scripts (`action`,
// `nodeState`, `httpClient` …); each lives in its own sub-package, which
// holds its JavaScript surface, the back end it needs and the outputs it
// adds to a run's result, and is registered with one line in the table of
// package bindings/all.
//
// The shape follows k6's js/modules: a Binding is registered once; each
// runtime asks it for an Instance the first time one of its scripts names
// the binding; the runtime then begins and ends that instance around every
// run. Per-run data lives in Go and is handed over at Begin and taken back
// at End, so a runtime never carries one run's data into the next.
//
// Data flows one way: the runtime imports this package, never a binding
// package; a binding reaches its back end through the run's Backends
// (typed by a Backend key the binding package declares) and hands its
// results back through the run's Outputs (typed by Output keys). The
// result's JSON, the CLI's contract, is its core fields plus every output,
// each under the name its key was declared with.
package bindings
