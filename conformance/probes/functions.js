// Functions: default and rest parameters, spread, arrows, closures, this,
// arguments, call/apply/bind, hoisting.

// probe: default-param
// result: f()
// messages: match
function f(a = 1) { return a; }

// probe: default-param-undefined
// result: f(undefined, 2)
function f(a, b = a + 1) { return [a, b].join(); }

// probe: rest-param
// result: f(1, 2, 3)
function f(a, ...r) { return r.length; }

// probe: spread-call
// result: Math.max(...[1, 5, 3])

// probe: spread-array
// result: [0, ...[1, 2], 3].join()

// probe: spread-string
// result: [..."abc"].join("-")

// probe: spread-object
// result: JSON.stringify({...{a: 1}, b: 2})

// probe: arrow-basic
// result: [1, 2, 3].map(x => x * 2).join()

// probe: arrow-block
// result: f(3)
var f = (a) => { return a + 1; };

// probe: arrow-object-literal
// result: JSON.stringify(f())
var f = () => ({a: 1});

// probe: arrow-this
// result: o.m()
var o = {v: 7, m: function () { var g = () => this.v; return g(); }};

// probe: arrow-arguments
// result: f(1, 2)
function f() { var g = () => arguments.length; return g(); }

// probe: arrow-new
// result: typeof new A()
var A = () => 1;

// probe: arrow-no-params
// result: (() => 42)()

// probe: arguments-length
// result: f(1, 2, 3)
function f(a) { return arguments.length + ":" + a; }

// probe: arguments-sloppy-alias
// result: f(1)
function f(a) { arguments[0] = 9; return a; }

// probe: arguments-strict-no-alias
// result: f(1)
function f(a) { "use strict"; arguments[0] = 9; return a; }

// probe: function-length
// result: (function (a, b) {}).length + "," + (function (a, b = 1) {}).length

// probe: function-name
// result: (function foo() {}).name + "," + (function () {}).name

// probe: var-function-name
// result: g.name
var g = function () {};

// probe: closure-counter
// result: c() + c() + c()
function mk() { var n = 0; return function () { return ++n; }; }
var c = mk();

// probe: call-apply
// result: f.call({x: 1}, 2) + "," + f.apply({x: 3}, [4])
function f(y) { return this.x + y; }

// probe: bind
// result: g(5) + "," + g.name
function f(a, b) { return this.m * a + b; }
var g = f.bind({m: 10}, 2);

// probe: this-sloppy-call
// result: typeof f() + "," + (f() === this)
function f() { return this; }

// probe: this-strict-call
// result: typeof f()
function f() { "use strict"; return this; }

// probe: iife-result
// result: (function () { return "x"; }())

// probe: recursion-depth-1000
// result: f(1000)
function f(n) { return n === 0 ? 0 : 1 + f(n - 1); }

// probe: recursion-unbounded
// result: f(0)
function f(n) { return f(n + 1) + 1; }

// probe: function-constructor
// result: new Function("a", "b", "return a * b")(6, 7)

// probe: function-tostring
// result: (function  add(a,b){ return a+b }).toString()

// probe: getter-in-literal
// result: o.v
var o = {get v() { return 3; }};

// probe: named-function-expression-scope
// result: typeof fact + "," + f(4)
var f = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };

// probe: default-param-scope
// result: f()
function f(a = 1, b = a * 2) { return b; }

// probe: property-function-name
// result: "[" + o.m.name + "]," + typeof o.m.name
var o = {m: function () {}};

// probe: assigned-function-name
// result: "[" + h.name + "]"
var h; h = function () {};

// probe: arrow-function-name
// result: "[" + a.name + "]"
var a = () => 1;

// probe: declared-function-name
// result: f.name + "," + (function g() {}).name
function f() {}

// probe: bind-length
// result: g.length + "," + typeof g.name
function f(a, b, c) {}
var g = f.bind(null, 1);
