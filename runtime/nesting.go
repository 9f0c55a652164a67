package runtime

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// goja's parser and JSON.parse recurse in Go once per nesting level, and a Go
// stack past 1 GB is a fatal error that no recover can catch: one script with
// eval("[".repeat(1e6)) or JSON.parse("[".repeat(5e6)) would take the whole
// host down. So every text that reaches a parser has its nesting depth checked
// first, by a linear scan with no recursion: script and library sources when
// they are compiled, and at run time the arguments of eval, Function (and the
// async and generator function constructors) and JSON.parse.
const (
	// MaxSourceNesting bounds the bracket nesting ((), [], {}, template
	// substitutions) of JavaScript source text. Real scripts stay far below.
	MaxSourceNesting = 1000
	// MaxJSONNesting bounds the nesting of arrays and objects in JSON.parse
	// input and JSON.stringify output. goja's stringify scans its stack for
	// cycles at every level, so its cost grows with the square of the depth;
	// decision-script data never nests anywhere near this.
	MaxJSONNesting = jsvalue.MaxJSONNesting
)

// checkSourceNesting returns a parser error at the first position nested
// deeper than MaxSourceNesting, or nil.
func checkSourceNesting(name, src string) error {
	off, ok := jsNesting(src, MaxSourceNesting)
	if ok {
		return nil
	}
	line, col := lineCol(src, off)
	return parser.ErrorList{&parser.Error{
		Position: file.Position{Filename: name, Line: line, Column: col},
		Message:  fmt.Sprintf("the code is nested more than %d levels deep", MaxSourceNesting),
	}}
}

func lineCol(src string, off int) (int, int) {
	before := src[:off]
	line := strings.Count(before, "\n") + 1
	col := off - strings.LastIndexByte(before, '\n')
	return line, col
}

// jsNesting scans JavaScript source and reports whether its bracket nesting
// stays within limit; when it does not, off is where it went past. Strings,
// comments, template text and (heuristically) regular expression literals
// are skipped; a mistake of the heuristic can only miscount brackets inside
// one line.
func jsNesting(src string, limit int) (off int, ok bool) {
	// stack holds '(' for brackets and '`' for a template substitution.
	stack := make([]byte, 0, 64)
	prev := byte(0) // last significant character in code
	word := ""      // last identifier, to tell `return /re/` from division
	i, n := 0, len(src)
	inTemplate := false
	for i < n {
		c := src[i]
		if inTemplate {
			switch c {
			case '\\':
				i += 2
				continue
			case '`':
				inTemplate = false
				prev = '`'
			case '$':
				if i+1 < n && src[i+1] == '{' {
					stack = append(stack, '`')
					if len(stack) > limit {
						return i, false
					}
					inTemplate = false
					prev = '{'
					i += 2
					continue
				}
			}
			i++
			continue
		}
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case c == '/' && i+1 < n && src[i+1] == '/':
			for i < n && src[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < n && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return 0, true
			}
			i += end + 4
			continue
		case c == '\'' || c == '"':
			i = skipQuoted(src, i+1, c)
			prev, word = c, ""
			continue
		case c == '`':
			inTemplate = true
			i++
			continue
		case c == '/' && regexAllowed(prev, word):
			i = skipRegex(src, i+1)
			prev, word = '/', ""
			continue
		case c == '(' || c == '[' || c == '{':
			stack = append(stack, '(')
			if len(stack) > limit {
				return i, false
			}
		case c == ')' || c == ']':
			if len(stack) > 0 && stack[len(stack)-1] == '(' {
				stack = stack[:len(stack)-1]
			}
		case c == '}':
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if top == '`' {
					inTemplate = true
					i++
					continue
				}
			}
		case isIdent(c):
			j := i
			for j < n && isIdent(src[j]) {
				j++
			}
			word, prev = src[i:j], 'a'
			i = j
			continue
		}
		prev, word = c, ""
		i++
	}
	return 0, true
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// regexAllowed tells whether a '/' after prev (and the identifier word, when
// prev is one) starts a regular expression rather than a division.
func regexAllowed(prev byte, word string) bool {
	switch prev {
	case 'a':
		switch word {
		case "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await":
			return true
		}
		return false
	case ')', ']', '}', '\'', '"', '`', '/':
		return false
	}
	return true
}

// skipQuoted returns the index after the closing quote (or the line end).
func skipQuoted(src string, i int, q byte) int {
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case q:
			return i + 1
		case '\n':
			return i
		}
		i++
	}
	return i
}

// skipRegex returns the index after a regular expression literal's closing
// slash (or the line end).
func skipRegex(src string, i int) int {
	class := false
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '[':
			class = true
		case ']':
			class = false
		case '/':
			if !class {
				return i + 1
			}
		case '\n':
			return i
		}
		i++
	}
	return i
}

// jsonNesting reports whether JSON text nests arrays and objects at most
// limit deep.
func jsonNesting(s string, limit int) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			for i++; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			if depth++; depth > limit {
				return false
			}
		case ']', '}':
			depth--
		}
	}
	return true
}

// guardParsers sets the run-time nesting checks on a new runtime, as
// patched goja's native hooks (third_party/goja/JOURNEYJS.md): the built-ins
// stay goja's own, so eval keeps reading the caller's local variables as in
// Rhino. In the tenant language, eval and the Function constructor also
// refuse what AIC's Rhino refuses to compile, with its message, as a
// SyntaxError the script can catch.
func guardParsers(rt *goja.Runtime, tenant bool) {
	// The runtime's own constructors (the script may have replaced the
	// globals), looked up only when needed: building them costs every run.
	syntaxError := func() goja.Value { return rt.Builtin("SyntaxError") }
	rangeError := func() goja.Value { return rt.Builtin("RangeError") }
	rt.SetEvalGuard(func(src string) {
		if _, ok := jsNesting(src, MaxSourceNesting); !ok {
			throwNew(rt, rangeError(), fmt.Sprintf("the code is nested more than %d levels deep", MaxSourceNesting))
		}
		if tenant {
			if msg, ok := tenantEvalError(src); !ok {
				throwNew(rt, syntaxError(), msg)
			}
		}
	})
	// Most JSON a script parses is plain; jsvalue parses it faster than
	// goja and with JavaScript's number rules (1e400 is Infinity), and
	// hands anything else (lone surrogates) to goja.
	rt.SetJSONParseGuard(func(text string) goja.Value {
		v, err := jsvalue.ParseJSON(rt, text, MaxJSONNesting)
		switch {
		case err == nil:
			return v
		case errors.Is(err, jsvalue.ErrJSONNotGo):
			if !jsonNesting(text, MaxJSONNesting) {
				throwNew(rt, rangeError(), jsvalue.TooDeepMessage(MaxJSONNesting))
			}
			return nil
		}
		ctor := syntaxError()
		if tooDeep, _ := jsvalue.ScriptError(err, MaxJSONNesting); tooDeep {
			ctor = rangeError()
		}
		_, msg := jsvalue.ScriptError(err, MaxJSONNesting)
		throwNew(rt, ctor, msg)
		return nil
	})
	rt.SetJSONMaxDepth(MaxJSONNesting)
}
