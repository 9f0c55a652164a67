// Attempt: Leaving globals for the next run: implicit globals, globalThis properties, indirect-eval var declarations and a shadowed binding.
// Containment: Writes land on the run's own global, emptied after the run: the probe sees none of them.
// expect: outcome: left
leaked = 1;
globalThis.leaked2 = 2;
(0, eval)("var leaked3 = 3");
this.leaked4 = 4;
var self = Function("return this")(); self.leaked5 = 5;
logger = {info: function () {}};
action.goTo("left");
