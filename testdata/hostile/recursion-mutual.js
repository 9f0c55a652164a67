// Attempt: Mutual recursion between two functions.
// Containment: The call stack limit.
// expect: stack-overflow
function ping(n) { return pong(n + 1); }
function pong(n) { return ping(n + 1); }
ping(0);
