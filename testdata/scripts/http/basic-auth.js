// Call a service protected by HTTP basic authentication. The password is
// kept in a secret (an ESV), so the script never contains it.
var password = secrets.getGenericSecret("scripted.node.example.secret").getAsUtf8();
var credentials = utils.base64.encode("bjensen:" + password);

var response = httpClient.send("http://httpbin.example.test/basic-auth/bjensen/passwd", {
  headers: {
    "Accept": "application/json",
    "Authorization": "Basic " + credentials
  }
}).get();

if (response.status !== 200) {
  logger.warn("basic authentication refused with status " + response.status);
  action.goTo("false");
} else {
  logger.debug("authenticated: " + response.json().authenticated);
  action.goTo("true");
}
