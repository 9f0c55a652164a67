// Package runtime runs PingOne Advanced Identity Cloud next-generation
// scripts on sandboxed goja runtimes, as AIC's Rhino runs them.
//
// An Engine compiles each distinct script once (checked against the tenant's
// language and rewritten where goja must run it as Rhino does: language.go,
// package rhino), and runs it against an Input (node state, request, back
// ends) to produce a Result (outcome or value, state, outputs, warnings). An
// Engine is safe for concurrent use; its zero value is ready to use with the
// defaults documented on Options.
//
// Every run has a goja runtime no other run has used, built ahead of time
// by a background goroutine and dropped when the run ends (engine.go): AM
// builds fresh standard objects for every evaluation, so a script may change
// the built-ins and globals for its own run, and isolation between runs
// needs nothing more. The script runs as a program, as in Rhino: its
// top-level declarations are properties of the global object, whose
// prototype answers the bindings the run's context offers, each built the
// first time the script names it (scope.go, bindings.go). Limits (time,
// memory, call depth, the nesting of text handed to a parser) end a run
// without touching any other.
package runtime
