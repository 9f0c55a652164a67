package utils

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// MaxPBKDF2Iterations bounds deriveKey: hashing runs in Go, where a run's
// time limit cannot stop it, so a script cannot ask for unbounded work.
const MaxPBKDF2Iterations = 10_000_000

// subtle builds utils.crypto.subtle. Unlike the Web Crypto API it is
// synchronous: AIC's language has no Promise, and each method returns its
// result (a Java byte[], a key pair, a boolean) directly.
//
// Ciphers are named as Java's JCA names them, and AIC's docs give no mode
// or padding, so "AES" and "RSA" are what Java's Cipher.getInstance gives
// for those bare names: AES/ECB/PKCS5Padding and RSA/ECB/PKCS1Padding.
// That choice is UNCERTAIN (spec §10.6 gives no transformation).
func (k *kit) subtle() *goja.Object {
	o := k.rt.NewObject()
	jsvalue.Method(k.rt, o, "generateKey", func(call goja.FunctionCall) goja.Value {
		return k.generateKey(k.algorithmArg(call, "utils.crypto.subtle.generateKey"))
	})
	jsvalue.Method(k.rt, o, "deriveKey", func(call goja.FunctionCall) goja.Value {
		const method = "utils.crypto.subtle.deriveKey"
		return k.bytes(k.deriveKey(k.algorithmArg(call, method), k.bytesArg(call, 1, method), call.Argument(2)))
	})
	jsvalue.Method(k.rt, o, "encrypt", func(call goja.FunctionCall) goja.Value {
		const method = "utils.crypto.subtle.encrypt"
		a := k.algorithmArg(call, method)
		return k.bytes(k.encrypt(a, k.bytesArg(call, 1, method), k.bytesArg(call, 2, method)))
	})
	jsvalue.Method(k.rt, o, "decrypt", func(call goja.FunctionCall) goja.Value {
		const method = "utils.crypto.subtle.decrypt"
		a := k.algorithmArg(call, method)
		return k.bytes(k.decrypt(a, k.bytesArg(call, 1, method), k.bytesArg(call, 2, method)))
	})
	jsvalue.Method(k.rt, o, "digest", func(call goja.FunctionCall) goja.Value {
		const method = "utils.crypto.subtle.digest"
		// The spec leaves digest's return type open (§13); a byte[] is what
		// its documented example reads (.length) and what every other
		// method returns.
		h := k.hashNamed(k.algorithmArg(call, method).name).New()
		h.Write(k.bytesArg(call, 1, method))
		return k.bytes(h.Sum(nil))
	})
	jsvalue.Method(k.rt, o, "sign", func(call goja.FunctionCall) goja.Value {
		const method = "utils.crypto.subtle.sign"
		a := k.algorithmArg(call, method)
		return k.bytes(k.sign(a, k.bytesArg(call, 1, method), k.bytesArg(call, 2, method)))
	})
	jsvalue.Method(k.rt, o, "verify", func(call goja.FunctionCall) goja.Value {
		const method = "utils.crypto.subtle.verify"
		a := k.algorithmArg(call, method)
		return k.rt.ToValue(k.verify(a, k.bytesArg(call, 1, method), k.bytesArg(call, 2, method), k.bytesArg(call, 3, method)))
	})
	return o
}

func (k *kit) unsupported(a algorithm, method string) {
	k.throw.Throw("%s: unsupported algorithm %s", method, a.name)
}

// deriveKey is PBKDF2, the only derivation AIC documents; length is in
// bits, as the documented example (256 → 32 bytes) shows.
func (k *kit) deriveKey(a algorithm, password []byte, lengthArg goja.Value) []byte {
	if a.name != "PBKDF2" {
		k.unsupported(a, "utils.crypto.subtle.deriveKey")
	}
	h := k.hashOpt(a, crypto.SHA256)
	var salt []byte
	if v := a.opt("salt"); v != nil {
		b, ok, err := jsvalue.BytesOf(v)
		if err != nil {
			k.throw.Throw("%s", err.Error())
		}
		if ok {
			salt = b
		}
	}
	if salt == nil {
		k.throw.Throw("the salt parameter must be non-null")
	}
	if len(salt) == 0 {
		k.throw.Throw("the salt parameter must not be empty")
	}
	iterations := k.intOpt(a, "iterations", 0)
	if iterations <= 0 {
		k.throw.Throw("invalid iterationCount value")
	}
	if iterations > MaxPBKDF2Iterations {
		k.throw.Throw("utils.crypto.subtle.deriveKey: %d iterations is over journeyjs's limit of %d", iterations, MaxPBKDF2Iterations)
	}
	bits := int64(0)
	if !jsvalue.IsNullish(lengthArg) {
		bits = lengthArg.ToInteger()
	}
	if bits <= 0 || bits > 8*1024 {
		k.throw.Throw("invalid keyLength value")
	}
	key, err := pbkdf2.Key(h.New, string(password), salt, int(iterations), int(bits/8))
	if err != nil {
		k.throw.Throw("%s", err.Error())
	}
	return key
}

func (k *kit) encrypt(a algorithm, key, data []byte) []byte {
	switch a.name {
	case "AES":
		block := k.aesCipher(key)
		return ecbEncrypt(block, pkcs5Pad(data, block.BlockSize()))
	case "RSA":
		pub := k.rsaPublicKey(key)
		if max := pub.Size() - 11; len(data) > max {
			k.throw.Throw("Data must not be longer than %d bytes", max)
		}
		//lint:ignore SA1019 Java's bare "RSA" cipher is PKCS#1 v1.5; fidelity needs the same padding
		out, err := rsa.EncryptPKCS1v15(rand.Reader, pub, data)
		if err != nil {
			k.throw.Throw("%s", err.Error())
		}
		return out
	}
	k.unsupported(a, "utils.crypto.subtle.encrypt")
	return nil
}

func (k *kit) decrypt(a algorithm, key, data []byte) []byte {
	switch a.name {
	case "AES":
		block := k.aesCipher(key)
		if len(data) == 0 || len(data)%block.BlockSize() != 0 {
			k.throw.Throw("Input length must be multiple of 16 when decrypting with padded cipher")
		}
		out, ok := pkcs5Unpad(ecbDecrypt(block, data), block.BlockSize())
		if !ok {
			k.throw.Throw("Given final block not properly padded. Such issues can arise if a bad key is used during decryption.")
		}
		return out
	case "RSA":
		//lint:ignore SA1019 Java's bare "RSA" cipher is PKCS#1 v1.5; fidelity needs the same padding
		out, err := rsa.DecryptPKCS1v15(nil, k.rsaPrivateKey(key), data)
		if err != nil {
			k.throw.Throw("Decryption error")
		}
		return out
	}
	k.unsupported(a, "utils.crypto.subtle.decrypt")
	return nil
}

func (k *kit) aesCipher(key []byte) cipher.Block {
	switch len(key) {
	case 16, 24, 32:
	default:
		k.throw.Throw("Invalid AES key length: %d bytes", len(key))
	}
	block, _ := aes.NewCipher(key) // the length is checked above
	return block
}

// sign signs with HMAC (raw key), RSA (PKCS#8 private key, PKCS#1 v1.5) or
// ECDSA (PKCS#8 private key, DER signature, as Java's SHAxxxwithECDSA).
func (k *kit) sign(a algorithm, key, data []byte) []byte {
	switch a.name {
	case "HMAC":
		if len(key) == 0 {
			k.throw.Throw("Empty key")
		}
		m := hmac.New(k.hashOpt(a, crypto.SHA256).New, key)
		m.Write(data)
		return m.Sum(nil)
	case "RSA":
		h := k.signatureHash(a, crypto.SHA256)
		sig, err := rsa.SignPKCS1v15(nil, k.rsaPrivateKey(key), h, digest(h, data))
		if err != nil {
			k.throw.Throw("%s", err.Error())
		}
		return sig
	case "ECDSA":
		priv := k.ecPrivateKey(key)
		h := k.ecdsaHash(a, priv.Curve.Params().BitSize)
		sig, err := ecdsa.SignASN1(rand.Reader, priv, digest(h, data))
		if err != nil {
			k.throw.Throw("%s", err.Error())
		}
		return sig
	}
	k.unsupported(a, "utils.crypto.subtle.sign")
	return nil
}

func (k *kit) verify(a algorithm, key, data, sig []byte) bool {
	switch a.name {
	case "HMAC":
		return subtle.ConstantTimeCompare(k.sign(a, key, data), sig) == 1
	case "RSA":
		pub := k.rsaPublicKey(key)
		if len(sig) != pub.Size() {
			k.throw.Throw("Signature length not correct: got %d but was expecting %d", len(sig), pub.Size())
		}
		h := k.signatureHash(a, crypto.SHA256)
		return rsa.VerifyPKCS1v15(pub, h, digest(h, data), sig) == nil
	case "ECDSA":
		pub := k.ecPublicKey(key)
		h := k.ecdsaHash(a, pub.Curve.Params().BitSize)
		if !validECDSASignature(sig) {
			k.throw.Throw("Invalid encoding for signature")
		}
		return ecdsa.VerifyASN1(pub, digest(h, data), sig)
	}
	k.unsupported(a, "utils.crypto.subtle.verify")
	return false
}

// signatureHash is the hash option of an RSA signature: SHA-1 is for HMAC
// only.
func (k *kit) signatureHash(a algorithm, def crypto.Hash) crypto.Hash {
	h := k.hashOpt(a, def)
	if h == crypto.SHA1 {
		k.throw.Throw("SHA-1 is supported for HMAC only")
	}
	return h
}

// ecdsaHash is the hash of an ECDSA signature on a curve of bits: the
// curve's own size (P-256 → SHA-256, P-521 → SHA-512); a hash option of
// another size is refused.
func (k *kit) ecdsaHash(a algorithm, bits int) crypto.Hash {
	want := map[int]crypto.Hash{256: crypto.SHA256, 384: crypto.SHA384, 521: crypto.SHA512}[bits]
	if h := k.signatureHash(a, want); h != want {
		k.throw.Throw("ECDSA hash %s does not match the curve size %d", hashName(h), bits)
	}
	return want
}

func digest(h crypto.Hash, data []byte) []byte {
	d := h.New()
	d.Write(data)
	return d.Sum(nil)
}
