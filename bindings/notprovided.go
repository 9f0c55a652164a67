package bindings

import "github.com/dop251/goja"

// NotProvidedError stops a run that called a part of AIC's script API that
// journeyjs does not provide. It is an interrupt, not an exception: a
// script cannot catch it and carry on as if the call had worked, which
// would make a test pass that the tenant might fail. The engine reports
// the run as runtime.KindNotProvided, naming the method.
type NotProvidedError struct {
	// Name is the method, as a script names it: "secrets.getSigningKey".
	Name string
}

func (e NotProvidedError) Error() string {
	return e.Name + " is part of AIC's script API, but journeyjs does not provide it: the run stopped here rather than guess what AIC would answer"
}

// NotProvided returns a method for name that stops the run with a
// NotProvidedError. A binding defines one for each AIC method it lacks, so
// that a script meets a plain message instead of "Cannot find function".
func NotProvided(rt *goja.Runtime, name string) func(goja.FunctionCall) goja.Value {
	return func(goja.FunctionCall) goja.Value {
		rt.Interrupt(NotProvidedError{Name: name})
		return goja.Undefined()
	}
}

var notProvided []string

// DeclareNotProvided records the methods (binding.method) a binding answers
// with NotProvided, so that the engine can warn, when it compiles a script,
// that the script calls one.
func DeclareNotProvided(names ...string) { notProvided = append(notProvided, names...) }

// NotProvidedNames lists what DeclareNotProvided recorded.
func NotProvidedNames() []string { return notProvided }
