package utils

import (
	"bytes"
	"crypto/cipher"

	"golang.org/x/crypto/cryptobyte"
	"golang.org/x/crypto/cryptobyte/asn1"
)

// Go leaves ECB out of crypto/cipher on purpose; Java's bare "AES" is ECB,
// so the few lines it takes are here.

func ecbEncrypt(b cipher.Block, data []byte) []byte {
	out := make([]byte, len(data))
	for i := 0; i < len(data); i += b.BlockSize() {
		b.Encrypt(out[i:], data[i:])
	}
	return out
}

func ecbDecrypt(b cipher.Block, data []byte) []byte {
	out := make([]byte, len(data))
	for i := 0; i < len(data); i += b.BlockSize() {
		b.Decrypt(out[i:], data[i:])
	}
	return out
}

func pkcs5Pad(data []byte, size int) []byte {
	n := size - len(data)%size
	return append(append([]byte(nil), data...), bytes.Repeat([]byte{byte(n)}, n)...)
}

func pkcs5Unpad(data []byte, size int) ([]byte, bool) {
	if len(data) == 0 {
		return nil, false
	}
	n := int(data[len(data)-1])
	if n == 0 || n > size || n > len(data) {
		return nil, false
	}
	for _, c := range data[len(data)-n:] {
		if int(c) != n {
			return nil, false
		}
	}
	return data[:len(data)-n], true
}

// validECDSASignature reports whether sig is a DER SEQUENCE of two
// INTEGERs, the form Java's ECDSA verifier insists on before it checks.
func validECDSASignature(sig []byte) bool {
	var inner cryptobyte.String
	input := cryptobyte.String(sig)
	var r, s []byte
	return input.ReadASN1(&inner, asn1.SEQUENCE) && input.Empty() &&
		inner.ReadASN1Integer(&r) && inner.ReadASN1Integer(&s) && inner.Empty()
}
