package jwtassertion

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/journeyjs/journeyjs/bindings/internal/jwt"
)

// claimSet is a JWT's claims in the order ForgeRock's JwtClaimsSet (a
// LinkedHashMap) writes them: the order they were first set.
type claimSet struct {
	keys []string
	vals map[string]any
}

func newClaimSet() *claimSet { return &claimSet{vals: map[string]any{}} }

func (c *claimSet) put(key string, v any) {
	if _, ok := c.vals[key]; !ok {
		c.keys = append(c.keys, key)
	}
	c.vals[key] = v
}

// addAudience is JwtClaimsSet.addAudience: the first audience is a string,
// a second turns the claim into a list.
func (c *claimSet) addAudience(aud string) {
	switch cur := c.vals["aud"].(type) {
	case nil:
		c.put("aud", aud)
	case []any:
		c.put("aud", append(cur, aud))
	default:
		c.put("aud", []any{cur, aud})
	}
}

// setClaim is JwtClaimsSet.setClaim for a claim from jwtData.claims: the
// registered names (in any case) are checked and typed as ForgeRock's
// setters type them; any other is stored as it is.
func (c *claimSet) setClaim(key string, v any) error {
	switch name := strings.ToLower(key); name {
	case "typ", "jti", "iss", "sub":
		s, ok := v.(string)
		if !ok {
			return typeMismatch("java.lang.String", v)
		}
		c.put(name, s)
	case "aud":
		list, isList := v.([]any)
		if !isList {
			list = []any{v}
		}
		for _, a := range list {
			s, ok := a.(string)
			if !ok {
				return typeMismatch("java.lang.String", a)
			}
			c.addAudience(s)
		}
	case "iat", "nbf", "exp":
		switch n := v.(type) {
		case int64:
			c.put(name, n)
		case float64:
			c.put(name, int64(math.Trunc(n))) // Number.longValue()
		default:
			return typeMismatch("java.util.Date", v)
		}
	default:
		c.put(key, v)
	}
	return nil
}

func typeMismatch(want string, v any) error {
	return jwt.JavaError(fmt.Sprintf("Value is not of the required type. Required, %s, actual, %s", want, javaClass(v)))
}

func javaClass(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "java.lang.String"
	case int64, float64:
		return "java.lang.Double"
	case bool:
		return "java.lang.Boolean"
	case []any:
		return "org.mozilla.javascript.NativeArray"
	}
	return "org.mozilla.javascript.NativeObject"
}

// MarshalJSON writes the claims in order.
func (c *claimSet) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range c.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kj, _ := json.Marshal(k)
		b.Write(kj)
		b.WriteByte(':')
		vj, err := json.Marshal(c.vals[k])
		if err != nil {
			return nil, fmt.Errorf("claim %q: %w", k, err)
		}
		b.Write(vj)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
