// Package jwtassertion implements the `jwtAssertion` binding:
// generateJwt(jwtData) builds a signed, signed-then-encrypted or
// encrypted-then-signed JWT as AM's JwtAssertionScriptWrapper does
// (spec §9), returning the compact JWT, or null where AM logs an error and
// returns null (a missing jwtType or jwsAlgorithm, no issuer or stableId,
// an unsupported algorithm or combination).
package jwtassertion

import (
	"time"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `jwtAssertion` binding. It has no per-run state.
var Binding = bindings.Define("jwtAssertion", func(vm *bindings.VM) bindings.Instance {
	throw := jsvalue.NewJavaThrower(vm.Runtime, vm.Builtin)
	obj := vm.Runtime.NewObject()
	jsvalue.Method(vm.Runtime, obj, "generateJwt", func(call goja.FunctionCall) goja.Value {
		token, err := Generate(call.Argument(0), time.Now())
		if err != nil {
			throw.Throw("%s", err.Error())
		}
		if token == "" {
			return goja.Null()
		}
		return vm.Runtime.ToValue(token)
	})
	jsvalue.Seal(vm.Runtime, obj)
	return bindings.Value{V: obj}
})
