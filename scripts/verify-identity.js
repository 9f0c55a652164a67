/*
 * Identity check: the script of a PingOne Verify Completion Decision node
 * (context verify-completion). The node picks its outcome from the user's
 * latest Verify transaction; this script adds what the rest of the journey
 * needs to shared state.
 *
 * On success it copies the names from the government ID into node state
 * (PingOne keeps verified data for 30 minutes after the decision only),
 * records the liveness score, and keeps the PingOne profile's name in line
 * with the checked document.
 */
var helper = verifyTransactionsHelper;
var tx = helper.getLastVerifyTransaction();
var status = tx ? tx.transactionStatus.status : "NONE";
nodeState.putShared("verifyStatus", status);

if (["SUCCESS", "APPROVED_MANUALLY", "APPROVED_NO_REQUEST"].indexOf(status) < 0) {
  logger.info("latest Verify transaction is {}", status);
} else {
  var docs = helper.getVerifiedDataByType(tx.id, "GOVERNMENT_ID");
  if (docs === null || docs.size === 0) {
    logger.warn("verified data of {} is no longer available", tx.id);
    nodeState.putShared("verifyStatus", "DATA_EXPIRED");
  } else {
    var id = helper.getVerifiedData(tx.id, docs._embedded.verifiedData[0].id).data;
    var meta = helper.getAllMetadata(tx.id);
    var liveness = (meta ? meta._embedded.metaData : []).filter(function (m) { return m.type === "LIVENESS"; });
    nodeState.putShared("verifiedGivenName", id.firstName)
             .putShared("verifiedFamilyName", id.lastName)
             .putShared("livenessScore", liveness.length ? liveness[0].data.score : null);
    var user = helper.getUser();
    if (!user.name || user.name.family !== id.lastName) {
      helper.updateUser({ username: user.username, email: user.email, name: { given: id.firstName, family: id.lastName } });
    }
  }
}
