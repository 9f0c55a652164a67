// ES2015 classes, generators and accessors.

// probe: class-declaration
// result: new P(2).double()
// messages: match
class P { constructor(v) { this.v = v; } double() { return this.v * 2; } }

// probe: class-expression
// result: new C().m()
var C = class { m() { return "m"; } };

// probe: class-extends
// result: new B().hi()
class A { hi() { return "A"; } }
class B extends A { hi() { return "B" + super.hi(); } }

// probe: class-static
// result: K.s()
class K { static s() { return "static"; } }

// probe: class-getter
// result: new G().x
class G { get x() { return 5; } }

// probe: class-call-without-new
// result: typeof P
class P {}
P();

// probe: class-typeof
// result: typeof P
class P {}

// probe: class-as-identifier
// result: class
var class = 1;

// probe: generator-basic
// result: it.next().value + "," + it.next().value + "," + it.next().done
// messages: match
function* g() { yield 1; yield 2; }
var it = g();

// probe: generator-legacy-yield
// result: it.next() + "," + it.next()
function g() { yield 1; yield 2; }
var it = g();

// probe: generator-spread
// result: [...g()].join()
function* g() { yield "a"; yield "b"; }

// probe: iterator-protocol
// result: typeof [][Symbol.iterator]

// probe: getter-defineProperty
// result: o.x + "," + Object.keys(o).length
var o = {}; Object.defineProperty(o, "x", {get: function () { return 42; }});

// probe: setter-literal
// result: o.log
var o = {log: "", set v(x) { this.log += x; }}; o.v = "a"; o.v = "b";

// probe: getter-setter-pair
// result: o.v
var o = {_v: 1, get v() { return this._v * 10; }, set v(x) { this._v = x; }}; o.v = 4;

// probe: legacy-defineGetter
// result: o.x
var o = {}; o.__defineGetter__("x", function () { return "legacy"; });

// probe: lookupGetter
// result: typeof o.__lookupGetter__("x")
var o = {get x() { return 1; }};

// probe: getter-only-assign-sloppy
// result: o.x
var o = {get x() { return 1; }}; o.x = 2;

// probe: getter-only-assign-strict
// result: f()
function f() { "use strict"; var o = {get x() { return 1; }}; o.x = 2; return o.x; }

// probe: proto-literal
// result: o.inherited
var o = {__proto__: {inherited: "yes"}};

// probe: object-create-getter
// result: o.g
var o = Object.create({}, {g: {get: function () { return "cg"; }, enumerable: true}});

// probe: new-target
// result: f()
function f() { return typeof new.target; }

// probe: instanceof-constructor
// result: (new F() instanceof F) + "," + (new F().constructor === F)
function F() {}

// probe: legacy-defineSetter
// result: o.log
var o = {log: ""}; o.__defineSetter__("v", function (x) { this.log += x; }); o.v = "a"; o.v = "b";

// probe: lookupSetter-inherited
// result: typeof c.__lookupSetter__("v") + "," + typeof c.__lookupGetter__("v") + "," + typeof c.__lookupGetter__("none")
var p = {set v(x) {}}; var c = Object.create(p);

// probe: legacy-accessors-not-enumerable
// result: r.join()
var r = []; for (var k in {}) r.push(k);

// probe: defineGetter-enumerable
// result: Object.keys(o).join()
var o = {}; o.__defineGetter__("x", function () { return 1; });
