package utils

import (
	"crypto/rand"
	"encoding/binary"
	"strconv"

	"github.com/dop251/goja"
	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// MaxRandomValues bounds getRandomValues, as the Web Crypto API does (65,536
// bytes), so a script cannot make the host generate unbounded randomness.
const MaxRandomValues = 65536

// crypto builds utils.crypto. There is no randomValues: the spec measured
// it absent.
func (k *kit) crypto() *goja.Object {
	o := k.rt.NewObject()
	jsvalue.Method(k.rt, o, "randomUUID", func(goja.FunctionCall) goja.Value {
		return k.rt.ToValue(uuid.NewString())
	})
	jsvalue.Method(k.rt, o, "getRandomValues", func(call goja.FunctionCall) goja.Value {
		return k.getRandomValues(call.Argument(0))
	})
	jsvalue.Method(k.rt, o, "checkBcrypt", func(call goja.FunctionCall) goja.Value {
		hash := k.stringArg(call, 0, "utils.crypto.checkBcrypt")
		if jsvalue.IsNullish(call.Argument(1)) {
			k.throw.Throw("Missing password.")
		}
		ok, err := checkBcrypt(hash, call.Argument(1).String())
		if err != nil {
			k.throw.Throw("%s", err.Error())
		}
		return k.rt.ToValue(ok)
	})
	k.member(o, "subtle", k.subtle())
	return o
}

// getRandomValues fills an array in place and returns it. Typed arrays get
// values of their element type; a plain array gets unsigned 32-bit integers.
func (k *kit) getRandomValues(v goja.Value) goja.Value {
	obj, ok := v.(*goja.Object)
	if !ok {
		k.throw.Throw("utils.crypto.getRandomValues: an array is required")
	}
	n := obj.Get("length").ToInteger()
	if n < 0 || n > MaxRandomValues {
		k.throw.Throw("utils.crypto.getRandomValues: length %d is over the limit of %d", n, MaxRandomValues)
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
		k.throw.Throw("utils.crypto.getRandomValues: the argument is not an array of integers")
	}
	buf := make([]byte, 4*n)
	_, _ = rand.Read(buf) // crypto/rand.Read never fails
	for i := int64(0); i < n; i++ {
		r := binary.LittleEndian.Uint32(buf[4*i:])
		if bits < 32 {
			r &= 1<<bits - 1
		}
		// Typed arrays convert the number to their own element type.
		_ = obj.Set(strconv.FormatInt(i, 10), k.rt.ToValue(r))
	}
	return obj
}
