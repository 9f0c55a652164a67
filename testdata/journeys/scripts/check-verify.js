/*
 * Check verify: a next-generation PingOne Verify Completion Decision script
 * (context PINGONE_VERIFY_COMPLETION_DECISION_NODE).
 *
 * The PingOne Verify Completion Decision node picks its own outcome from the
 * status of the user's most recent PingOne Verify transaction: Success, Not
 * Started, Not Completed, Expired or Failure. This script does not choose
 * (it has no action binding); it adds to the journey what later nodes need.
 *
 * When the last transaction succeeded, it reads the name on the verified
 * government ID and the member number from the user's IDM profile, and
 * leaves what the credential needs in shared state for the Issue credential
 * node:
 *   credentialData: {"Member Name": ..., "Member Number": ...}
 *
 * verifyTransactionsHelper finds the PingOne user by shared state
 * pingOneUserId, else by username (set by Identify Existing User).
 */
var username = nodeState.get("username");
var tx = verifyTransactionsHelper.getLastVerifyTransaction();

if (!tx) {
  logger.info("{} has no PingOne Verify transaction", username);
} else if (tx.transactionStatus.status !== "SUCCESS") {
  logger.info("last Verify transaction {} of {} is {}", tx.id, username, tx.transactionStatus.status);
} else {
  // The listing names the verified data; each item is read for its data,
  // which PingOne keeps for 30 minutes after the decision.
  var list = verifyTransactionsHelper.getVerifiedDataByType(tx.id, "GOVERNMENT_ID");
  var items = list && list._embedded ? list._embedded.verifiedData : [];
  var doc = items.length > 0 ? verifyTransactionsHelper.getVerifiedData(tx.id, items[0].id) : null;
  var id = doc ? doc.data : null;
  var user = openidm.read("managed/" + realm.substring(1) + "_user/" + nodeState.get("_id"));
  var name = id ? id.firstName + " " + id.lastName : user.givenName + " " + user.sn;
  nodeState.putShared("credentialData", {
    "Member Name": name,
    "Member Number": user.custom_memberNumber
  });
  logger.info("{} verified by transaction {} as {}", username, tx.id, name);
}
