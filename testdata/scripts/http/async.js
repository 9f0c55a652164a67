// Fire-and-follow-up call: tell an audit service about the sign-in without
// making the journey wait for it. The outcome is chosen straight away; the
// callbacks run when the audit service answers.
var auditURL = "http://audit.example.test/events";

httpClient.send(auditURL, {
  method: "POST",
  body: { user: nodeState.get("username"), event: "login" }
}).then(function (response) {
  if (response.status !== 202) {
    logger.error("audit service answered " + response.status + " " + response.statusText);
    return;
  }
  logger.debug("audit event stored for " + response.json().user);
}).catch(function (e) {
  logger.error("audit call to " + auditURL + " failed: " + e.message);
});

action.goTo("true");
