// Attempt: Defining a non-configurable property on the global object so it cannot be cleaned.
// Containment: The global object is the run's own and is dropped with its runtime; the probe that runs next does not see "sticky".
// expect: outcome: defined
Object.defineProperty(globalThis, "sticky", {value: 1, configurable: false});
action.goTo(sticky === 1 ? "defined" : "refused");
