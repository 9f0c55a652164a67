package logger

import "strings"

// Format substitutes args into SLF4J-style "{}" placeholders, in order. A
// placeholder preceded by a backslash is printed as "{}"; placeholders
// without an argument are left as they are, and extra arguments are dropped,
// as SLF4J's MessageFormatter does.
func Format(pattern string, args []string) string {
	if len(args) == 0 || !strings.Contains(pattern, "{}") {
		return pattern
	}
	var b strings.Builder
	b.Grow(len(pattern) + 16*len(args))
	next := 0
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c == '\\' && i+2 < len(pattern) && pattern[i+1] == '{' && pattern[i+2] == '}' {
			b.WriteString("{}")
			i += 2
			continue
		}
		if c == '{' && i+1 < len(pattern) && pattern[i+1] == '}' && next < len(args) {
			b.WriteString(args[next])
			next++
			i++
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
