// Attempt: Sorting an array whose length is 2^32-1, which made goja allocate a 64 GB copy and killed the process.
// Containment: The allocation meter refuses the copy before it is made; the run stops as memory.
// expect: memory
var a = []; a.length = 4294967295; a[0] = 1; a.sort();
