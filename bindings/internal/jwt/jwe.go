package jwt

import (
	"strings"

	jose "github.com/go-jose/go-jose/v4"
)

// cekSize is A128CBC-HS256's key: a 16-byte MAC key, then a 16-byte AES key.
// ForgeRock takes those two halves from the front of whatever key it is
// given and ignores the rest, so a longer key works there and here.
const cekSize = 32

// cek is the part of key that A128CBC-HS256 uses, or Java's refusal of a
// key too short to cut both halves from.
func cek(key []byte) ([]byte, error) {
	if len(key) < cekSize {
		return nil, JavaError("Invalid offset/length combination")
	}
	return key[:cekSize], nil
}

// Encrypt writes a compact JWE of payload: key used directly ("dir"),
// content encrypted with A128CBC-HS256; cty names a nested JWT.
func Encrypt(key []byte, cty string, payload []byte) (string, error) {
	k, err := cek(key)
	if err != nil {
		return "", err
	}
	opts := (&jose.EncrypterOptions{}).WithType("JWT")
	if cty != "" {
		opts = opts.WithContentType(jose.ContentType(cty))
	}
	enc, err := jose.NewEncrypter(jose.A128CBC_HS256, jose.Recipient{Algorithm: jose.DIRECT, Key: k}, opts)
	if err != nil {
		return "", javaErrorf("Unable to encrypt the JWT")
	}
	jwe, err := enc.Encrypt(payload)
	if err != nil {
		return "", javaErrorf("Unable to encrypt the JWT")
	}
	return jwe.CompactSerialize()
}

// Decrypt reads a compact JWE made with Encrypt's algorithms and returns
// its payload; a wrong key or altered token fails as ForgeRock's
// JweDecryptionException does.
func Decrypt(key []byte, s string) ([]byte, error) {
	if n := strings.Count(s, ".") + 1; n != 5 {
		if n == 3 {
			return nil, JavaError("class org.forgerock.json.jose.jws.SignedJwt cannot be cast to class org.forgerock.json.jose.jwe.EncryptedJwt")
		}
		return nil, javaErrorf("not right number of dots, %d", n)
	}
	if key == nil {
		return nil, JavaError("Decryption failed: no encryptionKey was given")
	}
	k, err := cek(key)
	if err != nil {
		return nil, err
	}
	jwe, err := jose.ParseEncryptedCompact(s, []jose.KeyAlgorithm{jose.DIRECT}, []jose.ContentEncryption{jose.A128CBC_HS256})
	if err != nil {
		return nil, JavaError("Decryption failed")
	}
	out, err := jwe.Decrypt(k)
	if err != nil {
		return nil, JavaError("Decryption failed")
	}
	return out, nil
}
