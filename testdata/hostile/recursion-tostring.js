// Attempt: Recursion through implicit conversion (toString calling String(this)).
// Containment: The call stack limit counts native conversions too.
// expect: stack-overflow
var o = {};
o.toString = function () { return String(this); };
String(o);
