package utils

import (
	"crypto"
	_ "crypto/sha1" // registers SHA-1 for crypto.SHA1.New
	_ "crypto/sha256"
	_ "crypto/sha512"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// algorithm is a subtle method's first argument: a name ("AES") or a map
// ({name: "HMAC", hash: "SHA-512"}) of the name and its options.
type algorithm struct {
	name string // upper case
	opts *goja.Object
}

func (k *kit) algorithmArg(call goja.FunctionCall, method string) algorithm {
	v := call.Argument(0)
	if obj, ok := v.(*goja.Object); ok && obj.ClassName() == "Object" {
		name := obj.Get("name")
		if jsvalue.IsNullish(name) {
			k.throw.Throw("%s: the algorithm has no name", method)
		}
		return algorithm{name: strings.ToUpper(name.String()), opts: obj}
	}
	if jsvalue.IsNullish(v) {
		k.throw.Throw("%s: an algorithm name is required", method)
	}
	return algorithm{name: strings.ToUpper(v.String())}
}

// opt is the option called name, or nil.
func (a algorithm) opt(name string) goja.Value {
	if a.opts == nil {
		return nil
	}
	v := a.opts.Get(name)
	if jsvalue.IsNullish(v) {
		return nil
	}
	return v
}

// intOpt is the integer option called name, or def when it is absent.
func (k *kit) intOpt(a algorithm, name string, def int64) int64 {
	v := a.opt(name)
	if v == nil {
		return def
	}
	return v.ToInteger()
}

// hashes are the digests AIC names, by their Java names.
var hashes = map[string]crypto.Hash{
	"SHA-1": crypto.SHA1, "SHA-256": crypto.SHA256, "SHA-384": crypto.SHA384, "SHA-512": crypto.SHA512,
}

// hashNamed resolves a digest name as Java's MessageDigest.getInstance does,
// with its message for a name it does not know.
func (k *kit) hashNamed(name string) crypto.Hash {
	h, ok := hashes[strings.ToUpper(name)]
	if !ok {
		k.throw.Throw("%s MessageDigest not available", name)
	}
	return h
}

// hashOpt is the algorithm's hash option (a name, or a map with a name), or
// def when it has none.
func (k *kit) hashOpt(a algorithm, def crypto.Hash) crypto.Hash {
	v := a.opt("hash")
	if v == nil {
		return def
	}
	if obj, ok := v.(*goja.Object); ok && obj.ClassName() == "Object" {
		v = obj.Get("name")
	}
	return k.hashNamed(v.String())
}

func hashName(h crypto.Hash) string {
	for n, x := range hashes {
		if x == h {
			return n
		}
	}
	return h.String()
}
