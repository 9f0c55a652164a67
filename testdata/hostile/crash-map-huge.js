// Attempt: new Array(4e9).map(f), whose result array goja allocated whole and died out of memory.
// Containment: The allocation meter refuses the result before it is allocated; the run stops as memory.
// expect: memory
new Array(4e9).map(function (x) { return x; });
