package jsvalue

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// ErrJSONNotGo is returned by ParseJSON for text it leaves to goja's own
// JSON.parse: a string with an unpaired surrogate escape ("\ud800"), which
// JavaScript keeps and a Go string cannot hold, or with bytes that are not
// UTF-8 (or U+FFFD, which is what such bytes and unpaired surrogates of a
// JavaScript string became on their way to Go).
var ErrJSONNotGo = errors.New("jsvalue: JSON text holds what a Go string cannot")

// ErrJSONTooDeep is returned (wrapped) for JSON nested deeper than allowed.
var ErrJSONTooDeep = errors.New("JSON nested too deep")

// MaxJSONNesting bounds how deeply parsed JSON may nest.
const MaxJSONNesting = 1000

// TooDeepMessage is the message of the RangeError a script gets for JSON
// nested deeper than maxDepth, whichever parser refused it.
func TooDeepMessage(maxDepth int) string {
	return fmt.Sprintf("JSON nested more than %d levels deep", maxDepth)
}

// ScriptError is how a script sees err, a ParseJSON error other than
// ErrJSONNotGo (which callers hand to goja's own parse): a RangeError
// (tooDeep) for nesting past maxDepth, else a SyntaxError, and its message.
func ScriptError(err error, maxDepth int) (tooDeep bool, msg string) {
	if errors.Is(err, ErrJSONTooDeep) {
		return true, TooDeepMessage(maxDepth)
	}
	return false, err.Error()
}

// ParseJSON parses text as JSON.parse does, without a reviver, into values
// of rt. Objects keep their keys in document order (a repeated key keeps its
// first place and its last value), "__proto__" is an ordinary key, and
// numbers are JavaScript numbers. Nesting deeper than maxDepth is an error.
//
// It exists because goja's JSON.parse reads the text token by token through
// encoding/json's Decoder, an interface value per token: for a PingOne answer
// of a few kilobytes that was a third of a credential-issuing script's time.
// Errors name the byte offset; they are not goja's wording. On a runtime in
// Rhino mode (the tenant language) a syntax error says what AIC's Rhino
// says instead, e.g. "Unexpected token: <".
func ParseJSON(rt *goja.Runtime, text string, maxDepth int) (goja.Value, error) {
	v, err := parseJSON(rt, text, maxDepth)
	if err != nil && rt.RhinoCompat() && !errors.Is(err, ErrJSONTooDeep) && !errors.Is(err, ErrJSONNotGo) {
		if msg := goja.RhinoJSONError(text); msg != "" {
			return nil, errors.New(msg)
		}
	}
	return v, err
}

func parseJSON(rt *goja.Runtime, text string, maxDepth int) (goja.Value, error) {
	p := jsonParser{rt: rt, s: text, maxDepth: maxDepth}
	p.space()
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.s) {
		return nil, p.errorf("unexpected %s after the JSON value", p.what())
	}
	return v, nil
}

type jsonParser struct {
	rt       *goja.Runtime
	s        string
	i        int
	maxDepth int
	buf      []byte // reused for strings with escapes
}

func (p *jsonParser) errorf(format string, args ...any) error {
	return fmt.Errorf("JSON at offset %d: %s", p.i, fmt.Sprintf(format, args...))
}

// what describes the byte at p.i for an error.
func (p *jsonParser) what() string {
	if p.i >= len(p.s) {
		return "end of input"
	}
	r, _ := utf8.DecodeRuneInString(p.s[p.i:])
	return strconv.QuoteRune(r)
}

func (p *jsonParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) (goja.Value, error) {
	if p.i >= len(p.s) {
		return nil, p.errorf("unexpected end of input")
	}
	switch c := p.s[p.i]; {
	case (c == '{' || c == '[') && depth >= p.maxDepth:
		return nil, fmt.Errorf("JSON at offset %d: nested more than %d levels deep: %w", p.i, p.maxDepth, ErrJSONTooDeep)
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.array(depth + 1)
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return p.rt.ToValue(s), nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case p.literal("true"):
		return p.rt.ToValue(true), nil
	case p.literal("false"):
		return p.rt.ToValue(false), nil
	case p.literal("null"):
		return goja.Null(), nil
	}
	return nil, p.errorf("unexpected %s", p.what())
}

func (p *jsonParser) literal(word string) bool {
	if len(p.s)-p.i >= len(word) && p.s[p.i:p.i+len(word)] == word {
		p.i += len(word)
		return true
	}
	return false
}

func (p *jsonParser) object(depth int) (goja.Value, error) {
	p.i++ // {
	obj := p.rt.NewObject()
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return obj, nil
	}
	for {
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return nil, p.errorf("expected a string key, found %s", p.what())
		}
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, p.errorf("expected ':' after a key, found %s", p.what())
		}
		p.i++
		p.space()
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		// Defined, not assigned: "__proto__" and keys that name
		// accessors on Object.prototype become own data properties, as
		// with JSON.parse.
		if err := obj.DefineDataProperty(key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			return nil, err
		}
		if more, err := p.more('}', "an object"); !more {
			if err != nil {
				return nil, err
			}
			return obj, nil
		}
	}
}

func (p *jsonParser) array(depth int) (goja.Value, error) {
	p.i++ // [
	var items []any
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return p.rt.NewArray(), nil
	}
	for {
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		items = append(items, v)
		if more, err := p.more(']', "an array"); !more {
			if err != nil {
				return nil, err
			}
			return p.rt.NewArray(items...), nil
		}
	}
}

// more reads what follows an object member or an array element: a comma
// (true: another comes) or the closing byte end (false), or fails; in
// names the construct for the error.
func (p *jsonParser) more(end byte, in string) (bool, error) {
	p.space()
	if p.i >= len(p.s) {
		return false, p.errorf("unexpected end of input in %s", in)
	}
	switch p.s[p.i] {
	case ',':
		p.i++
		p.space()
		return true, nil
	case end:
		p.i++
		return false, nil
	}
	return false, p.errorf("expected ',' or '%c', found %s", end, p.what())
}

// number checks the JSON number grammar, then converts the text.
func (p *jsonParser) number() (goja.Value, error) {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.s) && p.s[p.i] == '0':
		p.i++
	case p.i < len(p.s) && p.s[p.i] >= '1' && p.s[p.i] <= '9':
		p.digits()
	default:
		return nil, p.errorf("expected a digit, found %s", p.what())
	}
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		if !p.digits() {
			return nil, p.errorf("expected a digit after '.', found %s", p.what())
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if !p.digits() {
			return nil, p.errorf("expected a digit in the exponent, found %s", p.what())
		}
	}
	f, err := strconv.ParseFloat(p.s[start:p.i], 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return nil, p.errorf("bad number %q", p.s[start:p.i])
	}
	// Out of range gives ±Inf or 0, as in JavaScript.
	return p.rt.ToValue(f), nil
}

func (p *jsonParser) digits() bool {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

// str reads a string literal; p.s[p.i] is its opening quote.
func (p *jsonParser) str() (string, error) {
	p.i++
	start := p.i
	// The common case, a string without escapes, is a slice of the input:
	// find the next quote (IndexByte is vectorised), then look once at
	// the bytes before it for a backslash, a control character or
	// non-ASCII text, each of which takes the careful path.
	end := strings.IndexByte(p.s[start:], '"')
	if end < 0 {
		end = len(p.s) - start
	}
	if start+end < len(p.s) && plainASCII(p.s[start:start+end]) {
		p.i = start + end + 1
		return p.s[start : start+end], nil
	}
	return p.strSlow(start)
}

// plainASCII reports whether s is printable ASCII without a backslash. It
// looks at eight bytes at a time: a word has no such byte when none is at
// or over 0x80, none is under 0x20, and none equals '\\'.
func plainASCII(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; len(s) >= 8; s = s[8:] {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		bs := w ^ ('\\' * ones) // zero where a byte is a backslash
		if (w|(w-0x20*ones)|((bs-ones)&^bs))&highs != 0 {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// strSlow reads the rest of a string literal that begins at start, byte
// by byte.
func (p *jsonParser) strSlow(start int) (string, error) {
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			s := p.s[start:p.i]
			p.i++
			if !plainUTF8(s) {
				return "", ErrJSONNotGo
			}
			return s, nil
		case c == '\\':
			return p.escaped(start)
		case c < 0x20:
			return "", p.errorf("control character %q in a string", c)
		}
		p.i++
	}
	return "", p.errorf("unterminated string")
}

// escaped finishes a string with escapes, started at start.
func (p *jsonParser) escaped(start int) (string, error) {
	b := append(p.buf[:0], p.s[start:p.i]...)
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			p.buf = b
			s := string(b)
			if !plainUTF8(s) {
				return "", ErrJSONNotGo
			}
			return s, nil
		case c < 0x20:
			return "", p.errorf("control character %q in a string", c)
		case c != '\\':
			b = append(b, c)
			p.i++
			continue
		}
		p.i++ // backslash
		if p.i >= len(p.s) {
			break
		}
		e := p.s[p.i]
		p.i++
		switch e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, err := p.hex4()
			if err != nil {
				return "", err
			}
			if r >= 0xD800 && r <= 0xDBFF && len(p.s)-p.i >= 6 && p.s[p.i] == '\\' && p.s[p.i+1] == 'u' {
				p.i += 2
				lo, err := p.hex4()
				if err != nil {
					return "", err
				}
				if lo < 0xDC00 || lo > 0xDFFF {
					return "", ErrJSONNotGo
				}
				r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
			} else if r >= 0xD800 && r <= 0xDFFF {
				return "", ErrJSONNotGo
			}
			b = utf8.AppendRune(b, r)
		default:
			p.i--
			return "", p.errorf("bad escape \\%s in a string", p.what())
		}
	}
	return "", p.errorf("unterminated string")
}

func (p *jsonParser) hex4() (rune, error) {
	if len(p.s)-p.i < 4 {
		return 0, p.errorf("expected four hex digits after \\u")
	}
	var r rune
	for _, c := range []byte(p.s[p.i : p.i+4]) {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, p.errorf("expected four hex digits after \\u")
		}
	}
	p.i += 4
	return r, nil
}

// plainUTF8 reports whether s is valid UTF-8 without U+FFFD.
func plainUTF8(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.ValidString(s[i:]) && !strings.ContainsRune(s[i:], utf8.RuneError)
		}
	}
	return true
}
