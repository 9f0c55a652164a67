package idm

import (
	"strconv"
	"strings"
)

// pointer is a parsed JSON pointer: its reference tokens, unescaped. IDM
// accepts fields with or without the leading slash ("name/given" and
// "/name/given" are the same field).
type pointer []string

func parsePointer(s string) pointer {
	s = strings.TrimPrefix(s, "/")
	if s == "" {
		return pointer{}
	}
	parts := strings.Split(s, "/")
	for i, p := range parts {
		if strings.Contains(p, "~") {
			parts[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(p)
		}
	}
	return parts
}

func (p pointer) String() string {
	var b strings.Builder
	for _, t := range p {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(t))
	}
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}

// get returns the single value at p, following array indexes.
func (p pointer) get(doc any) (any, bool) {
	cur := doc
	for _, t := range p {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[t]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, ok := arrayIndex(t, len(c))
			if !ok {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// values returns every value p reaches in doc for filtering: where a token
// meets an array that it does not index, it fans out over the elements, and
// a final array contributes its elements. So /roles/_ref matches any role's
// _ref and /tags eq 'x' matches when any tag is x.
func (p pointer) values(doc any, out []any) []any {
	return collect(doc, p, out)
}

func collect(cur any, p pointer, out []any) []any {
	if len(p) == 0 {
		if arr, ok := cur.([]any); ok {
			return append(out, arr...)
		}
		return append(out, cur)
	}
	switch c := cur.(type) {
	case map[string]any:
		v, ok := c[p[0]]
		if !ok {
			return out
		}
		return collect(v, p[1:], out)
	case []any:
		if i, ok := arrayIndex(p[0], len(c)); ok {
			return collect(c[i], p[1:], out)
		}
		for _, e := range c {
			if _, isArr := e.([]any); isArr {
				continue
			}
			out = collect(e, p, out)
		}
	}
	return out
}

func arrayIndex(t string, n int) (int, bool) {
	if t == "" || (len(t) > 1 && t[0] == '0') {
		return 0, false
	}
	i, err := strconv.Atoi(t)
	if err != nil || i < 0 || i >= n {
		return 0, false
	}
	return i, true
}

// deepCopy copies a JSON-shaped value so stored objects never share maps or
// slices with callers.
func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}

func copyMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return deepCopy(m).(map[string]any)
}
