// Attempt: Swapping the global object's prototype (Object.setPrototypeOf(globalThis, …)) to hide built-ins from later runs.
// Containment: Each run has its own global; its prototype is put back after the run.
// expect: outcome: swapped
Object.setPrototypeOf(globalThis, {JSON: {stringify: function () { return "pwned"; }}});
action.goTo("swapped");
