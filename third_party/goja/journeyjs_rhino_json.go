package goja

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja/unistring"
)

// journeyjs patch: JSON in Rhino mode answers as Rhino 1.7.14's NativeJSON
// and JsonParser:
//
//   - JSON.stringify writes a lone surrogate as it is (ES2019's
//     well-formed stringify escapes it as \udXXX);
//   - array elements get their index as a number key (toJSON and the
//     replacer see typeof key "number");
//   - a RegExp is callable in Rhino, so stringify leaves it out like a
//     function ({a: /x/} is "{}", [/x/] is "[null]");
//   - a cycle throws "Cyclic org.mozilla.javascript.NativeObject value not
//     allowed." naming Rhino's class of the object met again;
//   - JSON.parse throws SyntaxErrors worded as Rhino's (RhinoJSONError).

// jjRawSurrogate writes r, when it is a lone surrogate in Rhino mode, as
// WTF-8 (the UTF-8 form of a surrogate code point, which Go's UTF-8 refuses)
// and reports whether it did; jjResult decodes it back.
func (ctx *_builtinJSON_stringifyContext) jjRawSurrogate(r rune) bool {
	if !ctx.r.jj.rhino || !utf16.IsSurrogate(r) {
		return false
	}
	ctx.buf.WriteByte(0xE0 | byte(r>>12))
	ctx.buf.WriteByte(0x80 | byte(r>>6)&0x3F)
	ctx.buf.WriteByte(0x80 | byte(r)&0x3F)
	ctx.jjSurrogates = true
	return true
}

// jjResult is the stringify result when jjRawSurrogate wrote surrogates.
func (ctx *_builtinJSON_stringifyContext) jjResult() Value {
	b := ctx.buf.Bytes()
	runes := make([]rune, 0, len(b))
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 && len(b) >= 3 && b[0] == 0xED {
			r, size = rune(b[0]&0x0F)<<12|rune(b[1]&0x3F)<<6|rune(b[2]&0x3F), 3
		}
		runes = append(runes, r)
		b = b[size:]
	}
	return stringValueFromRaw(unistring.NewFromRunes(runes))
}

// jjArrayKey is the key stringify passes for element i of an array.
func (ctx *_builtinJSON_stringifyContext) jjArrayKey(i int64) Value {
	if ctx.r.jj.rhino {
		return intToValue(i)
	}
	return asciiString(strconv.FormatInt(i, 10))
}

// jjSkips reports whether stringify leaves o out as Rhino does a RegExp.
func (ctx *_builtinJSON_stringifyContext) jjSkips(o *Object) bool {
	_, isRegExp := o.self.(*regexpObject)
	return isRegExp && ctx.r.jj.rhino
}

// jjCyclicMessage is the TypeError message for a cycle through o.
func (ctx *_builtinJSON_stringifyContext) jjCyclicMessage(o *Object) string {
	if !ctx.r.jj.rhino {
		return "Converting circular structure to JSON"
	}
	class := "NativeObject"
	switch o.self.className() {
	case classArray:
		class = "NativeArray"
	case classError:
		class = "NativeError"
	}
	if _, ok := o.self.(*argumentsObject); ok {
		class = "Arguments"
	}
	return "Cyclic org.mozilla.javascript." + class + " value not allowed."
}

// jjRhinoCheckJSON throws, in Rhino mode, the SyntaxError Rhino's JSON.parse
// throws for text, if it throws one.
func (r *Runtime) jjRhinoCheckJSON(text String) {
	if !r.jj.rhino {
		return
	}
	runes := text.utf16Runes() // one rune per UTF-16 unit
	units := make([]uint16, len(runes))
	for i, u := range runes {
		units[i] = uint16(u)
	}
	if msg := rhinoJSONError(units); msg != "" {
		panic(r.newSyntaxError(msg))
	}
}

// RhinoJSONError returns the message of the SyntaxError Rhino 1.7.14's
// JSON.parse throws for text, or "" when Rhino parses it. Rhino accepts the
// same texts as the specification; only the wording differs.
func RhinoJSONError(text string) string {
	return rhinoJSONError(utf16.Encode([]rune(text)))
}

// rhinoJSONError walks s (UTF-16 units) as Rhino's JsonParser does.
func rhinoJSONError(s []uint16) string {
	p := jjRhinoJSON{s: s}
	if msg := p.value(0); msg != "" {
		if p.tooDeep {
			return ""
		}
		return msg
	}
	p.space()
	if p.pos < len(p.s) {
		return "Expected end of stream at char " + strconv.Itoa(p.pos)
	}
	return ""
}

type jjRhinoJSON struct {
	s       []uint16
	pos     int
	tooDeep bool // the walk gave up: nesting past jjRhinoJSONMaxDepth
}

// jjRhinoJSONMaxDepth bounds the walk's recursion; deeper text is left to
// the real parse and its wording (journeyjs refuses such text before).
const jjRhinoJSONMaxDepth = 10000

func (p *jjRhinoJSON) unit(i int) string { return string(utf16.Decode(p.s[i : i+1])) }

func (p *jjRhinoJSON) space() {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		default:
			return
		}
	}
}

func (p *jjRhinoJSON) value(depth int) string {
	p.space()
	if p.pos >= len(p.s) {
		return "Empty JSON string"
	}
	if depth > jjRhinoJSONMaxDepth {
		p.tooDeep = true
		return "too deep"
	}
	c := p.s[p.pos]
	p.pos++
	switch {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		return p.str()
	case c == '-' || c >= '0' && c <= '9':
		return p.number(c)
	case c == 't':
		return p.word("rue", "t")
	case c == 'f':
		return p.word("alse", "f")
	case c == 'n':
		return p.word("ull", "n")
	}
	return "Unexpected token: " + p.unit(p.pos-1)
}

func (p *jjRhinoJSON) word(rest, first string) string {
	if len(p.s)-p.pos < len(rest) {
		return "Unexpected token: " + first
	}
	for i := 0; i < len(rest); i++ {
		if p.s[p.pos+i] != uint16(rest[i]) {
			return "Unexpected token: " + first
		}
	}
	p.pos += len(rest)
	return ""
}

func (p *jjRhinoJSON) object(depth int) string {
	p.space()
	if p.pos < len(p.s) && p.s[p.pos] == '}' {
		p.pos++
		return ""
	}
	needsComma := false
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		p.pos++
		switch c {
		case '}':
			if !needsComma {
				return "Unexpected comma in object literal"
			}
			return ""
		case ',':
			if !needsComma {
				return "Unexpected comma in object literal"
			}
			needsComma = false
		case '"':
			if needsComma {
				return "Missing comma in object literal"
			}
			if msg := p.str(); msg != "" {
				return msg
			}
			p.space()
			if p.pos >= len(p.s) {
				return "Expected : but reached end of stream"
			}
			if p.s[p.pos] != ':' {
				return "Expected : found " + p.unit(p.pos)
			}
			p.pos++
			if msg := p.value(depth + 1); msg != "" {
				return msg
			}
			needsComma = true
		default:
			return "Unexpected token in object literal"
		}
		p.space()
	}
	return "Unterminated object literal"
}

func (p *jjRhinoJSON) array(depth int) string {
	p.space()
	if p.pos < len(p.s) && p.s[p.pos] == ']' {
		p.pos++
		return ""
	}
	needsComma := false
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ']':
			if !needsComma {
				return "Unexpected comma in array literal"
			}
			p.pos++
			return ""
		case ',':
			if !needsComma {
				return "Unexpected comma in array literal"
			}
			needsComma = false
			p.pos++
		default:
			if needsComma {
				return "Missing comma in array literal"
			}
			if msg := p.value(depth + 1); msg != "" {
				return msg
			}
			needsComma = true
		}
		p.space()
	}
	return "Unterminated array literal"
}

// str reads a string whose opening quote is read.
func (p *jjRhinoJSON) str() string {
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		p.pos++
		switch {
		case c <= 0x1F:
			return "String contains control character"
		case c == '"':
			return ""
		case c != '\\':
			continue
		}
		if p.pos >= len(p.s) {
			break
		}
		e := p.s[p.pos]
		p.pos++
		switch e {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		case 'u':
			// Rhino wants the four digits and one more unit (the closing quote).
			if len(p.s)-p.pos < 5 {
				return `Invalid character code: \u` + string(utf16.Decode(p.s[p.pos:]))
			}
			for _, h := range p.s[p.pos : p.pos+4] {
				if !(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F') {
					return "Invalid character code: " + string(utf16.Decode(p.s[p.pos:p.pos+4]))
				}
			}
			p.pos += 4
		default:
			return `Unexpected character in string: '\` + p.unit(p.pos-1) + "'"
		}
	}
	return "Unterminated string literal"
}

// number reads a number whose first unit c is read.
func (p *jjRhinoJSON) number(c uint16) string {
	start := p.pos - 1
	bad := func(end int) string {
		return "Unsupported number format: " + string(utf16.Decode(p.s[start:end]))
	}
	next := func() (uint16, bool) {
		if p.pos >= len(p.s) {
			return 0, false
		}
		p.pos++
		return p.s[p.pos-1], true
	}
	digits := func() {
		for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
			p.pos++
		}
	}
	var ok bool
	if c == '-' {
		if c, ok = next(); !ok {
			return bad(len(p.s))
		}
		if c < '0' || c > '9' {
			return bad(p.pos)
		}
	}
	if c != '0' {
		digits()
	}
	if p.pos < len(p.s) && p.s[p.pos] == '.' {
		p.pos++
		if c, ok = next(); !ok {
			return bad(len(p.s))
		}
		if c < '0' || c > '9' {
			return bad(p.pos)
		}
		digits()
	}
	if p.pos < len(p.s) && (p.s[p.pos] == 'e' || p.s[p.pos] == 'E') {
		p.pos++
		if c, ok = next(); !ok {
			return bad(len(p.s))
		}
		if c == '-' || c == '+' {
			if c, ok = next(); !ok {
				return bad(len(p.s))
			}
		}
		if c < '0' || c > '9' {
			return bad(p.pos)
		}
		digits()
	}
	return ""
}
