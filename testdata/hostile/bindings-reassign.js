// Attempt: Reassigning the bindings (action, nodeState, secrets) with fakes.
// Containment: Assignments shadow the bindings on this run's global only: this run loses its real action binding (no outcome) and the probe sees the real ones.
// expect: no-outcome
action = {goTo: function () { return this; }};
nodeState = {get: function () { return "forged"; }};
secrets = {getGenericSecret: function () { return "forged"; }};
action.goTo("true");
