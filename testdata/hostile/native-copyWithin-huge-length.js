// Attempt: One native call, a.copyWithin(0, 1), on an array of length 2^32-1: a loop of 4 billion steps inside goja, where the time limit used not to reach (goja checked it only between instructions), ran for minutes.
// Containment: Native loops check the interrupt flag (patched goja), so the watchdog stops the call at the time limit; whatever it allocates is charged to the memory budget.
// expect: timeout|memory
var a = []; a.length = 4294967295;
a.copyWithin(0, 1);
