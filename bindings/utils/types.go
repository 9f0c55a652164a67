package utils

import (
	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// types builds utils.types: text to UTF-8 bytes and back.
func (k *kit) types() *goja.Object {
	o := k.rt.NewObject()
	jsvalue.Method(k.rt, o, "stringToBytes", func(call goja.FunctionCall) goja.Value {
		return k.bytes([]byte(k.stringArg(call, 0, "utils.types.stringToBytes")))
	})
	jsvalue.Method(k.rt, o, "bytesToString", func(call goja.FunctionCall) goja.Value {
		// Java decodes invalid UTF-8 to replacement characters; so do we.
		return k.rt.ToValue(jsvalue.Text(k.bytesArg(call, 0, "utils.types.bytesToString")))
	})
	return o
}
