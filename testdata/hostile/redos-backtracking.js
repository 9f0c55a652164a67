// Attempt: Catastrophic regexp backtracking in a pattern only regexp2 runs (a backreference), which an interrupt cannot stop.
// Containment: RegexpMatchTimeout ends the match; the run's time limit then stops the script.
// expect: timeout
for (;;) { /^(a+)+\1$/.test("a".repeat(40) + "!"); }
