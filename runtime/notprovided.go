package runtime

import (
	"regexp"
	"strings"
	"sync"

	"github.com/journeyjs/journeyjs/bindings"
)

// notProvidedCalls matches, per method journeyjs does not provide
// (bindings.DeclareNotProvided), a call of it: ".getSigningKey(".
var notProvidedCalls = sync.OnceValue(func() map[string]*regexp.Regexp {
	m := map[string]*regexp.Regexp{}
	for _, name := range bindings.NotProvidedNames() {
		method := name[strings.LastIndexByte(name, '.')+1:]
		m[name] = regexp.MustCompile(`\.\s*` + regexp.QuoteMeta(method) + `\s*\(`)
	}
	return m
})

// notProvidedWarnings warns, at compile time, about each call in source of
// a method journeyjs does not provide: the run will stop if it gets there.
// It reads text, not the syntax tree, so a call in a comment warns too.
func notProvidedWarnings(name, source string) []Warning {
	var out []Warning
	for method, re := range notProvidedCalls() {
		if loc := re.FindStringIndex(source); loc != nil {
			line, col := lineCol(source, loc[0]+1) // the method name, after the dot
			out = append(out, Warning{File: name, Line: line, Column: col,
				Message: "calls " + method + ", which journeyjs does not provide: the run stops with not-provided if it gets there"})
		}
	}
	return out
}
