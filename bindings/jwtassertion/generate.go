package jwtassertion

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/dop251/goja"
	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/bindings/internal/jwt"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Generate builds the JWT jwtData describes, issued at now. It returns ""
// where AM returns null, and an error (a Java exception's message) where
// AM throws. Fields are read in AM's order, so the first bad one is the
// one AM reports.
func Generate(arg goja.Value, now time.Time) (string, error) {
	data, err := jwt.NewData(arg)
	if err != nil {
		return "", err
	}
	typeName, ok1 := data.Required("jwtType")
	algName, ok2 := data.Required("jwsAlgorithm")
	if !ok1 || !ok2 {
		return "", nil
	}
	jwtType, err := jwt.ParseType(typeName)
	if err != nil {
		return "", err
	}
	alg, err := jwt.ParseAlgorithm(algName)
	if err != nil {
		return "", err
	}

	var f fields
	if err := f.read(data); err != nil {
		return "", err
	}
	if f.accountID != "" && f.issuer == "" && f.stableID == "" && f.subject == "" {
		f.issuer, f.stableID, f.subject = f.accountID, f.accountID, f.accountID
	}
	if f.stableID == "" {
		return "", nil
	}
	claims, err := f.claimSet(now)
	if err != nil {
		return "", err
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", jwt.JavaError(fmt.Sprintf("Unable to write the JWT claims: %v", err))
	}

	switch alg {
	case jwt.HS256:
		key, err := jwt.SecretKey(jwt.DecodeKey(f.signingKey))
		if err != nil {
			return "", err
		}
		if !jwtType.Encrypted() {
			return jwt.SignHS256(key, "", payload), nil
		}
		encKey, err := jwt.SecretKey(jwt.DecodeKey(f.encryptionKey))
		if err != nil {
			return "", err
		}
		if jwtType == jwt.SignedThenEncrypted {
			return jwt.Encrypt(encKey, "JWT", []byte(jwt.SignHS256(key, "", payload)))
		}
		jwe, err := jwt.Encrypt(encKey, "", payload)
		if err != nil {
			return "", err
		}
		return jwt.SignHS256(key, "JWT", []byte(jwe)), nil
	case jwt.RS256:
		if jwtType.Encrypted() {
			return "", nil // AM: "not supported for algorithm: RS256", null
		}
		key, err := jwt.RSAPrivateKeyFromJWK(f.privateKey)
		if err != nil {
			return "", err
		}
		return jwt.SignRS256(key, payload)
	}
	return "", nil // AM: "The JwsAlgorithm is not supported", null
}

// fields are jwtData's fields as generateJwt reads them.
type fields struct {
	issuer, stableID, accountID, subject string
	audience, typ, jwtID                 string
	claims                               map[string]any
	claimKeys                            []string
	validityMinutes                      int64
	privateKey                           any
	signingKey, encryptionKey            string
}

func (f *fields) read(d jwt.Data) error {
	r := &jwt.Strings{D: d}
	str := r.Get
	f.issuer = str("issuer", "")
	f.stableID = str("stableId", f.issuer)
	f.accountID = str("accountId", "")
	f.subject = str("subject", "")
	f.audience = str("audience", "")
	f.typ = str("type", "")
	f.jwtID = str("jwtId", "")
	if r.Err != nil {
		return r.Err
	}
	if c := d.Get("claims"); c != nil {
		obj, ok := c.(*goja.Object)
		if !ok || obj.ClassName() == "Array" {
			return jwt.JavaError(fmt.Sprintf("class %s cannot be cast to class java.util.Map", javaClass(jsvalue.ToGo(c))))
		}
		f.claimKeys = obj.Keys()
		f.claims, _ = jsvalue.ToGo(obj).(map[string]any)
	}
	validity := str("validityMinutes", "0")
	if r.Err != nil {
		return r.Err
	}
	var err error
	if f.validityMinutes, err = jwt.JavaInt(validity); err != nil {
		return err
	}
	if v := d.Get("privateKey"); v != nil {
		f.privateKey = jsvalue.ToGo(v)
	}
	f.signingKey = str("signingKey", "")
	f.encryptionKey = str("encryptionKey", "")
	return r.Err
}

// claimSet is createJwtClaimsSet: iss, sub, aud, typ, iat, exp, jti, then
// the script's own claims, which may override any of them.
func (f *fields) claimSet(now time.Time) (*claimSet, error) {
	c := newClaimSet()
	if f.issuer != "" {
		c.put("iss", f.issuer)
	}
	if f.subject != "" {
		c.put("sub", f.subject)
	}
	if f.audience != "" {
		c.addAudience(f.audience)
	}
	if f.typ != "" {
		c.put("typ", f.typ)
	}
	ms := now.UnixMilli()
	c.put("iat", ms/1000)
	c.put("exp", (ms+f.validityMinutes*60*1000)/1000)
	if f.jwtID == "" {
		c.put("jti", uuid.NewString())
	} else {
		c.put("jti", f.jwtID)
	}
	for _, k := range f.claimKeys {
		if err := c.setClaim(k, f.claims[k]); err != nil {
			return nil, err
		}
	}
	return c, nil
}
