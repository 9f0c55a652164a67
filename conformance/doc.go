// Package conformance compares journeyjs's JavaScript with the engine PingOne
// AIC runs next-generation journey scripts on: Mozilla Rhino 1.7.14 at
// language version 0, interpreted, in the scope object AM builds. The oracle
// (conformance/oracle, Java) reproduces that evaluation; this package runs
// every probe of conformance/probes through both engines, canonicalises both
// answers the same way and reports the probes on which they differ.
//
// A probe is a small script and a result expression. Both engines run the
// same text: the probe's code, then a trailer that passes the canonical text
// of the result expression (built by the JavaScript canonicaliser in
// canon.go) to action.goTo. An answer is one of: the canonical value, a
// compile error, an uncaught exception (type and message), a timeout, or no
// result. See Answer.Key for how answers compare.
//
// Run it with `make conformance`, or `go run ./conformance/cmd/conformance`.
package conformance
