// Object.* and Array.* ES2015 statics and ES5 reflection.

// probe: object-assign
// result: JSON.stringify(Object.assign({a: 1}, {b: 2}, null, {a: 3}))

// probe: object-keys-order
// result: Object.keys({b: 1, 10: 1, a: 1, 2: 1}).join()

// probe: object-values
// result: Object.values({a: 1, b: 2}).join()

// probe: object-entries
// result: JSON.stringify(Object.entries({a: 1}))

// probe: object-fromentries
// result: JSON.stringify(Object.fromEntries([["a", 1]]))

// probe: object-keys-string
// result: Object.keys("ab").join()

// probe: object-getownpropertynames-array
// result: Object.getOwnPropertyNames([1]).join()

// probe: object-is
// result: Object.is(NaN, NaN) + "," + Object.is(0, -0)

// probe: object-create-null
// result: typeof o.toString + "," + Object.keys(o).length
var o = Object.create(null);

// probe: object-defineproperty-enumerable
// result: Object.keys(o).join() + "," + o.hidden
var o = {a: 1}; Object.defineProperty(o, "hidden", {value: 2});

// probe: object-getownpropertydescriptor
// result: JSON.stringify(Object.getOwnPropertyDescriptor({a: 1}, "a"))

// probe: object-isfrozen
// result: Object.isFrozen(Object.freeze({})) + "," + Object.isSealed(Object.seal({})) + "," + Object.isExtensible(Object.preventExtensions({}))

// probe: object-getprototypeof-primitive
// result: Object.getPrototypeOf("x") === String.prototype

// probe: object-getownpropertysymbols
// result: typeof Object.getOwnPropertySymbols

// probe: object-groupby
// result: typeof Object.groupBy

// probe: array-from-set-like
// result: Array.from({0: "a", 1: "b", length: 2}).join()

// probe: array-from-map-fn-this
// result: Array.from([1, 2], function (x) { return x * this.m; }, {m: 3}).join()

// probe: array-from-iterable-arguments
// result: f(1, 2)
function f() { return Array.from(arguments).join(); }

// probe: number-statics
// result: [typeof Number.isFinite, typeof Number.isInteger, typeof Number.EPSILON].join()

// probe: math-statics
// result: [typeof Math.trunc, typeof Math.sign, typeof Math.log10, typeof Math.expm1].join()

// probe: string-statics
// result: typeof String.fromCodePoint + "," + typeof String.raw

// probe: object-entries-array
// result: JSON.stringify(Object.entries(["x"]))

// probe: object-assign-getter
// result: JSON.stringify(Object.assign({}, {get g() { return 1; }}))

// probe: object-keys-non-object
// result: Object.keys(5).length

// probe: object-getownpropertynames-string
// messages: match
Object.getOwnPropertyNames("ab");

// probe: object-freeze-primitive
// messages: match
Object.freeze(5);

// probe: object-keys-null-message
// messages: match
Object.keys(null);

// probe: object-create-primitive
// messages: match
Object.create("proto");

// probe: object-keys-undefined-variable
// result: r
var r, data; try { Object.keys(data); } catch (e) { r = e.name + ": " + e.message; }
