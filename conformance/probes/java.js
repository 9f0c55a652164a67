// The Java allow-list of next-generation scripts (spec §1).

// probe: arraylist
// result: String(l) + "," + l.size() + "," + l.get(0)
var l = new java.util.ArrayList(); l.add("a"); l.add(1);

// probe: arraylist-index-length
// result: l[0] + "," + l.length
var l = new java.util.ArrayList(); l.add("a");

// probe: arraylist-js-methods
// result: typeof l.map + "," + typeof l.includes
var l = new java.util.ArrayList();

// probe: hashset
// result: s.size() + "," + s.contains("x")
var s = new java.util.HashSet(); s.add("x"); s.add("x");

// probe: hashmap-blocked
// messages: match
var m = new java.util.HashMap();

// probe: linkedhashmap-blocked
// messages: match
var m = new java.util.LinkedHashMap();

// probe: treemap-blocked
// messages: match
var m = new java.util.TreeMap();

// probe: runtime-exception-blocked
// messages: match
throw new java.lang.RuntimeException("x");

// probe: system-blocked
// messages: match
java.lang.System.exit(0);

// probe: integer-valueof
// result: String(java.lang.Integer.valueOf(5)) + "," + typeof java.lang.Integer.valueOf(5)

// probe: long-constructor
// result: String(new java.lang.Long(7))

// probe: java-string
// result: typeof new java.lang.String("x") + "," + (new java.lang.String("x") == "x")

// probe: collections-emptymap
// result: java.util.Collections.emptyMap().size()

// probe: collections-singletonmap
// result: java.util.Collections.singletonMap("k", "v").get("k")

// probe: map-property-access
// result: m.k + "," + m.get("k")
var m = java.util.Collections.singletonMap("k", "v");

// probe: javaimporter-with
// result: typeof ArrayList
var imp = new JavaImporter(java.util);
with (imp) { var l = new ArrayList(); }

// probe: javaimporter-blocked-class
// messages: match
var imp = JavaImporter(java.util.HashMap);

// probe: java-package-typeof
// result: typeof java.util + "," + String(java.util)

// probe: packages-root
// result: String(Packages.java.util.ArrayList)

// probe: treeset-sorted
// result: String(t)
var t = new java.util.TreeSet(); t.add("b"); t.add("a");

// probe: arraylist-for-in
// result: ks.join()
var l = new java.util.ArrayList(); l.add("a"); l.add("b");
var ks = []; for (var k in l) { ks.push(k); }

// probe: arraylist-for-each
// result: s
var l = new java.util.ArrayList(); l.add("a"); l.add("b");
var s = ""; for each (var v in l) { s += v; }

// probe: number-into-java
// result: String(l)
var l = new java.util.ArrayList(); l.add(1); l.add(1.5); l.add(true);

// probe: json-stringify-java-list
// result: JSON.stringify({l: l})
var l = new java.util.ArrayList(); l.add("a");

// probe: getclass-blocked
// result: typeof "x".getClass

// probe: get-wraps
// note: a String or number a Java method returns as Object is a wrapped Java object
// result: [typeof l.get(0), l.get(0) === "a", l.get(0) == "a", typeof l.get(1), l.get(1) + 1, String(l.get(1)), typeof l[0], typeof l.size(), l.add("z")].join()
var l = new java.util.ArrayList(); l.add("a"); l.add(1);

// probe: canon-list
// result: l
var l = new java.util.ArrayList(); l.add("a");

// probe: class-tags
// result: [Object.prototype.toString.call(l), Object.prototype.toString.call(new java.util.HashSet()), Object.prototype.toString.call(java.util), Object.prototype.toString.call(java.lang.Integer.valueOf(1)), typeof java.util.ArrayList, typeof java, String(java), String(java.util.HashMap)].join(";")
var l = new java.util.ArrayList();

// probe: java-double-tostring
// result: String(l)
var l = new java.util.ArrayList(); l.add(-0); l.add(NaN); l.add(1e21); l.add(0.1); l.add(100); l.add(1e7); l.add(12345678.9); l.add(null); l.add(undefined); l.add({a: 1});

// probe: remove-overloads
// result: String(l) + "|" + r1 + "|" + r2 + "|" + typeof r1
var l = new java.util.ArrayList(); l.add("a"); l.add("b"); l.add("c"); l.add(2); var r1 = l.remove(0); var r2 = l.remove("c");

// probe: list-methods
// result: out.join("|")
var l = new java.util.ArrayList(); l.add("b"); l.add("a"); l.add(0, "c");
var out = [String(l), l.set(1, "x"), String(l), l.indexOf("a"), l.lastIndexOf("q"), l.contains("a"), l.isEmpty(), l.toArray().length, String(new java.util.ArrayList(l)), l.equals(new java.util.ArrayList(l)), l == new java.util.ArrayList(l)];

// probe: list-from-array
// result: String(l) + l.size() + new java.util.ArrayList(5).size()
var l = new java.util.ArrayList([1, 2]);

// probe: list-index-assign
// result: String(l) + l.length
var l = new java.util.ArrayList(); l.add("a"); l[0] = "b"; l[1] = "c";

// probe: list-sort
// result: String(l) + String(m)
var l = new java.util.ArrayList(); l.add("b"); l.add("a"); l.sort(null);
var m = new java.util.ArrayList(); m.add("d"); m.add("c"); java.util.Collections.sort(m);

// probe: list-instanceof
// result: [l instanceof java.util.ArrayList, l instanceof java.util.LinkedList, l instanceof Object, l.length, l[5]].join()
var l = new java.util.ArrayList(); l.add(1);

// probe: linkedlist
// result: [String(l), l.getFirst(), l.getLast(), l.removeFirst(), String(l), l.peek(), l.poll(), String(l)].join("|")
var l = new java.util.LinkedList(); l.add("a"); l.add("b"); l.addFirst("z"); l.push("p");

// probe: hashset-order
// note: HashSet iterates in Java's bucket order
// result: String(s)
var s = new java.util.HashSet(); var w = ["banana","apple","cherry","zeta","alpha","mail","givenName","sn","telephoneNumber","cn","uid", "x", "y", "Z"]; for (var i = 0; i < w.length; i++) s.add(w[i]);

// probe: hashset-order-numbers
// result: String(s)
var s = new java.util.HashSet(); s.add(3); s.add(1); s.add(20); s.add(-1); s.add(0.5); s.add("q"); s.add(true);

// probe: hashset-iterator
// note: HashMap$KeyIterator is on the allow-list
// result: out + typeof s.iterator().next()
var s = new java.util.HashSet(); s.add("a"); s.add("b"); var it = s.iterator(); var out = ""; while (it.hasNext()) out += it.next();

// probe: linkedhashset
// result: String(s) + s.remove("b") + s.remove("q") + String(s)
var s = new java.util.LinkedHashSet(); s.add("c"); s.add("a"); s.add("b"); s.add("a");

// probe: treeset-numbers
// result: String(t) + t.first() + t.last()
var t = new java.util.TreeSet(); t.add(10); t.add(2); t.add(-1);

// probe: map-java-access
// result: [ks.join(), typeof m.k, String(m), m.size(), m.containsKey("k"), String(m.keySet()), String(java.util.Collections.emptyMap()), m.get("x")].join("|")
var m = java.util.Collections.singletonMap("k", "v"); var ks = []; for (var k in m) ks.push(k);

// probe: collections-more
// result: [String(java.util.Collections.emptyList()), String(java.util.Collections.singletonList("a")), String(java.util.Collections.emptySet()), String(java.util.Collections.unmodifiableList(l)), java.util.Collections.max(l), String(java.util.Collections.singleton(1))].join("|")
var l = new java.util.ArrayList(); l.add("a"); l.add("b");

// probe: integer-long
// result: [java.lang.Integer.parseInt("42"), typeof java.lang.Integer.parseInt("42"), java.lang.Integer.MAX_VALUE, java.lang.Integer.MIN_VALUE, new java.lang.Integer(5) + 1, new java.lang.Integer(5) == 5, new java.lang.Integer(5) === 5, java.lang.Integer.valueOf("7"), java.lang.Integer.valueOf(5).intValue(), String(java.lang.Integer.valueOf(5.7)), java.lang.Long.MAX_VALUE, java.lang.Long.parseLong("123"), String(java.lang.Integer), typeof java.lang.Integer.toString(3)].join("|")

// probe: java-false-is-truthy
// result: (x.get(0) ? "T" : "F") + (x.get(0) == false)
var x = new java.util.ArrayList(); x.add(false);

// probe: java-string-methods
// result: [typeof s, s.length(), s + "y", s.equals("x"), s.toUpperCase(), typeof s.toUpperCase(), s.charAt(0)].join("|")
var s = new java.lang.String("x");

// probe: json-stringify-java
// result: JSON.stringify({s: s, l: l, m: java.util.Collections.singletonMap("k", 1), i: java.lang.Integer.valueOf(5), n: l2})
var s = new java.util.HashSet(); s.add("a"); s.add(2); var l = new java.util.LinkedList(); l.add(1); l.add(true); l.add(null); var l2 = new java.util.ArrayList(); l2.add(l);

// probe: javaimporter-members
// result: [typeof imp.ArrayList, String(imp.ArrayList), typeof imp.HashMap, String(imp), typeof JavaImporter, r].join("|")
var imp = new JavaImporter(java.util); var r; with (imp) { r = String(new ArrayList()); }

// probe: javaimporter-with-blocked
var imp = new JavaImporter(java.util); with (imp) { var m = new HashMap(); }

// probe: call-blocked-class
// messages: match
java.util.HashMap();

// probe: java-errors-caught
// note: a Java exception reaches a script as an InternalError with the exception's message
// result: out.join("|")
var out = []; function t(f) { try { f(); out.push("no error"); } catch (e) { out.push(e.name + ":" + e.message); } }
t(function () { new java.util.ArrayList().get(3); });
t(function () { new java.util.ArrayList().add(3, "x"); });
t(function () { new java.util.ArrayList().add(1, 2, 3); });
t(function () { new java.util.ArrayList().iterator(); });
t(function () { new java.util.ArrayList().subList(0, 0); });
t(function () { new java.util.TreeSet().iterator(); });
t(function () { new java.util.LinkedHashSet().iterator(); });
t(function () { new java.util.LinkedList().iterator(); });
t(function () { new java.util.HashSet().iterator().next(); });
t(function () { java.util.Collections.emptyList().add("x"); });
t(function () { java.util.Collections.singletonMap("a", 1).put("b", 2); });
t(function () { java.lang.Integer.parseInt("x"); });
t(function () { var s = new java.util.TreeSet(); s.add(10); s.add("a"); });
t(function () { var s = new java.util.TreeSet(); s.add(null); });

// probe: foreach-refused
// note: a JavaScript function passed as a Java interface is a proxy class the allow-list refuses when it is called
// result: out.join("|")
var out = []; var l = new java.util.ArrayList(); l.forEach(function () {}); out.push("empty ok");
l.add(1); try { l.forEach(function () {}); } catch (e) { out.push(e.name); }
