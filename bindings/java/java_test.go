package java_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/java"
	"github.com/journeyjs/journeyjs/bindings/nodestate"
)

func run(t *testing.T) *bindingtest.Runtime {
	return bindingtest.New(t, java.Binding, java.Importer).Begin(bindings.Backends{})
}

func TestListSmoke(t *testing.T) {
	r := run(t)
	assert.Equal(t, "[a, 1.0]", r.MustRun(`var l = new java.util.ArrayList(); l.add("a"); l.add(1); String(l)`).String())
}

func TestJavaCollectionsEnterNodeStateAsJSON(t *testing.T) {
	r := bindingtest.New(t, java.Binding, nodestate.Binding).Begin(bindings.Backends{})
	r.MustRun(`var l = new java.util.ArrayList(); l.add("a"); l.add(1); l.add(1.5);
		var s = new java.util.TreeSet(); s.add("b"); s.add("a");
		nodeState.putShared("l", l); nodeState.putShared("s", s);
		nodeState.putShared("m", java.util.Collections.singletonMap("k", java.lang.Integer.valueOf(5)));
		nodeState.putShared("o", {nested: l})`)
	assert.Equal(t, []any{"a", int64(1), 1.5}, r.State.Shared()["l"])
	assert.Equal(t, []any{"a", "b"}, r.State.Shared()["s"])
	assert.Equal(t, map[string]any{"k": int64(5)}, r.State.Shared()["m"])
	assert.Equal(t, map[string]any{"nested": []any{"a", int64(1), 1.5}}, r.State.Shared()["o"])
}

// Each script's last expression is compared as a string; the answers are
// the Rhino oracle's (make conformance).
func TestJavaAsRhinoAnswers(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"list toString", `var l = new java.util.ArrayList(); l.add("a"); l.add(1); String(l) + "," + l.size() + "," + l.get(0)`, "[a, 1.0],2,a"},
		{"numbers enter as Double", `var l = new java.util.ArrayList(); l.add(1); l.add(1.5); l.add(true); l.add(-0); l.add(NaN); l.add(1e21); l.add(100); l.add(1e7); l.add(12345678.9); l.add(null); l.add(undefined); l.add({a: 1}); String(l)`,
			"[1.0, 1.5, true, -0.0, NaN, 1.0E21, 100.0, 1.0E7, 1.23456789E7, null, undefined, [object Object]]"},
		{"get wraps", `var l = new java.util.ArrayList(); l.add("a"); l.add(1); [typeof l.get(0), l.get(0) === "a", l.get(0) == "a", typeof l.get(1), l.get(1) + 1, String(l.get(1)), typeof l[0], l[0] === "a", typeof l.size(), l.add("z")].join()`,
			"object,false,true,object,2,1.0,object,false,number,true"},
		{"index and length", `var l = new java.util.ArrayList(); l.add("a"); l[0] = "b"; l[1] = "c"; String(l) + l.length + l[0]`, "[b, c]2b"},
		{"for in", `var l = new java.util.ArrayList(); l.add("a"); l.add("b"); var ks = []; for (var k in l) ks.push(k); ks.join()`, "0,1"},
		{"class tags", `var l = new java.util.ArrayList(); [Object.prototype.toString.call(l), Object.prototype.toString.call(new java.util.HashSet()), Object.prototype.toString.call(java.util), Object.prototype.toString.call(java.lang.Integer.valueOf(1)), typeof java.util.ArrayList, typeof java, String(java), String(java.util.HashMap), String(java.util.ArrayList)].join(";")`,
			"[object JavaList];[object JavaObject];[object JavaPackage];[object JavaObject];function;object;[JavaPackage java];[JavaPackage java.util.HashMap];[JavaClass java.util.ArrayList]"},
		{"remove overloads", `var l = new java.util.ArrayList(); l.add("a"); l.add("b"); l.add("c"); l.add(2); var r1 = l.remove(0); var r2 = l.remove("c"); String(l) + "|" + r1 + "|" + r2 + "|" + typeof r1`, "[b, 2.0]|a|true|object"},
		{"list methods", `var l = new java.util.ArrayList(); l.add("b"); l.add("a"); l.add(0, "c"); [String(l), l.set(1, "x"), String(l), l.indexOf("a"), l.lastIndexOf("q"), l.contains("a"), l.isEmpty(), l.toArray().length, String(new java.util.ArrayList(l)), l.equals(new java.util.ArrayList(l)), l == new java.util.ArrayList(l)].join("|")`,
			"[c, b, a]|b|[c, x, a]|2|-1|true|false|3|[c, x, a]|true|false"},
		{"addAll clear", `var l = new java.util.ArrayList(); l.add(1); var l2 = new java.util.ArrayList([1, 2]); l2.addAll(l); var s = String(l2); l2.clear(); s + l2.size() + new java.util.ArrayList(5).size()`, "[1.0, 2.0, 1.0]00"},
		{"sort", `var l = new java.util.ArrayList(); l.add("b"); l.add("a"); l.sort(null); var m = new java.util.ArrayList(); m.add("d"); m.add("c"); java.util.Collections.sort(m); String(l) + String(m)`, "[a, b][c, d]"},
		{"instanceof", `var l = new java.util.ArrayList(); l.add(1); [l instanceof java.util.ArrayList, l instanceof java.util.LinkedList, l instanceof Object, typeof l, l.length, l[5]].join()`, "true,false,false,object,1,"},
		{"linked list", `var l = new java.util.LinkedList(); l.add("a"); l.add("b"); l.addFirst("z"); l.push("p"); [String(l), l.getFirst(), l.getLast(), l.removeFirst(), String(l), l.peek(), l.poll(), String(l), l[0] + l.length].join("|")`, "[p, z, a, b]|p|b|p|[z, a, b]|z|z|[a, b]|a2"},
		{"hash set order", `var s = new java.util.HashSet(); var w = ["banana","apple","cherry","zeta","alpha","mail","givenName","sn","telephoneNumber","cn","uid", "x", "y", "Z"]; for (var i = 0; i < w.length; i++) s.add(w[i]); String(s)`,
			"[banana, zeta, cherry, telephoneNumber, mail, givenName, cn, apple, uid, alpha, x, y, Z, sn]"},
		{"hash set numbers", `var s = new java.util.HashSet(); s.add(3); s.add(1); s.add(20); s.add(-1); s.add(0.5); s.add("q"); s.add(true); String(s)`, "[1.0, -1.0, 0.5, q, 20.0, 3.0, true]"},
		{"hash set", `var s = new java.util.HashSet(); s.add("x"); s.add("x"); s.size() + "," + s.contains("x")`, "1,true"},
		{"hash set iterator", `var hs = new java.util.HashSet(); hs.add("a"); hs.add("b"); var it = hs.iterator(); var s = ""; while (it.hasNext()) s += it.next(); s + typeof hs.iterator().next()`, "abobject"},
		{"linked set", `var s = new java.util.LinkedHashSet(); s.add("c"); s.add("a"); s.add("b"); s.add("a"); String(s) + s.remove("b") + s.remove("q") + String(s)`, "[c, a, b]truefalse[c, a]"},
		{"tree set", `var t = new java.util.TreeSet(); t.add(10); t.add(2); t.add(-1); var u = new java.util.TreeSet(); u.add("b"); u.add("a"); String(t) + t.first() + t.last() + String(u)`, "[-1.0, 2.0, 10.0]-110[a, b]"},
		{"map", `var m = java.util.Collections.singletonMap("k", "v"); var ks = []; for (var k in m) ks.push(k); [ks.join(), typeof m.k, m.k, m.get("k"), String(m), m.size(), m.containsKey("k"), String(m.keySet()), String(java.util.Collections.emptyMap()), java.util.Collections.emptyMap().size(), m.get("x")].join("|")`,
			"k|object|v|v|{k=v}|1|true|[k]|{}|0|"},
		{"collections", `var l = new java.util.ArrayList(); l.add("a"); l.add("b"); [String(java.util.Collections.emptyList()), String(java.util.Collections.singletonList("a")), String(java.util.Collections.emptySet()), String(java.util.Collections.unmodifiableList(l)), java.util.Collections.max(l), String(java.util.Collections.singleton(1))].join("|")`,
			"[]|[a]|[]|[a, b]|b|[1.0]"},
		{"integer", `[java.lang.Integer.parseInt("42"), typeof java.lang.Integer.parseInt("42"), java.lang.Integer.MAX_VALUE, java.lang.Integer.MIN_VALUE, new java.lang.Integer(5) + 1, new java.lang.Integer(5) == 5, new java.lang.Integer(5) === 5, java.lang.Integer.valueOf("7"), java.lang.Integer.valueOf(5).intValue(), typeof java.lang.Integer.valueOf(5), String(java.lang.Integer.valueOf(5.7)), java.lang.Long.MAX_VALUE, java.lang.Long.parseLong("123"), String(new java.lang.Long(7)), typeof java.lang.Integer.toString(3), String(java.lang.Integer)].join("|")`,
			"42|number|2147483647|-2147483648|6|true|false|7|5|object|5|9223372036854776000|123|7|object|[JavaClass java.lang.Integer]"},
		// Rhino's == compares two wrapped Java objects by reference (true for
		// Integer.valueOf(5) twice, from Java's cache); goja's compares
		// the wrappers: journeyjs answers false.
		{"box equality", `java.lang.Integer.valueOf(5).equals(5) + "," + java.lang.Integer.valueOf(5).equals(java.lang.Integer.valueOf(5))`, "false,true"},
		{"false is truthy", `var x = new java.util.ArrayList(); x.add(false); (x.get(0) ? "T" : "F") + (x.get(0) == false)`, "Ttrue"},
		{"java string", `var s = new java.lang.String("x"); [typeof s, s == "x", s.length(), s + "y", s.equals("x"), s.toUpperCase(), typeof s.toUpperCase(), s.charAt(0)].join("|")`, "object|true|1|xy|true|X|object|120"},
		{"json", `var s = new java.util.HashSet(); s.add("a"); s.add(2); var l = new java.util.LinkedList(); l.add(1); l.add(true); l.add(null); var l2 = new java.util.ArrayList(); l2.add(l); JSON.stringify({s: s, l: l, m: java.util.Collections.singletonMap("k", 1), i: java.lang.Integer.valueOf(5), n: l2})`,
			`{"s":[2,"a"],"l":[1,true,null],"m":{"k":1},"i":5,"n":[[1,true,null]]}`},
		{"importer", `var imp = new JavaImporter(java.util); var r = [typeof imp.ArrayList, String(imp.ArrayList), typeof imp.HashMap, String(imp), typeof JavaImporter]; with (imp) { r.push(String(new ArrayList())); } r.join("|")`,
			"function|[JavaClass java.util.ArrayList]|undefined|[object JavaImporter]|function|[]"},
		{"importer class", `var imp = JavaImporter(java.util.ArrayList, java.util.HashMap); typeof imp.ArrayList + typeof imp.HashSet`, "functionundefined"},
		{"math", `java.lang.Math.max(1, 2)`, "2"},
	}
	r := run(t)
	for _, c := range cases {
		v, err := r.RunScript(c.src)
		if assert.NoError(t, err, c.name) {
			assert.Equal(t, c.want, v.String(), c.name)
		}
	}
}

// Errors: Rhino's TypeErrors for package objects; a Java exception reaches
// a script as an InternalError carrying the exception's message.
func TestJavaErrorsAsRhinoGivesThem(t *testing.T) {
	cases := []struct{ src, want string }{
		{`new java.util.HashMap()`, "TypeError: [JavaPackage java.util.HashMap] is not a function, it is object."},
		{`new java.util.LinkedHashMap()`, "TypeError: [JavaPackage java.util.LinkedHashMap] is not a function, it is object."},
		{`new java.util.TreeMap()`, "TypeError: [JavaPackage java.util.TreeMap] is not a function, it is object."},
		{`new java.lang.RuntimeException("x")`, "TypeError: [JavaPackage java.lang.RuntimeException] is not a function, it is object."},
		{`java.lang.System.exit(0)`, `TypeError: Cannot call property exit in object [JavaPackage java.lang.System]. It is not a function, it is "object".`},
		{`java.util.HashMap()`, `TypeError: Cannot call property HashMap in object [JavaPackage java.util]. It is not a function, it is "object".`},
		{`new java.util.ArrayList().get(3)`, "InternalError: Index 3 out of bounds for length 0"},
		{`new java.util.ArrayList().add(3, "x")`, "InternalError: Index: 3, Size: 0"},
		{`new java.util.ArrayList().add(1, 2, 3)`, "InternalError: Can't find method java.util.ArrayList.add(number,number,number)."},
		{`new java.util.ArrayList().iterator()`, `InternalError: Access to Java class "java.util.ArrayList$Itr" is prohibited.`},
		{`var l = new java.util.ArrayList(); l.add(1); l.forEach(function () {})`, `InternalError: Access to Java class "jdk.proxy1.$Proxy2" is prohibited.`},
		{`new java.util.ArrayList().subList(0, 0)`, `InternalError: Access to Java class "java.util.ArrayList$SubList" is prohibited.`},
		{`new java.util.TreeSet().iterator()`, `InternalError: Access to Java class "java.util.TreeMap$KeyIterator" is prohibited.`},
		{`new java.util.LinkedHashSet().iterator()`, `InternalError: Access to Java class "java.util.LinkedHashMap$LinkedKeyIterator" is prohibited.`},
		{`new java.util.HashSet().iterator().next()`, "InternalError: null"},
		{`java.util.Collections.emptyList().add("x")`, "InternalError: null"},
		{`java.util.Collections.singletonMap("a", 1).put("b", 2)`, "InternalError: null"},
		{`java.lang.Integer.parseInt("x")`, `InternalError: For input string: "x"`},
		{`java.lang.Integer.valueOf("1.5")`, `InternalError: For input string: "1.5"`},
		{`var t = new java.util.TreeSet(); t.add(10); t.add("a")`, "InternalError: class java.lang.Double cannot be cast to class java.lang.String (java.lang.Double and java.lang.String are in module java.base of loader 'bootstrap')"},
		{`var t = new java.util.TreeSet(); t.add(null)`, `InternalError: Cannot invoke "java.lang.Comparable.compareTo(Object)" because "k1" is null`},
		{`var t = new java.util.TreeSet(); t.add({})`, "InternalError: class org.mozilla.javascript.NativeObject cannot be cast to class java.lang.Comparable (org.mozilla.javascript.NativeObject is in unnamed module of loader 'app'; java.lang.Comparable is in module java.base of loader 'bootstrap')"},
	}
	r := run(t)
	for _, c := range cases {
		v, err := r.RunScript(`var out; try { ` + c.src + `; out = "no error"; } catch (e) { out = e.name + ": " + e.message; } out`)
		if assert.NoError(t, err, c.src) {
			assert.Equal(t, c.want, v.String(), c.src)
		}
	}
}

// The objects a script can reach are frozen or answer for themselves: one
// run cannot change Java for the next.
func TestJavaCannotBeTamperedWith(t *testing.T) {
	r := run(t)
	r.MustRun(`java.util.ArrayList = null; java.lang.Integer.MAX_VALUE = 1;
		try { Object.getPrototypeOf(new java.util.ArrayList()).x = 1; } catch (e) {}
		try { new java.util.ArrayList().add.x = 1; } catch (e) {}`)
	assert.Equal(t, "[JavaClass java.util.ArrayList],2147483647,,",
		r.MustRun(`[String(java.util.ArrayList), java.lang.Integer.MAX_VALUE, Object.getPrototypeOf(new java.util.ArrayList()).x, new java.util.ArrayList().add.x].join()`).String())
}
