// Walks one managed user through its whole life with the openidm binding:
// create it, read it back, replace it, patch one field, find it with a
// query, mail it, and remove it. Each step leaves a trace in shared state so
// a test can check what the script saw.
var login = nodeState.get("username") || "akovacs";
var users = "managed/alpha_user";

var made = openidm.create(users, null, {
    userName: login,
    mail: login + "@example.org",
    givenName: "Ana",
    sn: "Kovacs"
});
var id = made._id;
nodeState.putShared("createdRev", made._rev);

var stored = openidm.read(users + "/" + id);
if (stored === null || stored.userName !== login) {
    throw new Error("read did not return the new user");
}
logger.debug("stored user: " + JSON.stringify(stored));

// Replace the whole object: add a description, keep the rest.
stored.description = "Created by the IDM walkthrough";
var replaced = openidm.update(users + "/" + id, null, stored);
nodeState.putShared("updatedRev", replaced._rev);

// Change only the mail address.
var patched = openidm.patch(users + "/" + id, replaced._rev, [
    {operation: "replace", field: "/mail", value: "ana.kovacs@example.org"}
]);
nodeState.putShared("mail", patched.mail);
nodeState.putShared("patchedRev", patched._rev);

var found = openidm.query(users, {_queryFilter: '/userName eq "' + login + '"'}, ["*", "_id"]);
logger.debug("matches: " + found.resultCount);
nodeState.putShared("matches", found.resultCount);
nodeState.putShared("foundGivenName", found.result[0].givenName);
nodeState.putShared("description", found.result[0].description);

var sent = openidm.action("external/email", "send", {
    from: "noreply@example.org",
    to: patched.mail,
    subject: "Welcome aboard",
    body: "Your account is ready."
});
nodeState.putShared("emailStatus", sent.status + " / " + sent.message);

var removed = openidm.delete(users + "/" + id, null);
nodeState.putShared("deletedUser", removed.userName);
nodeState.putShared("readAfterDelete", openidm.read(users + "/" + id));

action.goTo("true");
