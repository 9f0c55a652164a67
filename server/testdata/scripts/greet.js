// greet: reads the user from shared state, a secret, an ESV and a library.
var util = require("util2");
var user = nodeState.get("username");
var key = secrets.getGenericSecret("scripted.node.greet.key").getAsUtf8();
var threshold = systemEnv.getProperty("esv.greet.threshold", "0", java.lang.Integer);
nodeState.putShared("greeting", util.greet(user) + " (" + key.length + "," + threshold + ")");
var ua = requestHeaders.get("user-agent");
nodeState.putShared("ua", ua ? ua[0] : null);
nodeState.putShared("realm", realm);
logger.info("greeted {}", user);
action.goTo(user ? "known" : "unknown");
