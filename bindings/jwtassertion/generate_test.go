package jwtassertion_test

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	josejwt "github.com/go-jose/go-jose/v4/jwt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/jwtassertion"
)

const secret = "0123456789abcdef0123456789abcdef" // 32 bytes, so go-jose accepts it too

var secretB64 = base64.StdEncoding.EncodeToString([]byte(secret))

func run(t *testing.T, src string) string {
	t.Helper()
	r := bindingtest.New(t, jwtassertion.Binding).Begin(bindings.Backends{})
	return r.MustRun(src).String()
}

// fails returns what a script catching the call sees, as "name: message".
func fails(t *testing.T, src string) string {
	t.Helper()
	r := bindingtest.New(t, jwtassertion.Binding).Begin(bindings.Backends{})
	v, err := r.RunScript(`(function () { try { ` + src + `; return "no error"; } catch (e) { return e.name + ": " + e.message; } })()`)
	require.NoError(t, err)
	assert.NotContains(t, v.String(), "GoError")
	assert.NotContains(t, v.String(), "go-jose")
	return v.String()
}

func part(t *testing.T, token string, i int) map[string]any {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(strings.Split(token, ".")[i])
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(raw, &m))
	return m
}

func TestSignedHS256(t *testing.T) {
	before := time.Now().Unix()
	token := run(t, `jwtAssertion.generateJwt({jwtType: "SIGNED", jwsAlgorithm: "HS256", issuer: "me", subject: "alice",
		audience: "you", type: "JWT", validityMinutes: 5, signingKey: "`+secretB64+`", claims: {role: "admin", level: 3}})`)
	parts := strings.Split(token, ".")
	require.Len(t, parts, 3)
	assert.Equal(t, map[string]any{"typ": "JWT", "alg": "HS256"}, part(t, token, 0))

	// The signature is HMAC-SHA256 over header.payload, checked here by
	// hand and by go-jose.
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(parts[0] + "." + parts[1]))
	assert.Equal(t, base64.RawURLEncoding.EncodeToString(m.Sum(nil)), parts[2])
	parsed, err := josejwt.ParseSigned(token, []jose.SignatureAlgorithm{jose.HS256})
	require.NoError(t, err)
	var std josejwt.Claims
	custom := map[string]any{}
	require.NoError(t, parsed.Claims([]byte(secret), &std, &custom))
	assert.Equal(t, "me", std.Issuer)
	assert.Equal(t, "alice", std.Subject)
	assert.Equal(t, josejwt.Audience{"you"}, std.Audience)
	assert.NotEmpty(t, std.ID)
	assert.Equal(t, "admin", custom["role"])
	assert.Equal(t, "JWT", custom["typ"])
	assert.InDelta(t, before, std.IssuedAt.Time().Unix(), 2)
	assert.Equal(t, int64(300), std.Expiry.Time().Unix()-std.IssuedAt.Time().Unix())

	// The claims are in ForgeRock's order; aud is a plain string.
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	assert.Regexp(t, `^\{"iss":"me","sub":"alice","aud":"you","typ":"JWT","iat":\d+,"exp":\d+,"jti":"[0-9a-f-]{36}","role":"admin","level":3\}$`, string(payload))
}

func TestDefaultsAndAccountID(t *testing.T) {
	// No validityMinutes: AM's default 0 makes exp equal iat.
	token := run(t, `jwtAssertion.generateJwt({jwtType: "SIGNED", jwsAlgorithm: "HS256", accountId: "acct", jwtId: "id-1",
		signingKey: "`+secretB64+`"})`)
	claims := part(t, token, 1)
	assert.Equal(t, "acct", claims["iss"])
	assert.Equal(t, "acct", claims["sub"])
	assert.Equal(t, "id-1", claims["jti"])
	assert.Equal(t, claims["iat"], claims["exp"])
	// stableId alone is enough; the token then has no iss.
	token = run(t, `jwtAssertion.generateJwt({jwtType: "SIGNED", jwsAlgorithm: "HS256", stableId: "k", signingKey: "`+secretB64+`",
		validityMinutes: "2", claims: {aud: ["x", "y"]}})`)
	claims = part(t, token, 1)
	assert.NotContains(t, claims, "iss")
	assert.Equal(t, []any{"x", "y"}, claims["aud"])
	assert.Equal(t, float64(120), claims["exp"].(float64)-claims["iat"].(float64))
}

func TestSignedRS256(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	jwk, err := json.Marshal(jose.JSONWebKey{Key: key, KeyID: "k1", Use: "sig"})
	require.NoError(t, err)
	token := run(t, `jwtAssertion.generateJwt({jwtType: "SIGNED", jwsAlgorithm: "RS256", issuer: "me", validityMinutes: 1,
		privateKey: `+string(jwk)+`})`)
	parsed, err := josejwt.ParseSigned(token, []jose.SignatureAlgorithm{jose.RS256})
	require.NoError(t, err)
	var std josejwt.Claims
	require.NoError(t, parsed.Claims(&key.PublicKey, &std))
	assert.Equal(t, "me", std.Issuer)

	assert.Equal(t, "InternalError: Invalid RSA JWK: the privateKey must be a JWK object",
		fails(t, `jwtAssertion.generateJwt({jwtType: "SIGNED", jwsAlgorithm: "RS256", issuer: "me", privateKey: "nope"})`))
	assert.Equal(t, "InternalError: Invalid RSA JWK",
		fails(t, `jwtAssertion.generateJwt({jwtType: "SIGNED", jwsAlgorithm: "RS256", issuer: "me", privateKey: {kty: "RSA", n: "AQAB"}})`))
}

func TestSignedThenEncrypted(t *testing.T) {
	encKey := strings.Repeat("k", 64) // AM's own tests use a 64-byte key: only the first 32 count
	token := run(t, `jwtAssertion.generateJwt({jwtType: "SIGNED_THEN_ENCRYPTED", jwsAlgorithm: "HS256", issuer: "me",
		validityMinutes: 1, signingKey: "`+secretB64+`", encryptionKey: "`+base64.StdEncoding.EncodeToString([]byte(encKey))+`"})`)
	jwe, err := jose.ParseEncryptedCompact(token, []jose.KeyAlgorithm{jose.DIRECT}, []jose.ContentEncryption{jose.A128CBC_HS256})
	require.NoError(t, err)
	inner, err := jwe.Decrypt([]byte(encKey[:32]))
	require.NoError(t, err)
	jws, err := jose.ParseSignedCompact(string(inner), []jose.SignatureAlgorithm{jose.HS256})
	require.NoError(t, err)
	payload, err := jws.Verify([]byte(secret))
	require.NoError(t, err)
	assert.Contains(t, string(payload), `"iss":"me"`)
}

func TestReturnsNullWhereAMDoes(t *testing.T) {
	for name, src := range map[string]string{
		"no jwtType":          `{jwsAlgorithm: "HS256", issuer: "me", signingKey: "a2V5"}`,
		"empty jwsAlgorithm":  `{jwtType: "SIGNED", jwsAlgorithm: "", issuer: "me", signingKey: "a2V5"}`,
		"no issuer":           `{jwtType: "SIGNED", jwsAlgorithm: "HS256", subject: "s", signingKey: "a2V5"}`,
		"RS256 encrypted":     `{jwtType: "SIGNED_THEN_ENCRYPTED", jwsAlgorithm: "RS256", issuer: "me", privateKey: {}}`,
		"unsupported ES256":   `{jwtType: "SIGNED", jwsAlgorithm: "ES256", issuer: "me"}`,
		"null jwsAlgorithm":   `{jwtType: "SIGNED", jwsAlgorithm: null, issuer: "me"}`,
		"empty issuer string": `{jwtType: "SIGNED", jwsAlgorithm: "HS256", issuer: "", signingKey: "a2V5"}`,
	} {
		assert.Equal(t, "null", run(t, `String(jwtAssertion.generateJwt(`+src+`))`), name)
	}
}

func TestErrorsAsAMThrowsThem(t *testing.T) {
	for want, src := range map[string]string{
		"InternalError: No enum constant org.forgerock.openam.auth.nodes.script.JwtAssertionScriptWrapper.JwtBuilderType.SIGN": `{jwtType: "SIGN", jwsAlgorithm: "HS256", issuer: "me"}`,
		"InternalError: No enum constant org.forgerock.json.jose.jws.JwsAlgorithm.hs256":                                       `{jwtType: "SIGNED", jwsAlgorithm: "hs256", issuer: "me"}`,
		"InternalError: Empty key":                                                                               `{jwtType: "SIGNED", jwsAlgorithm: "HS256", issuer: "me"}`,
		"InternalError: Missing argument":                                                                        `{jwtType: "SIGNED", jwsAlgorithm: "HS256", issuer: "me", signingKey: "abcde"}`,
		"InternalError: Invalid offset/length combination":                                                       `{jwtType: "ENCRYPTED_THEN_SIGNED", jwsAlgorithm: "HS256", issuer: "me", signingKey: "a2V5", encryptionKey: "c2hvcnQ="}`,
		`InternalError: For input string: "soon"`:                                                                `{jwtType: "SIGNED", jwsAlgorithm: "HS256", issuer: "me", signingKey: "a2V5", validityMinutes: "soon"}`,
		"InternalError: class java.lang.String cannot be cast to class java.util.Map":                            `{jwtType: "SIGNED", jwsAlgorithm: "HS256", issuer: "me", claims: "x"}`,
		"InternalError: Value is not of the required type. Required, java.lang.String, actual, java.lang.Double": `{jwtType: "SIGNED", jwsAlgorithm: "HS256", issuer: "me", signingKey: "a2V5", claims: {sub: 5}}`,
		`InternalError: Cannot invoke "Object.toString()" because the return value of "java.util.Map.getOrDefault(Object, Object)" is null`: `{jwtType: "SIGNED", jwsAlgorithm: "HS256", issuer: null}`,
		`InternalError: Cannot invoke "java.util.Map.get(Object)" because "jwtData" is null`:                                                `null`,
	} {
		assert.Equal(t, want, fails(t, `jwtAssertion.generateJwt(`+src+`)`), src)
	}
}

func TestNumbersAreJavaDoubles(t *testing.T) {
	// A number where AM calls toString() reads as a Java Double: 5 → "5.0".
	token := run(t, `jwtAssertion.generateJwt({jwtType: "SIGNED", jwsAlgorithm: "HS256", issuer: 5, signingKey: "a2V5"})`)
	assert.Equal(t, "5.0", part(t, token, 1)["iss"])
}
