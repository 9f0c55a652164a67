// Loops: for, for-in order and inherited keys, for-of, labels, break and
// continue.

// probe: for-basic
// result: s
var s = 0; for (var i = 0; i < 10; i++) { s += i; }

// probe: for-in-object-order
// result: ks.join()
var ks = []; for (var k in {b: 1, a: 2, 2: 3, 1: 4, c: 5}) { ks.push(k); }

// probe: for-in-array
// result: ks.join() + ":" + typeof ks[0]
var ks = []; for (var k in ["x", "y"]) { ks.push(k); }

// probe: for-in-inherited
// result: ks.join()
function P() { this.own = 1; } P.prototype.inh = 2;
var ks = []; for (var k in new P()) { ks.push(k); }

// probe: for-in-string
// result: ks.join()
var ks = []; for (var k in "ab") { ks.push(k); }

// probe: for-in-null
// result: n
var n = 0; for (var k in null) { n++; }

// probe: for-in-delete-during
// result: ks.join()
var o = {a: 1, b: 2, c: 3}, ks = []; for (var k in o) { ks.push(k); delete o.b; }

// probe: for-of-var
// result: s
// messages: match
var s = ""; for (var v of ["a", "b"]) { s += v; }

// probe: for-of-string
// result: s
var s = ""; for (var ch of "hé") { s += ch + "|"; }

// probe: for-each-in
// result: s
var s = ""; for each (var v in {a: "x", b: "y"}) { s += v; }

// probe: label-break
// result: n
var n = 0; outer: for (var i = 0; i < 3; i++) { for (var j = 0; j < 3; j++) { if (j == 1) break outer; n++; } }

// probe: label-continue
// result: n
var n = 0; outer: for (var i = 0; i < 3; i++) { for (var j = 0; j < 3; j++) { if (j == 1) continue outer; n++; } }

// probe: label-block
// result: s
var s = "a"; blk: { s += "b"; break blk; s += "c"; }

// probe: while-continue
// result: s
var i = 0, s = ""; while (i < 5) { i++; if (i % 2) continue; s += i; }

// probe: do-while-once
// result: n
var n = 0; do { n++; } while (false);

// probe: for-closure-var
// result: fs[0]() + "," + fs[1]()
var fs = []; for (var i = 0; i < 2; i++) { fs.push(function () { return i; }); }

// probe: array-foreach
// result: s
var s = 0; [1, 2, 3].forEach(function (v, i) { s += v * i; });

// probe: for-in-array-extra-prop
// result: ks.join()
var a = [1, 2]; a.extra = 3; var ks = []; for (var k in a) { ks.push(k); }

// probe: switch-fallthrough
// result: s
var s = ""; switch (2) { case 1: s += "1"; case 2: s += "2"; case 3: s += "3"; break; default: s += "d"; }

// probe: switch-strict-compare
// result: s
var s = "none"; switch ("1") { case 1: s = "number"; break; case "1": s = "string"; }

// probe: for-of-array-holes
// result: s
// messages: match
var s = ""; for (var v of [1, , 3]) { s += v + ","; }

// probe: for-in-string-object
// result: ks.join()
var s = new String("ab"); s.x = 1; var ks = []; for (var k in s) { ks.push(k); }

// probe: for-in-integer-keys-insertion-order
// result: ks.join()
var o = {}; o.z = 1; o[5] = 1; o.y = 1; o[0] = 1; o["01"] = 1; var ks = []; for (var k in o) { ks.push(k); }

// probe: for-in-delete-readd-order
// result: ks.join()
var o = {a: 1, 1: 1, b: 1}; delete o[1]; o[1] = 2; var ks = []; for (var k in o) { ks.push(k); }
