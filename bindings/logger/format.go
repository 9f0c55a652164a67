package logger

import "strings"

// Format substitutes args into SLF4J-style "{}" placeholders, in order, as
// SLF4J's MessageFormatter does (spec §10.3, measured on the tenant):
// placeholders without an argument are printed as they are, extra arguments
// are dropped, `\{}` prints "{}" without taking an argument, and `\\{}`
// prints one backslash followed by a live placeholder.
func Format(pattern string, args []string) string {
	if len(args) == 0 || !strings.Contains(pattern, "{}") {
		return pattern
	}
	var b strings.Builder
	b.Grow(len(pattern) + 16*len(args))
	next := 0
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		placeholderAt := func(j int) bool { return j+1 < len(pattern) && pattern[j] == '{' && pattern[j+1] == '}' }
		switch {
		case c == '\\' && i+1 < len(pattern) && pattern[i+1] == '\\' && placeholderAt(i+2):
			// Double escape: a literal backslash, then the placeholder.
			b.WriteByte('\\')
			i++
		case c == '\\' && placeholderAt(i+1):
			b.WriteString("{}")
			i += 2
		case placeholderAt(i) && next < len(args):
			b.WriteString(args[next])
			next++
			i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
