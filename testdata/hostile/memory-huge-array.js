// Attempt: Growing an array without end, with a 1,000-element array and a megabyte string per step.
// Containment: The per-run memory budget stops the run; the runtime is discarded.
// expect: memory
var chunk = "x";
for (var k = 0; k < 20; k++) { chunk += chunk; }
var row = [];
for (var j = 0; j < 1000; j++) { row.push(j); }
var a = [];
for (var i = 0; ; i++) { a.push(row.slice(), chunk.slice(i % 7) + i); }
