// Attempt: Polluting Object.prototype and Array.prototype in sloppy mode, as a prototype pollution gadget would.
// Containment: The shared prototypes are frozen: the assignments are silently ignored in sloppy mode, and the next run (the probe) sees clean prototypes.
// expect: outcome: contained
Object.prototype.isAdmin = true;
Array.prototype.includes = function () { return true; };
({}).__proto__.polluted = "yes";
var merged = JSON.parse('{"__proto__": {"isAdmin": true}}');
for (var k in merged) { ({})[k] = merged[k]; }
action.goTo(({}).isAdmin === undefined && ({}).polluted === undefined && ![1].includes(2) ? "contained" : "polluted");
