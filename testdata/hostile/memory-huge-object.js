// Attempt: Adding megabyte-sized properties to one object without end.
// Containment: The per-run memory budget.
// expect: memory
var chunk = "x";
for (var k = 0; k < 20; k++) { chunk += chunk; }
var o = {};
for (var i = 0; ; i++) { o["key" + i] = chunk.slice(i % 7) + i; }
