// Array methods, ES5 and ES2015+.

// probe: includes
// result: [1, 2, NaN].includes(NaN) + "," + [1, 2].includes(3)

// probe: indexof-nan
// result: [NaN].indexOf(NaN)

// probe: find-findindex
// result: [5, 12, 8].find(function (x) { return x > 6; }) + "," + [5, 12, 8].findIndex(function (x) { return x > 6; })

// probe: findlast
// result: [1, 2, 3].findLast(function (x) { return x < 3; })

// probe: fill
// result: new Array(3).fill(0).join() + "," + [1, 2, 3, 4].fill(9, 1, 3).join()

// probe: array-from-length
// result: Array.from({length: 3}, function (_, i) { return i * i; }).join()

// probe: array-from-string
// result: Array.from("abc").join("|")

// probe: array-of
// result: Array.of(7).length + "," + Array(7).length

// probe: flat
// result: [1, [2, [3, [4]]]].flat(2).join("|")

// probe: flatmap
// result: [1, 2].flatMap(function (x) { return [x, x * 10]; }).join()

// probe: copywithin
// result: [1, 2, 3, 4, 5].copyWithin(0, 3).join()

// probe: entries-keys-values
// result: typeof [].keys + "," + typeof [].values + "," + typeof [].entries

// probe: map-filter-reduce
// result: [1, 2, 3, 4].map(function (x) { return x * 2; }).filter(function (x) { return x > 2; }).reduce(function (a, b) { return a + b; }, 0)

// probe: reduce-empty
// result: [].reduce(function (a, b) { return a + b; })

// probe: reduceright
// result: ["a", "b", "c"].reduceRight(function (a, b) { return a + b; })

// probe: some-every
// result: [1, 2].some(function (x) { return x > 1; }) + "," + [].every(function () { return false; })

// probe: sort-default
// result: [10, 9, 1, 100].sort().join()

// probe: sort-numeric
// result: [10, 9, 1, 100].sort(function (a, b) { return a - b; }).join()

// probe: sort-stable
// result: a.sort(function (x, y) { return x.k - y.k; }).map(function (x) { return x.v; }).join("")
var a = [{k: 1, v: "a"}, {k: 0, v: "b"}, {k: 1, v: "c"}, {k: 0, v: "d"}, {k: 1, v: "e"}, {k: 0, v: "f"}, {k: 1, v: "g"}, {k: 0, v: "h"}, {k: 1, v: "i"}, {k: 0, v: "j"}, {k: 1, v: "k"}, {k: 0, v: "l"}];

// probe: sort-undefined-last
// result: [3, undefined, 1].sort().join()

// probe: sort-boolean-comparator
// result: [3, 1, 2].sort(function (a, b) { return a > b; }).join()

// probe: splice
// result: r.join() + "|" + a.join()
var a = [1, 2, 3, 4]; var r = a.splice(1, 2, "x");

// probe: splice-one-arg
// result: a.join()
var a = [1, 2, 3]; a.splice(1);

// probe: slice-negative
// result: [1, 2, 3, 4].slice(-2).join()

// probe: concat-nested
// result: [1].concat([2, [3]], 4).length

// probe: join-null-undefined
// result: [null, undefined, 1].join("-")

// probe: tostring-nested
// result: String([1, [2, 3]])

// probe: length-assign
// result: a.join() + a.length
var a = [1, 2, 3]; a.length = 1;

// probe: holes-map
// result: [1, , 3].map(function (x) { return x * 2; }).length

// probe: holes-foreach-count
// result: n
var n = 0; [1, , 3].forEach(function () { n++; });

// probe: isarray
// result: Array.isArray([]) + "," + Array.isArray({length: 0})

// probe: reverse
// result: [1, 2, 3].reverse().join()

// probe: push-return
// result: [].push(1, 2)

// probe: unshift-return
// result: [1].unshift(0)

// probe: lastindexof
// result: [1, 2, 1].lastIndexOf(1)

// probe: at
// result: [1, 2, 3].at(-1)

// probe: array-like-call
// result: Array.prototype.map.call("ab", function (c) { return c + c; }).join()

// probe: arguments-to-array
// result: f(1, 2, 3)
function f() { return Array.prototype.slice.call(arguments, 1).join(); }

// probe: array-constructor-single
// result: new Array("3").length + "," + new Array(3).length

// probe: array-length-invalid
// result: new Array(-1)

// probe: sparse-length
// result: a.length
var a = []; a[100] = 1;

// probe: toSorted
// result: typeof [].toSorted

// probe: array-equality
// result: ([1] == 1) + "," + ([] == false) + "," + ([1, 2] == "1,2")

// probe: for-in-after-push
// result: Object.keys(a).join()
var a = ["x"]; a.push("y");

// probe: index-string-key
// result: a["1"] + a[1.0]
var a = ["p", "q"];

// probe: array-includes-fromindex
// result: [1, 2, 3].includes(1, 1)

// probe: sort-boolean-comparator-long
// result: a.sort(function (x, y) { return x > y; }).join()
var a = []; for (var i = 0; i < 40; i++) { a.push((i * 17) % 40); }

// probe: sort-unstable-long
// note: Rhino's hybrid sort is not stable past 17 elements
// result: a.sort(function (x, y) { return x.k - y.k; }).map(function (x) { return x.v; }).join()
var a = []; for (var i = 0; i < 40; i++) { a.push({k: (i * 7) % 3, v: i}); }

// probe: sort-nan-comparator
// result: [3, 1, 2].sort(function () { return NaN; }).join()

// probe: sort-constant-comparator
// result: [1, 2, 3, 4, 5].sort(function () { return 1; }).join() + "|" + [1, 2, 3].sort(function () { return -0; }).join()

// probe: sort-undefined-and-holes
// result: JSON.stringify(a.sort(function (x, y) { return y - x; })) + a.length + (3 in a) + (4 in a)
var a = [3, undefined, , 1, , 2];

// probe: sort-strings-by-locale-compare
// result: ["b", "a", "C", "á"].sort(function (x, y) { return x.localeCompare(y); }).join()

// probe: keys-element-past-dense
// result: Object.keys(a).join()
var a = [1, 2]; a.x = 1; a[5] = 3;
