// Blocking call: ask an authentication service whether the user in node
// state may sign in, and follow its answer. get() waits for the response,
// so the outcome can depend on it.
var authLib = require("authLib");

var response = httpClient.send("http://auth.example.test/authenticate", {
  method: "POST",
  // token becomes the Authorization: Bearer … header.
  token: authLib.bearerFor(nodeState),
  body: { username: nodeState.get("username") }
}).get();

action.goTo(response.status === 200 ? "true" : "false");
