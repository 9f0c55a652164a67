/*
 * Risk decision: a next-generation Scripted Decision node script.
 * Outcomes: low, high, blocked.
 *
 * Reads the username and the country the request came from, scores the
 * attempt with the riskLib library, and sends risky logins to step-up
 * authentication. Thresholds come from ESVs so they can differ per tenant.
 */
var riskLib = require("riskLib");

var username = nodeState.get("username");
var country = nodeState.get("country") || "unknown";
var known = systemEnv.getProperty("esv.risk.known.countries", "[]", java.util.List);
var threshold = systemEnv.getProperty("esv.risk.threshold", "50", java.lang.Integer);
var blocklist = systemEnv.getProperty("esv.risk.blocked.users", "{}", java.util.Map);

logger.debug("Scoring login for {} from {} in realm {}", username, country, realm);

if (blocklist[username]) {
  logger.warn("User {} is blocked: {}", username, blocklist[username]);
  action.goTo("blocked")
        .withErrorMessage("This account is locked. Contact the help desk.")
        .withLockoutMessage(blocklist[username]);
} else {
  var points = riskLib.score(requestHeaders, known, country);
  var attempt = utils.crypto.randomUUID();
  nodeState.putShared("riskScore", points)
           .putShared("riskAttempt", attempt);
  if (points >= threshold) {
    logger.info("Risk {} >= {}: step-up required for {}", points, threshold, username);
    action.goTo("high").withDescription("step-up: score " + points);
  } else {
    action.goTo("low");
  }
}
