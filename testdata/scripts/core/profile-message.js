// Build a greeting from the user's names in state, or fail with a message.
var username = nodeState.get("username");
var given = nodeState.get("givenName");
var family = nodeState.get("sn");
if (!(given && family)) {
  action.goTo("Failure").withErrorMessage("No names on file for " + username);
} else {
  nodeState.putShared("message", given + " " + family + " signed in");
  action.goTo("Success").withDescription("greeted " + username);
}
