// Attempt: Replacing Array.prototype.map in strict mode.
// Containment: Frozen built-ins: in strict mode the assignment throws a TypeError.
// expect: exception: TypeError: Cannot assign to read only property 'map'
"use strict";
Array.prototype.map = function () { return ["pwned"]; };
