// Attempt: Reaching a host object through Function('return this')(), eval and Reflect.
// Containment: Every path yields the run's own global, which holds only the bindings: nothing of the host.
// expect: outcome: nothing
var g = Function("return this")();
var e = (0, eval)("this");
var found = [];
["process", "Java", "Packages", "global", "os", "setTimeout", "console", "load", "importPackage"].forEach(function (n) {
  if (typeof g[n] !== "undefined" || typeof e[n] !== "undefined") { found.push(n); }
});
action.goTo(found.length ? "found " + found.join(",") : "nothing");
