// Changes to built-in prototypes and instance overrides.

// probe: array-prototype-add
// result: [1, 2].sum()
Array.prototype.sum = function () { var s = 0; for (var i = 0; i < this.length; i++) { s += this[i]; } return s; };

// probe: array-prototype-add-for-in
// result: ks.join()
Array.prototype.extra = function () {};
var ks = []; for (var k in [1]) { ks.push(k); }

// probe: object-prototype-add
// result: ({}).hello() + "," + typeof hello
Object.prototype.hello = function () { return "hi"; };

// probe: string-prototype-add
// result: "ab".shout()
String.prototype.shout = function () { return this.toUpperCase() + "!"; };

// probe: instance-map-override
// result: a.map(function (x) { return x; })
var a = [1, 2]; a.map = function () { return "overridden"; };

// probe: builtin-method-replace
// result: [3, 1].join()
Array.prototype.join = function () { return "joined"; };

// probe: string-trim-polyfill
// result: " x ".trim()
if (!String.prototype.trim) { String.prototype.trim = function () { return "poly"; }; }

// probe: includes-polyfill-guard
// result: [1].includes(1)
if (!Array.prototype.includes) { Array.prototype.includes = function () { return "poly"; }; }

// probe: object-freeze
// result: o.a
var o = Object.freeze({a: 1}); o.a = 2;

// probe: object-freeze-strict
// result: f()
function f() { "use strict"; var o = Object.freeze({a: 1}); o.a = 2; return o.a; }

// probe: prototype-chain
// result: c.whoami()
function A() {} A.prototype.whoami = function () { return "A"; };
function B() {} B.prototype = new A();
var c = new B();

// probe: setprototypeof
// result: o.p
var o = {}; Object.setPrototypeOf(o, {p: "proto"});

// probe: proto-property
// result: ({}).__proto__ === Object.prototype

// probe: proto-assign
// result: o.p
var o = {}; o.__proto__ = {p: "via __proto__"};

// probe: date-prototype-add
// result: new Date(0).ymd()
Date.prototype.ymd = function () { return this.toISOString().slice(0, 10); };

// probe: function-prototype-add
// result: (function () {}).tag()
Function.prototype.tag = function () { return "tagged"; };

// probe: number-prototype-add
// result: (5).double()
Number.prototype.double = function () { return this * 2; };

// probe: hasownproperty-override
// result: o.hasOwnProperty("a")
var o = {a: 1, hasOwnProperty: function () { return "mine"; }};

// probe: constructor-property
// result: [].constructor === Array && ({}).constructor === Object

// probe: tostring-override
// result: "" + o
var o = {toString: function () { return "custom"; }};

// probe: valueof-override
// result: o + 1
var o = {valueOf: function () { return 41; }};
