package idm

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is the _queryFilter parser: a hand-written recursive-descent
// parser over a small lexer. The grammar is CREST's:
//
//	Expr       = OrExpr
//	OrExpr     = AndExpr ( "or" AndExpr )*
//	AndExpr    = NotExpr ( "and" NotExpr )*
//	NotExpr    = "!" Primary | Primary
//	Primary    = "(" Expr ")" | Pointer Op Value | Pointer "pr"
//	           | Pointer "[" Expr "]" | "true" | "false"
//	Op         = eq | co | sw | gt | ge | lt | le
//	Value      = number | true | false | "…" | '…'
//
// Keywords and operators are case-insensitive. Strings take backslash
// escapes (\" \' \\ \n \t \uXXXX; any other escaped character stands for
// itself). Pointers are JSON pointers with or without the leading slash.

// Filter is a parsed query filter.
type Filter interface {
	// Match reports whether obj satisfies the filter.
	Match(obj map[string]any) bool
	// String is the filter in canonical form.
	String() string
}

// FilterError is a syntax error in a query filter. Pos is the byte offset,
// from 0, where the problem was found.
type FilterError struct {
	Filter string
	Pos    int
	Msg    string
}

func (e *FilterError) Error() string {
	return fmt.Sprintf("invalid query filter %q: %s at position %d", e.Filter, e.Msg, e.Pos)
}

// ParseFilter parses a _queryFilter expression.
func ParseFilter(s string) (Filter, error) {
	p := &parser{src: s}
	if err := p.lex(); err != nil {
		return nil, err
	}
	if len(p.toks) == 1 {
		return nil, p.fail(0, "the filter is empty")
	}
	f, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, p.fail(t.pos, "unexpected %s after a complete expression", t.describe())
	}
	return f, nil
}

type tokKind int

const (
	tEOF tokKind = iota
	tWord
	tString
	tLParen
	tRParen
	tLBracket
	tRBracket
	tNot
)

type token struct {
	kind tokKind
	pos  int
	text string // word text, or the unescaped string
}

func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "end of filter"
	case tString:
		return fmt.Sprintf("string %q", t.text)
	case tWord:
		return fmt.Sprintf("%q", t.text)
	case tLParen:
		return `"("`
	case tRParen:
		return `")"`
	case tLBracket:
		return `"["`
	case tRBracket:
		return `"]"`
	case tNot:
		return `"!"`
	}
	return "token"
}

type parser struct {
	src  string
	toks []token
	i    int
}

func (p *parser) fail(pos int, format string, args ...any) error {
	return &FilterError{Filter: p.src, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *parser) lex() error {
	s := p.src
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isSpace(c):
			i++
		case c == '(':
			p.toks = append(p.toks, token{kind: tLParen, pos: i})
			i++
		case c == ')':
			p.toks = append(p.toks, token{kind: tRParen, pos: i})
			i++
		case c == '[':
			p.toks = append(p.toks, token{kind: tLBracket, pos: i})
			i++
		case c == ']':
			p.toks = append(p.toks, token{kind: tRBracket, pos: i})
			i++
		case c == '!':
			p.toks = append(p.toks, token{kind: tNot, pos: i})
			i++
		case c == '"' || c == '\'':
			str, n, err := p.lexString(i)
			if err != nil {
				return err
			}
			p.toks = append(p.toks, token{kind: tString, pos: i, text: str})
			i = n
		default:
			start := i
			for i < len(s) && !isSpace(s[i]) && !strings.ContainsRune("()[]", rune(s[i])) {
				i++
			}
			p.toks = append(p.toks, token{kind: tWord, pos: start, text: s[start:i]})
		}
	}
	p.toks = append(p.toks, token{kind: tEOF, pos: len(s)})
	return nil
}

// lexString reads the quoted string opening at start and returns its value
// and the offset just past its closing quote.
func (p *parser) lexString(start int) (string, int, error) {
	s := p.src
	q := s[start]
	var b strings.Builder
	for i := start + 1; i < len(s); {
		c := s[i]
		switch {
		case c == q:
			return b.String(), i + 1, nil
		case c == '\\':
			if i+1 >= len(s) {
				return "", 0, p.fail(i, "unfinished escape sequence")
			}
			e := s[i+1]
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'u':
				if i+6 > len(s) {
					return "", 0, p.fail(i, `invalid \u escape: four hex digits expected`)
				}
				n, err := strconv.ParseUint(s[i+2:i+6], 16, 32)
				if err != nil {
					return "", 0, p.fail(i, `invalid \u escape: four hex digits expected`)
				}
				b.WriteRune(rune(n))
				i += 6
				continue
			default:
				r, size := utf8.DecodeRuneInString(s[i+1:])
				b.WriteRune(r)
				i += 1 + size
				continue
			}
			i += 2
		default:
			b.WriteByte(c)
			i++
		}
	}
	return "", 0, p.fail(start, "unterminated string: no closing %c", q)
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) isKeyword(kw string) bool {
	t := p.peek()
	return t.kind == tWord && strings.EqualFold(t.text, kw)
}

func (p *parser) or() (Filter, error) {
	f, err := p.and()
	if err != nil {
		return nil, err
	}
	terms := []Filter{f}
	for p.isKeyword("or") {
		p.next()
		g, err := p.and()
		if err != nil {
			return nil, err
		}
		terms = append(terms, g)
	}
	if len(terms) == 1 {
		return f, nil
	}
	return orFilter(terms), nil
}

func (p *parser) and() (Filter, error) {
	f, err := p.not()
	if err != nil {
		return nil, err
	}
	terms := []Filter{f}
	for p.isKeyword("and") {
		p.next()
		g, err := p.not()
		if err != nil {
			return nil, err
		}
		terms = append(terms, g)
	}
	if len(terms) == 1 {
		return f, nil
	}
	return andFilter(terms), nil
}

func (p *parser) not() (Filter, error) {
	if p.peek().kind == tNot {
		p.next()
		if p.peek().kind == tNot {
			return nil, p.fail(p.peek().pos, `"!" must be followed by an expression, not another "!": use parentheses`)
		}
		f, err := p.primary()
		if err != nil {
			return nil, err
		}
		return notFilter{f}, nil
	}
	return p.primary()
}

var operators = map[string]bool{"eq": true, "co": true, "sw": true, "gt": true, "ge": true, "lt": true, "le": true}

func (p *parser) primary() (Filter, error) {
	t := p.next()
	switch t.kind {
	case tLParen:
		f, err := p.or()
		if err != nil {
			return nil, err
		}
		if c := p.peek(); c.kind != tRParen {
			return nil, p.fail(c.pos, `expected ")" to close the "(" at position %d, found %s`, t.pos, c.describe())
		}
		p.next()
		return f, nil
	case tWord:
	default:
		return nil, p.fail(t.pos, "expected an expression (a field, \"(\", \"!\", true or false), found %s", t.describe())
	}
	switch strings.ToLower(t.text) {
	case "true":
		return literalFilter(true), nil
	case "false":
		return literalFilter(false), nil
	case "and", "or":
		return nil, p.fail(t.pos, "expected an expression before %q", t.text)
	}
	ptr, err := p.pointer(t)
	if err != nil {
		return nil, err
	}
	op := p.next()
	switch op.kind {
	case tLBracket:
		sub, err := p.or()
		if err != nil {
			return nil, err
		}
		if c := p.peek(); c.kind != tRBracket {
			return nil, p.fail(c.pos, `expected "]" to close the "[" at position %d, found %s`, op.pos, c.describe())
		}
		p.next()
		return complexFilter{field: ptr, sub: sub}, nil
	case tWord:
	default:
		return nil, p.fail(op.pos, "expected an operator (eq, co, sw, gt, ge, lt, le, pr) after the field %q, found %s", t.text, op.describe())
	}
	name := strings.ToLower(op.text)
	if name == "pr" {
		return presentFilter{field: ptr}, nil
	}
	if !operators[name] {
		return nil, p.fail(op.pos, "unknown operator %q: expected eq, co, sw, gt, ge, lt, le or pr", op.text)
	}
	v := p.next()
	val, err := p.value(v, op)
	if err != nil {
		return nil, err
	}
	return cmpFilter{field: ptr, op: name, value: val}, nil
}

func (p *parser) pointer(t token) (pointer, error) {
	if t.text == "/" {
		return nil, p.fail(t.pos, "the field pointer %q names no field", t.text)
	}
	if strings.Contains(t.text, "//") {
		return nil, p.fail(t.pos+strings.Index(t.text, "//")+1, "the field pointer %q has an empty segment", t.text)
	}
	for i := 0; i < len(t.text); i++ {
		if t.text[i] != '~' {
			continue
		}
		if i+1 >= len(t.text) || (t.text[i+1] != '0' && t.text[i+1] != '1') {
			return nil, p.fail(t.pos+i, "invalid escape in field pointer %q: ~ must be followed by 0 or 1", t.text)
		}
	}
	return parsePointer(t.text), nil
}

var numberRe = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

func (p *parser) value(v token, op token) (any, error) {
	switch v.kind {
	case tString:
		return v.text, nil
	case tWord:
		switch strings.ToLower(v.text) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		if numberRe.MatchString(v.text) {
			if !strings.ContainsAny(v.text, ".eE") {
				if n, err := strconv.ParseInt(v.text, 10, 64); err == nil {
					return n, nil
				}
			}
			f, err := strconv.ParseFloat(v.text, 64)
			if err != nil {
				return nil, p.fail(v.pos, "number %q is out of range", v.text)
			}
			return f, nil
		}
		return nil, p.fail(v.pos, "expected a value after %q (a quoted string, a number, true or false), found %q: quote strings", op.text, v.text)
	}
	return nil, p.fail(v.pos, "expected a value after %q (a quoted string, a number, true or false), found %s", op.text, v.describe())
}
