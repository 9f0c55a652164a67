package jwtvalidator

import (
	"bytes"
	"encoding/json"
	"math"
	"time"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

// Claims are a validated JWT's claims as parsed from its JSON.
type Claims struct{ m map[string]any }

func (c *Claims) str(key string) string {
	s, _ := c.m[key].(string)
	return s
}

// audience is JwtClaimsSet.getAudience: a string claim is a one-item list.
func (c *Claims) audience() []string {
	switch a := c.m["aud"].(type) {
	case string:
		return []string{a}
	case []any:
		out := make([]string, 0, len(a))
		for _, x := range a {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// seconds is a NumericDate claim (asLong), and whether it is there.
func (c *Claims) seconds(key string) (int64, bool) {
	n, ok := c.m[key].(json.Number)
	if !ok {
		return 0, false
	}
	if i, err := n.Int64(); err == nil {
		return i, true
	}
	f, err := n.Float64()
	if err != nil {
		return 0, false
	}
	return int64(math.Trunc(f)), true
}

// renamed are the registered claims AM hands back under its own names.
var renamed = map[string]string{
	"iss": "issuer", "sub": "subject", "aud": "audience", "exp": "expirationTime",
	"nbf": "notBefore", "iat": "issuedAt", "jti": "jwtId", "typ": "type",
}

// toJS is createJwtClaimsMap: a Java HashMap (read with .get) whose
// audience is a list and whose times are java.util.Date objects.
func (c *Claims) toJS(rt *goja.Runtime) goja.Value {
	obj := rt.NewObject()
	for key, v := range c.m {
		name, ok := renamed[key]
		if !ok {
			_ = obj.Set(key, jsvalue.ToJS(rt, jsvalue.Normalize(v)))
			continue
		}
		switch key {
		case "aud":
			items := make([]any, 0, 1)
			for _, a := range c.audience() {
				items = append(items, a)
			}
			_ = obj.Set(name, rt.NewArray(items...))
		case "exp", "nbf", "iat":
			if s, ok := c.seconds(key); ok {
				_ = obj.Set(name, javaDate(rt, time.Unix(s, 0)))
			} else {
				_ = obj.Set(name, goja.Null())
			}
		default:
			if s, ok := v.(string); ok {
				_ = obj.Set(name, s)
			} else {
				_ = obj.Set(name, goja.Null())
			}
		}
	}
	return jsvalue.JavaView(rt, obj)
}

// javaDate is a java.util.Date as a script sees it: getTime() in
// milliseconds and Java's toString, in UTC as the tenant's JVM runs.
func javaDate(rt *goja.Runtime, t time.Time) *goja.Object {
	d := rt.NewObject()
	jsvalue.Method(rt, d, "getTime", func(goja.FunctionCall) goja.Value { return rt.ToValue(t.UnixMilli()) })
	jsvalue.Method(rt, d, "toString", func(goja.FunctionCall) goja.Value {
		return rt.ToValue(t.UTC().Format("Mon Jan 02 15:04:05 MST 2006"))
	})
	return d
}
