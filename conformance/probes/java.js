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
