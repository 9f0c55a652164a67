package systemenv

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `systemEnv` binding.
var Binding = bindings.Define("systemEnv", func(vm *bindings.VM) bindings.Instance { return New(vm.Runtime) })

// Java is the `java` binding: the six class tokens getProperty accepts, and
// nothing else of Java. It is systemEnv's own object, so that getProperty
// knows the tokens.
var Java = bindings.Define("java", func(vm *bindings.VM) bindings.Instance {
	env, ok := vm.Instance("systemEnv").(*Instance)
	if !ok {
		// No systemEnv binding on this runtime: nothing reads the tokens.
		env = New(vm.Runtime)
	}
	return bindings.Value{V: env.java}
})

// SourceKey is the key of where a run's ESVs come from; unset, no ESV is defined.
var SourceKey = bindings.NewBackend[Source]("systemEnv")

// Instance is the per-runtime `systemEnv` object, with its `java` object.
type Instance struct {
	obj    *goja.Object
	java   *goja.Object
	tokens map[*goja.Object]Type
	source Source
}

// New builds the frozen `systemEnv` and `java` objects for rt.
func New(rt *goja.Runtime) *Instance {
	b := &Instance{obj: rt.NewObject(), tokens: map[*goja.Object]Type{}}
	b.java = b.javaTokens(rt)
	jsvalue.Method(rt, b.obj, "getProperty", func(call goja.FunctionCall) goja.Value {
		return b.getProperty(rt, call)
	})
	jsvalue.Seal(rt, b.obj)
	return b
}

// javaTokens builds java.lang.{Boolean,Double,Integer,String} and
// java.util.{List,Map}: opaque, frozen objects that print as Java classes do.
func (b *Instance) javaTokens(rt *goja.Runtime) *goja.Object {
	java := rt.NewObject()
	pkgs := map[string]*goja.Object{}
	for _, t := range Types {
		name := string(t)
		dot := strings.LastIndexByte(name, '.')
		pkgPath, simple := name[len("java."):dot], name[dot+1:]
		pkg := pkgs[pkgPath]
		if pkg == nil {
			pkg = rt.NewObject()
			pkgs[pkgPath] = pkg
		}
		tok := rt.NewObject()
		jsvalue.Method(rt, tok, "toString", func(goja.FunctionCall) goja.Value { return rt.ToValue("class " + name) })
		jsvalue.Method(rt, tok, "getName", func(goja.FunctionCall) goja.Value { return rt.ToValue(name) })
		jsvalue.Seal(rt, tok)
		b.tokens[tok] = t
		_ = pkg.DefineDataProperty(simple, tok, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	for path, pkg := range pkgs {
		jsvalue.Seal(rt, pkg)
		_ = java.DefineDataProperty(path, pkg, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	jsvalue.Seal(rt, java)
	return java
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
	tokObj, _ := call.Argument(2).(*goja.Object)
	t, ok := b.tokens[tokObj]
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
