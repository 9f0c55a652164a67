// Package jwtvalidator implements the `jwtValidator` binding:
// validateJwtClaims(jwtData) verifies and decrypts a JWT of the three types
// jwtAssertion makes, checks its claims, and returns them as a Java map
// (read with .get("subject")) as AM's JwtValidatorScriptWrapper does
// (spec §9): null where AM logs an error and returns null (a bad signature,
// a claim that does not match, an expired token), an error where AM throws
// (a malformed token, a bad key, an unsupported algorithm).
package jwtvalidator

import (
	"time"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `jwtValidator` binding. It has no per-run state.
var Binding = bindings.Define("jwtValidator", func(vm *bindings.VM) bindings.Instance {
	rt := vm.Runtime
	throw := jsvalue.NewJavaThrower(rt, vm.Builtin)
	obj := rt.NewObject()
	jsvalue.Method(rt, obj, "validateJwtClaims", func(call goja.FunctionCall) goja.Value {
		claims, err := Validate(call.Argument(0), time.Now())
		if err != nil {
			throw.Throw("%s", err.Error())
		}
		if claims == nil {
			return goja.Null()
		}
		return claims.toJS(rt)
	})
	jsvalue.Seal(rt, obj)
	return bindings.Value{V: obj}
})
