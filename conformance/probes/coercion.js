// typeof, equality and coercions.

// probe: typeof-primitives
// result: [typeof 1, typeof "", typeof true, typeof undefined, typeof null, typeof {}, typeof [], typeof function () {}].join()

// probe: typeof-undeclared
// result: typeof notDeclaredAnywhere

// probe: typeof-regexp
// result: typeof /x/

// probe: typeof-boxed
// result: typeof new Number(1) + "," + typeof Object("s")

// probe: loose-equality
// result: [null == undefined, null == 0, "" == 0, "0" == false, NaN == NaN, [] == "", "1" == 1].join()

// probe: strict-equality
// result: [null === undefined, 1 === 1.0, "a" === "a"].join()

// probe: plus-string-number
// result: [1 + "2", "3" - 1, "3" * "4", true + 1, null + 1, undefined + 1].join()

// probe: plus-object
// result: [[] + [], [] + {}, ({}) + "", [1] + [2]].join("|")

// probe: unary-plus
// result: [+"", +" 42 ", +"4x", +[], +[5], +{}, +null, +undefined, +true].join()

// probe: tostring-number-forms
// result: [String(1e21), String(1.5e-7), String(100), String(0.1 * 3)].join()

// probe: boolean-coercion
// result: [!!"", !!"0", !![], !!{}, !!NaN, !!-0, !!new Boolean(false)].join()

// probe: comparison-coercion
// result: [null >= 0, undefined >= 0, "b" > "a", "2" > "12", 2 > "12"].join()

// probe: object-to-primitive-order
// result: log.join() + ":" + r
var log = []; var o = {valueOf: function () { log.push("v"); return 1; }, toString: function () { log.push("s"); return "2"; }};
var r = o + "";

// probe: date-to-primitive
// result: typeof (new Date(0) + 0) + "," + typeof (new Date(0) - 0)

// probe: array-index-coercion
// result: a["01"] + "," + a[1]
var a = [0, 1];

// probe: in-operator
// result: ("a" in {a: 1}) + "," + (0 in [5]) + "," + ("length" in [])

// probe: void-comma
// result: (void 0) + "," + (1, 2)

// probe: string-number-key
// result: JSON.stringify(o)
var o = {}; o[1] = "a"; o["1"] = "b"; o[1.5] = "c";

// probe: nullish-coalescing
// result: null ?? "d"

// probe: optional-chaining
// result: o?.a?.b
var o = null;

// probe: logical-assignment
// result: a
var a = null; a ||= 5;

// probe: java-string-concat
// result: typeof ("a" + 1) + "," + ("a" + 1).length

// probe: number-to-string-concat-float
// result: "v" + 1.0 + "," + (10 / 4)

// probe: switch-on-boolean-string
// result: String(true) === "true"

// probe: instanceof-primitive
// result: ("s" instanceof String) + "," + (new String("s") instanceof String)

// probe: delete-result
// result: [delete o.a, delete o.nope, "a" in o].join()
var o = {a: 1};

// probe: comma-in-for
// result: i + j
for (var i = 0, j = 10; i < 3; i++, j--) {}

// probe: exponent-coercion
// result: "2" * "3e1"

// probe: increment-string
// result: typeof s + s
var s = "5"; s++;

// probe: date-compare
// result: (new Date(1) < new Date(2)) + "," + (new Date(1) == new Date(1))

// probe: get-set-keyword-names
// result: o.get + o.set + o.new + o.class
var o = {get: 1, set: 2, new: 3, class: 4};

// probe: reserved-word-property
// result: o.default + o.delete
var o = {}; o.default = "d"; o.delete = "x";
