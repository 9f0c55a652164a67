// Attempt: Single native calls that allocate a huge result at once (repeat, padStart, Array.fill, Array.from, join), which no interrupt can stop midway.
// Containment: The runtime's allocation meter charges each before it allocates and stops the run, uncatchably, when the charge passes the memory budget: nothing huge is ever allocated.
// expect: memory
var refused = 0;
function attempt(f) { try { f(); } catch (e) { refused++; } }
attempt(function () { "x".repeat(1e9); });
attempt(function () { "".padStart(1e9, "x"); });
attempt(function () { "".padEnd(1e9, "x"); });
attempt(function () { new Array(1e9).fill(0); });
attempt(function () { Array.from({length: 1e9}); });
attempt(function () { new Array(1e8).join("xxxxxxxx"); });
action.goTo("refused x" + refused);
