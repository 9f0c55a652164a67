// Attempt: Defining an accessor on Object.prototype with Object.defineProperty (a toJSON trap for every object).
// Containment: Object.prototype is the run's own: the trap works in this run only, and the probe that runs next sees a clean Object.prototype.
// expect: outcome: "pwned"
Object.defineProperty(Object.prototype, "toJSON", {get: function () { return function () { return "pwned"; }; }});
action.goTo(JSON.stringify({a: 1}));
