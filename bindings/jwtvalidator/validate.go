package jwtvalidator

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/internal/jwt"
)

// Validate checks the JWT jwtData describes at time now. It returns nil
// claims where AM returns null, and an error (a Java exception's message)
// where AM throws.
func Validate(arg goja.Value, now time.Time) (*Claims, error) {
	data, err := jwt.NewData(arg)
	if err != nil {
		return nil, err
	}
	typeName, ok1 := data.Required("jwtType")
	token, ok2 := data.Required("jwt")
	if !ok1 || !ok2 {
		return nil, nil
	}
	jwtType, err := jwt.ParseType(typeName)
	if err != nil {
		return nil, err
	}
	var f fields
	if err := f.read(data); err != nil {
		return nil, err
	}
	if f.accountID != "" && f.issuer == "" && f.stableID == "" {
		f.issuer, f.stableID = f.accountID, f.accountID
	}
	if f.stableID == "" {
		return nil, nil
	}
	var decryptionKey []byte
	if f.encryptionKey != "" {
		if decryptionKey, err = jwt.SecretKey(jwt.DecodeKey(f.encryptionKey)); err != nil {
			return nil, err
		}
	}
	payload, err := open(jwtType, token, f.signingKey, decryptionKey)
	if err != nil || payload == nil {
		return nil, err
	}
	claims, err := parseClaims(payload)
	if err != nil {
		return nil, err
	}
	if !f.matches(claims, now) {
		return nil, nil
	}
	return claims, nil
}

// open reconstructs the token as jwtType, decrypts and verifies it in AM's
// order, and returns its claims' JSON: nil when the signature is wrong.
func open(t jwt.Type, token, signingKey string, decryptionKey []byte) ([]byte, error) {
	switch t {
	case jwt.Signed:
		jws, err := jwt.ParseJWS(token)
		if err != nil {
			return nil, err
		}
		ok, err := verify(jws, signingKey)
		if err != nil || !ok {
			return nil, err
		}
		return jws.Payload, nil
	case jwt.EncryptedThenSigned:
		jws, err := jwt.ParseJWS(token)
		if err != nil {
			return nil, err
		}
		inner, err := jwt.Decrypt(decryptionKey, string(jws.Payload))
		if err != nil {
			return nil, err
		}
		ok, err := verify(jws, signingKey)
		if err != nil || !ok {
			return nil, err
		}
		return inner, nil
	default: // jwt.SignedThenEncrypted
		inner, err := jwt.Decrypt(decryptionKey, token)
		if err != nil {
			return nil, err
		}
		jws, err := jwt.ParseJWS(string(inner))
		if err != nil {
			return nil, err
		}
		ok, err := verify(jws, signingKey)
		if err != nil || !ok {
			return nil, err
		}
		return jws.Payload, nil
	}
}

// verify checks a signature with the key the token's own alg header calls
// for (AM picks the handler from the header): HS256 with the raw secret,
// RS256 with an X.509 public key, both base64; any other alg is refused.
func verify(jws *jwt.JWS, signingKey string) (bool, error) {
	switch jws.Alg {
	case string(jwt.HS256):
		key, err := jwt.SecretKey(jwt.DecodeKey(signingKey))
		if err != nil {
			return false, err
		}
		return jws.VerifyHS256(key), nil
	case string(jwt.RS256):
		der := jwt.DecodeKey(signingKey)
		if der == nil {
			return false, jwt.JavaError("Invalid RSA public key")
		}
		pub, err := jwt.RSAPublicKeyFromX509(der)
		if err != nil {
			return false, err
		}
		return jws.VerifyRS256(pub), nil
	}
	name := jws.Alg
	if alg, err := jwt.ParseAlgorithm(jws.Alg); err == nil {
		name = string(alg)
	} else if jws.Alg == "none" {
		name = "NONE"
	}
	return false, jwt.JavaError("Unsupported algorithm: " + name)
}

// fields are jwtData's fields as validateJwtClaims reads them.
type fields struct {
	issuer, subject, audience, typ, stableID, accountID string
	signingKey, encryptionKey                           string
	clockSkew                                           time.Duration
}

func (f *fields) read(d jwt.Data) error {
	r := &jwt.Strings{D: d}
	str := r.Get
	f.issuer = str("issuer", "")
	f.subject = str("subject", "")
	f.audience = str("audience", "")
	f.typ = str("type", "")
	f.stableID = str("stableId", f.issuer)
	f.accountID = str("accountId", "")
	f.signingKey = str("signingKey", "")
	f.encryptionKey = str("encryptionKey", "")
	// clockSkew (seconds) is documented for AIC but absent from the AM
	// source read: a positive value widens the iat and exp checks.
	skew := str("clockSkew", "0")
	if r.Err != nil {
		return r.Err
	}
	seconds, err := jwt.JavaInt(skew)
	if err != nil {
		return err
	}
	if seconds > 0 {
		f.clockSkew = time.Duration(seconds) * time.Second
	}
	return nil
}

// matches is validateAndConvertJwtClaimsSetToMap's checks: each expected
// value given must match; iat may not be in the future nor exp in the past
// (java.util.Date comparisons, to the millisecond).
func (f *fields) matches(c *Claims, now time.Time) bool {
	if f.issuer != "" && c.str("iss") != f.issuer {
		return false
	}
	if f.subject != "" && c.str("sub") != f.subject {
		return false
	}
	if f.audience != "" && !slices.Contains(c.audience(), f.audience) {
		return false
	}
	if f.typ != "" && c.str("typ") != f.typ {
		return false
	}
	nowMs := now.UnixMilli()
	if iat, ok := c.seconds("iat"); ok && iat*1000 > nowMs+f.clockSkew.Milliseconds() {
		return false
	}
	if exp, ok := c.seconds("exp"); ok && exp*1000 < nowMs-f.clockSkew.Milliseconds() {
		return false
	}
	return true
}

// parseClaims reads the claims JSON, keeping numbers exact.
func parseClaims(payload []byte) (*Claims, error) {
	dec := json.NewDecoder(bytesReader(payload))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil || m == nil {
		return nil, jwt.JavaError("Failed to parse json")
	}
	return &Claims{m: m}, nil
}
