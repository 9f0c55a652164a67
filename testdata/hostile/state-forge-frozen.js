// Attempt: Mutating the frozen value nodeState.get returns, to change the journey's state without putShared.
// Containment: get returns a frozen copy: assignments are ignored in sloppy mode, push throws a TypeError, and nothing reaches the node state.
// expect: outcome: unchanged
var v = nodeState.get("probeObj");
v.admin = true;
try { v.list.push("evil"); } catch (e) { /* frozen: TypeError */ }
action.goTo(nodeState.get("probeObj").admin === undefined ? "unchanged" : "changed");
