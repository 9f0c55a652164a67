// Attempt: Allocating a typed array of 10^9 elements, then filling it, in single native calls.
// Containment: The allocation meter refuses the gigabyte buffer before it is allocated; the run stops as memory and cannot catch it.
// expect: memory
try { new Uint8Array(1e9).fill(1); } catch (e) { action.goTo("caught"); }
