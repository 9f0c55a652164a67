// Greets the user in node state and sends admins elsewhere.
var greet = require("greet");
var name = nodeState.get("username");
var admins = systemEnv.getProperty("esv.admins", "[]", java.util.List);
var greeting = greet.hello(name, systemEnv.getProperty("esv.greeting", "Hi"));
logger.debug("greeting {}", name);
logger.info("said {}", greeting);
nodeState.putShared("greeting", greeting).putTransient("seen", true);
if (admins.indexOf(name) >= 0) {
  logger.warn("admin {} signed in", name);
  action.goTo("admin").withHeader(greeting).withDescription("Admin console");
} else {
  action.goTo("user").withHeader(greeting).withDescription("tier " + nodeState.get("profile").tier);
}
