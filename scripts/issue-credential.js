/*
 * Issue credential: a next-generation Scripted Decision node script.
 * Outcomes: issued, noWallet, error.
 *
 * Issues a PingOne verifiable credential (a MANAGED credential type) to the
 * digital wallet the journey's user paired earlier. The credential's values
 * come from node state (collected by earlier nodes); PingOne hands them to
 * the wallet and does not keep them.
 *
 *   ESVs     esv.pingone.environment.id, esv.pingone.region (NA, EU, CA, AP, AU),
 *            esv.pingone.credential.type (the credential type's title)
 *   secrets  scripted.node.pingone.client.id, scripted.node.pingone.client.secret
 *            (a worker application of the environment)
 *   state    username, and credentialData: {<field title>: value, ...}
 */
var DOMAINS = { NA: "com", EU: "eu", CA: "ca", AP: "asia", ASIA: "asia", AU: "com.au" };

var envId = systemEnv.getProperty("esv.pingone.environment.id");
var region = String(systemEnv.getProperty("esv.pingone.region", "NA")).toUpperCase();
var typeTitle = systemEnv.getProperty("esv.pingone.credential.type", "Membership");
var domain = DOMAINS[region] || "com";
var api = "https://api.pingone." + domain + "/v1/environments/" + envId;

function fail(description, cause) {
  logger.error("issue credential: {}: {}", description, cause);
  action.goTo("error")
        .withDescription(description)
        .withErrorMessage("We could not add the credential to your wallet. Please try again later.");
}

// workerToken gets an access token for the worker application (client
// credentials, client_secret_post: AIC's httpClient does not send an
// Authorization header a script sets, so client_secret_basic cannot work).
function workerToken() {
  var id = secrets.getGenericSecret("scripted.node.pingone.client.id").getAsUtf8();
  var secret = secrets.getGenericSecret("scripted.node.pingone.client.secret").getAsUtf8();
  var response = httpClient.send("https://auth.pingone." + domain + "/" + envId + "/as/token", {
    method: "POST",
    form: { grant_type: "client_credentials", client_id: id, client_secret: secret }
  }).get();
  if (response.status !== 200) {
    throw new Error("token endpoint answered " + response.status + ": " + response.text());
  }
  return response.json().access_token;
}

// pingone sends one API call and returns the parsed answer, or throws with
// PingOne's status and message.
function pingone(token, method, path, body) {
  var options = { method: method, token: token };
  if (body) {
    options.body = body;
  }
  var response = httpClient.send(api + path, options).get();
  if (response.status < 200 || response.status > 299) {
    var detail = response.text();
    throw new Error(method + " " + path + " answered " + response.status + ": " + detail);
  }
  return response.json();
}

function run() {
  var username = nodeState.get("username");
  var data = nodeState.get("credentialData");
  if (!username || !data) {
    return fail("node state lacks username or credentialData", "username=" + username);
  }
  var token = workerToken();

  var filter = encodeURIComponent('username eq "' + String(username).replace(/"/g, '\\"') + '"');
  var users = pingone(token, "GET", "/users?filter=" + filter)._embedded.users;
  if (users.length === 0) {
    return fail("no PingOne user " + username, "user search found nothing");
  }
  var userId = users[0].id;
  nodeState.putShared("pingOneUserId", userId);

  var wallets = pingone(token, "GET", "/users/" + userId + "/digitalWallets")._embedded.digitalWallets;
  var paired = wallets.filter(function (w) { return w.status === "ACTIVE"; });
  if (paired.length === 0) {
    logger.info("{} has no paired wallet ({} pending)", username, wallets.length);
    action.goTo("noWallet").withDescription("Pair a digital wallet before asking for the credential.");
    return;
  }

  var types = pingone(token, "GET", "/credentialTypes")._embedded.items.filter(function (t) {
    return t.title === typeTitle && !t.deletedAt;
  });
  if (types.length === 0) {
    return fail("no credential type " + typeTitle, "credential type search found nothing");
  }

  var credential = pingone(token, "POST", "/users/" + userId + "/credentials", {
    credentialType: { id: types[0].id },
    data: data
  });
  logger.info("issued {} credential {} to {} ({})", typeTitle, credential.id, username, credential.status);
  nodeState.putShared("pingOneCredentialId", credential.id);
  action.goTo("issued").withDescription(typeTitle + " credential " + credential.status.toLowerCase());
}

try {
  run();
} catch (e) {
  fail("PingOne call failed", e.message);
}
