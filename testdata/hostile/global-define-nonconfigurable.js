// Attempt: Defining a non-configurable property on the global object so it cannot be cleaned.
// Containment: The per-run global refuses non-configurable definitions with a TypeError.
// expect: exception: TypeError
Object.defineProperty(globalThis, "sticky", {value: 1, configurable: false});
