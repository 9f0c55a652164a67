// Attempt: Splitting a 20 MB string into 2x10^7 one-character strings in one native call (gigabytes of pieces).
// Containment: split charges its pieces to the allocation meter before SplitN allocates them.
// time-limit: 3s
// expect: memory|timeout
var s = "x".repeat(2e7);
s.split("");
