// Which globals exist (spec §1: Map, Set … console, process, Buffer,
// setTimeout are missing in AIC), and using a missing one.

// probe: typeof-map
// result: typeof Map

// probe: typeof-set
// result: typeof Set

// probe: typeof-weakmap
// result: typeof WeakMap

// probe: typeof-weakset
// result: typeof WeakSet

// probe: typeof-symbol
// result: typeof Symbol

// probe: typeof-promise
// result: typeof Promise

// probe: typeof-proxy
// result: typeof Proxy

// probe: typeof-reflect
// result: typeof Reflect

// probe: typeof-console
// result: typeof console

// probe: typeof-process
// result: typeof process

// probe: typeof-buffer
// result: typeof Buffer

// probe: typeof-settimeout
// result: typeof setTimeout

// probe: typeof-setinterval
// result: typeof setInterval

// probe: typeof-globalthis
// result: typeof globalThis

// probe: typeof-textencoder
// result: typeof TextEncoder

// probe: typeof-url
// result: typeof URL + "," + typeof URLSearchParams

// probe: typeof-atob
// result: typeof atob

// probe: typeof-arraybuffer
// result: typeof ArrayBuffer + "," + typeof Uint8Array + "," + typeof DataView

// probe: typeof-require
// result: typeof require

// probe: typeof-context
// result: typeof context

// probe: typeof-rhino-shell
// result: [typeof print, typeof load, typeof importPackage, typeof importClass, typeof Packages].join()

// probe: typeof-java
// result: typeof java + "," + typeof JavaImporter + "," + typeof JavaAdapter + "," + typeof Java

// probe: typeof-xml
// result: typeof XML + "," + typeof XMLList

// probe: typeof-uneval
// result: typeof uneval + "," + typeof toSource

// probe: typeof-module-exports
// result: typeof module + "," + typeof exports

// probe: new-map
// messages: match
var m = new Map();

// probe: use-set
// messages: match
var s = new Set([1]);

// probe: use-promise
// messages: match
Promise.resolve(1);

// probe: use-symbol
// messages: match
Symbol("x");

// probe: use-console
// messages: match
console.log("x");

// probe: use-settimeout
// messages: match
setTimeout(function () {}, 0);

// probe: global-object-names
// result: typeof this.Math + "," + typeof this.JSON + "," + typeof this.Object

// probe: nan-infinity-writable
// result: typeof NaN + "," + (undefined === void 0)
NaN = 1; undefined = 2;

// probe: global-shadow-builtin
// result: typeof JSON
var JSON = "mine";

// probe: object-assign-global
// result: typeof Object.assign

// probe: typeof-object-entries
// result: typeof Object.entries + "," + typeof Object.values + "," + typeof Object.fromEntries

// probe: typeof-string-es2015
// result: [typeof "".includes, typeof "".startsWith, typeof "".padStart, typeof "".trimEnd, typeof "".codePointAt].join()

// probe: typeof-array-es2015
// result: [typeof [].find, typeof [].fill, typeof [].flat, typeof Array.from, typeof Array.of, typeof [].copyWithin].join()

// probe: tostring-of-this
// result: Object.prototype.toString.call(this)

// probe: this-keys-sample
// result: Object.keys(this).indexOf("marker") >= 0
var marker = 1;
