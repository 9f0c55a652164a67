// Package utils implements the `utils` binding: random UUIDs and values,
// and base64 / base64url text encoding.
package utils

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// MaxRandomValues bounds getRandomValues, as the Web Crypto API does (65,536
// bytes), so a script cannot make the host generate unbounded randomness.
const MaxRandomValues = 65536

// Binding is the `utils` binding. It has no per-run state.
var Binding = bindings.Define("utils", func(vm *bindings.VM) bindings.Instance {
	return bindings.Value{V: New(vm.Runtime)}
})

// New builds the frozen `utils` object.
func New(rt *goja.Runtime) *goja.Object {
	obj := rt.NewObject()

	crypto := rt.NewObject()
	jsvalue.Method(rt, crypto, "randomUUID", func(goja.FunctionCall) goja.Value {
		return rt.ToValue(uuid.NewString())
	})
	jsvalue.Method(rt, crypto, "getRandomValues", func(call goja.FunctionCall) goja.Value {
		return getRandomValues(rt, call.Argument(0))
	})
	jsvalue.Seal(rt, crypto)

	b64 := codec(rt, "base64", base64.StdEncoding, base64.StdEncoding)
	// base64url output is unpadded, as AIC's own example shows; decoding
	// accepts both padded and unpadded input.
	b64url := codec(rt, "base64url", base64.RawURLEncoding, base64.RawURLEncoding)

	_ = obj.DefineDataProperty("crypto", crypto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = obj.DefineDataProperty("base64", b64, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = obj.DefineDataProperty("base64url", b64url, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	jsvalue.Seal(rt, obj)
	return obj
}

func codec(rt *goja.Runtime, name string, enc, dec *base64.Encoding) *goja.Object {
	o := rt.NewObject()
	jsvalue.Method(rt, o, "encode", func(call goja.FunctionCall) goja.Value {
		if jsvalue.IsNullish(call.Argument(0)) {
			jsvalue.Throw(rt, "utils.%s.encode: a string is required", name)
		}
		return rt.ToValue(enc.EncodeToString([]byte(call.Argument(0).String())))
	})
	jsvalue.Method(rt, o, "decode", func(call goja.FunctionCall) goja.Value {
		if jsvalue.IsNullish(call.Argument(0)) {
			jsvalue.Throw(rt, "utils.%s.decode: a string is required", name)
		}
		in := strings.TrimSpace(call.Argument(0).String())
		if dec == base64.RawURLEncoding {
			in = strings.TrimRight(in, "=")
		}
		out, err := dec.DecodeString(in)
		if err != nil {
			jsvalue.Throw(rt, "utils.%s.decode: not valid %s: %v", name, name, err)
		}
		// Java decodes the bytes as UTF-8 with replacement characters; so do we.
		return rt.ToValue(jsvalue.Text(out))
	})
	jsvalue.Seal(rt, o)
	return o
}

// getRandomValues fills an array in place and returns it. Typed arrays get
// values of their element type; a plain array gets unsigned 32-bit integers.
func getRandomValues(rt *goja.Runtime, v goja.Value) goja.Value {
	obj, ok := v.(*goja.Object)
	if !ok {
		jsvalue.Throw(rt, "utils.crypto.getRandomValues: an array is required")
	}
	n := obj.Get("length").ToInteger()
	if n < 0 || n > MaxRandomValues {
		jsvalue.Throw(rt, "utils.crypto.getRandomValues: length %d is over the limit of %d", n, MaxRandomValues)
	}
	var bits uint
	switch obj.Export().(type) {
	case []int8, []uint8:
		bits = 8
	case []int16, []uint16:
		bits = 16
	case []int32, []uint32, []any:
		bits = 32
	default:
		jsvalue.Throw(rt, "utils.crypto.getRandomValues: the argument is not an array of integers")
	}
	buf := make([]byte, 4*n)
	if _, err := rand.Read(buf); err != nil {
		jsvalue.Throw(rt, "utils.crypto.getRandomValues: %v", err)
	}
	for i := int64(0); i < n; i++ {
		r := binary.LittleEndian.Uint32(buf[4*i:])
		if bits < 32 {
			r &= 1<<bits - 1
		}
		// Typed arrays convert the number to their own element type.
		_ = obj.Set(strconv.FormatInt(i, 10), rt.ToValue(r))
	}
	return obj
}
