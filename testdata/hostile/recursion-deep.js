// Attempt: Unbounded recursion to exhaust the stack.
// Containment: goja's call stack limit (MaxCallStackSize) raises a stack-overflow error.
// expect: stack-overflow
function down(n) { return down(n + 1) + 1; }
down(0);
