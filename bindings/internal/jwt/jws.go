package jwt

import (
	"crypto"
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"

	jose "github.com/go-jose/go-jose/v4"
)

var b64 = base64.RawURLEncoding

// SignHS256 writes a compact JWS with an HMAC-SHA256 signature. It is
// written here rather than with go-jose, which refuses HMAC keys shorter
// than 256 bits (RFC 7518 §3.2) where AM signs with any non-empty key.
func SignHS256(key []byte, cty string, payload []byte) string {
	header := `{"typ":"JWT"`
	if cty != "" {
		header += `,"cty":"` + cty + `"`
	}
	header += `,"alg":"HS256"}`
	input := b64.EncodeToString([]byte(header)) + "." + b64.EncodeToString(payload)
	return input + "." + b64.EncodeToString(hs256(key, input))
}

func hs256(key []byte, input string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(input))
	return m.Sum(nil)
}

// SignRS256 writes a compact JWS signed with RSASSA-PKCS1-v1_5 SHA-256.
func SignRS256(key *rsa.PrivateKey, payload []byte) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return "", javaErrorf("Invalid RSA private key")
	}
	jws, err := signer.Sign(payload)
	if err != nil {
		return "", javaErrorf("Invalid RSA private key")
	}
	return jws.CompactSerialize()
}

// JWS is a compact JWS read but not yet verified.
type JWS struct {
	Alg     string
	Cty     string
	Payload []byte
	input   string // header.payload, what the signature covers
	sig     []byte
}

// ParseJWS reads a compact JWS, with the messages of ForgeRock's
// JwtReconstruction for what is not one.
func ParseJWS(s string) (*JWS, error) {
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		if len(parts) == 5 {
			return nil, JavaError("class org.forgerock.json.jose.jwe.EncryptedJwt cannot be cast to class org.forgerock.json.jose.jws.SignedJwt")
		}
		return nil, javaErrorf("not right number of dots, %d", len(parts))
	}
	var header struct {
		Alg string `json:"alg"`
		Cty string `json:"cty"`
		Enc string `json:"enc"`
	}
	rawHeader, err := b64.DecodeString(strings.TrimRight(parts[0], "="))
	if err != nil || json.Unmarshal(rawHeader, &header) != nil {
		return nil, JavaError("Failed to parse json")
	}
	if header.Enc != "" {
		return nil, javaErrorf("Invalid JWT: expected 5 parts for an encrypted JWT, found %d", len(parts))
	}
	payload, err1 := b64.DecodeString(strings.TrimRight(parts[1], "="))
	sig, err2 := b64.DecodeString(strings.TrimRight(parts[2], "="))
	if err1 != nil || err2 != nil {
		return nil, JavaError("Invalid JWT: not base64url")
	}
	return &JWS{Alg: header.Alg, Cty: header.Cty, Payload: payload, input: parts[0] + "." + parts[1], sig: sig}, nil
}

// VerifyHS256 checks the JWS's HMAC-SHA256 signature with key.
func (j *JWS) VerifyHS256(key []byte) bool {
	return hmac.Equal(hs256(key, j.input), j.sig)
}

// VerifyRS256 checks the JWS's RSA signature with key.
func (j *JWS) VerifyRS256(key *rsa.PublicKey) bool {
	h := sha256.Sum256([]byte(j.input))
	return rsa.VerifyPKCS1v15(key, crypto.SHA256, h[:], j.sig) == nil
}
