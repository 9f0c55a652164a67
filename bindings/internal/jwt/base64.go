package jwt

import (
	"encoding/base64"
	"strings"
)

// DecodeKey decodes a key the way AM's org.forgerock.util.encode.Base64
// does: characters outside the alphabet (line breaks, spaces, URL-safe
// symbols) are skipped, and the result is nil, not an error, when what is
// left is not whole groups of four. Java then refuses a nil key with
// "Missing argument" and an empty one with "Empty key".
func DecodeKey(s string) []byte {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' {
			b.WriteByte(c)
		}
	}
	legal := b.String()
	if len(legal)%4 != 0 {
		return nil
	}
	out, err := base64.StdEncoding.DecodeString(legal)
	if err != nil {
		return nil
	}
	if out == nil {
		out = []byte{}
	}
	return out
}

// SecretKey is Java's new SecretKeySpec(key, …): it refuses a missing or
// empty key.
func SecretKey(key []byte) ([]byte, error) {
	switch {
	case key == nil:
		return nil, JavaError("Missing argument")
	case len(key) == 0:
		return nil, JavaError("Empty key")
	}
	return key, nil
}
