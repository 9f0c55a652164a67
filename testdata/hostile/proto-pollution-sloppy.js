// Attempt: Polluting Object.prototype and Array.prototype in sloppy mode, as a prototype pollution gadget would.
// Containment: The prototypes are the run's own (AM builds fresh standard objects for every evaluation): the pollution is visible in this run only, and the next run (the probe) sees clean prototypes.
// expect: outcome: polluted
Object.prototype.isAdmin = true;
Array.prototype.includes = function () { return true; };
({}).__proto__.polluted = "yes";
var merged = JSON.parse('{"__proto__": {"isAdmin": true}}');
for (var k in merged) { ({})[k] = merged[k]; }
action.goTo(({}).isAdmin === undefined && ({}).polluted === undefined && ![1].includes(2) ? "contained" : "polluted");
