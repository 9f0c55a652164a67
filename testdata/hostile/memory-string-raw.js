// Attempt: String.raw with a raw array-like of length 1e9: a billion "undefined" segments joined in one native call.
// Containment: String.raw charges each segment to the allocation meter and checks the interrupt flag.
// time-limit: 3s
// expect: memory|timeout
String.raw({raw: {length: 1e9}});
