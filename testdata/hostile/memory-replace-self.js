// Attempt: s.replace(/a/g, s) on a 200,000-character string: a 40-billion-character result built inside one native call, growing to gigabytes past any limit.
// Containment: replace charges the result to the allocation meter as it writes it, and its loop checks the interrupt flag.
// time-limit: 3s
// expect: memory|timeout
var s = "a".repeat(200000);
s.replace(/a/g, s);
