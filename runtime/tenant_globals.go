package runtime

// What AIC's Rhino (1.7.14, language version 0) does not have, measured
// with the conformance oracle (conformance/probes/globals.js,
// statics.js, strings.js, arrays.js): at the tenant language level these are
// absent, so a script that uses them fails here as it fails there.

// tenantHiddenGlobals are globals goja has and the tenant lacks: naming one
// is the ReferenceError AIC gives, and typeof says "undefined". They stay on
// the pristine global, where the runtime's own set-up uses some of them;
// the run's global answers as if they were not there.
var tenantHiddenGlobals = map[string]bool{
	"Map": true, "Set": true, "WeakMap": true, "WeakSet": true, "Symbol": true,
	"Promise": true, "Proxy": true, "Reflect": true,
	"ArrayBuffer": true, "SharedArrayBuffer": true, "DataView": true,
	"Int8Array": true, "Uint8Array": true, "Uint8ClampedArray": true, "Int16Array": true,
	"Uint16Array": true, "Int32Array": true, "Uint32Array": true, "Float32Array": true,
	"Float64Array": true, "BigInt64Array": true, "BigUint64Array": true,
	"AggregateError": true, "WeakRef": true, "FinalizationRegistry": true, "BigInt": true,
}

// tenantMissingMethods are the built-ins' own properties the tenant lacks,
// by object path; the harden program deletes them before it freezes the
// built-ins.
var tenantMissingMethods = map[string][]string{
	"Object":           {"values", "entries", "fromEntries", "setPrototypeOf", "getOwnPropertyDescriptors", "hasOwn"},
	"Array.prototype":  {"flat", "flatMap", "at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced", "with"},
	"String.prototype": {"at", "replaceAll", "matchAll"},
	"RegExp.prototype": {"flags"},
}
