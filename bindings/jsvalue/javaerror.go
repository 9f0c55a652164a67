package jsvalue

import (
	"fmt"

	"github.com/dop251/goja"
)

// JavaThrower raises errors the way AIC hands a script an exception thrown
// by a Java binding: an InternalError whose message is the exception's
// message (measured: `InternalError: For input string: "x"`). Use it where
// AIC's binding is Java code, so a script sees no engine-specific error type.
type JavaThrower struct {
	rt      *goja.Runtime
	builtin func(string) goja.Value
}

// NewJavaThrower returns a thrower for rt; builtin is bindings.VM.Builtin,
// so the Error constructor is the run's own, never a script's replacement.
func NewJavaThrower(rt *goja.Runtime, builtin func(string) goja.Value) JavaThrower {
	return JavaThrower{rt: rt, builtin: builtin}
}

// Throw raises an InternalError with the formatted message. It must be
// called from inside a Go function that goja called.
func (t JavaThrower) Throw(format string, args ...any) {
	panic(t.Error(fmt.Sprintf(format, args...)))
}

// Error builds the InternalError without raising it.
func (t JavaThrower) Error(msg string) *goja.Object {
	ctor, ok := t.builtin("Error").(*goja.Object)
	if !ok {
		return t.rt.NewTypeError(msg)
	}
	obj, err := t.rt.New(ctor, t.rt.ToValue(msg))
	if err != nil {
		return t.rt.NewTypeError(msg)
	}
	_ = obj.DefineDataProperty("name", t.rt.ToValue("InternalError"), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	return obj
}
