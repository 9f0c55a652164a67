package jwt

// Type is how a JWT is protected (JwtAssertionScriptWrapper.JwtBuilderType).
type Type string

// The JWT types AM builds and validates.
const (
	Signed              Type = "SIGNED"
	SignedThenEncrypted Type = "SIGNED_THEN_ENCRYPTED"
	EncryptedThenSigned Type = "ENCRYPTED_THEN_SIGNED"
)

// Encrypted reports whether t has an encryption layer.
func (t Type) Encrypted() bool { return t == SignedThenEncrypted || t == EncryptedThenSigned }

// ParseType is Java's JwtBuilderType.valueOf: the exact constant name.
func ParseType(s string) (Type, error) {
	switch t := Type(s); t {
	case Signed, SignedThenEncrypted, EncryptedThenSigned:
		return t, nil
	}
	return "", javaErrorf("No enum constant org.forgerock.openam.auth.nodes.script.JwtAssertionScriptWrapper.JwtBuilderType.%s", s)
}

// Algorithm is a JWS algorithm name.
type Algorithm string

// The JWS algorithms the bindings support.
const (
	HS256 Algorithm = "HS256"
	RS256 Algorithm = "RS256"
)

// knownAlgorithms are the constants of ForgeRock's JwsAlgorithm enum:
// valueOf accepts them, and the bindings then refuse all but two.
var knownAlgorithms = map[string]bool{
	"NONE": true, "HS256": true, "HS384": true, "HS512": true, "RS256": true, "RS384": true, "RS512": true,
	"ES256": true, "ES384": true, "ES512": true, "PS256": true, "PS384": true, "PS512": true, "EDDSA": true,
}

// ParseAlgorithm is Java's JwsAlgorithm.valueOf.
func ParseAlgorithm(s string) (Algorithm, error) {
	if !knownAlgorithms[s] {
		return "", javaErrorf("No enum constant org.forgerock.json.jose.jws.JwsAlgorithm.%s", s)
	}
	return Algorithm(s), nil
}
