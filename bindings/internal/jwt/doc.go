// Package jwt holds what AIC's jwtAssertion and jwtValidator bindings
// share: the three JWT types, ForgeRock's lenient base64 for keys, and the
// compact JWS and JWE forms ForgeRock's json-web-token library writes and
// reads (HS256 or RS256 signatures; "dir" + A128CBC-HS256 encryption).
//
// Failures are JavaError values whose text is the message of the Java
// exception AM raises in the same case, for a script to read.
package jwt

import "fmt"

// JavaError is a failure carrying a Java exception's message, word for word.
type JavaError string

func (e JavaError) Error() string { return string(e) }

func javaErrorf(format string, args ...any) error { return JavaError(fmt.Sprintf(format, args...)) }
