/*
 * Check verify: a next-generation Scripted Decision node script.
 * Outcomes: verified, notVerified.
 *
 * Looks at the user's most recent PingOne Verify transaction. When it
 * succeeded, reads the name on the verified government ID and the member
 * number from the user's IDM profile, and leaves what the credential needs
 * in shared state for the Issue credential node:
 *   credentialData: {"Member Name": ..., "Member Number": ...}
 *
 * verifyTransactionsHelper finds the PingOne user by shared state
 * pingOneUserId, else by username (set by Identify Existing User).
 */
var username = nodeState.get("username");
var tx = verifyTransactionsHelper.getLastVerifyTransaction();

if (!tx) {
  logger.info("{} has no PingOne Verify transaction", username);
  action.goTo("notVerified").withDescription("Verify your identity first.");
} else if (tx.transactionStatus.status !== "SUCCESS") {
  logger.info("last Verify transaction {} of {} is {}", tx.id, username, tx.transactionStatus.status);
  action.goTo("notVerified").withDescription("Your identity verification did not succeed.");
} else {
  // The listing names the verified data; each item is read for its data,
  // which PingOne keeps for 30 minutes after the decision.
  var list = verifyTransactionsHelper.getVerifiedDataByType(tx.id, "GOVERNMENT_ID");
  var items = list && list._embedded ? list._embedded.verifiedData : [];
  var doc = items.length > 0 ? verifyTransactionsHelper.getVerifiedData(tx.id, items[0].id) : null;
  var id = doc ? doc.data : null;
  var user = openidm.read("managed/" + realm.substring(1) + "_user/" + nodeState.get("_id"));
  var name = id ? id.firstName + " " + id.lastName : user.givenName + " " + user.sn;
  nodeState.putShared("pingOneVerifyTransactionId", tx.id);
  nodeState.putShared("credentialData", {
    "Member Name": name,
    "Member Number": user.custom_memberNumber
  });
  logger.info("{} verified by transaction {} as {}", username, tx.id, name);
  action.goTo("verified");
}
