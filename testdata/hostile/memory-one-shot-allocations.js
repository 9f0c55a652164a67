// Attempt: Single native calls that allocate a huge result at once (repeat, padStart, Array.fill, Array.from, join), which no interrupt can stop midway.
// Containment: The size guards in harden refuse sizes over the memory budget with a RangeError before allocating; the script catches each.
// expect: outcome: refused x6
var refused = 0;
function attempt(f) { try { f(); } catch (e) { if (e instanceof RangeError) refused++; } }
attempt(function () { "x".repeat(1e9); });
attempt(function () { "".padStart(1e9, "x"); });
attempt(function () { "".padEnd(1e9, "x"); });
attempt(function () { new Array(1e9).fill(0); });
attempt(function () { Array.from({length: 1e9}); });
attempt(function () { new Array(1e8).join("xxxxxxxx"); });
action.goTo("refused x" + refused);
