// Package runtime runs PingOne Advanced Identity Cloud next-generation
// decision scripts on pooled, sandboxed goja runtimes.
//
// An Engine compiles each distinct script once, keeps a pool of runtimes with
// every binding available (each built when a script first names it), and
// runs a script against an Input (node state, request, back ends) to produce
// a Result (outcome, state, action details, log records). An Engine is safe for concurrent use; its zero value is ready to
// use with the defaults documented on Options.
//
// Isolation between runs on one pooled runtime rests on three things: the
// script is compiled as the body of a function, so its var, let, const and
// function declarations are local; each run gets a fresh global object whose
// prototype is the runtime's pristine global, so implicit globals and
// globalThis assignments vanish with the run; and built-ins and binding
// objects are frozen deeply (see harden.go), the built-ins that only a global
// name reaches on their first lookup.
package runtime
