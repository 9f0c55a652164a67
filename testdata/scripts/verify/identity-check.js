/*
 * Identity check after PingOne Verify: a Scripted Decision node placed after
 * the PingOne Verify nodes. Outcomes: verified, notVerified, expired.
 *
 * Reads the user's latest Verify transaction; on success copies the names
 * and birth date from the government ID into node state (they can only be
 * read for 30 minutes after the decision) and records the liveness score.
 */
var helper = verifyTransactionsHelper;
var tx = helper.getLastVerifyTransaction();
var status = tx ? tx.transactionStatus.status : "NONE";

if (["SUCCESS", "APPROVED_MANUALLY", "APPROVED_NO_REQUEST"].indexOf(status) < 0) {
  logger.info("latest Verify transaction is {}", status);
  action.goTo("notVerified").withDescription("Verify transaction " + status);
} else {
  var docs = helper.getVerifiedDataByType(tx.id, "GOVERNMENT_ID");
  if (docs === null || docs.size === 0) {
    logger.warn("verified data of {} is no longer available", tx.id);
    action.goTo("expired");
  } else {
    var id = helper.getVerifiedData(tx.id, docs._embedded.verifiedData[0].id).data;
    var meta = helper.getAllMetadata(tx.id);
    var liveness = (meta ? meta._embedded.metaData : []).filter(function (m) { return m.type === "LIVENESS"; });
    nodeState.putShared("verifiedGivenName", id.firstName)
             .putShared("verifiedFamilyName", id.lastName)
             .putShared("livenessScore", liveness.length ? liveness[0].data.score : null);
    var user = helper.getUser();
    if (!user.name || user.name.family !== id.lastName) {
      // Keep PingOne's profile in line with the checked document.
      helper.updateUser({ username: user.username, email: user.email, name: { given: id.firstName, family: id.lastName } });
    }
    action.goTo("verified");
  }
}
