// Package java implements the `java` and `JavaImporter` bindings: the Java that AIC's next-generation scripts may reach through
// Rhino, its fixed allow-list (spec §1). Allowed classes (java.util's
// ArrayList, LinkedList, HashSet, LinkedHashSet, TreeSet and Collections;
// java.lang's Integer, Long, Double, Boolean, String and Math) are Java-like
// objects implemented in Go; any other name under `java.` is a package
// object, as Rhino makes a class the allow-list hides, so `new
// java.util.HashMap()` fails with Rhino's own TypeError.
package java

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `java` binding: the root package, java.
var Binding = bindings.Define("java", func(vm *bindings.VM) bindings.Instance {
	in := New(vm)
	return root{in}
})

// root is the `java` binding's instance: the package java, and the Java
// world behind it (ClassOf, for systemEnv.getProperty's type tokens).
type root struct{ *Instance }

func (r root) Value() goja.Value   { return r.Package("java") }
func (r root) Begin(*bindings.Run) {}
func (r root) End(*bindings.Run)   {}

// Importer is the `JavaImporter` binding.
var Importer = bindings.Define("JavaImporter", func(vm *bindings.VM) bindings.Instance {
	return bindings.Value{V: Of(vm).importer}
})

// Of returns the runtime's Java world: the `java` binding's, so that
// the class objects are the same everywhere.
func Of(vm *bindings.VM) *Instance {
	if r, ok := vm.Instance("java").(root); ok {
		return r.Instance
	}
	return New(vm)
}

// Instance is one runtime's Java world: its packages, classes and the
// prototypes of its Java objects.
type Instance struct {
	rt        *goja.Runtime
	errorCtor goja.Value
	pkgs      map[string]*goja.Object
	classes   map[string]*class
	byObj     map[*goja.Object]*class
	importer  *goja.Object

	listKind, setKind, mapKind, iterKind *kind
	boxKinds                             map[string]*kind
}

// New builds the Java world of vm's runtime.
func New(vm *bindings.VM) *Instance {
	in := &Instance{
		rt: vm.Runtime, errorCtor: vm.Builtin("Error"),
		pkgs: map[string]*goja.Object{}, classes: map[string]*class{}, byObj: map[*goja.Object]*class{},
		boxKinds: map[string]*kind{},
	}
	in.buildProtos()
	in.buildClasses()
	in.importer = in.buildImporter()
	return in
}

// ClassOf reports the Java class v stands for when v is one of the
// runtime's class objects (java.lang.Integer): systemEnv.getProperty's
// return-type tokens.
func (in *Instance) ClassOf(v goja.Value) (string, bool) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return "", false
	}
	c, ok := in.byObj[obj]
	if !ok {
		return "", false
	}
	return c.name, true
}

// throw raises a Java exception as Rhino hands one to a script whose
// allow-list hides the exception's class: an InternalError carrying the
// exception's message.
func (in *Instance) throw(e *javaError) {
	in.internalError(e.message)
}

func (in *Instance) internalError(msg string) {
	ctor, _ := in.errorCtor.(*goja.Object)
	obj, err := in.rt.New(ctor, in.rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	_ = obj.DefineDataProperty("name", in.rt.ToValue("InternalError"), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	panic(obj)
}

func (in *Instance) typeError(msg string) {
	panic(in.rt.NewTypeError(msg))
}

// prohibited is Rhino's refusal of a class the allow-list hides, reached
// through an allowed one (ArrayList.iterator() is an ArrayList$Itr).
func (in *Instance) prohibited(class string) {
	in.internalError(`Access to Java class "` + class + `" is prohibited.` + in.where())
}

// where is the " (script#line)" Rhino appends to the message of an error
// the engine itself raises (an EvaluatorException), for the script line
// that called into Java.
func (in *Instance) where() string {
	for _, f := range in.rt.CaptureCallStack(0, nil) {
		if f.SrcName() != "" && f.SrcName() != "<native>" {
			return " (" + f.SrcName() + "#" + strconv.Itoa(f.Position().Line) + ")"
		}
	}
	return ""
}

// noMethod is Rhino's error for a call no overload of name takes.
func (in *Instance) noMethod(cls, name string, args []goja.Value) {
	types := make([]string, len(args))
	for i, a := range args {
		types[i] = jsvalue.RhinoTypeName(a)
	}
	in.internalError("Can't find method " + cls + "." + name + "(" + strings.Join(types, ",") + ")." + in.where())
}

// ---- JavaScript ↔ Java

// toJava converts a script's value where Java takes an Object: strings,
// numbers (as Double) and booleans become Java's; a Java object is itself;
// any other JavaScript value stays as it is.
func (in *Instance) toJava(v goja.Value) any {
	// Java values live in Go, where goja's allocation meter does not see
	// them: charge each one that enters a collection, as goja charges an
	// array slot (16 bytes), plus a string's characters.
	charge := int64(16)
	if s, ok := v.(goja.String); ok {
		charge += 2 * int64(s.Length())
	}
	in.rt.Charge(charge)
	if v == nil || goja.IsUndefined(v) {
		return goja.Undefined()
	}
	if goja.IsNull(v) {
		return nil
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		switch x := v.Export().(type) {
		case string:
			return x
		case bool:
			return x
		case int64:
			return float64(x)
		case float64:
			return x
		}
		return v.String()
	}
	if j, ok := javaOf(obj); ok {
		return j
	}
	return v
}

// javaOf is the Java value behind one of this package's objects.
func javaOf(obj *goja.Object) (any, bool) {
	switch d := obj.Export().(type) {
	case *listObj:
		return d.l, true
	case *setObj:
		return d.s, true
	case *mapObj:
		return d.m, true
	case *boxObj:
		return d.v, true
	}
	return nil, false
}

// toJS is a Java value as Rhino hands it to a script from a method whose
// type is Object: a Java String, number or boolean is a wrapped Java object
// (typeof "object"), not a JavaScript primitive.
func (in *Instance) toJS(x any) goja.Value {
	switch x := x.(type) {
	case nil:
		return goja.Null()
	case goja.Value:
		return x
	case *list:
		if x.js == nil {
			x.js = in.rt.NewDynamicObject(&listObj{in, x})
			_ = x.js.SetPrototype(in.listKind.proto)
		}
		return x.js
	case *set:
		if x.js == nil {
			x.js = in.rt.NewDynamicObject(&setObj{in, x})
			_ = x.js.SetPrototype(in.setKind.proto)
		}
		return x.js
	case *jmap:
		if x.js == nil {
			x.js = in.rt.NewDynamicObject(&mapObj{in, x})
			_ = x.js.SetPrototype(in.mapKind.proto)
		}
		return x.js
	}
	k := in.boxKinds[className(x)]
	obj := in.rt.NewDynamicObject(&boxObj{k, x})
	_ = obj.SetPrototype(k.proto)
	return obj
}

// toJSJSON is a JavaScript value as JSON-shaped Go, for a Java object's
// JSON form.
func toJSJSON(v goja.Value) any { return jsvalue.ToGo(v) }

// ---- the JavaScript objects

// listObj is a Java list as a script sees it: l[i] and l.length as Rhino's
// NativeJavaList answers them, for…in over its indices, the methods on its
// prototype.
type listObj struct {
	in *Instance
	l  *list
}

func index(key string, n int) (int, bool) {
	i, err := strconv.Atoi(key)
	if err != nil || i < 0 || strconv.Itoa(i) != key {
		return 0, false
	}
	return i, true
}

func (o *listObj) Get(key string) goja.Value {
	if i, ok := index(key, len(o.l.items)); ok {
		if i < len(o.l.items) {
			return o.in.toJS(o.l.items[i])
		}
		return goja.Undefined()
	}
	if key == "length" {
		return o.in.rt.ToValue(len(o.l.items))
	}
	return o.in.listKind.method(key)
}

func (o *listObj) Set(key string, v goja.Value) bool {
	i, ok := index(key, len(o.l.items))
	if !ok {
		return false
	}
	if o.l.readOnly {
		o.in.throw(&javaError{"java.lang.UnsupportedOperationException", "null"})
	}
	switch {
	case i < len(o.l.items):
		o.l.items[i] = o.in.toJava(v)
	case i == len(o.l.items):
		o.l.items = append(o.l.items, o.in.toJava(v))
	default:
		o.in.throw(&javaError{"java.lang.IndexOutOfBoundsException", "Index: " + strconv.Itoa(i) + ", Size: " + strconv.Itoa(len(o.l.items))})
	}
	return true
}

func (o *listObj) Has(key string) bool {
	if i, ok := index(key, len(o.l.items)); ok {
		return i < len(o.l.items)
	}
	return key == "length"
}

func (o *listObj) Delete(string) bool { return false }

func (o *listObj) Keys() []string {
	keys := make([]string, len(o.l.items))
	for i := range keys {
		keys[i] = strconv.Itoa(i)
	}
	return keys
}

// JSONValue is the list as JSON: an array.
func (o *listObj) JSONValue() any { return jsonValue(o.l, toJSJSON) }

// setObj is a Java set: methods only.
type setObj struct {
	in *Instance
	s  *set
}

func (o *setObj) Get(key string) goja.Value   { return o.in.setKind.method(key) }
func (o *setObj) Set(string, goja.Value) bool { return false }
func (o *setObj) Has(string) bool             { return false }
func (o *setObj) Delete(string) bool          { return false }
func (o *setObj) Keys() []string              { return nil }

// JSONValue is the set as JSON: an array in iteration order.
func (o *setObj) JSONValue() any { return jsonValue(o.s, toJSJSON) }

// mapObj is a Java map: its keys readable as properties
// (FEATURE_ENABLE_JAVA_MAP_ACCESS), for…in over them, and its methods.
type mapObj struct {
	in *Instance
	m  *jmap
}

func (o *mapObj) Get(key string) goja.Value {
	if i := o.m.indexOf(key); i >= 0 {
		return o.in.toJS(o.m.vals[i])
	}
	return o.in.mapKind.method(key)
}

func (o *mapObj) Set(string, goja.Value) bool { return false }
func (o *mapObj) Has(key string) bool         { return o.m.indexOf(key) >= 0 }
func (o *mapObj) Delete(string) bool          { return false }

func (o *mapObj) Keys() []string {
	var keys []string
	for _, k := range o.m.keys {
		if s, ok := k.(string); ok {
			keys = append(keys, s)
		}
	}
	return keys
}

// JSONValue is the map as JSON: an object.
func (o *mapObj) JSONValue() any { return jsonValue(o.m, toJSJSON) }

// boxObj is a Java String, Double, Integer, Long or Boolean in a script's
// hands: an object that converts to its primitive.
type boxObj struct {
	kind *kind
	v    any
}

func (o *boxObj) Get(key string) goja.Value   { return o.kind.method(key) }
func (o *boxObj) Set(string, goja.Value) bool { return false }
func (o *boxObj) Has(string) bool             { return false }
func (o *boxObj) Delete(string) bool          { return false }
func (o *boxObj) Keys() []string              { return nil }

// JSONValue is the boxed value.
func (o *boxObj) JSONValue() any { return jsonValue(o.v, toJSJSON) }

// iterObj is a HashSet's iterator (the one iterator class the allow-list
// lets through: HashMap$KeyIterator).
type iterObj struct {
	in    *Instance
	items []any
	next  int
}

func (o *iterObj) Get(key string) goja.Value   { return o.in.iterKind.method(key) }
func (o *iterObj) Set(string, goja.Value) bool { return false }
func (o *iterObj) Has(string) bool             { return false }
func (o *iterObj) Delete(string) bool          { return false }
func (o *iterObj) Keys() []string              { return nil }

// ---- packages

func join(pkg, name string) string {
	if pkg == "" {
		return name
	}
	return pkg + "." + name
}

// member is pkg.name: an allowed class, or a package.
func (in *Instance) member(pkg, name string) goja.Value {
	full := join(pkg, name)
	if c, ok := in.classes[full]; ok {
		return c.obj
	}
	return in.Package(full)
}

// Package is the package object called name ("" is Packages): any name
// read from it is a sub-package, or a class when the allow-list has it.
//
// Rhino's package objects are objects, and `new` or a call on one fails
// with a TypeError naming it. goja cannot give a non-function object a
// call behaviour, so a package whose name reads as a class (a segment that
// starts with a capital: java.util.HashMap, java.lang.System.exit) is a
// function that throws Rhino's messages, typeof "function"; a package
// proper (java, java.util) is an object.
//
// Both are proxies of a frozen target, so the runtime's hardening, which
// freezes a binding's value deeply unless it is already non-extensible,
// leaves them be.
func (in *Instance) Package(name string) *goja.Object {
	if p, ok := in.pkgs[name]; ok {
		return p
	}
	rt := in.rt
	text := "[JavaPackage " + name + "]"
	toString := rt.ToValue(func(goja.FunctionCall) goja.Value { return rt.ToValue(text) }).(*goja.Object)
	jsvalue.Seal(rt, toString)
	traps := &goja.ProxyTrapConfig{
		Get: func(target *goja.Object, key string, _ goja.Value) goja.Value {
			switch key {
			case "toString", "valueOf":
				return toString
			case "prototype":
				return target.Get(key)
			}
			return in.member(name, key)
		},
		GetSym: func(_ *goja.Object, s *goja.Symbol, _ goja.Value) goja.Value {
			if s == goja.SymToStringTag {
				return rt.ToValue("JavaPackage")
			}
			return goja.Undefined()
		},
		Has: func(*goja.Object, string) bool { return true },
	}
	var target *goja.Object
	if classLike(name) {
		dot := strings.LastIndexByte(name, '.')
		parent, last := "", name
		if dot >= 0 {
			parent, last = name[:dot], name[dot+1:]
		}
		target = rt.ToValue(func(goja.ConstructorCall) *goja.Object { return nil }).(*goja.Object)
		traps.Apply = func(*goja.Object, goja.Value, []goja.Value) goja.Value {
			in.typeError("Cannot call property " + last + " in object [JavaPackage " + parent + `]. It is not a function, it is "object".`)
			return nil
		}
		traps.Construct = func(*goja.Object, []goja.Value, *goja.Object) *goja.Object {
			in.typeError(text + " is not a function, it is object.")
			return nil
		}
	} else {
		target = rt.NewObject()
		_ = target.SetPrototype(nil)
	}
	jsvalue.Seal(rt, target)
	obj := rt.ToValue(rt.NewProxy(target, traps)).(*goja.Object)
	in.pkgs[name] = obj
	return obj
}

func classLike(name string) bool {
	for _, seg := range strings.Split(name, ".") {
		if seg != "" && unicode.IsUpper([]rune(seg)[0]) {
			return true
		}
	}
	return false
}

// ---- JavaImporter

// importerObj is what `new JavaImporter(java.util)` makes: a scope, for
// `with`, whose names are the allowed classes of the packages and classes
// it imported. A class the allow-list hides is not found in it.
type importerObj struct {
	in       *Instance
	packages []string
	classes  []*class
}

func (o *importerObj) lookup(key string) *class {
	for _, c := range o.classes {
		if c.simple == key {
			return c
		}
	}
	for _, p := range o.packages {
		if c, ok := o.in.classes[join(p, key)]; ok {
			return c
		}
	}
	return nil
}

func (o *importerObj) Get(key string) goja.Value {
	if c := o.lookup(key); c != nil {
		return c.obj
	}
	return nil
}
func (o *importerObj) Set(string, goja.Value) bool { return false }
func (o *importerObj) Has(key string) bool         { return o.lookup(key) != nil }
func (o *importerObj) Delete(string) bool          { return false }
func (o *importerObj) Keys() []string              { return nil }

func (in *Instance) buildImporter() *goja.Object {
	rt := in.rt
	proto := rt.NewObject()
	_ = proto.SetPrototype(nil)
	jsvalue.Method(rt, proto, "toString", func(goja.FunctionCall) goja.Value { return rt.ToValue("[object JavaImporter]") })
	_ = proto.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue("JavaImporter"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	jsvalue.Seal(rt, proto)
	make := func(args []goja.Value) *goja.Object {
		imp := &importerObj{in: in}
		for _, a := range args {
			obj, ok := a.(*goja.Object)
			if !ok {
				in.typeError("JavaImporter: not a Java package or class: " + a.String())
			}
			if c, ok := in.byObj[obj]; ok {
				imp.classes = append(imp.classes, c)
				continue
			}
			if name, ok := in.packageName(obj); ok {
				imp.packages = append(imp.packages, name)
				continue
			}
			in.typeError("JavaImporter: not a Java package or class: " + a.String())
		}
		o := rt.NewDynamicObject(imp)
		_ = o.SetPrototype(proto)
		return o
	}
	target := rt.ToValue(func(call goja.ConstructorCall) *goja.Object { return make(call.Arguments) }).(*goja.Object)
	// goja would name it after its Go symbol.
	_ = target.DefineDataProperty("name", rt.ToValue("JavaImporter"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	jsvalue.Seal(rt, target)
	proxy := rt.NewProxy(target, &goja.ProxyTrapConfig{
		Apply: func(_ *goja.Object, _ goja.Value, args []goja.Value) goja.Value { return make(args) },
		Construct: func(_ *goja.Object, args []goja.Value, _ *goja.Object) *goja.Object {
			return make(args)
		},
	})
	return rt.ToValue(proxy).(*goja.Object)
}

func (in *Instance) packageName(obj *goja.Object) (string, bool) {
	for name, p := range in.pkgs {
		if p == obj {
			return name, true
		}
	}
	return "", false
}
