// Attempt: Replacing JSON.parse, Math.random and Date.now to fool later runs.
// Containment: Every run has fresh standard objects (as AM builds them for every evaluation): the replacements work for this run only, and the probe that runs next sees the originals.
// expect: outcome: replaced
"use strict";
JSON.parse = function () { return {admin: true}; };
Math.random = function () { return 0; };
Date.now = function () { return 0; };
action.goTo(JSON.parse("{}").admin && Math.random() === 0 && Date.now() === 0 ? "replaced" : "refused");
