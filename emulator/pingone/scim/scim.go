// Package scim parses SCIM filters (RFC 7644 §3.4.2.2) and matches them
// against JSON attribute trees, as PingOne's ?filter= of users and
// issuance rule filters do.
package scim

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Filter is a parsed SCIM filter (RFC 7644 §3.4.2.2) over a JSON-like
// attribute map. Comparisons of strings ignore case, as SCIM's default
// caseExact=false demands.
type Filter interface {
	Match(attrs map[string]any) bool
}

type scimAnd struct{ l, r Filter }
type scimOr struct{ l, r Filter }
type scimNot struct{ f Filter }
type scimCompare struct {
	path  string
	op    string
	value any // string, float64, bool or nil
}

func (f scimAnd) Match(a map[string]any) bool { return f.l.Match(a) && f.r.Match(a) }
func (f scimOr) Match(a map[string]any) bool  { return f.l.Match(a) || f.r.Match(a) }
func (f scimNot) Match(a map[string]any) bool { return !f.f.Match(a) }

func (f scimCompare) Match(a map[string]any) bool {
	v, ok := Lookup(a, f.path)
	if list, isList := v.([]any); isList {
		// A multi-valued attribute matches when any value does.
		for _, item := range list {
			if (scimCompare{op: f.op, value: f.value}).matchValue(item, true) {
				return true
			}
		}
		return f.op == "ne" && len(list) == 0
	}
	return f.matchValue(v, ok)
}

func (f scimCompare) matchValue(v any, present bool) bool {
	if f.op == "pr" {
		return present && v != nil && v != ""
	}
	if !present || v == nil {
		// An absent attribute equals null and differs from everything else.
		switch f.op {
		case "eq":
			return f.value == nil
		case "ne":
			return f.value != nil
		}
		return false
	}
	if f.value == nil {
		return f.op == "ne"
	}
	switch want := f.value.(type) {
	case bool:
		got, ok := v.(bool)
		if !ok {
			return false
		}
		switch f.op {
		case "eq":
			return got == want
		case "ne":
			return got != want
		}
		return false
	case float64:
		got, ok := toNumber(v)
		if !ok {
			return f.op == "ne"
		}
		return compareOrdered(f.op, cmpFloat(got, want))
	}
	want := strings.ToLower(f.value.(string))
	got := strings.ToLower(fmt.Sprint(v))
	switch f.op {
	case "co":
		return strings.Contains(got, want)
	case "sw":
		return strings.HasPrefix(got, want)
	case "ew":
		return strings.HasSuffix(got, want)
	}
	return compareOrdered(f.op, strings.Compare(got, want))
}

func compareOrdered(op string, c int) bool {
	switch op {
	case "eq":
		return c == 0
	case "ne":
		return c != 0
	case "gt":
		return c > 0
	case "ge":
		return c >= 0
	case "lt":
		return c < 0
	case "le":
		return c <= 0
	}
	return false
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func toNumber(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int:
		return float64(n), true
	case string:
		f, err := strconv.ParseFloat(n, 64)
		return f, err == nil
	}
	return 0, false
}

// Lookup resolves a dotted attribute path case-insensitively.
func Lookup(attrs map[string]any, path string) (any, bool) {
	var cur any = attrs
	for _, part := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		found := false
		for k, v := range m {
			if strings.EqualFold(k, part) {
				cur, found = v, true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return cur, true
}

// Parse parses a filter expression.
func Parse(src string) (Filter, error) {
	toks, err := lexSCIM(src)
	if err != nil {
		return nil, err
	}
	p := &scimParser{toks: toks}
	f, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if p.pos != len(p.toks) {
		return nil, fmt.Errorf("unexpected %q at end of filter", p.toks[p.pos].text)
	}
	return f, nil
}

type scimToken struct {
	kind string // word, string, lparen, rparen
	text string
}

func lexSCIM(src string) ([]scimToken, error) {
	var out []scimToken
	rs := []rune(src)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(':
			out = append(out, scimToken{"lparen", "("})
			i++
		case r == ')':
			out = append(out, scimToken{"rparen", ")"})
			i++
		case r == '"':
			var b strings.Builder
			j := i + 1
			for ; j < len(rs) && rs[j] != '"'; j++ {
				if rs[j] == '\\' && j+1 < len(rs) {
					j++
				}
				b.WriteRune(rs[j])
			}
			if j >= len(rs) {
				return nil, fmt.Errorf("unterminated string in filter")
			}
			out = append(out, scimToken{"string", b.String()})
			i = j + 1
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '(' && rs[j] != ')' && rs[j] != '"' {
				j++
			}
			out = append(out, scimToken{"word", string(rs[i:j])})
			i = j
		}
	}
	return out, nil
}

type scimParser struct {
	toks []scimToken
	pos  int
}

func (p *scimParser) peekWord(w string) bool {
	return p.pos < len(p.toks) && p.toks[p.pos].kind == "word" && strings.EqualFold(p.toks[p.pos].text, w)
}

func (p *scimParser) parseOr() (Filter, error) {
	l, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	for p.peekWord("or") {
		p.pos++
		r, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		l = scimOr{l, r}
	}
	return l, nil
}

func (p *scimParser) parseAnd() (Filter, error) {
	l, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	for p.peekWord("and") {
		p.pos++
		r, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		l = scimAnd{l, r}
	}
	return l, nil
}

var scimOps = map[string]bool{"eq": true, "ne": true, "co": true, "sw": true, "ew": true,
	"gt": true, "ge": true, "lt": true, "le": true}

func (p *scimParser) parseUnary() (Filter, error) {
	if p.pos >= len(p.toks) {
		return nil, fmt.Errorf("filter ends too early")
	}
	if p.peekWord("not") {
		p.pos++
		f, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		return scimNot{f}, nil
	}
	t := p.toks[p.pos]
	if t.kind == "lparen" {
		p.pos++
		f, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if p.pos >= len(p.toks) || p.toks[p.pos].kind != "rparen" {
			return nil, fmt.Errorf("missing ) in filter")
		}
		p.pos++
		return f, nil
	}
	if t.kind != "word" {
		return nil, fmt.Errorf("expected an attribute, got %q", t.text)
	}
	p.pos++
	if p.pos >= len(p.toks) || p.toks[p.pos].kind != "word" {
		return nil, fmt.Errorf("expected an operator after %q", t.text)
	}
	op := strings.ToLower(p.toks[p.pos].text)
	p.pos++
	if op == "pr" {
		return scimCompare{path: t.text, op: op}, nil
	}
	if !scimOps[op] {
		return nil, fmt.Errorf("unknown operator %q", op)
	}
	if p.pos >= len(p.toks) {
		return nil, fmt.Errorf("expected a value after %s %s", t.text, op)
	}
	vt := p.toks[p.pos]
	p.pos++
	var value any
	switch {
	case vt.kind == "string":
		value = vt.text
	case vt.kind == "word" && vt.text == "true":
		value = true
	case vt.kind == "word" && vt.text == "false":
		value = false
	case vt.kind == "word" && vt.text == "null":
		value = nil
	case vt.kind == "word":
		f, err := strconv.ParseFloat(vt.text, 64)
		if err != nil {
			return nil, fmt.Errorf("value %q is neither a string, number, boolean nor null", vt.text)
		}
		value = f
	default:
		return nil, fmt.Errorf("expected a value after %s %s", t.text, op)
	}
	return scimCompare{path: t.text, op: op, value: value}, nil
}
