// Attempt: Replacing methods on the binding objects themselves (action.goTo, nodeState.get).
// Containment: Binding objects are frozen: strict-mode assignment throws.
// expect: exception: TypeError
"use strict";
nodeState.get = function () { return "forged"; };
