// Package rhinoerr raises errors in a script the way AIC's Rhino hands them
// to a script, so that what a script reads in a catch block (e.name,
// e.message, String(e), e.javaException) is what it reads on the tenant, and
// nothing of Go (a GoError, a Go package path, a Go error's text) shows.
//
// Rhino turns what a binding throws into one of two errors (its
// ScriptRuntime.newCatchObject):
//
//   - a Java exception whose class the allow-list lets scripts see becomes a
//     JavaException whose message is "<class>: <message>", with the
//     exception itself on e.javaException (Throw);
//   - an engine error (no method takes these arguments) or an exception whose
//     class is hidden becomes an InternalError carrying the bare message,
//     with no e.javaException (Internal).
package rhinoerr

import (
	"errors"
	"fmt"
	"net"
	"net/url"

	"github.com/dop251/goja"
)

// The error names Rhino gives the two kinds.
const (
	NameInternal = "InternalError"
	NameJava     = "JavaException"
)

// New returns an Error object named name carrying msg. Its prototype is the
// runtime's own Error.prototype, reached through an intrinsic error rather
// than the global Error, which a script may have replaced.
func New(rt *goja.Runtime, name, msg string) *goja.Object {
	obj := rt.NewGoError(errors.New(msg))
	// NewGoError keeps the Go error on "value" and answers to GoError: both
	// are Go's, not Rhino's.
	_ = obj.Delete("value")
	if goErrProto := obj.Prototype(); goErrProto != nil {
		if errProto := goErrProto.Prototype(); errProto != nil {
			_ = obj.SetPrototype(errProto)
		}
	}
	_ = obj.DefineDataProperty("name", rt.ToValue(name), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	return obj
}

// Internal throws, from Go code a script called, an InternalError whose
// message is the formatted text.
func Internal(rt *goja.Runtime, format string, args ...any) {
	panic(New(rt, NameInternal, fmt.Sprintf(format, args...)))
}

// Exception is a Java exception a binding raises, as a script sees it.
type Exception struct {
	// Class is the exception's Java class name, e.g.
	// org.forgerock.json.resource.NotFoundException.
	Class string
	// Message is getMessage(); Null makes it Java's null.
	Message string
	Null    bool
	// Methods are the exception's own methods a script may call on it
	// besides Throwable's (getCode, getReason … of a ResourceException),
	// each built for the runtime it is called in.
	Methods map[string]func(rt *goja.Runtime) goja.Value
	// Fields are the exception's public fields a script may read
	// (HttpClientScriptException's message), as JSON-shaped Go values.
	Fields map[string]any
}

// Text is the exception's toString(): "<class>: <message>", or the class
// alone when the message is null.
func (e *Exception) Text() string {
	if e.Null {
		return e.Class
	}
	return e.Class + ": " + e.Message
}

func (e *Exception) message() string {
	if e.Null {
		return "null"
	}
	return e.Message
}

// Throw raises e as Rhino does for an exception whose class scripts may
// see: a JavaException carrying "<class>: <message>", with the exception's
// own object on e.javaException.
func (e *Exception) Throw(rt *goja.Runtime) {
	panic(e.Error(rt))
}

// Error is the error object Throw raises.
func (e *Exception) Error(rt *goja.Runtime) *goja.Object {
	obj := New(rt, NameJava, e.Class+": "+e.message())
	_ = obj.DefineDataProperty("javaException", e.Object(rt), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return obj
}

// Object is the Java exception itself as a script holds it: what
// e.javaException is, and what a promise's thenCatch handler receives. It
// answers getMessage, getLocalizedMessage and toString, e's Methods and
// e's Fields; String(obj) is its toString().
func (e *Exception) Object(rt *goja.Runtime) *goja.Object {
	return rt.NewDynamicObject(&javaObject{rt: rt, exc: e})
}

// Of returns the exception behind v when v is an exception's Object (a
// logger recognises a throwable argument by it).
func Of(v goja.Value) (*Exception, bool) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	j, ok := obj.Export().(*javaObject)
	if !ok {
		return nil, false
	}
	return j.exc, true
}

// javaObject is a Java exception as a goja dynamic object: its methods and
// nothing else, read-only, as a wrapped Java object is in Rhino.
type javaObject struct {
	rt  *goja.Runtime
	exc *Exception
}

func (j *javaObject) method(name string) (goja.Value, bool) {
	rt := j.rt
	text := func(s string) goja.Value {
		return j.fn(name, func(goja.FunctionCall) goja.Value { return rt.ToValue(s) })
	}
	switch name {
	case "getMessage", "getLocalizedMessage":
		if j.exc.Null {
			return j.fn(name, func(goja.FunctionCall) goja.Value { return goja.Null() }), true
		}
		return text(j.exc.Message), true
	case "toString":
		return text(j.exc.Text()), true
	}
	if m, ok := j.exc.Methods[name]; ok {
		return j.fn(name, func(goja.FunctionCall) goja.Value { return m(rt) }), true
	}
	if v, ok := j.exc.Fields[name]; ok {
		return rt.ToValue(v), true
	}
	return nil, false
}

// fn is a named native function: goja would otherwise name it after its Go
// function, which a stack trace or String(fn) would show.
func (j *javaObject) fn(name string, f func(goja.FunctionCall) goja.Value) goja.Value {
	v := j.rt.ToValue(f).(*goja.Object)
	_ = v.DefineDataProperty("name", j.rt.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	return v
}

func (j *javaObject) Get(key string) goja.Value {
	if v, ok := j.method(key); ok {
		return v
	}
	return nil
}

// Set refuses: a Java object has no properties to assign.
func (j *javaObject) Set(string, goja.Value) bool { return false }

func (j *javaObject) Has(key string) bool {
	_, ok := j.method(key)
	return ok
}

func (j *javaObject) Delete(string) bool { return false }

// Keys lists nothing: for…in over a Java object shows no members.
func (j *javaObject) Keys() []string { return nil }

// NetworkText is what a script may read of a failed network request: the
// operating system's complaint ("connect: connection refused") or that it
// timed out, without Go's wrapping of it (the request line, "dial tcp",
// addresses, Go type names). Any other error is otherwise, which the caller
// words.
func NetworkText(err error, otherwise string) string {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Timeout() {
		return "the request timed out"
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		if op.Timeout() {
			return "the request timed out"
		}
		return op.Op + ": " + op.Err.Error()
	}
	return otherwise
}
