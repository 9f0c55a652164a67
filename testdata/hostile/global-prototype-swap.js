// Attempt: Swapping the global object's prototype (Object.setPrototypeOf(globalThis, …)) to hide built-ins from later runs.
// Containment: The global object is the run's own and is dropped with its runtime. Within the run the swap hides the bindings, which live on the global's prototype (AM keeps them in its engine scope), so naming action fails.
// expect: exception: ReferenceError: action is not defined
Object.setPrototypeOf(globalThis, {JSON: {stringify: function () { return "pwned"; }}});
action.goTo("swapped");
