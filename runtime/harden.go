package runtime

import (
	"github.com/dop251/goja"
)

// hardenSource runs once per runtime, before any script. It freezes the
// built-ins every run shares (prototypes, constructors, JSON, Math…), so a
// script cannot change them for the runs that follow on the same runtime
// ("prototype pollution").
//
// Freezing alone would break ordinary code through JavaScript's "override
// mistake": with Error.prototype.name frozen, `this.name = "MyError"` in a
// custom error would silently do nothing. So, as SES does, the properties
// that code commonly assigns on its own objects become accessors: assigning
// through an instance defines the property on that instance, and assigning
// on the shared built-in itself throws a TypeError that says why.
//
// A few built-ins allocate a whole large result inside one native call, which
// a time limit or the memory watchdog cannot interrupt; they get a size guard
// derived from the run's memory budget (maxChars, maxElems).
const hardenSource = `(function (global, maxChars, maxElems, maxJSON) {
	"use strict";
	var freeze = Object.freeze, gopd = Object.getOwnPropertyDescriptor,
		defineProperty = Object.defineProperty;

	function overridable(obj, prop, where) {
		var desc = gopd(obj, prop);
		if (!desc || !("value" in desc) || !desc.configurable) { return; }
		var value = desc.value;
		defineProperty(obj, prop, {
			get: function () { return value; },
			set: function (v) {
				if (this === obj) {
					throw new TypeError("Cannot assign to " + where + "." + String(prop) +
						": built-ins are shared by every run and cannot be changed");
				}
				defineProperty(this, prop, {value: v, writable: true, enumerable: true, configurable: true});
			},
			enumerable: desc.enumerable,
			configurable: false
		});
	}

	function tooBig(what, n, max) {
		return new RangeError(what + " of " + n + " would exceed the run's memory budget (at most " + max + ")");
	}
	function guard(obj, prop, check) {
		var orig = obj[prop];
		var wrapped = {
			[prop]: function () {
				check.apply(this, arguments);
				return orig.apply(this, arguments);
			}
		}[prop];
		defineProperty(wrapped, "length", {value: orig.length});
		defineProperty(obj, prop, {value: wrapped, writable: true, enumerable: false, configurable: true});
	}
	guard(String.prototype, "repeat", function (count) {
		var n = String(this).length * Number(count);
		if (n > maxChars) { throw tooBig("a string", n, maxChars); }
	});
	["padStart", "padEnd"].forEach(function (p) {
		guard(String.prototype, p, function (len) {
			if (Number(len) > maxChars) { throw tooBig("a string", Number(len), maxChars); }
		});
	});
	guard(Array.prototype, "fill", function () {
		if (this.length > maxElems) { throw tooBig("an array", this.length, maxElems); }
	});
	guard(Array.prototype, "join", function (sep) {
		var n = this.length * (sep === undefined ? 1 : String(sep).length);
		if (this.length > maxElems || n > maxChars) { throw tooBig("a string", n, maxChars); }
	});
	guard(Array, "from", function (src) {
		var n = src != null ? Number(src.length) : 0;
		if (n > maxElems) { throw tooBig("an array", n, maxElems); }
	});

	// JSON.stringify walks nested values inside one native call (and checks
	// for cycles with a scan of its stack at every level, quadratic in the
	// depth): a value nested 10^5 deep holds the runtime for many seconds
	// past its time limit. A replacer sees every value once, as stringify
	// produces it, so it tracks depth without running getters twice, and as
	// a JavaScript call it lets the time limit stop a long stringify.
	(function () {
		var stringify = JSON.stringify, isArray = Array.isArray;
		var WM = WeakMap, get = WeakMap.prototype.get, set = WeakMap.prototype.set;
		defineProperty(JSON, "stringify", {value: function stringify_(value, replacer, space) {
			var depths = new WM();
			var fn = typeof replacer === "function" ? replacer : null;
			var allow = null;
			if (isArray(replacer)) {
				allow = {};
				for (var i = 0; i < replacer.length; i++) {
					var r = replacer[i];
					if (typeof r === "string" || typeof r === "number" ||
						(r !== null && typeof r === "object" && (r instanceof String || r instanceof Number))) {
						allow[String(r)] = true;
					}
				}
			}
			return stringify(value, function (key, v) {
				if (allow !== null && key !== "" && !isArray(this) && allow[key] !== true) { return undefined; }
				if (fn !== null) { v = fn.call(this, key, v); }
				if (v !== null && typeof v === "object") {
					var d = (get.call(depths, this) || 0) + 1;
					if (d > maxJSON) {
						throw new RangeError("JSON.stringify: the value is nested more than " + maxJSON + " levels deep");
					}
					set.call(depths, v, d);
				}
				return v;
			}, space);
		}, writable: true, enumerable: false, configurable: true});
		defineProperty(JSON.stringify, "name", {value: "stringify"});
		defineProperty(JSON.stringify, "length", {value: 3});
	})();

	var names = ["Object", "Array", "Function", "String", "Number", "Boolean", "Symbol", "BigInt",
		"Date", "RegExp", "Promise", "Map", "Set", "WeakMap", "WeakSet", "ArrayBuffer", "DataView",
		"Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError",
		"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
		"Uint32Array", "Float32Array", "Float64Array", "Proxy"];
	var common = ["constructor", "toString", "toLocaleString", "valueOf"];
	var extra = {
		Object: ["hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable"],
		Array: ["push", "concat", "join", "map", "filter", "forEach", "slice", "splice", "sort", "indexOf"],
		Function: ["apply", "bind", "call"],
		Promise: ["then", "catch", "finally"],
		Date: ["toJSON", "toISOString", "getTime"]
	};
	var errors = ["Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError"];
	var targets = [];
	names.forEach(function (name) {
		var ctor = global[name];
		if (typeof ctor !== "function") { return; }
		var proto = ctor.prototype;
		if (proto) {
			var props = common.concat(extra[name] || []);
			if (errors.indexOf(name) >= 0) { props = props.concat(["name", "message"]); }
			props.forEach(function (p) { overridable(proto, p, name + ".prototype"); });
			targets.push(proto);
		}
		targets.push(ctor);
	});
	// Prototypes reached only through instances.
	var iterProto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
	targets.push(iterProto, Object.getPrototypeOf([][Symbol.iterator]()),
		Object.getPrototypeOf(new Map()[Symbol.iterator]()), Object.getPrototypeOf(new Set()[Symbol.iterator]()),
		Object.getPrototypeOf(""[Symbol.iterator]()), Object.getPrototypeOf(Uint8Array),
		Object.getPrototypeOf(Uint8Array.prototype), Object.getPrototypeOf(function* () {}),
		Object.getPrototypeOf(function* () {}).prototype, Object.getPrototypeOf(async function () {}));
	[global.JSON, global.Math, global.Reflect].forEach(function (o) { if (o) { targets.push(o); } });
	targets.forEach(function (t) { if (t) { freeze(t); } });
})`

var hardenProgram = goja.MustCompile("journeyjs-harden.js", hardenSource, false)

// harden runs hardenSource on the pristine global, with size guards for a
// memory budget of maxMemory bytes (0: no guards).
func harden(rt *goja.Runtime, base *goja.Object, maxMemory int64) error {
	fnVal, err := rt.RunProgram(hardenProgram)
	if err != nil {
		return err
	}
	fn, _ := goja.AssertFunction(fnVal)
	maxChars, maxElems := float64(maxMemory/2), float64(maxMemory/16)
	if maxMemory <= 0 {
		maxChars, maxElems = 1<<53, 1<<53
	}
	_, err = fn(goja.Undefined(), base, rt.ToValue(maxChars), rt.ToValue(maxElems), rt.ToValue(MaxJSONNesting))
	return err
}
