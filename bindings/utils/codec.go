package utils

import (
	"encoding/base64"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// alphabet is one of utils' two base64 flavours.
type alphabet struct {
	enc     *base64.Encoding // what encode writes
	dec     *base64.Encoding // what decode reads, after padding is cut
	symbols string           // the two characters after A-Za-z0-9
}

var (
	base64Std = alphabet{base64.StdEncoding, base64.RawStdEncoding, "+/"}
	// base64url output is unpadded, as AIC's own example shows.
	base64URL = alphabet{base64.RawURLEncoding, base64.RawURLEncoding, "-_"}
)

// codec builds utils.base64 or utils.base64url: encode takes a string (as
// UTF-8) or a byte array, decode and atob give text, decodeToBytes bytes.
func (k *kit) codec(name string, a alphabet) *goja.Object {
	o := k.rt.NewObject()
	encode := func(call goja.FunctionCall) goja.Value {
		method := "utils." + name + ".encode"
		if b, ok, err := jsvalue.BytesOf(call.Argument(0)); ok || err != nil {
			if err != nil {
				k.throw.Throw("%s", err.Error())
			}
			return k.rt.ToValue(a.enc.EncodeToString(b))
		}
		return k.rt.ToValue(a.enc.EncodeToString([]byte(k.stringArg(call, 0, method))))
	}
	decode := func(method string) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			return k.rt.ToValue(jsvalue.Text(k.decode(a, call, "utils."+name+"."+method)))
		}
	}
	jsvalue.Method(k.rt, o, "encode", encode)
	jsvalue.Method(k.rt, o, "btoa", func(call goja.FunctionCall) goja.Value {
		return k.rt.ToValue(a.enc.EncodeToString([]byte(k.stringArg(call, 0, "utils."+name+".btoa"))))
	})
	jsvalue.Method(k.rt, o, "decode", decode("decode"))
	jsvalue.Method(k.rt, o, "atob", decode("atob"))
	jsvalue.Method(k.rt, o, "decodeToBytes", func(call goja.FunctionCall) goja.Value {
		return k.bytes(k.decode(a, call, "utils."+name+".decodeToBytes"))
	})
	return o
}

// decode reads argument 0 as base64 text of alphabet a. As Java's decoder,
// padding is optional; an illegal character is reported by its code.
func (k *kit) decode(a alphabet, call goja.FunctionCall, method string) []byte {
	in := strings.TrimSpace(k.stringArg(call, 0, method))
	body := strings.TrimRight(in, "=")
	for i := 0; i < len(body); i++ {
		c := body[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.IndexByte(a.symbols, c) >= 0) {
			k.throw.Throw("Illegal base64 character %x", c)
		}
	}
	out, err := a.dec.DecodeString(body)
	if err != nil || len(in)-len(body) > 2 {
		k.throw.Throw("Input byte array has wrong 4-byte ending unit")
	}
	return out
}
