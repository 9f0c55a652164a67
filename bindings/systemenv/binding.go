package systemenv

import (
	"slices"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `systemEnv` binding.
var Binding = bindings.Define("systemEnv", func(vm *bindings.VM) bindings.Instance {
	b := New(vm.Runtime)
	// The return-type tokens are the `java` binding's class objects.
	if j, ok := vm.Instance("java").(interface {
		ClassOf(goja.Value) (string, bool)
	}); ok {
		b.classOf = j.ClassOf
	}
	return b
})

// SourceKey is the key of where a run's ESVs come from; unset, no ESV is defined.
var SourceKey = bindings.NewBackend[Source]("systemEnv")

// Instance is the per-runtime `systemEnv` object.
type Instance struct {
	obj *goja.Object
	// classOf names the Java class a value stands for (java.lang.Integer),
	// when the runtime has a `java` binding.
	classOf func(goja.Value) (string, bool)
	source  Source
}

// New builds the frozen `systemEnv` object for rt.
func New(rt *goja.Runtime) *Instance {
	b := &Instance{obj: rt.NewObject()}
	jsvalue.Method(rt, b.obj, "getProperty", func(call goja.FunctionCall) goja.Value {
		return b.getProperty(rt, call)
	})
	jsvalue.Seal(rt, b.obj)
	return b
}

// Value is the JavaScript value installed as `systemEnv`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin starts a run that reads ESVs from the run's source.
func (b *Instance) Begin(run *bindings.Run) { b.source = SourceKey.From(run) }

// End forgets the run's source.
func (b *Instance) End(*bindings.Run) { b.source = nil }

func (b *Instance) getProperty(rt *goja.Runtime, call goja.FunctionCall) goja.Value {
	name := jsvalue.ArgString(call, 0)
	var raw string
	found := false
	if b.source != nil && strings.HasPrefix(name, "esv.") {
		raw, found = b.source.Lookup(name)
	}
	nargs := len(call.Arguments)
	if nargs >= 2 && jsvalue.IsNullish(call.Argument(1)) {
		jsvalue.Throw(rt, "systemEnv.getProperty(%q): the default value must not be null", name)
	}
	if !found {
		if nargs < 2 {
			return goja.Null()
		}
		raw = call.Argument(1).String()
	}
	if nargs < 3 {
		return rt.ToValue(raw)
	}
	var t Type
	ok := false
	if b.classOf != nil {
		var name string
		name, ok = b.classOf(call.Argument(2))
		t = Type(name)
		ok = ok && slices.Contains(Types, t)
	}
	if !ok {
		jsvalue.Throw(rt, "systemEnv.getProperty(%q): the return type must be one of java.lang.Boolean, java.lang.Double, java.lang.Integer, java.lang.String, java.util.List or java.util.Map, got %s", name, call.Argument(2).String())
	}
	v, err := Convert(raw, t)
	if err != nil {
		jsvalue.Throw(rt, "systemEnv.getProperty(%q) as %s: %v", name, t, err)
	}
	// List and Map come back as the tenant's Java collections do: usable as
	// a JavaScript array or object, and through get/size/keySet.
	return jsvalue.JavaView(rt, jsvalue.ToJS(rt, v))
}
