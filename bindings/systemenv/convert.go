package systemenv

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Type is one of the six Java classes a script may name as getProperty's
// return type.
type Type string

// The return types AIC documents for systemEnv.getProperty.
const (
	Boolean Type = "java.lang.Boolean"
	Double  Type = "java.lang.Double"
	Integer Type = "java.lang.Integer"
	String  Type = "java.lang.String"
	List    Type = "java.util.List"
	Map     Type = "java.util.Map"
)

// Types lists the return types in the order the reference gives them.
var Types = []Type{Boolean, Double, Integer, String, List, Map}

// Convert turns an ESV's text into a Go value of type t: bool, float64,
// int64, string, []any or map[string]any.
func Convert(raw string, t Type) (any, error) {
	s := strings.TrimSpace(raw)
	switch t {
	case String:
		return raw, nil
	case Boolean:
		// Boolean.valueOf: true for "true" in any case, false for anything else.
		return strings.EqualFold(s, "true"), nil
	case Double:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", raw)
		}
		return f, nil
	case Integer:
		i, err := strconv.ParseInt(s, 10, 32)
		if err != nil {
			return nil, fmt.Errorf("%q is not a 32-bit integer", raw)
		}
		return i, nil
	case List:
		if strings.HasPrefix(s, "[") {
			var l []any
			if err := json.Unmarshal([]byte(s), &l); err != nil {
				return nil, fmt.Errorf("%q is not a JSON array", raw)
			}
			return jsvalue.Normalize(l), nil
		}
		if s == "" {
			return []any{}, nil
		}
		parts := strings.Split(s, ",")
		out := make([]any, len(parts))
		for i, p := range parts {
			out[i] = strings.TrimSpace(p)
		}
		return out, nil
	case Map:
		var m map[string]any
		if err := json.Unmarshal([]byte(s), &m); err != nil || m == nil {
			return nil, fmt.Errorf("%q is not a JSON object", raw)
		}
		return jsvalue.Normalize(m), nil
	}
	return nil, fmt.Errorf("unsupported return type %s", t)
}
