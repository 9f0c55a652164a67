// Package utils implements the `utils` binding (next-generation scripts
// only): base64 and base64url text and byte encoding, text ↔ byte
// conversion, random values and UUIDs, bcrypt checks and the synchronous
// crypto.subtle subset AIC documents (spec §10.6).
//
// In AIC `utils` is a Java host object, so its byte arrays are Java byte[]
// (jsvalue.Bytes) and its failures are Java exceptions, which a script
// receives as an InternalError carrying the exception's message.
package utils

import (
	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `utils` binding. It has no per-run state.
var Binding = bindings.Define("utils", func(vm *bindings.VM) bindings.Instance {
	return bindings.Value{V: New(vm)}
})

// kit is what every member needs: the runtime, its built-ins and a way to
// raise errors as AIC's Java code raises them.
type kit struct {
	rt      *goja.Runtime
	builtin func(string) goja.Value
	throw   jsvalue.JavaThrower
}

// New builds the frozen `utils` object for vm's runtime.
func New(vm *bindings.VM) *goja.Object {
	k := &kit{rt: vm.Runtime, builtin: vm.Builtin, throw: jsvalue.NewJavaThrower(vm.Runtime, vm.Builtin)}
	obj := k.rt.NewObject()
	k.member(obj, "crypto", k.crypto())
	k.member(obj, "base64", k.codec("base64", base64Std))
	k.member(obj, "base64url", k.codec("base64url", base64URL))
	k.member(obj, "types", k.types())
	jsvalue.Seal(k.rt, obj)
	return obj
}

func (k *kit) member(obj *goja.Object, name string, v *goja.Object) {
	_ = obj.DefineDataProperty(name, v, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// bytes hands b to the script as a Java byte[].
func (k *kit) bytes(b []byte) goja.Value { return jsvalue.NewBytes(k.rt, k.builtin, b) }

// bytesArg is argument i of method where Java takes a byte[].
func (k *kit) bytesArg(call goja.FunctionCall, i int, method string) []byte {
	b, ok, err := jsvalue.BytesOf(call.Argument(i))
	if err != nil {
		k.throw.Throw("%s", err.Error())
	}
	if !ok {
		k.throw.Throw("%s: argument %d must be a byte array", method, i+1)
	}
	return b
}

// stringArg is argument i of method where Java takes a String: any value
// but null or undefined, as its string form.
func (k *kit) stringArg(call goja.FunctionCall, i int, method string) string {
	v := call.Argument(i)
	if jsvalue.IsNullish(v) {
		k.throw.Throw("%s: a string is required", method)
	}
	return v.String()
}
