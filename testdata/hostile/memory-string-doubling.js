// Attempt: Doubling a string until memory runs out.
// Containment: The per-run memory budget (the watchdog samples the heap) or goja's string length limit stops it.
// expect: memory|exception: RangeError
var s = "x";
for (;;) { s = s + s; }
