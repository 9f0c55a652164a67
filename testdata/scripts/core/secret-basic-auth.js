// Build a Basic authorization header from a secret, without calling out.
var password = secrets.getGenericSecret("scripted.node.example.secret").getAsUtf8();
var credentials = utils.base64.encode("bjensen:" + password);
nodeState.putTransient("authorization", "Basic ".concat(credentials));
action.goTo("true");
