// Attempt: s.replaceAll("a", s) on a 200,000-character string (the string path, without a regular expression).
// Containment: The allocation meter and the interrupt check in replace's loop.
// time-limit: 3s
// expect: memory|timeout
var s = "a".repeat(200000);
s.replaceAll("a", s);
