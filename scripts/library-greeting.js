/*
 * Greeting: a Scripted Decision script that uses a library script
 * (lib/greetings.js, registered as "greetings") and passes it nodeState,
 * which a library cannot reach on its own.
 */
var greetings = require("greetings");
try {
    nodeState.putShared("greeting", greetings.greet(nodeState));
    action.goTo("true");
} catch (e) {
    logger.error("cannot greet: {}", e.message);
    action.goTo("false");
}
