// Attempt: Replacing Array.prototype.map in strict mode.
// Containment: Array.prototype is the run's own: the replacement works in this run only, and the probe that runs next maps as usual.
// expect: outcome: pwned
"use strict";
Array.prototype.map = function () { return ["pwned"]; };
action.goTo([1].map(String)[0]);
