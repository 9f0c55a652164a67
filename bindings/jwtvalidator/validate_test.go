package jwtvalidator_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/jwtassertion"
	"github.com/journeyjs/journeyjs/bindings/jwtvalidator"
)

var (
	signingKey = base64.StdEncoding.EncodeToString([]byte("my-secret-key")) // short, as AM's own tests
	encKey     = base64.StdEncoding.EncodeToString([]byte(strings.Repeat("0123456789abcdef", 4)))
)

func runtime(t *testing.T) *bindingtest.Runtime {
	return bindingtest.New(t, jwtassertion.Binding, jwtvalidator.Binding).Begin(bindings.Backends{})
}

func run(t *testing.T, src string) string {
	t.Helper()
	return runtime(t).MustRun(src).String()
}

func fails(t *testing.T, src string) string {
	t.Helper()
	v, err := runtime(t).RunScript(`(function () { try { ` + src + `; return "no error"; } catch (e) { return e.name + ": " + e.message; } })()`)
	require.NoError(t, err)
	assert.NotContains(t, v.String(), "GoError")
	assert.NotContains(t, v.String(), "go-jose")
	return v.String()
}

// make is a script expression generating a token of type with HS256.
func make(typ, extra string) string {
	return fmt.Sprintf(`jwtAssertion.generateJwt({jwtType: %q, jwsAlgorithm: "HS256", issuer: "myiss", subject: "mysub",
		audience: "myaud", type: "JWT", validityMinutes: 10, signingKey: %q, encryptionKey: %q, claims: {role: "admin"}%s})`,
		typ, signingKey, encKey, extra)
}

func validate(typ, token, extra string) string {
	return fmt.Sprintf(`jwtValidator.validateJwtClaims({jwtType: %q, jwt: %s, accountId: "myiss", audience: "myaud",
		signingKey: %q, encryptionKey: %q%s})`, typ, token, signingKey, encKey, extra)
}

func TestRoundTripEveryType(t *testing.T) {
	for _, typ := range []string{"SIGNED", "SIGNED_THEN_ENCRYPTED", "ENCRYPTED_THEN_SIGNED"} {
		got := run(t, `var c = `+validate(typ, make(typ, ""), "")+`;
			[c.get("issuer"), c.get("subject"), c.get("audience").get(0), c.get("audience").size(), c.get("type"),
			 c.get("role"), c.get("jwtId").length, c.get("expirationTime").getTime() - c.get("issuedAt").getTime(),
			 c.containsKey("notBefore")].join()`)
		assert.Equal(t, "myiss,mysub,myaud,1,JWT,admin,36,600000,false", got, typ)
	}
}

func TestDatesAreJavaDates(t *testing.T) {
	got := run(t, `var c = `+validate("SIGNED", make("SIGNED", ""), "")+`; String(c.get("issuedAt"))`)
	_, err := time.Parse("Mon Jan 02 15:04:05 MST 2006", got)
	require.NoError(t, err, got)
	assert.Contains(t, got, " UTC ")
}

func TestRS256WithAnX509PublicKey(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	jwk, err := json.Marshal(jose.JSONWebKey{Key: key})
	require.NoError(t, err)
	spki, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	require.NoError(t, err)
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	otherSPKI, err := x509.MarshalPKIXPublicKey(&other.PublicKey)
	require.NoError(t, err)

	token := `jwtAssertion.generateJwt({jwtType: "SIGNED", jwsAlgorithm: "RS256", issuer: "myiss", audience: "myaud",
		validityMinutes: 1, privateKey: ` + string(jwk) + `})`
	check := func(pub []byte) string {
		return `String(jwtValidator.validateJwtClaims({jwtType: "SIGNED", jwt: ` + token + `, issuer: "myiss",
			signingKey: "` + base64.StdEncoding.EncodeToString(pub) + `"}))`
	}
	assert.Equal(t, "[object Object]", run(t, check(spki)))
	assert.Equal(t, "null", run(t, check(otherSPKI)))
	assert.Equal(t, "InternalError: Invalid RSA public key", fails(t, `jwtValidator.validateJwtClaims({jwtType: "SIGNED",
		jwt: `+token+`, issuer: "myiss", signingKey: "`+base64.StdEncoding.EncodeToString([]byte("invalid key which should fail validation"))+`"})`))
}

func TestNullWhereAMReturnsNull(t *testing.T) {
	tamper := `(function (s) { var p = s.split("."); p[1] = p[1].slice(0, -2) + (p[1].slice(-2) === "AA" ? "AB" : "AA"); return p.join("."); })(` + make("SIGNED", "") + `)`
	for name, src := range map[string]string{
		"tampered payload": validate("SIGNED", tamper, ""),
		"wrong signing key": `jwtValidator.validateJwtClaims({jwtType: "SIGNED", jwt: ` + make("SIGNED", "") +
			`, issuer: "myiss", signingKey: "b3RoZXI="})`,
		"wrong audience": validate("SIGNED", make("SIGNED", ""), `, audience: "someone-else"`),
		"wrong issuer":   `jwtValidator.validateJwtClaims({jwtType: "SIGNED", jwt: ` + make("SIGNED", "") + `, issuer: "x", signingKey: "` + signingKey + `"})`,
		"wrong subject":  validate("SIGNED", make("SIGNED", ""), `, subject: "bob"`),
		"wrong type":     validate("SIGNED", make("SIGNED", ""), `, type: "JWE"`),
		"expired":        validate("SIGNED", make("SIGNED", `, validityMinutes: -1`), ""),
		// AM's default validity is 0 minutes: exp is the issue second, past at once.
		"default validity": validate("SIGNED", `jwtAssertion.generateJwt({jwtType: "SIGNED", jwsAlgorithm: "HS256", issuer: "myiss",
			audience: "myaud", signingKey: "`+signingKey+`"})`, ""),
		"no jwt":    `jwtValidator.validateJwtClaims({jwtType: "SIGNED", issuer: "myiss"})`,
		"no issuer": `jwtValidator.validateJwtClaims({jwtType: "SIGNED", jwt: "a.b.c"})`,
		"encrypted, tampered tag": validate("SIGNED_THEN_ENCRYPTED",
			`(function (s) { var p = s.split("."); p[4] = p[4].charAt(0) === "A" ? "B" + p[4].slice(1) : "A" + p[4].slice(1); return p.join("."); })(`+make("SIGNED_THEN_ENCRYPTED", "")+`)`, ""),
	} {
		got := fails(t, `return String(`+src+`)`)
		if name == "encrypted, tampered tag" {
			// A JWE whose tag is altered fails decryption: AM throws.
			assert.Equal(t, "InternalError: Decryption failed", got, name)
			continue
		}
		assert.Equal(t, "null", got, name)
	}
}

func TestClockSkewAllowsARecentlyExpiredToken(t *testing.T) {
	expired := make("SIGNED", `, validityMinutes: -1`)
	assert.Equal(t, "null", run(t, `String(`+validate("SIGNED", expired, `, clockSkew: 30`)+`)`))
	assert.Equal(t, "myiss", run(t, validate("SIGNED", expired, `, clockSkew: 120`)+`.get("issuer")`))
}

func TestIssuedInTheFutureIsRefused(t *testing.T) {
	future := time.Now().Add(time.Hour).Unix()
	assert.Equal(t, "null", run(t, `String(`+validate("SIGNED", make("SIGNED", fmt.Sprintf(`, claims: {iat: %d}`, future)), "")+`)`))
}

func TestErrorsAsAMThrowsThem(t *testing.T) {
	for want, src := range map[string]string{
		"InternalError: not right number of dots, 1": validate("SIGNED", `"abc"`, ""),
		"InternalError: class org.forgerock.json.jose.jwe.EncryptedJwt cannot be cast to class org.forgerock.json.jose.jws.SignedJwt": validate("SIGNED", make("SIGNED_THEN_ENCRYPTED", ""), ""),
		"InternalError: Decryption failed": `jwtValidator.validateJwtClaims({jwtType: "ENCRYPTED_THEN_SIGNED", jwt: ` + make("ENCRYPTED_THEN_SIGNED", "") +
			`, issuer: "myiss", signingKey: "` + signingKey + `", encryptionKey: "` + base64.StdEncoding.EncodeToString([]byte(strings.Repeat("x", 32))) + `"})`,
		"InternalError: Unsupported algorithm: NONE": validate("SIGNED", `"eyJhbGciOiJub25lIn0.eyJpc3MiOiJteWlzcyJ9."`, ""),
		"InternalError: Unsupported algorithm: HS512": validate("SIGNED",
			`"eyJhbGciOiJIUzUxMiJ9.eyJpc3MiOiJteWlzcyJ9.c2ln"`, ""),
		"InternalError: No enum constant org.forgerock.openam.auth.nodes.script.JwtAssertionScriptWrapper.JwtBuilderType.JWS": validate("JWS", `"a.b.c"`, ""),
		`InternalError: For input string: "soon"`: validate("SIGNED", make("SIGNED", ""), `, clockSkew: "soon"`),
	} {
		assert.Equal(t, want, fails(t, src), src)
	}
}

func TestResultIsAJavaMap(t *testing.T) {
	got := run(t, `var c = `+validate("SIGNED", make("SIGNED", ""), "")+`;
		[typeof c.get, c.size(), c.keySet().contains("subject"), c.subject].join()`)
	assert.Equal(t, "function,8,true,mysub", got)
}
