// Attempt: Replacing Array.prototype.map in strict mode.
// Containment: Frozen built-ins: the assignment throws a TypeError that says why.
// expect: exception: TypeError: Cannot assign to Array.prototype.map
"use strict";
Array.prototype.map = function () { return ["pwned"]; };
