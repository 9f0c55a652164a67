// Sanity probes: the harness itself.

// probe: value
// result: 1 + 2
var unused = 0;

// probe: let-top
// result: x
let x = 1;

// probe: const-top
// result: c
const c = 5;

// probe: throws
null.x;
