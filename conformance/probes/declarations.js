// var, let and const in every position of spec §1, const redeclaration and
// the top-level const quirks of AM's scope.

// probe: var-top
// result: x
var x = 1;

// probe: var-hoisting
// result: typeof h + "," + h2()
var t = typeof h; var h = 1;
function h2() { return "fn"; }

// probe: let-top
// result: x
// messages: match
let x = 1;

// probe: let-in-function
// result: f()
// messages: match
function f() { let y = 2; return y; }

// probe: let-as-identifier
// result: let
var let = 5;

// probe: let-in-for-head
// result: s
// messages: match
var s = 0; for (let i = 0; i < 3; i++) { s += i; }

// probe: let-closure-per-iteration
// result: fs[0]() + "," + fs[2]()
var fs = []; for (let i = 0; i < 3; i++) { fs.push(function () { return i; }); }

// probe: const-top
// result: typeof c + ":" + c
const c = 5;

// probe: const-top-library-style
// result: (function () { const c = 7; return c; })()

// probe: const-in-function
// result: f()
function f() { const k = 3; return k * 2; }

// probe: const-in-function-block
// result: f()
function f() { if (true) { const k = 4; return k; } }

// probe: const-top-block
// result: typeof k
if (true) { const k = 4; }

// probe: const-top-loop-body
// result: out.join()
var out = []; for (var i = 0; i < 3; i++) { const k = i * 2; out.push(k); }

// probe: const-top-while-body
// result: out.join()
var out = [], i = 0; while (i < 3) { const k = i + 1; out.push(k); i++; }

// probe: const-top-do-while-body
// result: out.join()
var out = [], i = 0; do { const k = i + 1; out.push(k); i++; } while (i < 2);

// probe: const-nested-loop-block
// result: out.join()
var out = []; for (var i = 0; i < 2; i++) { if (true) { { const k = i; out.push(k); } } }

// probe: const-loop-in-function
// result: f()
function f() { var out = []; for (var i = 0; i < 3; i++) { const k = i * 2; out.push(k); } return out.join(); }

// probe: const-for-head
// result: s
// messages: match
var s = 0; for (const i = 0; s < 1; ) { s++; }

// probe: const-for-in-head
// result: s
// messages: match
var s = ""; for (const k in {a: 1, b: 2}) { s += k; }

// probe: const-for-of-head
// result: s
// messages: match
var s = ""; for (const k of ["a", "b"]) { s += k; }

// probe: const-redeclare-same-block
// result: f()
// messages: match
function f() { const a = 1; const a = 2; return a; }

// probe: const-redeclare-separate-blocks
// result: f(true)
// messages: match
function f(b) { if (b) { const a = 1; return a; } else { const a = 2; return a; } }

// probe: const-distinct-names-blocks
// result: f(true) + f(false)
function f(b) { if (b) { const a = 1; return a; } else { const z = 2; return z; } }

// probe: const-assign
// result: f()
function f() { const a = 1; a = 2; return a; }

// probe: const-no-initialiser
// result: typeof f
function f() { const a; return a; }

// probe: const-var-conflict
// result: f()
function f() { var a = 1; const a = 2; return a; }

// probe: var-redeclare
// result: x
var x = 1; var x; var x = x + 1;

// probe: function-redeclare
// result: f()
function f() { return 1; }
function f() { return 2; }

// probe: function-in-block
// result: typeof g
if (true) { function g() { return 1; } }

// probe: function-in-block-false
// result: typeof g
if (false) { function g() { return 1; } }

// probe: implicit-global
// result: typeof leaked + ":" + leaked
(function () { leaked = 9; })();

// probe: top-level-this-var
// result: this.v + "," + (typeof this)
var v = 4;

// probe: delete-var
// result: String(delete x) + typeof x
var x = 1;

// probe: top-level-return
// result: "after"
// messages: match
return 5;

// probe: tdz
// result: f()
function f() { try { return y; } catch (e) { return e.name; } let y = 1; }

// probe: top-level-function-value
// result: typeof later + "," + later()
function later() { return "ok"; }

// probe: let-shadow-in-block
// result: f()
function f() { var r = []; let a = 1; { let a = 2; r.push(a); } r.push(a); return r.join(); }

// probe: catch-scope
// result: typeof e + "," + r
var r; try { throw 1; } catch (e) { r = e; }
