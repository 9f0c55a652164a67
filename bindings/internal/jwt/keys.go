package jwt

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"

	jose "github.com/go-jose/go-jose/v4"
)

// RSAPrivateKeyFromJWK reads the privateKey field: an RSA private key as a
// JWK object (RsaJWK.parse(…).toRSAPrivateKey()).
func RSAPrivateKeyFromJWK(jwk any) (*rsa.PrivateKey, error) {
	m, ok := jwk.(map[string]any)
	if !ok {
		return nil, JavaError("Invalid RSA JWK: the privateKey must be a JWK object")
	}
	if m["kty"] != "RSA" {
		return nil, JavaError("Invalid RSA JWK: kty must be RSA")
	}
	raw, err := json.Marshal(m)
	if err != nil {
		return nil, JavaError("Invalid RSA JWK")
	}
	var key jose.JSONWebKey
	if err := key.UnmarshalJSON(raw); err != nil {
		return nil, JavaError("Invalid RSA JWK")
	}
	priv, ok := key.Key.(*rsa.PrivateKey)
	if !ok {
		return nil, JavaError("Invalid RSA JWK: not a private key")
	}
	return priv, nil
}

// RSAPublicKeyFromX509 reads the validator's signingKey for RS256: base64
// of an X.509 SubjectPublicKeyInfo.
func RSAPublicKeyFromX509(der []byte) (*rsa.PublicKey, error) {
	pub, err := x509.ParsePKIXPublicKey(der)
	if key, ok := pub.(*rsa.PublicKey); err == nil && ok {
		return key, nil
	}
	return nil, JavaError("Invalid RSA public key")
}
