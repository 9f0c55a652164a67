package java

import (
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// newClass makes the class object of name: a function, typeof "function",
// that construct answers whether called or newed (Rhino constructs either
// way), with statics, String "[JavaClass name]", and instanceof testing
// the Java class of a value. A nil construct is an interface.
func (in *Instance) newClass(name string, construct func(a []goja.Value) goja.Value, statics map[string]any) {
	rt := in.rt
	c := &class{name: name, simple: name[strings.LastIndexByte(name, '.')+1:]}
	text := "[JavaClass " + name + "]"
	build := func(a []goja.Value) goja.Value {
		if construct == nil {
			in.internalError("Can't find constructor for " + name)
		}
		return construct(a)
	}
	target := rt.ToValue(func(call goja.ConstructorCall) *goja.Object { return build(call.Arguments).ToObject(rt) }).(*goja.Object)
	// toString is the class's String form, unless the class has a static
	// toString (Integer.toString(3)) and it is called with arguments.
	staticToString, _ := statics["toString"].(static)
	delete(statics, "toString")
	jsvalue.Method(rt, target, "toString", func(call goja.FunctionCall) goja.Value {
		if staticToString != nil && len(call.Arguments) > 0 {
			return staticToString(call.Arguments)
		}
		return rt.ToValue(text)
	})
	_ = target.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue("JavaClass"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = target.DefineDataPropertySymbol(goja.SymHasInstance, rt.ToValue(func(call goja.FunctionCall) goja.Value {
		obj, ok := call.Argument(0).(*goja.Object)
		if !ok {
			return rt.ToValue(false)
		}
		j, ok := javaOf(obj)
		return rt.ToValue(ok && className(j) == name)
	}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	for k, v := range statics {
		if fn, ok := v.(func([]goja.Value) goja.Value); ok {
			jsvalue.Method(rt, target, k, func(call goja.FunctionCall) goja.Value { return fn(call.Arguments) })
			continue
		}
		_ = target.DefineDataProperty(k, rt.ToValue(v), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	// Freeze the class and its methods; TRUE and FALSE, Java objects,
	// have nothing to freeze.
	freeze := jsvalue.Freezer(rt)
	for _, k := range target.GetOwnPropertyNames() {
		if obj, ok := target.Get(k).(*goja.Object); ok {
			if _, isJava := javaOf(obj); !isJava && k != "prototype" {
				jsvalue.SealWith(freeze, obj)
			} else if k == "prototype" {
				_, _ = freeze(goja.Undefined(), obj) // its constructor is the class
			}
		}
	}
	jsvalue.SealWith(freeze, target.GetSymbol(goja.SymHasInstance).(*goja.Object))
	if _, err := freeze(goja.Undefined(), target); err != nil {
		panic(err)
	}
	proxy := rt.NewProxy(target, &goja.ProxyTrapConfig{
		Apply: func(_ *goja.Object, _ goja.Value, a []goja.Value) goja.Value { return build(a) },
		Construct: func(_ *goja.Object, a []goja.Value, _ *goja.Object) *goja.Object {
			return build(a).ToObject(rt)
		},
	})
	c.obj = rt.ToValue(proxy).(*goja.Object)
	in.classes[name] = c
	in.byObj[c.obj] = c
}

type static = func([]goja.Value) goja.Value

func (in *Instance) buildClasses() {
	for _, name := range []string{"java.util.ArrayList", "java.util.LinkedList"} {
		in.newClass(name, func(a []goja.Value) goja.Value {
			l := &list{cls: name}
			switch {
			case len(a) == 0:
			case len(a) == 1 && isNumber(a[0]) && name == "java.util.ArrayList":
				if toInt(a[0]) < 0 {
					in.throw(&javaError{"java.lang.IllegalArgumentException", "Illegal Capacity: " + strconv.Itoa(toInt(a[0]))})
				}
			default:
				l.items = append(l.items, in.collectionArg(name, "<init>", a)...)
			}
			return in.toJS(l)
		}, nil)
	}
	for _, name := range []string{"java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet"} {
		in.newClass(name, func(a []goja.Value) goja.Value {
			s := newSet(name)
			switch {
			case len(a) == 0:
			case len(a) == 1 && isNumber(a[0]) && name != "java.util.TreeSet":
			default:
				items := in.collectionArg(name, "<init>", a)
				if name == "java.util.HashSet" {
					s = newHashSet(len(items))
				}
				for _, e := range items {
					_, err := s.add(e)
					in.check(err)
				}
			}
			return in.toJS(s)
		}, nil)
	}
	in.newClass("java.util.Collections", nil, in.collectionsStatics())
	// Interfaces: systemEnv.getProperty's return types.
	in.newClass("java.util.List", nil, nil)
	in.newClass("java.util.Map", nil, nil)
	in.buildLang()
}

func (in *Instance) collectionsStatics() map[string]any {
	listOf := func(a []goja.Value, name string) []any {
		return in.collectionArg("java.util.Collections", name, a)
	}
	readOnlyList := func(cls string, items []any) goja.Value {
		return in.toJS(&list{cls: cls, items: items, readOnly: true})
	}
	readOnlySet := func(cls string, items []any) goja.Value {
		return in.toJS(&set{cls: cls, kind: insertionOrder, items: items, readOnly: true})
	}
	extreme := func(name string, want int) static {
		return func(a []goja.Value) goja.Value {
			items := listOf(a, name)
			if len(items) == 0 {
				in.throw(noSuchElement)
			}
			best := items[0]
			for _, e := range items[1:] {
				c, err := javaCompare(e, best)
				in.check(err)
				if c*want > 0 {
					best = e
				}
			}
			return in.toJS(best)
		}
	}
	return map[string]any{
		"emptyMap": static(func([]goja.Value) goja.Value { return in.toJS(&jmap{cls: "java.util.Collections$EmptyMap"}) }),
		"singletonMap": static(func(a []goja.Value) goja.Value {
			if len(a) != 2 {
				in.noMethod("java.util.Collections", "singletonMap", a)
			}
			return in.toJS(&jmap{cls: "java.util.Collections$SingletonMap", keys: []any{in.toJava(a[0])}, vals: []any{in.toJava(a[1])}})
		}),
		"emptyList": static(func([]goja.Value) goja.Value { return readOnlyList("java.util.Collections$EmptyList", nil) }),
		"singletonList": static(func(a []goja.Value) goja.Value {
			return readOnlyList("java.util.Collections$SingletonList", []any{in.toJava(arg(a, 0))})
		}),
		"emptySet": static(func([]goja.Value) goja.Value { return readOnlySet("java.util.Collections$EmptySet", nil) }),
		"singleton": static(func(a []goja.Value) goja.Value {
			return readOnlySet("java.util.Collections$SingletonSet", []any{in.toJava(arg(a, 0))})
		}),
		// journeyjs's unmodifiable collections are read-only copies, not
		// views of the collection they were made from.
		"unmodifiableList": static(func(a []goja.Value) goja.Value {
			return readOnlyList("java.util.Collections$UnmodifiableRandomAccessList", append([]any(nil), listOf(a, "unmodifiableList")...))
		}),
		"unmodifiableCollection": static(func(a []goja.Value) goja.Value {
			return readOnlyList("java.util.Collections$UnmodifiableCollection", append([]any(nil), listOf(a, "unmodifiableCollection")...))
		}),
		"unmodifiableSet": static(func(a []goja.Value) goja.Value {
			return readOnlySet("java.util.Collections$UnmodifiableSet", append([]any(nil), listOf(a, "unmodifiableSet")...))
		}),
		"sort": static(func(a []goja.Value) goja.Value {
			l := in.listArg(a, "sort")
			if len(a) > 1 && !jsvalue.IsNullish(a[1]) && len(l.items) > 1 {
				in.prohibited("jdk.proxy1.$Proxy2")
			}
			in.check(sortItems(l.items))
			return goja.Undefined()
		}),
		"reverse": static(func(a []goja.Value) goja.Value {
			l := in.listArg(a, "reverse")
			for i, j := 0, len(l.items)-1; i < j; i, j = i+1, j-1 {
				l.items[i], l.items[j] = l.items[j], l.items[i]
			}
			return goja.Undefined()
		}),
		"max": static(extreme("max", 1)),
		"min": static(extreme("min", -1)),
		"frequency": static(func(a []goja.Value) goja.Value {
			items := in.collectionArg("java.util.Collections", "frequency", a[:min(len(a), 1)])
			want, n := in.toJava(arg(a, 1)), 0
			for _, e := range items {
				if javaEquals(want, e) {
					n++
				}
			}
			return in.v(n)
		}),
	}
}

func (in *Instance) listArg(a []goja.Value, name string) *list {
	if len(a) > 0 {
		if obj, ok := a[0].(*goja.Object); ok {
			if l, ok := obj.Export().(*listObj); ok {
				if l.l.readOnly {
					in.throw(unsupported)
				}
				return l.l
			}
		}
	}
	in.noMethod("java.util.Collections", name, a)
	return nil
}

// ---- java.lang

func numberFormat(s string) *javaError {
	return &javaError{"java.lang.NumberFormatException", `For input string: "` + s + `"`}
}

// parseInteger is Integer.parseInt / Long.parseLong.
func (in *Instance) parseInteger(s string, radix, bits int) int64 {
	n, err := strconv.ParseInt(strings.TrimPrefix(s, "+"), radix, bits)
	if err != nil || s == "" || strings.HasPrefix(s, "+-") {
		in.throw(numberFormat(s))
	}
	return n
}

// integral converts an Integer/Long constructor's or valueOf's argument: a
// number is truncated, a string parsed.
func (in *Instance) integral(a []goja.Value, cls string, bits int) int64 {
	if len(a) != 1 {
		in.noMethod(cls, "valueOf", a)
	}
	if obj, ok := a[0].(*goja.Object); ok {
		if j, ok := javaOf(obj); ok {
			if s, ok := j.(string); ok {
				return in.parseInteger(s, 10, bits)
			}
		}
	}
	if isNumber(a[0]) {
		f := a[0].ToFloat()
		if math.IsNaN(f) {
			return 0
		}
		if bits == 32 {
			return int64(toInt(a[0]))
		}
		return int64(math.Max(math.Min(math.Trunc(f), math.MaxInt64), math.MinInt64))
	}
	return in.parseInteger(a[0].String(), 10, bits)
}

func (in *Instance) radix(a []goja.Value) int {
	if len(a) > 1 {
		return toInt(a[1])
	}
	return 10
}

func (in *Instance) buildLang() {
	integer := func(a []goja.Value) goja.Value { return in.toJS(int32(in.integral(a, "java.lang.Integer", 32))) }
	in.newClass("java.lang.Integer", integer, map[string]any{
		"MAX_VALUE": math.MaxInt32, "MIN_VALUE": math.MinInt32,
		"valueOf": static(integer),
		"parseInt": static(func(a []goja.Value) goja.Value {
			return in.v(in.parseInteger(arg(a, 0).String(), in.radix(a), 32))
		}),
		"toString": static(func(a []goja.Value) goja.Value { return in.str(strconv.Itoa(toInt(arg(a, 0)))) }),
		"compare": static(func(a []goja.Value) goja.Value {
			return in.v(cmp3(toInt(arg(a, 0)) < toInt(arg(a, 1)), toInt(arg(a, 0)) > toInt(arg(a, 1))))
		}),
	})
	long := func(a []goja.Value) goja.Value { return in.toJS(in.integral(a, "java.lang.Long", 64)) }
	in.newClass("java.lang.Long", long, map[string]any{
		"MAX_VALUE": float64(math.MaxInt64), "MIN_VALUE": float64(math.MinInt64),
		"valueOf": static(long),
		"parseLong": static(func(a []goja.Value) goja.Value {
			return in.v(float64(in.parseInteger(arg(a, 0).String(), in.radix(a), 64)))
		}),
		"toString": static(func(a []goja.Value) goja.Value { return in.str(strconv.FormatInt(int64(arg(a, 0).ToFloat()), 10)) }),
	})
	double := func(a []goja.Value) goja.Value {
		if len(a) != 1 {
			in.noMethod("java.lang.Double", "valueOf", a)
		}
		if isNumber(a[0]) {
			return in.toJS(a[0].ToFloat())
		}
		s := strings.TrimSpace(a[0].String())
		f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSuffix(s, "d"), "D"), 64)
		if err != nil && !strings.Contains(err.Error(), "range") {
			in.throw(numberFormat(a[0].String()))
		}
		return in.toJS(f)
	}
	in.newClass("java.lang.Double", double, map[string]any{
		"MAX_VALUE": math.MaxFloat64, "MIN_VALUE": 4.9e-324, "NaN": math.NaN(),
		"POSITIVE_INFINITY": math.Inf(1), "NEGATIVE_INFINITY": math.Inf(-1),
		"valueOf":     static(double),
		"parseDouble": static(func(a []goja.Value) goja.Value { return in.v(double(a).Export().(*boxObj).v) }),
		"toString":    static(func(a []goja.Value) goja.Value { return in.str(doubleString(arg(a, 0).ToFloat())) }),
		"isNaN":       static(func(a []goja.Value) goja.Value { return in.v(math.IsNaN(arg(a, 0).ToFloat())) }),
	})
	boolean := func(a []goja.Value) goja.Value {
		v := arg(a, 0)
		if b, ok := v.Export().(bool); ok {
			return in.toJS(b)
		}
		return in.toJS(strings.EqualFold(v.String(), "true"))
	}
	in.newClass("java.lang.Boolean", boolean, map[string]any{
		"TRUE": in.toJS(true), "FALSE": in.toJS(false),
		"valueOf":      static(boolean),
		"parseBoolean": static(func(a []goja.Value) goja.Value { return in.v(strings.EqualFold(arg(a, 0).String(), "true")) }),
	})
	str := func(a []goja.Value) goja.Value {
		if len(a) == 0 {
			return in.str("")
		}
		return in.str(javaString(in.toJava(a[0])))
	}
	in.newClass("java.lang.String", str, map[string]any{"valueOf": static(str)})
	f1 := func(f func(float64) float64) static {
		return func(a []goja.Value) goja.Value { return in.v(f(arg(a, 0).ToFloat())) }
	}
	f2 := func(f func(float64, float64) float64) static {
		return func(a []goja.Value) goja.Value { return in.v(f(arg(a, 0).ToFloat(), arg(a, 1).ToFloat())) }
	}
	in.newClass("java.lang.Math", nil, map[string]any{
		"PI": math.Pi, "E": math.E,
		"abs": f1(math.Abs), "floor": f1(math.Floor), "ceil": f1(math.Ceil), "sqrt": f1(math.Sqrt),
		"round": f1(func(x float64) float64 { return math.Floor(x + 0.5) }),
		"max":   f2(math.Max), "min": f2(math.Min), "pow": f2(math.Pow),
	})
}

// boxMethods are the methods of a wrapped Java String, Double, Integer, Long
// or Boolean. valueOf gives the JavaScript primitive, so `+`, `==` and
// arithmetic see the value, as Rhino's getDefaultValue does.
func (in *Instance) boxMethods(cls string) map[string]method {
	prim := func(this any) goja.Value {
		switch x := this.(type) {
		case int32:
			return in.v(int64(x))
		case int64:
			return in.v(float64(x))
		}
		return in.v(this)
	}
	num := func(this any) float64 {
		switch x := this.(type) {
		case int32:
			return float64(x)
		case int64:
			return float64(x)
		case float64:
			return x
		}
		return math.NaN()
	}
	ms := map[string]method{
		"valueOf": func(this any, _ []goja.Value) goja.Value { return prim(this) },
		"compareTo": func(this any, a []goja.Value) goja.Value {
			c, err := javaCompare(this, in.toJava(arg(a, 0)))
			in.check(err)
			return in.v(c)
		},
	}
	switch cls {
	case "java.lang.String":
		s := func(this any) string { return this.(string) }
		sarg := func(a []goja.Value, i int) string { return javaString(in.toJava(arg(a, i))) }
		units := func(this any) []uint16 { return []uint16(utf16Of(s(this))) }
		ms["length"] = func(this any, _ []goja.Value) goja.Value { return in.v(len(units(this))) }
		ms["isEmpty"] = func(this any, _ []goja.Value) goja.Value { return in.v(s(this) == "") }
		ms["toUpperCase"] = func(this any, _ []goja.Value) goja.Value { return in.str(strings.ToUpper(s(this))) }
		ms["toLowerCase"] = func(this any, _ []goja.Value) goja.Value { return in.str(strings.ToLower(s(this))) }
		ms["trim"] = func(this any, _ []goja.Value) goja.Value {
			return in.str(strings.TrimFunc(s(this), func(r rune) bool { return r <= ' ' }))
		}
		ms["equalsIgnoreCase"] = func(this any, a []goja.Value) goja.Value { return in.v(strings.EqualFold(s(this), sarg(a, 0))) }
		ms["contains"] = func(this any, a []goja.Value) goja.Value { return in.v(strings.Contains(s(this), sarg(a, 0))) }
		ms["startsWith"] = func(this any, a []goja.Value) goja.Value { return in.v(strings.HasPrefix(s(this), sarg(a, 0))) }
		ms["endsWith"] = func(this any, a []goja.Value) goja.Value { return in.v(strings.HasSuffix(s(this), sarg(a, 0))) }
		ms["concat"] = func(this any, a []goja.Value) goja.Value { return in.str(s(this) + sarg(a, 0)) }
		ms["charAt"] = func(this any, a []goja.Value) goja.Value {
			u, i := units(this), toInt(arg(a, 0))
			if i < 0 || i >= len(u) {
				in.throw(&javaError{"java.lang.StringIndexOutOfBoundsException", "Index " + strconv.Itoa(i) + " out of bounds for length " + strconv.Itoa(len(u))})
			}
			return in.v(int64(u[i])) // a char reaches JavaScript as a number
		}
	case "java.lang.Boolean":
		ms["booleanValue"] = func(this any, _ []goja.Value) goja.Value { return in.v(this) }
	default:
		ms["intValue"] = func(this any, _ []goja.Value) goja.Value { return in.v(int64(int32(int64(num(this))))) }
		ms["longValue"] = func(this any, _ []goja.Value) goja.Value { return in.v(float64(int64(num(this)))) }
		ms["doubleValue"] = func(this any, _ []goja.Value) goja.Value { return in.v(num(this)) }
		ms["isNaN"] = func(this any, _ []goja.Value) goja.Value { return in.v(math.IsNaN(num(this))) }
	}
	return ms
}

func utf16Of(s string) []uint16 {
	var out []uint16
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			out = append(out, uint16(0xd800+(r>>10)), uint16(0xdc00+(r&0x3ff)))
			continue
		}
		out = append(out, uint16(r))
	}
	return out
}
