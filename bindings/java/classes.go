package java

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// class is an allowed Java class: its object (typeof "function", String
// "[JavaClass java.util.ArrayList]"), which constructs when called or newed.
type class struct {
	name, simple string
	obj          *goja.Object
}

type method func(this any, args []goja.Value) goja.Value

// kind is what the Java objects of one kind share: a frozen prototype with
// their class tag (Object.prototype.toString gives [object JavaList]) and
// their methods, which the objects answer themselves so that for…in does
// not see them, as it does not in Rhino.
type kind struct {
	proto   *goja.Object
	methods map[string]goja.Value
}

// method is the kind's method called name, or nil.
func (k *kind) method(name string) goja.Value {
	if m, ok := k.methods[name]; ok {
		return m
	}
	return nil
}

// newKind builds a kind; its methods receive the Java value behind `this`.
// toJSON gives the JSON form Rhino's JSON.stringify writes.
func (in *Instance) newKind(tag string, methods map[string]method) *kind {
	rt := in.rt
	p := rt.NewObject()
	_ = p.SetPrototype(nil)
	k := &kind{proto: p, methods: map[string]goja.Value{}}
	if tag != "iterator" {
		methods["toJSON"] = func(this any, _ []goja.Value) goja.Value {
			return jsvalue.ToJS(rt, jsonValue(this, toJSJSON))
		}
	} else {
		tag = "JavaObject"
	}
	for name, m := range methods {
		fn := rt.ToValue(func(call goja.FunctionCall) goja.Value {
			obj, ok := call.This.(*goja.Object)
			var this any
			if ok {
				this, ok = javaOf(obj)
				if !ok {
					if it, isIt := obj.Export().(*iterObj); isIt {
						this, ok = it, true
					}
				}
			}
			if !ok {
				in.typeError("Java method " + name + " called on an object that is not a Java object")
			}
			return m(this, call.Arguments)
		}).(*goja.Object)
		jsvalue.Seal(rt, fn)
		k.methods[name] = fn
	}
	_ = p.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue(tag), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	jsvalue.Seal(rt, p)
	return k
}

func (in *Instance) str(s string) goja.Value { return in.toJS(s) }
func (in *Instance) v(x any) goja.Value      { return in.rt.ToValue(x) }

// common are the methods of every Java object.
func (in *Instance) common(ms map[string]method) map[string]method {
	ms["toString"] = func(this any, _ []goja.Value) goja.Value { return in.v(javaString(this)) }
	ms["equals"] = func(this any, a []goja.Value) goja.Value {
		return in.v(javaEquals(this, in.toJava(arg(a, 0))))
	}
	ms["hashCode"] = func(this any, _ []goja.Value) goja.Value { return in.v(javaHash(this)) }
	return ms
}

func arg(a []goja.Value, i int) goja.Value {
	if i < len(a) {
		return a[i]
	}
	return goja.Undefined()
}

// isNumber reports whether v is a JavaScript number (Rhino picks an int
// overload for it: remove(int), add(int, Object)).
func isNumber(v goja.Value) bool {
	if _, ok := v.(*goja.Object); ok || v == nil {
		return false
	}
	switch v.Export().(type) {
	case int64, float64:
		return true
	}
	return false
}

// toInt is a number argument as a Java int.
func toInt(v goja.Value) int {
	f := v.ToFloat()
	if math.IsNaN(f) {
		return 0
	}
	return int(int32(math.Max(math.Min(math.Trunc(f), math.MaxInt32), math.MinInt32)))
}

func outOfBounds(i, n int) *javaError {
	return &javaError{"java.lang.IndexOutOfBoundsException", "Index " + strconv.Itoa(i) + " out of bounds for length " + strconv.Itoa(n)}
}

var unsupported = &javaError{"java.lang.UnsupportedOperationException", "null"}
var noSuchElement = &javaError{"java.util.NoSuchElementException", "null"}

func (in *Instance) check(e *javaError) {
	if e != nil {
		in.throw(e)
	}
}

func (in *Instance) buildProtos() {
	in.listKind = in.newKind("JavaList", in.common(in.listMethods()))
	in.setKind = in.newKind("JavaObject", in.common(in.setMethods()))
	in.mapKind = in.newKind("JavaMap", in.common(in.mapMethods()))
	in.iterKind = in.newKind("iterator", map[string]method{
		"hasNext": func(this any, _ []goja.Value) goja.Value {
			it := this.(*iterObj)
			return in.v(it.next < len(it.items))
		},
		"next": func(this any, _ []goja.Value) goja.Value {
			it := this.(*iterObj)
			if it.next >= len(it.items) {
				in.throw(noSuchElement)
			}
			it.next++
			return in.toJS(it.items[it.next-1])
		},
	})
	for _, c := range []string{"java.lang.String", "java.lang.Double", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean"} {
		in.boxKinds[c] = in.newKind("JavaObject", in.common(in.boxMethods(c)))
	}
}

// ---- lists

func (in *Instance) listMethods() map[string]method {
	l := func(this any) *list { return this.(*list) }
	write := func(this any) *list {
		x := l(this)
		if x.readOnly {
			in.throw(unsupported)
		}
		return x
	}
	ms := map[string]method{
		"size":    func(this any, _ []goja.Value) goja.Value { return in.v(len(l(this).items)) },
		"isEmpty": func(this any, _ []goja.Value) goja.Value { return in.v(len(l(this).items) == 0) },
		"get": func(this any, a []goja.Value) goja.Value {
			x := l(this)
			if len(a) != 1 {
				in.noMethod(x.cls, "get", a)
			}
			i := toInt(a[0])
			if i < 0 || i >= len(x.items) {
				in.throw(outOfBounds(i, len(x.items)))
			}
			return in.toJS(x.items[i])
		},
		"add": func(this any, a []goja.Value) goja.Value {
			x := l(this)
			switch {
			case len(a) == 1:
				write(this).items = append(x.items, in.toJava(a[0]))
				return in.v(true)
			case len(a) == 2 && isNumber(a[0]):
				i := toInt(a[0])
				write(this)
				if i < 0 || i > len(x.items) {
					in.throw(&javaError{"java.lang.IndexOutOfBoundsException", "Index: " + strconv.Itoa(i) + ", Size: " + strconv.Itoa(len(x.items))})
				}
				x.items = slices.Insert(x.items, i, in.toJava(a[1]))
				return goja.Undefined()
			}
			in.noMethod(x.cls, "add", a)
			return nil
		},
		"set": func(this any, a []goja.Value) goja.Value {
			x := l(this)
			if len(a) != 2 {
				in.noMethod(x.cls, "set", a)
			}
			write(this)
			i := toInt(a[0])
			if i < 0 || i >= len(x.items) {
				in.throw(outOfBounds(i, len(x.items)))
			}
			old := x.items[i]
			x.items[i] = in.toJava(a[1])
			return in.toJS(old)
		},
		"remove": func(this any, a []goja.Value) goja.Value {
			x := l(this)
			if len(a) != 1 {
				in.noMethod(x.cls, "remove", a)
			}
			write(this)
			if isNumber(a[0]) {
				i := toInt(a[0])
				if i < 0 || i >= len(x.items) {
					in.throw(outOfBounds(i, len(x.items)))
				}
				old := x.items[i]
				x.items = slices.Delete(x.items, i, i+1)
				return in.toJS(old)
			}
			i := x.indexOf(in.toJava(a[0]))
			if i >= 0 {
				x.items = slices.Delete(x.items, i, i+1)
			}
			return in.v(i >= 0)
		},
		"contains": func(this any, a []goja.Value) goja.Value { return in.v(l(this).indexOf(in.toJava(arg(a, 0))) >= 0) },
		"indexOf":  func(this any, a []goja.Value) goja.Value { return in.v(l(this).indexOf(in.toJava(arg(a, 0)))) },
		"lastIndexOf": func(this any, a []goja.Value) goja.Value {
			x, want := l(this), in.toJava(arg(a, 0))
			for i := len(x.items) - 1; i >= 0; i-- {
				if javaEquals(want, x.items[i]) {
					return in.v(i)
				}
			}
			return in.v(-1)
		},
		"clear": func(this any, _ []goja.Value) goja.Value { write(this).items = nil; return goja.Undefined() },
		"addAll": func(this any, a []goja.Value) goja.Value {
			x := l(this)
			if len(a) != 1 {
				in.noMethod(x.cls, "addAll", a)
			}
			items := in.collectionArg(x.cls, "addAll", a)
			write(this).items = append(x.items, items...)
			return in.v(len(items) > 0)
		},
		"containsAll": func(this any, a []goja.Value) goja.Value {
			x := l(this)
			for _, e := range in.collectionArg(x.cls, "containsAll", a) {
				if x.indexOf(e) < 0 {
					return in.v(false)
				}
			}
			return in.v(true)
		},
		"toArray": func(this any, _ []goja.Value) goja.Value { return in.array(l(this).items) },
		"sort": func(this any, a []goja.Value) goja.Value {
			x := write(this)
			if len(a) == 1 && !jsvalue.IsNullish(a[0]) && len(x.items) > 1 {
				// A JavaScript comparator becomes a Comparator proxy class,
				// which the allow-list refuses.
				in.prohibited("jdk.proxy1.$Proxy2")
			}
			in.check(sortItems(x.items))
			return goja.Undefined()
		},
		"iterator":     func(this any, _ []goja.Value) goja.Value { in.prohibited(iterClass(l(this).cls)); return nil },
		"listIterator": func(this any, _ []goja.Value) goja.Value { in.prohibited(l(this).cls + "$ListItr"); return nil },
		"subList":      func(this any, _ []goja.Value) goja.Value { in.prohibited(l(this).cls + "$SubList"); return nil },
		"forEach": func(this any, _ []goja.Value) goja.Value {
			// The proxy is refused when it is first called: on an element.
			if len(l(this).items) > 0 {
				in.prohibited("jdk.proxy1.$Proxy2")
			}
			return goja.Undefined()
		},
	}
	// LinkedList's Deque methods.
	first := func(this any, remove, nullIfEmpty bool) goja.Value {
		x := l(this)
		if !strings.HasSuffix(x.cls, "LinkedList") {
			in.internalError(`Java class "` + x.cls + `" has no public instance field or method named "getFirst".`)
		}
		if len(x.items) == 0 {
			if nullIfEmpty {
				return goja.Null()
			}
			in.throw(noSuchElement)
		}
		e := x.items[0]
		if remove {
			x.items = x.items[1:]
		}
		return in.toJS(e)
	}
	last := func(this any, remove, nullIfEmpty bool) goja.Value {
		x := l(this)
		if len(x.items) == 0 {
			if nullIfEmpty {
				return goja.Null()
			}
			in.throw(noSuchElement)
		}
		e := x.items[len(x.items)-1]
		if remove {
			x.items = x.items[:len(x.items)-1]
		}
		return in.toJS(e)
	}
	addFirst := func(this any, a []goja.Value) goja.Value {
		x := l(this)
		x.items = slices.Insert(x.items, 0, in.toJava(arg(a, 0)))
		return goja.Undefined()
	}
	for name, m := range map[string]method{
		"getFirst":    func(t any, _ []goja.Value) goja.Value { return first(t, false, false) },
		"element":     func(t any, _ []goja.Value) goja.Value { return first(t, false, false) },
		"peek":        func(t any, _ []goja.Value) goja.Value { return first(t, false, true) },
		"peekFirst":   func(t any, _ []goja.Value) goja.Value { return first(t, false, true) },
		"removeFirst": func(t any, _ []goja.Value) goja.Value { return first(t, true, false) },
		"pop":         func(t any, _ []goja.Value) goja.Value { return first(t, true, false) },
		"poll":        func(t any, _ []goja.Value) goja.Value { return first(t, true, true) },
		"pollFirst":   func(t any, _ []goja.Value) goja.Value { return first(t, true, true) },
		"getLast":     func(t any, _ []goja.Value) goja.Value { return last(t, false, false) },
		"peekLast":    func(t any, _ []goja.Value) goja.Value { return last(t, false, true) },
		"removeLast":  func(t any, _ []goja.Value) goja.Value { return last(t, true, false) },
		"pollLast":    func(t any, _ []goja.Value) goja.Value { return last(t, true, true) },
		"addFirst":    addFirst,
		"push":        addFirst,
		"addLast": func(t any, a []goja.Value) goja.Value {
			l(t).items = append(l(t).items, in.toJava(arg(a, 0)))
			return goja.Undefined()
		},
		"offer": func(t any, a []goja.Value) goja.Value {
			l(t).items = append(l(t).items, in.toJava(arg(a, 0)))
			return in.v(true)
		},
	} {
		ms[name] = in.linkedOnly(name, m)
	}
	return ms
}

// linkedOnly limits a Deque method to LinkedList.
func (in *Instance) linkedOnly(name string, m method) method {
	return func(this any, a []goja.Value) goja.Value {
		x := this.(*list)
		if x.cls != "java.util.LinkedList" {
			in.internalError(`Java class "` + x.cls + `" has no public instance field or method named "` + name + `".`)
		}
		return m(this, a)
	}
}

func iterClass(cls string) string {
	switch cls {
	case "java.util.LinkedList":
		return "java.util.LinkedList$ListItr"
	case "java.util.ArrayList":
		return "java.util.ArrayList$Itr"
	}
	return "java.util.Collections$UnmodifiableCollection$1"
}

// array is Java's toArray() as journeyjs gives it: a JavaScript array of
// the elements as Rhino wraps them.
func (in *Instance) array(items []any) goja.Value {
	vals := make([]any, len(items))
	for i, e := range items {
		vals[i] = in.toJS(e)
	}
	return in.rt.NewArray(vals...)
}

// collectionArg is argument 0 as a Java collection's elements: a Java list
// or set, or a JavaScript array (Rhino converts it to a List).
func (in *Instance) collectionArg(cls, name string, a []goja.Value) []any {
	if len(a) == 1 {
		if items, ok := in.collection(a[0]); ok {
			return items
		}
	}
	in.noMethod(cls, name, a)
	return nil
}

func (in *Instance) collection(v goja.Value) ([]any, bool) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	if obj.ClassName() == "Array" {
		n := int(obj.Get("length").ToInteger())
		items := make([]any, n)
		for i := range items {
			items[i] = in.toJava(obj.Get(strconv.Itoa(i)))
		}
		return items, true
	}
	j, _ := javaOf(obj)
	return elements(j)
}

// ---- sets

func (in *Instance) setMethods() map[string]method {
	s := func(this any) *set { return this.(*set) }
	write := func(this any) *set {
		x := s(this)
		if x.readOnly {
			in.throw(unsupported)
		}
		return x
	}
	return map[string]method{
		"size":    func(this any, _ []goja.Value) goja.Value { return in.v(len(s(this).items)) },
		"isEmpty": func(this any, _ []goja.Value) goja.Value { return in.v(len(s(this).items) == 0) },
		"add": func(this any, a []goja.Value) goja.Value {
			if len(a) != 1 {
				in.noMethod(s(this).cls, "add", a)
			}
			ok, err := write(this).add(in.toJava(a[0]))
			in.check(err)
			return in.v(ok)
		},
		"remove": func(this any, a []goja.Value) goja.Value {
			ok, err := write(this).remove(in.toJava(arg(a, 0)))
			in.check(err)
			return in.v(ok)
		},
		"contains": func(this any, a []goja.Value) goja.Value {
			i, err := s(this).find(in.toJava(arg(a, 0)))
			in.check(err)
			return in.v(i >= 0)
		},
		"clear": func(this any, _ []goja.Value) goja.Value { write(this).items = nil; return goja.Undefined() },
		"addAll": func(this any, a []goja.Value) goja.Value {
			x := s(this)
			changed := false
			for _, e := range in.collectionArg(x.cls, "addAll", a) {
				ok, err := write(this).add(e)
				in.check(err)
				changed = changed || ok
			}
			return in.v(changed)
		},
		"containsAll": func(this any, a []goja.Value) goja.Value {
			x := s(this)
			for _, e := range in.collectionArg(x.cls, "containsAll", a) {
				if i, err := x.find(e); err != nil || i < 0 {
					return in.v(false)
				}
			}
			return in.v(true)
		},
		"toArray": func(this any, _ []goja.Value) goja.Value { return in.array(s(this).ordered()) },
		"iterator": func(this any, _ []goja.Value) goja.Value {
			x := s(this)
			switch x.cls {
			case "java.util.HashSet":
				it := in.rt.NewDynamicObject(&iterObj{in: in, items: slices.Clone(x.ordered())})
				_ = it.SetPrototype(in.iterKind.proto)
				return it
			case "java.util.LinkedHashSet":
				in.prohibited("java.util.LinkedHashMap$LinkedKeyIterator")
			case "java.util.TreeSet":
				in.prohibited("java.util.TreeMap$KeyIterator")
			}
			in.prohibited("java.util.Collections$1")
			return nil
		},
		"forEach": func(this any, _ []goja.Value) goja.Value {
			if len(s(this).items) > 0 {
				in.prohibited("jdk.proxy1.$Proxy2")
			}
			return goja.Undefined()
		},
		"first": func(this any, _ []goja.Value) goja.Value {
			x := in.treeOnly(s(this), "first")
			if len(x.items) == 0 {
				in.throw(noSuchElement)
			}
			return in.toJS(x.items[0])
		},
		"last": func(this any, _ []goja.Value) goja.Value {
			x := in.treeOnly(s(this), "last")
			if len(x.items) == 0 {
				in.throw(noSuchElement)
			}
			return in.toJS(x.items[len(x.items)-1])
		},
	}
}

func (in *Instance) treeOnly(x *set, name string) *set {
	if x.kind != sortedOrder {
		in.internalError(`Java class "` + x.cls + `" has no public instance field or method named "` + name + `".`)
	}
	return x
}

// ---- maps

func (in *Instance) mapMethods() map[string]method {
	m := func(this any) *jmap { return this.(*jmap) }
	return map[string]method{
		"size":    func(this any, _ []goja.Value) goja.Value { return in.v(len(m(this).keys)) },
		"isEmpty": func(this any, _ []goja.Value) goja.Value { return in.v(len(m(this).keys) == 0) },
		"get": func(this any, a []goja.Value) goja.Value {
			x := m(this)
			if i := x.indexOf(in.toJava(arg(a, 0))); i >= 0 {
				return in.toJS(x.vals[i])
			}
			return goja.Null()
		},
		"getOrDefault": func(this any, a []goja.Value) goja.Value {
			x := m(this)
			if i := x.indexOf(in.toJava(arg(a, 0))); i >= 0 {
				return in.toJS(x.vals[i])
			}
			return in.toJS(in.toJava(arg(a, 1)))
		},
		"containsKey": func(this any, a []goja.Value) goja.Value { return in.v(m(this).indexOf(in.toJava(arg(a, 0))) >= 0) },
		"containsValue": func(this any, a []goja.Value) goja.Value {
			want := in.toJava(arg(a, 0))
			return in.v(slices.ContainsFunc(m(this).vals, func(v any) bool { return javaEquals(want, v) }))
		},
		"keySet": func(this any, _ []goja.Value) goja.Value {
			return in.toJS(&set{cls: "java.util.Collections$SingletonSet", kind: insertionOrder, items: slices.Clone(m(this).keys), readOnly: true})
		},
		"values": func(this any, _ []goja.Value) goja.Value {
			return in.toJS(&list{cls: "java.util.Collections$SingletonList", items: slices.Clone(m(this).vals), readOnly: true})
		},
		"put":    func(any, []goja.Value) goja.Value { in.throw(unsupported); return nil },
		"remove": func(any, []goja.Value) goja.Value { in.throw(unsupported); return nil },
		"clear":  func(any, []goja.Value) goja.Value { in.throw(unsupported); return nil },
	}
}
