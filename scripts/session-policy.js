// Session policy: after sign-in, record the sign-in on the user's profile
// and set how long the session may last. A request that already carries a
// session (existingSession is bound only then) is a step-up: a shorter
// session, and the pending step-up marker an earlier node put is removed.
// Outcomes: fresh, step-up, unknown (no such user in IDM).

function main() {
  var id = nodeState.get("_id");
  try {
    openidm.patch("managed/alpha_user/" + id, null,
      [{operation: "replace", field: "/description", value: "signed in"}]);
  } catch (e) {
    // e.javaException is IDM's ResourceException; logged last, it is the
    // log line's exception, not a placeholder argument.
    logger.warn("no profile for {}", id, e.javaException);
    nodeState.putShared("idmError", e.javaException.getCode() + " " + e.javaException.getReason());
    return "unknown";
  }
  var stepUp = typeof existingSession !== "undefined";
  if (stepUp) {
    logger.info("{} steps up from level {}", id, existingSession.get("authLevel"));
    action.withMaxSessionTime(60).withMaxIdleTime(15).removeSessionProperty("stepUpPending");
  } else {
    action.withMaxSessionTime(480).withMaxIdleTime(30);
  }
  action.putSessionProperty("sessionPolicy", stepUp ? "step-up" : "fresh").withIdentifiedUser(id);
  return stepUp ? "step-up" : "fresh";
}

action.goTo(main());
