// Attempt: Array.apply with an array-like of length 4e9, which made goja allocate a 64 GB argument list: Go's uncatchable "fatal error: out of memory" killed the whole process.
// Containment: The run's allocation meter (patched goja) refuses the list before it is allocated; the run stops as memory and cannot catch it.
// expect: memory
try { Array.apply(null, {length: 4e9}); } catch (e) { action.goTo("caught"); }
