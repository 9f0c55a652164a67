package runtime

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// ErrorKind says why a run failed.
type ErrorKind string

// The kinds of ScriptError.
const (
	// KindSyntax: the script (or a library it requires) does not compile.
	KindSyntax ErrorKind = "syntax"
	// KindException: the script threw and did not catch.
	KindException ErrorKind = "exception"
	// KindTimeout: the run hit its time limit.
	KindTimeout ErrorKind = "timeout"
	// KindCanceled: the caller's context was canceled.
	KindCanceled ErrorKind = "canceled"
	// KindStackOverflow: the script recursed past the call stack limit.
	KindStackOverflow ErrorKind = "stack-overflow"
	// KindNoOutcome: the script finished without calling action.goTo.
	KindNoOutcome ErrorKind = "no-outcome"
	// KindMemory: the run went over its memory budget.
	KindMemory ErrorKind = "memory"
	// KindNotProvided: the script called a part of AIC's API that
	// journeyjs does not provide (bindings.NotProvidedError); the run
	// stopped there, uncatchably.
	KindNotProvided ErrorKind = "not-provided"
)

// ScriptError is the error Run returns when a script fails. Line and Column
// are 1-based positions in File (the script or a library it required); they
// are 0 when there is no position.
//
// Its JSON form is the "error" of a run's JSON.
type ScriptError struct {
	Kind    ErrorKind `json:"kind"`
	Script  string    `json:"-"`
	Message string    `json:"message"`
	File    string    `json:"file,omitempty"`
	Line    int       `json:"line,omitempty"`
	Column  int       `json:"column,omitempty"`
	// Stack is the JavaScript stack, one "at …" line per frame.
	Stack string `json:"stack,omitempty"`
	// Hint says what to write instead, for a construct AIC does not
	// compile (LanguageTenant).
	Hint string `json:"hint,omitempty"`
	// More are the file's other constructs AIC does not compile, each a
	// syntax error with its position and hint: the check reports them all.
	More []*ScriptError `json:"more,omitempty"`
	// Err is the underlying error (a goja error or a context error).
	Err error `json:"-"`
}

// Error prints file:line:column: message, the form editors jump to, then
// the hint and the further errors of More, one per line.
func (e *ScriptError) Error() string {
	var b strings.Builder
	e.write(&b)
	for _, m := range e.More {
		b.WriteByte('\n')
		m.write(&b)
	}
	return b.String()
}

func (e *ScriptError) write(b *strings.Builder) {
	file := e.File
	if file == "" {
		file = e.Script
	}
	b.WriteString(file)
	if e.Line > 0 {
		fmt.Fprintf(b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	if e.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(e.Hint)
	}
}

// Unwrap returns the underlying error.
func (e *ScriptError) Unwrap() error { return e.Err }

// javaHint explains a ReferenceError on a Java name: next-generation scripts
// have no Java access, and a script that uses it will fail in AIC too.
func javaHint(msg string) string {
	for _, name := range []string{"Java", "JavaImporter", "Packages", "importPackage", "importClass", "org", "com", "load", "loadWithNewGlobal"} {
		if strings.HasPrefix(msg, "ReferenceError: "+name+" is not defined") ||
			strings.HasPrefix(msg, `ReferenceError: "`+name+`" is not defined.`) {
			return msg + " (next-generation scripts cannot use Java classes or load files)"
		}
	}
	return msg
}

// positioner adjusts positions reported inside a wrapped source back to the
// user's file: the wrapper adds a prefix to the first line only.
type positioner func(file string, line, col int) (int, int)

func frameText(f goja.StackFrame, pos positioner) string {
	p := f.Position()
	name := f.FuncName()
	if name == "" {
		name = "<anonymous>"
	}
	if p.Filename == "" {
		return "at " + name + " (native)"
	}
	line, col := pos(p.Filename, p.Line, p.Column)
	return fmt.Sprintf("at %s (%s:%d:%d)", name, p.Filename, line, col)
}

// fromGoja turns an error from goja into a ScriptError.
func fromGoja(err error, script string, pos positioner, limit func(error) (ErrorKind, string, bool)) *ScriptError {
	se := &ScriptError{Kind: KindException, Script: script, File: script, Err: err}
	var stack []goja.StackFrame
	var interrupted *goja.InterruptedError
	var overflow *goja.StackOverflowError
	var exc *goja.Exception
	var syntax *goja.CompilerSyntaxError
	var parse parser.ErrorList
	var lang *languageError
	switch {
	case errors.As(err, &lang):
		return lang.scriptError()
	case errors.As(err, &parse) && len(parse) > 0:
		se.Kind = KindSyntax
		se.Message = "SyntaxError: " + parse[0].Message
		p := parse[0].Position
		if p.Filename != "" {
			se.File = p.Filename
		}
		se.Line, se.Column = p.Line, p.Column
		return se
	case errors.As(err, &syntax):
		se.Kind = KindSyntax
		se.Message = "SyntaxError: " + syntax.Message
		if syntax.File != nil {
			p := syntax.File.Position(syntax.Offset)
			se.File = p.Filename
			se.Line, se.Column = pos(p.Filename, p.Line, p.Column)
		}
		return se
	case errors.As(err, &interrupted):
		stack = interrupted.Stack()
		kind, msg, ok := limit(err)
		if !ok {
			kind, msg = KindCanceled, fmt.Sprint(interrupted.Value())
		}
		se.Kind, se.Message = kind, msg
	case errors.As(err, &overflow):
		stack = overflow.Stack()
		se.Kind = KindStackOverflow
	case errors.As(err, &exc):
		stack = exc.Stack()
		se.Message = javaHint(strings.TrimPrefix(exceptionText(exc), "GoError: "))
		if strings.HasPrefix(se.Message, "RangeError: Maximum call stack size exceeded") ||
			strings.HasPrefix(se.Message, "InternalError: Exceeded maximum stack depth") {
			se.Kind = KindStackOverflow
		}
	default:
		se.Message = err.Error()
	}
	var b strings.Builder
	first := true
	const maxFrames = 32
	for i, f := range stack {
		if i == maxFrames {
			fmt.Fprintf(&b, "… %d more frames\n", len(stack)-maxFrames)
			break
		}
		p := f.Position()
		if first && p.Filename != "" {
			se.File = p.Filename
			se.Line, se.Column = pos(p.Filename, p.Line, p.Column)
			first = false
		}
		b.WriteString(frameText(f, pos))
		b.WriteByte('\n')
	}
	se.Stack = strings.TrimSuffix(b.String(), "\n")
	if se.Kind == KindStackOverflow && se.Message == "" {
		se.Message = "RangeError: Maximum call stack size exceeded"
	}
	return se
}

// exceptionText is "Name: message" for Error objects and the value's text for
// anything else thrown. A hostile toString cannot take the host down: it runs
// under the run's time limit and any panic it raises is absorbed.
func exceptionText(exc *goja.Exception) (text string) {
	defer func() {
		if recover() != nil {
			text = "Uncaught exception (its toString failed)"
		}
	}()
	v := exc.Value()
	if v == nil {
		return "Uncaught exception"
	}
	if obj, ok := v.(*goja.Object); ok && obj.ClassName() == "Error" {
		return v.String()
	}
	return "Uncaught " + v.String()
}

// throwNew throws, from Go code a script called, a new ctor(msg): one of
// the pristine error constructors, so that the script catches a real error.
func throwNew(rt *goja.Runtime, ctor goja.Value, msg string) {
	exc, err := rt.New(ctor, rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	panic(exc)
}
