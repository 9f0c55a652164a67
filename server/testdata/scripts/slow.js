// Busy for about ms milliseconds (from shared state), then decides.
var ms = nodeState.get("ms") || 100;
var end = Date.now() + ms;
while (Date.now() < end) {}
action.goTo("done");
