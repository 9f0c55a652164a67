// Attempt: Recursion through a getter on an object.
// Containment: The call stack limit.
// expect: stack-overflow
var o = {get x() { return this.x; }};
o.x;
