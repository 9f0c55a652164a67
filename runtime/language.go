package runtime

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"

	"github.com/journeyjs/journeyjs/runtime/rhino"
)

// Language is the JavaScript a script may use.
type Language uint8

const (
	// LanguageTenant (the default) accepts only what AIC compiles: Rhino
	// 1.7.14 at language version 0 (runtime/rhino lists the constructs).
	// A script using anything else fails with a syntax error naming the
	// construct and what to write instead, as the journey would fail in the
	// tenant; the const quirks of AIC come back as Result.Warnings.
	LanguageTenant Language = iota
	// LanguageModern accepts all the JavaScript goja runs (ES2020 and
	// more), for embedders whose scripts never go to a tenant.
	LanguageModern
)

// String is the language's name, as --language takes it.
func (l Language) String() string {
	switch l {
	case LanguageTenant:
		return "tenant"
	case LanguageModern:
		return "modern"
	}
	return fmt.Sprintf("Language(%d)", uint8(l))
}

// ParseLanguage reads a language name: tenant or modern.
func ParseLanguage(s string) (Language, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "tenant", "aic", "rhino":
		return LanguageTenant, nil
	case "modern", "goja":
		return LanguageModern, nil
	}
	return 0, fmt.Errorf("unknown language %q: tenant or modern", s)
}

// Warning is something a script does that compiles in AIC but runs
// differently there (a top-level const reads back undefined …). Its JSON
// form is an item of a run's "warnings".
type Warning struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// String prints file:line:column: message.
func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", w.File, w.Line, w.Column, w.Message)
	}
	return w.File + ": " + w.Message
}

// tenantChecks counts language checks, for the tests that a cached program
// is not checked again.
var tenantChecks atomic.Int64

// languageError is a script the tenant's Rhino would not compile: every
// violation, in source order.
type languageError struct {
	file  string
	diags []rhino.Diagnostic
}

func (e *languageError) Error() string { return e.scriptError().Error() }

// scriptError is the violations as one syntax ScriptError: the first one,
// with the others in More.
func (e *languageError) scriptError() *ScriptError {
	one := func(d rhino.Diagnostic) *ScriptError {
		return &ScriptError{Kind: KindSyntax, Script: e.file, File: e.file, Line: d.Line, Column: d.Column,
			Message: "SyntaxError: " + d.Message, Hint: d.Hint}
	}
	se := one(e.diags[0])
	for _, d := range e.diags[1:] {
		se.More = append(se.More, one(d))
	}
	se.Err = e
	return se
}

// tenantProgram is what the tenant language check makes of a script besides
// its verdict: the source to compile and what the run needs to behave as
// AIC's Rhino (rhino.Report).
type tenantProgram struct {
	source    string
	warnings  []Warning
	topConsts []string
	shifts    []rhino.Shift
}

// checkTenant runs the tenant language check on a parsed script and returns
// its violations as an error, or the program to compile.
func checkTenant(name string, prog *ast.Program, source string, kind progKind) (tenantProgram, error) {
	tenantChecks.Add(1)
	k := rhino.Script
	if kind == kindLibrary {
		k = rhino.Library
	}
	rep := rhino.Check(prog, k)
	var tp tenantProgram
	for _, d := range rep.Warnings {
		tp.warnings = append(tp.warnings, Warning{File: name, Line: d.Line, Column: d.Column, Message: d.Message})
	}
	if len(rep.Errors) > 0 {
		return tp, &languageError{file: name, diags: rep.Errors}
	}
	tp.source = rhino.Rewrite(source, rep.Edits)
	tp.topConsts = rep.TopConsts
	tp.shifts = rhino.Shifts(source, rep.Edits)
	return tp, nil
}

// tenantEvalError checks the text of an eval or a Function constructor call
// as AIC's Rhino would compile it: ok false with Rhino's message for the
// first construct it refuses. Text goja cannot parse passes: goja's own
// SyntaxError follows.
func tenantEvalError(src string) (msg string, ok bool) {
	if diags, _ := tenantRefusals("<eval>", src); len(diags) > 0 {
		return diags[0].Message, false
	}
	return "", true
}

// tenantRefusals are what AIC's Rhino refuses in src, checked as a function
// body (eval text, a cache loader), or goja's parse error when it cannot
// parse src at all.
func tenantRefusals(name, src string) ([]rhino.Diagnostic, error) {
	prog, _, err := parseTenant(name, src)
	if err != nil {
		return nil, err
	}
	return rhino.Check(prog, rhino.Library).Errors, nil
}

// parseTenant parses source as the tenant's Rhino would accept it: a
// construct Rhino accepts and goja's parser refuses (08, HTML comments) is
// blanked out without moving positions, and goja's message for a top-level
// return becomes Rhino's. It returns the source to compile.
func parseTenant(name, source string) (*ast.Program, string, error) {
	for tries := 0; ; tries++ {
		prog, err := parser.ParseFile(nil, name, source, 0)
		if err == nil {
			return prog, source, nil
		}
		var list parser.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			return nil, source, err
		}
		first := list[0]
		if tries < 256 {
			if patched, ok := rhino.Patch(source, first.Position.Line, first.Position.Column, first.Message); ok {
				source = patched
				continue
			}
		}
		if first.Message == "Illegal return statement" {
			first.Message = "invalid return"
			return nil, source, parser.ErrorList{first}
		}
		return nil, source, err
	}
}

// checkTenantSource is bindings.VM.CheckSource in the tenant language: the
// source of a script a binding runs itself (a cache loader, whose top level
// is a function body) must be what AIC's Rhino compiles.
func checkTenantSource(name, source string) error {
	diags, err := tenantRefusals(name, source)
	if err != nil {
		return err
	}
	if len(diags) > 0 {
		return (&languageError{file: name, diags: diags}).scriptError()
	}
	return nil
}
