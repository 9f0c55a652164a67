// Package systemenv implements the `systemEnv` binding: reading environment
// secrets and variables (ESVs) by their `esv.*` names, converted to the type a
// script asks for with a Java class token such as java.lang.Integer.
package systemenv

import (
	"os"
	"strings"
)

// Source looks up the raw text of an ESV by its script name (esv.my.variable).
type Source interface {
	Lookup(name string) (value string, ok bool)
}

// MapSource is an in-memory Source. The zero value (nil) holds nothing.
type MapSource map[string]string

// Lookup implements Source.
func (m MapSource) Lookup(name string) (string, bool) {
	v, ok := m[name]
	return v, ok
}

// EnvSource reads ESVs from process environment variables, named the way the
// tenant names ESVs: esv.my.variable is read from ESV_MY_VARIABLE.
type EnvSource struct {
	// LookupEnv defaults to os.LookupEnv.
	LookupEnv func(string) (string, bool)
}

// VarName is the environment variable EnvSource reads for an ESV name.
func VarName(name string) string {
	return strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(name))
}

// Lookup implements Source.
func (s EnvSource) Lookup(name string) (string, bool) {
	lookup := s.LookupEnv
	if lookup == nil {
		lookup = os.LookupEnv
	}
	return lookup(VarName(name))
}

// Chain asks each source in turn.
type Chain []Source

// Lookup implements Source.
func (c Chain) Lookup(name string) (string, bool) {
	for _, s := range c {
		if v, ok := s.Lookup(name); ok {
			return v, true
		}
	}
	return "", false
}
