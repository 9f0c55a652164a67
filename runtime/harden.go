package runtime

import (
	"github.com/dop251/goja"
)

// hardenSource makes the built-ins every run on a runtime shares immutable,
// so a script cannot change them for the runs that follow ("prototype
// pollution"). It runs once per runtime, before any script, and returns the
// function that hardens the rest later (see below).
//
// Hardening is deep: an object is frozen together with everything reachable
// from it (prototype, property values, getters and setters). Freezing only
// Array.prototype would leave Array.prototype.map itself open, and
// Object.setPrototypeOf(Array.prototype.map, …) would change what `.call`
// means on it in every later run.
//
// Hardening is also lazy where it can be. goja builds its built-ins on first
// use, and freezing one builds it whole (Date alone is ~40 KB of function
// objects), so freezing all of them up front made every pooled runtime cost
// ~600 KB. Here, only what a script can reach without naming a global is
// hardened at set-up: the prototypes of literals, functions, errors,
// promises and iterators (and what they lead to). Everything else (Date,
// Map, Set, typed arrays, Proxy, Reflect, JSON, Math…) is reachable only
// through a global name, so runGlobal hands it out hardened on its first
// lookup, and the constructors of Object, Function, Array, Error, Number,
// Promise, String and Symbol when first read through `constructor`.
//
// Freezing alone would break ordinary code through JavaScript's "override
// mistake": with Error.prototype.name frozen, `this.name = "MyError"` in a
// custom error would silently do nothing. So, as SES does, the properties
// that code commonly assigns on its own objects become accessors: assigning
// through an instance defines the property on that instance, and assigning
// on the shared built-in itself throws a TypeError that says why. Each
// accessor costs two function objects, so the list is kept to what
// decision scripts assign.
//
// A few built-ins allocate a whole large result inside one native call, which
// a time limit or the memory watchdog cannot interrupt; they get a size guard
// derived from the run's memory budget (maxChars, maxElems).
const hardenSource = `(function (global, maxChars, maxElems, taint, guardJSON, guardedStringify, missing) {
	"use strict";
	var freeze = Object.freeze, isExtensible = Object.isExtensible, gopd = Object.getOwnPropertyDescriptor,
		defineProperty = Object.defineProperty, getPrototypeOf = Object.getPrototypeOf,
		ownNames = Object.getOwnPropertyNames, ownSymbols = Object.getOwnPropertySymbols;

	// hardenDeep freezes roots and everything reachable from them. An object
	// that is no longer extensible is taken as done: before a script runs,
	// only this function and the bindings' own deep seals make objects so
	// (and both freeze them). isExtensible answers at once, where isFrozen
	// looks at every property, for every function reaching Function.prototype.
	function hardenDeep(roots) {
		// Index writes, not push or slice: those read Array.prototype's
		// accessors and constructor, which may be what is being hardened.
		var stack = [], n = 0, i, d, keys;
		for (i = 0; i < roots.length; i++) { stack[n++] = roots[i]; }
		while (n > 0) {
			var o = stack[--n];
			if (o === null || (typeof o !== "object" && typeof o !== "function") || !isExtensible(o)) { continue; }
			freeze(o);
			stack[n++] = getPrototypeOf(o);
			for (var pass = 0; pass < 2; pass++) {
				keys = pass === 0 ? ownNames(o) : ownSymbols(o);
				for (i = 0; i < keys.length; i++) {
					d = gopd(o, keys[i]);
					if ("value" in d) {
						stack[n++] = d.value;
					} else {
						stack[n++] = d.get;
						stack[n++] = d.set;
					}
				}
			}
		}
	}

	// hardenNow is hardenDeep while a script runs. If it fails half-way,
	// some objects are frozen before what they hold, which a later call
	// would take as done: taint marks the runtime to be discarded after the
	// run. (goja's stack overflow and the engine's limits cannot be caught
	// and discard the runtime anyway; this covers any other exception.)
	function hardenNow(roots) {
		try {
			hardenDeep(roots);
		} catch (e) {
			taint();
			throw e;
		}
	}

	// overridable turns obj[prop] into the accessor pair described above,
	// adding its value to roots to harden. With lazy set, the value (a
	// constructor) is hardened on its first read instead.
	function overridable(obj, prop, where, lazy, roots) {
		var desc = gopd(obj, prop);
		if (!desc || !("value" in desc) || !desc.configurable) { return; }
		if (!lazy) { roots[roots.length] = desc.value; }
		holders[holders.length] = obj;
		wheres[wheres.length] = where;
		defineProperty(obj, prop, {get: getter(desc.value, lazy), set: setter(prop),
			enumerable: desc.enumerable, configurable: false});
	}
	// getter is apart from overridable so that its closure keeps only these
	// two variables alive, in every runtime, for good. Getters and setters
	// are methods, not function expressions: a method has no prototype
	// object, which freezing would otherwise build for each of them.
	function getter(value, pending) {
		return {get() {
			if (pending) { pending = false; hardenNow([value]); }
			return value;
		}}.get;
	}
	// setter is shared by every accessor of one property name: assignment
	// is rare, so it finds the built-in it was reached through by walking
	// up from the receiver, and keeps one closure per name, not per
	// accessor.
	var holders = [], wheres = [], setters = Object.create(null);
	function setter(prop) {
		if (setters[prop]) { return setters[prop]; }
		return (setters[prop] = {set(v) {
			var holder = this;
			while (holder !== null && holder !== undefined && gopd(holder, prop) === undefined) {
				holder = getPrototypeOf(holder);
			}
			if (holder === this) {
				var where = "a built-in";
				for (var i = 0; i < holders.length; i++) {
					if (holders[i] === holder) { where = wheres[i]; }
				}
				throw new TypeError("Cannot assign to " + where + "." + String(prop) +
					": built-ins are shared by every run and cannot be changed");
			}
			defineProperty(this, prop, {value: v, writable: true, enumerable: true, configurable: true});
		}}.set);
	}
	function overrides(obj, props, where, roots) {
		for (var i = 0; i < props.length; i++) {
			overridable(obj, props[i], where, props[i] === "constructor", roots);
		}
	}

	function tooBig(what, n, max) {
		return new RangeError(what + " of " + n + " would exceed the run's memory budget (at most " + max + ")");
	}
	// guard wraps obj[prop] with the size check named by kind; one closure
	// per guarded built-in.
	function guard(obj, prop, kind) {
		var orig = obj[prop];
		var wrapped = {
			[prop](a, b) {
				var n;
				switch (kind) {
				case "repeat":
					n = String(this).length * Number(a);
					if (n > maxChars) { throw tooBig("a string", n, maxChars); }
					break;
				case "pad":
					if (Number(a) > maxChars) { throw tooBig("a string", Number(a), maxChars); }
					break;
				case "fill":
					if (this.length > maxElems) { throw tooBig("an array", this.length, maxElems); }
					break;
				case "join":
					n = this.length * (a === undefined ? 1 : String(a).length);
					if (this.length > maxElems || n > maxChars) { throw tooBig("a string", n, maxChars); }
					break;
				case "from":
					n = a != null ? Number(a.length) : 0;
					if (n > maxElems) { throw tooBig("an array", n, maxElems); }
					break;
				}
				return orig.apply(this, arguments);
			}
		}[prop];
		defineProperty(wrapped, "length", {value: orig.length});
		defineProperty(obj, prop, {value: wrapped, writable: true, enumerable: false, configurable: true});
	}
	guard(String.prototype, "repeat", "repeat");
	guard(String.prototype, "padStart", "pad");
	guard(String.prototype, "padEnd", "pad");
	guard(Array.prototype, "fill", "fill");
	guard(Array.prototype, "join", "join");
	guard(Array, "from", "from");

	// JSON.stringify walks nested values inside one native call (and checks
	// for cycles with a scan of its stack at every level, quadratic in the
	// depth): a value nested 10^5 deep holds the runtime for many seconds
	// past its time limit. guardedStringify (stringifyGuard, in Go) runs it
	// with a replacer that tracks the depth and lets the time limit in, and
	// applies the script's own replacer: a function, or a list of keys (made
	// here into strings, as JSON.stringify does).
	function guardStringify(JSON) {
		var stringify = JSON.stringify, isArray = Array.isArray;
		defineProperty(JSON, "stringify", {value: {stringify(value, replacer, space) {
			var fn = typeof replacer === "function" ? replacer : null;
			var keys = null;
			if (isArray(replacer)) {
				keys = [];
				for (var i = 0; i < replacer.length; i++) {
					var r = replacer[i];
					if (typeof r === "string" || typeof r === "number" ||
						(r !== null && typeof r === "object" && (r instanceof String || r instanceof Number))) {
						keys[keys.length] = String(r);
					}
				}
			}
			return guardedStringify(stringify, value, space, fn, keys);
		}}.stringify, writable: true, enumerable: false, configurable: true});
	}

	// Reached without a global name: literals, functions, thrown errors,
	// async functions (promises), generators, iterators.
	var roots = [];
	overrides(Object.prototype, ["constructor", "hasOwnProperty", "toString", "valueOf"], "Object.prototype", roots);
	overrides(Function.prototype, ["constructor", "toString", "bind"], "Function.prototype", roots);
	overrides(Array.prototype, ["constructor", "toString", "push"], "Array.prototype", roots);
	overrides(Error.prototype, ["constructor", "name", "message", "toString"], "Error.prototype", roots);
	["TypeError", "RangeError", "SyntaxError", "ReferenceError"].forEach(function (name) {
		overrides(global[name].prototype, ["name"], name + ".prototype", roots);
	});
	// Their constructors carry statics a script rarely needs: an accessor
	// that hardens them on first use costs less than hardening them now.
	["Number", "Promise", "String", "Symbol"].forEach(function (name) {
		overrides(global[name].prototype, ["constructor"], name + ".prototype", roots);
	});
	var arrayIter = getPrototypeOf([][Symbol.iterator]());
	var eager = [Object.prototype, Function.prototype, Array.prototype, String.prototype, Number.prototype,
		Boolean.prototype, Symbol.prototype, BigInt.prototype, RegExp.prototype, Promise.prototype,
		Error.prototype, global.TypeError, global.RangeError, global.SyntaxError, global.ReferenceError,
		global.AggregateError, global.GoError,
		arrayIter, getPrototypeOf(""[Symbol.iterator]()), getPrototypeOf("".matchAll(/a/g)),
		getPrototypeOf(function* () {}), getPrototypeOf(function* () {}).prototype,
		getPrototypeOf(async function () {})];
	// No concat: it reads Array.prototype.constructor, which would harden
	// the Array constructor now rather than on first use.
	for (var i = 0; i < eager.length; i++) { roots[roots.length] = eager[i]; }
	// The tenant's language lacks some methods: they go before the
	// built-ins are frozen (the lines above have taken what they needed).
	for (var path in missing) {
		var owner = path.split(".").reduce(function (o, k) { return o[k]; }, global);
		for (var m = 0; m < missing[path].length; m++) { delete owner[missing[path][m]]; }
	}
	hardenDeep(roots);

	// What a global name also brings within reach: the same objects'
	// instances lead there (a typed array's buffer, a map's iterator).
	function buffer() { return [global.ArrayBuffer]; }
	function uriError() { return [global.URIError]; }
	var extras = {
		Map: function (M) { return [getPrototypeOf(new M()[Symbol.iterator]())]; },
		Set: function (S) { return [getPrototypeOf(new S()[Symbol.iterator]())]; },
		DataView: buffer,
		decodeURI: uriError,
		decodeURIComponent: uriError,
		encodeURI: uriError,
		encodeURIComponent: uriError
	};
	["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
		"Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"].forEach(function (n) {
		extras[n] = buffer;
	});
	var lazyOverrides = ["constructor", "toString", "toLocaleString", "valueOf"];
	var dateOverrides = ["constructor", "toString", "toLocaleString", "valueOf", "toJSON", "toISOString", "getTime"];

	// hardenGlobal is called with the name and value of a global the first
	// time a runtime's script looks it up.
	return function hardenGlobal(name, value) {
		if (value === null || (typeof value !== "object" && typeof value !== "function") || !isExtensible(value)) {
			return;
		}
		if (name === "JSON") {
			guardJSON(value);
			guardStringify(value);
		}
		var roots = [value];
		var proto = value.prototype;
		if (typeof value === "function" && proto && typeof proto === "object" && isExtensible(proto)) {
			var props = name === "Date" ? dateOverrides :
				(name === "EvalError" || name === "URIError") ? ["constructor", "name", "message"] : lazyOverrides;
			for (var i = 0; i < props.length; i++) {
				overridable(proto, props[i], name + ".prototype", false, roots);
			}
		}
		if (extras[name]) {
			var more = extras[name](value);
			for (var j = 0; j < more.length; j++) { roots[roots.length] = more[j]; }
		}
		hardenNow(roots);
	};
})`

var hardenProgram = goja.MustCompile("journeyjs-harden.js", hardenSource, false)

// harden hardens what scripts reach without a global name, on the pristine
// global, with size guards for a memory budget of maxMemory bytes (0: no
// guards). It returns the function that hardens a global on its first
// lookup (runGlobal calls it).
// taint is called when hardening fails during a run; guardJSON is
// guardParsers' JSON.parse guard, installed with JSON.stringify's when a
// script first names JSON.
//
// missing lists, by object path, built-in methods to delete before the
// built-ins are frozen (tenantMissingMethods at the tenant language level).
func harden(rt *goja.Runtime, base *goja.Object, maxMemory int64, taint func(), guardJSON goja.Value, missing map[string][]string) (goja.Callable, error) {
	fnVal, err := rt.RunProgram(hardenProgram)
	if err != nil {
		return nil, err
	}
	fn, _ := goja.AssertFunction(fnVal)
	maxChars, maxElems := float64(maxMemory/2), float64(maxMemory/16)
	if maxMemory <= 0 {
		maxChars, maxElems = 1<<53, 1<<53
	}
	guarded := &stringifyGuard{rt: rt, rangeError: base.Get("RangeError"), typeError: base.Get("TypeError")}
	guarded.isArray, _ = goja.AssertFunction(base.Get("Array").ToObject(rt).Get("isArray"))
	missingObj := rt.NewObject()
	for path, names := range missing {
		_ = missingObj.Set(path, names)
	}
	lazy, err := fn(goja.Undefined(), base, rt.ToValue(maxChars), rt.ToValue(maxElems), rt.ToValue(taint), guardJSON,
		rt.ToValue(guarded.call), missingObj)
	if err != nil {
		return nil, err
	}
	hardenGlobal, ok := goja.AssertFunction(lazy)
	if !ok {
		panic("runtime: harden did not return a function")
	}
	return hardenGlobal, nil
}
