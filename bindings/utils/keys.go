package utils

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"

	"github.com/dop251/goja"
)

// RSA modulus sizes generateKey accepts. Java takes larger ones, but key
// generation runs in Go, where a run's time limit cannot stop it.
const (
	MinRSABits = 1024
	MaxRSABits = 4096
)

// hmacKeyBytes is the key size of Java's KeyGenerator for each HMAC hash.
var hmacKeyBytes = map[crypto.Hash]int{crypto.SHA1: 64, crypto.SHA256: 32, crypto.SHA384: 48, crypto.SHA512: 64}

var curves = map[string]elliptic.Curve{"P-256": elliptic.P256(), "P-384": elliptic.P384(), "P-521": elliptic.P521()}

// generateKey makes a symmetric key (a byte[]) or a key pair ({publicKey,
// privateKey}, X.509 and PKCS#8 DER byte arrays, as Java's getEncoded).
func (k *kit) generateKey(a algorithm) goja.Value {
	switch a.name {
	case "AES":
		bits := k.intOpt(a, "length", 256)
		if bits != 128 && bits != 192 && bits != 256 {
			k.throw.Throw("Wrong keysize: must be equal to 128, 192 or 256")
		}
		return k.bytes(randomBytes(int(bits / 8)))
	case "HMAC":
		return k.bytes(randomBytes(hmacKeyBytes[k.hashOpt(a, crypto.SHA256)]))
	case "RSA":
		bits := k.intOpt(a, "modulusLength", 2048)
		if bits < MinRSABits || bits > MaxRSABits {
			k.throw.Throw("RSA keys must be %d to %d bits long", MinRSABits, MaxRSABits)
		}
		priv, err := rsa.GenerateKey(rand.Reader, int(bits))
		if err != nil {
			k.throw.Throw("%s", err.Error())
		}
		return k.keyPair(priv, &priv.PublicKey)
	case "ECDSA":
		name := "P-256"
		if v := a.opt("namedCurve"); v != nil {
			name = v.String()
		}
		curve, ok := curves[name]
		if !ok {
			k.throw.Throw("Unsupported curve: %s", name)
		}
		priv, err := ecdsa.GenerateKey(curve, rand.Reader)
		if err != nil {
			k.throw.Throw("%s", err.Error())
		}
		return k.keyPair(priv, &priv.PublicKey)
	}
	k.unsupported(a, "utils.crypto.subtle.generateKey")
	return nil
}

func (k *kit) keyPair(priv, pub any) goja.Value {
	privDER, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		k.throw.Throw("%s", err.Error())
	}
	pubDER, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		k.throw.Throw("%s", err.Error())
	}
	pair := k.rt.NewObject()
	_ = pair.Set("publicKey", k.bytes(pubDER))
	_ = pair.Set("privateKey", k.bytes(privDER))
	return pair
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return b
}

// The key parsers read what generateKey writes, and fail with the message
// of Java's KeyFactory for bytes that are not such a key.

func (k *kit) rsaPublicKey(der []byte) *rsa.PublicKey {
	pub, err := x509.ParsePKIXPublicKey(der)
	if key, ok := pub.(*rsa.PublicKey); err == nil && ok {
		return key
	}
	k.throw.Throw("invalid key format")
	return nil
}

func (k *kit) rsaPrivateKey(der []byte) *rsa.PrivateKey {
	priv, err := x509.ParsePKCS8PrivateKey(der)
	if key, ok := priv.(*rsa.PrivateKey); err == nil && ok {
		return key
	}
	k.throw.Throw("invalid key format")
	return nil
}

func (k *kit) ecPublicKey(der []byte) *ecdsa.PublicKey {
	pub, err := x509.ParsePKIXPublicKey(der)
	if key, ok := pub.(*ecdsa.PublicKey); err == nil && ok {
		return key
	}
	k.throw.Throw("invalid key format")
	return nil
}

func (k *kit) ecPrivateKey(der []byte) *ecdsa.PrivateKey {
	priv, err := x509.ParsePKCS8PrivateKey(der)
	if key, ok := priv.(*ecdsa.PrivateKey); err == nil && ok {
		return key
	}
	k.throw.Throw("invalid key format")
	return nil
}
