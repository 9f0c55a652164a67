// Destructuring in every place a script author writes it.

// probe: object-var
// result: a + b
// messages: match
var {a, b} = {a: 1, b: 2};

// probe: object-var-renamed
// result: x
var {a: x} = {a: 3};

// probe: array-var
// result: a + b
// messages: match
var [a, b] = [1, 2];

// probe: array-assign
// result: a + "," + b
var a, b; [a, b] = [1, 2];

// probe: swap
// result: a + "," + b
var a = 1, b = 2; [a, b] = [b, a];

// probe: nested
// result: c
var {a: {b: [, c]}} = {a: {b: [1, 2]}};

// probe: default-value
// result: a + b
var {a = 10, b = 5} = {a: 1};

// probe: rest-array
// result: r.join()
var [first, ...r] = [1, 2, 3];

// probe: rest-object
// result: JSON.stringify(r)
var {a, ...r} = {a: 1, b: 2, c: 3};

// probe: param-object
// result: f({x: 1, y: 2})
function f({x, y}) { return x + y; }

// probe: param-array
// result: f([3, 4])
function f([p, q]) { return p * q; }

// probe: in-for-in-function
// result: f()
function f() { var s = 0; var arr = [[1, 2], [3, 4]]; for (var i = 0; i < arr.length; i++) { var [p, q] = arr[i]; s += p * q; } return s; }

// probe: shorthand-object-literal
// result: JSON.stringify(o)
// messages: match
var a = 1, b = 2; var o = {a, b};

// probe: computed-key
// result: JSON.stringify(o)
var k = "dyn"; var o = {[k + "1"]: 1};

// probe: method-shorthand
// result: o.m()
var o = {m() { return "m"; }};
