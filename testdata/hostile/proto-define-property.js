// Attempt: Defining an accessor on Object.prototype with Object.defineProperty (a toJSON trap for every object).
// Containment: Object.prototype is frozen (not extensible): defineProperty throws.
// expect: exception: TypeError
Object.defineProperty(Object.prototype, "toJSON", {get: function () { return function () { return "pwned"; }; }});
