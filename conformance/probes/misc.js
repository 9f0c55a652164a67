// Statements and syntax a tenant script meets that fit no other topic.

// probe: semicolon-insertion-return
// result: f()
function f() {
  return
  1;
}

// probe: asi-parenthesis
// result: typeof r
var a = 1
var r = a
(function () {})

// probe: trailing-comma-object
// result: Object.keys({a: 1, b: 2,}).length

// probe: trailing-comma-array
// result: [1, 2,].length

// probe: trailing-comma-params
// result: f(1, 2,)
function f(a, b,) { return a + b; }

// probe: getter-keyword-object
// result: JSON.stringify({if: 1, for: 2})

// probe: unicode-identifier
// result: café
var café = "ok";

// probe: line-comment-html
// result: x
var x = 1;
<!-- x = 2;

// probe: exponent-precedence
// result: -2 ** 2

// probe: async-function
// result: typeof f
async function f() { return 1; }

// probe: await-identifier
// result: await
var await = 3;

// probe: yield-identifier
// result: yield
var yield = 4;

// probe: labelled-function
// result: typeof f
foo: function f() {}

// probe: debugger-statement
// result: "ran"
debugger;

// probe: conditional-function-expr
// result: g()
var g = true ? function () { return "t"; } : function () { return "f"; };

// probe: object-literal-duplicate-key
// result: ({a: 1, a: 2}).a

// probe: regexp-division-ambiguity
// result: a / 2 / 1
var a = 8;

// probe: string-line-continuation
// result: s
var s = "a\
b";

// probe: long-string-concat-loop
// result: s.length
var s = ""; for (var i = 0; i < 10000; i++) { s += "x"; }

// probe: busy-loop-timeout
// result: "never"
while (true) {}

// probe: heavy-loop-finishes
// result: n
var n = 0; for (var i = 0; i < 200000; i++) { n += i % 3; }

// probe: getter-infinite-recursion
// result: o.x
var o = {get x() { return this.x; }};

// probe: function-declaration-in-if-else-strict
// result: typeof f()
function f() { "use strict"; if (true) { function h() {} } return typeof h; }

// probe: property-named-constructor
// result: typeof o.constructor
var o = {constructor: 1};

// probe: nested-ternary-no-parens
// result: a > 1 ? "big" : a > 0 ? "one" : "zero"
var a = 1;

// probe: in-operator-string-error
// result: "a" in "abc"
