package rhino

import "strings"

// Patch rewrites, in place and without moving any position, one construct
// that Rhino compiles and goja's parser refuses, so that a tenant-valid
// script runs on goja too. line and column (1-based, columns in bytes) and
// msg are goja's parse error. It reports whether it changed anything; the
// caller parses again and calls Patch again for the next error.
//
// Handled: decimal literals with a leading zero that are not octal (08,
// 09.5, 019: Rhino reads them as decimal, as legacy browsers do) and the
// HTML-like comments of Annex B (`<!--` anywhere, `-->` at the start of a
// line), and a const without an initializer, all of which Rhino accepts.
func Patch(src string, line, column int, msg string) (string, bool) {
	off := offset(src, line, column)
	if off < 0 || off >= len(src) {
		return src, false
	}
	switch {
	case msg == "Unexpected token ILLEGAL" && src[off] == '0':
		end := off
		for end < len(src) && src[end] >= '0' && src[end] <= '9' {
			end++
		}
		digits := src[off:end]
		if !strings.ContainsAny(digits, "89") || (off > 0 && isIdent(src[off-1])) {
			return src, false
		}
		zeros := len(digits) - len(strings.TrimLeft(digits, "0"))
		if zeros == len(digits) {
			zeros-- // cannot happen with an 8 or 9, but keep one digit
		}
		return src[:off] + strings.Repeat(" ", zeros) + src[off+zeros:], true
	case msg == "Missing initializer in const declaration":
		// Rhino compiles `const a;` (a reads undefined): as a var it does
		// the same.
		if i := strings.LastIndex(src[:off], "const"); i >= 0 && (i == 0 || !isIdent(src[i-1])) {
			return src[:i] + "var  " + src[i+5:], true
		}
		return src, false
	case msg == "Unexpected token <" && strings.HasPrefix(src[off:], "<!--"):
		return src[:off] + "//  " + src[off+4:], true
	case msg == "Unexpected token >" && off >= 2 && src[off-2:off+1] == "-->":
		start := strings.LastIndexAny(src[:off-2], "\n\r") + 1
		if strings.TrimSpace(src[start:off-2]) != "" {
			return src, false
		}
		return src[:off-2] + "// " + src[off+1:], true
	}
	return src, false
}

// offset is the byte offset of a 1-based line and column, or -1.
func offset(src string, line, column int) int {
	o := 0
	for l := 1; l < line; l++ {
		i := strings.IndexAny(src[o:], "\n\r")
		if i < 0 {
			return -1
		}
		o += i + 1
		if src[o-1] == '\r' && o < len(src) && src[o] == '\n' {
			o++
		}
	}
	return o + column - 1
}

func isIdent(b byte) bool {
	return b == '_' || b == '$' || b == '.' || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
}
