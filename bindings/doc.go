// Package bindings holds one sub-package per script binding that PingOne
// Advanced Identity Cloud injects into next-generation decision scripts.
//
// Every binding package follows the same shape, so the runtime can wire them
// the same way:
//
//   - New(rt *goja.Runtime, ...) builds the binding's JavaScript object once per
//     pooled runtime. The object is frozen: scripts cannot replace its methods.
//   - Begin(...) prepares the binding for one run (its back end, its inputs) and
//     End() (or accessors) hands back what the run produced. Per-run state lives
//     in Go, so a pooled runtime never carries one run's data into the next.
//   - Back ends are small Go interfaces (secrets.Store, systemenv.Source, …) with
//     an in-memory implementation and a real one. Bindings never import the CLI
//     and never pick a concrete back end themselves.
package bindings
