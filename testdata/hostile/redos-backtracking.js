// Attempt: Catastrophic regexp backtracking in a pattern only regexp2 runs (a backreference), which an interrupt cannot stop.
// Containment: RegexpMatchTimeout ends the match with a catchable Error naming the limit (never "no match"); uncaught, it ends the run as an exception (or the run's time limit stops it first).
// expect: exception: RegExp match exceeded its time limit|timeout
for (;;) { /^(a+)+\1$/.test("a".repeat(40) + "!"); }
