package runtime

// What AIC's Rhino (1.7.14, language version 0) does not have, measured
// with the conformance oracle (conformance/probes/globals.js,
// statics.js, strings.js, arrays.js): at the tenant language level these are
// absent, so a script that uses them fails here as it fails there.

// tenantMissingGlobals are globals goja has and the tenant lacks: naming one
// is the ReferenceError AIC gives, and typeof says "undefined".
var tenantMissingGlobals = []string{
	"Map", "Set", "WeakMap", "WeakSet", "Symbol", "Promise", "Proxy", "Reflect",
	"ArrayBuffer", "SharedArrayBuffer", "DataView",
	"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
	"Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
	"AggregateError", "WeakRef", "FinalizationRegistry", "BigInt",
}

// tenantMissingMethods are the built-ins' own properties the tenant lacks,
// by object path; prepareGlobal deletes them.
var tenantMissingMethods = map[string][]string{
	"Object":           {"values", "entries", "fromEntries", "setPrototypeOf", "getOwnPropertyDescriptors", "hasOwn"},
	"Array.prototype":  {"flat", "flatMap", "at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced", "with"},
	"String.prototype": {"at", "replaceAll", "matchAll"},
	// RegExp.prototype.flags stays, although Rhino lacks it: goja's own
	// split, replace and match read it to copy a regular expression, and
	// without it they would drop the i, m and g flags.
}
