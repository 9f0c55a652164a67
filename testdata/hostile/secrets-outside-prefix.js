// Attempt: Reading secrets outside scripted.node. (the HTTP client's mTLS key, AM's own secrets), also with tricks (case, path segments).
// Containment: The secrets binding refuses every label that does not begin with scripted.node. before asking the store.
// expect: outcome: refused x4
var refused = 0;
["am.services.httpclient.mtls.clientcert.x.secret", "SCRIPTED.NODE.ok", "scripted.node/../am.services.httpclient.mtls.clientcert.x.secret", "am.global.services.session.clientbased.encryption"].forEach(function (l) {
  try { secrets.getGenericSecret(l).getAsUtf8(); } catch (e) { refused++; }
});
action.goTo("refused x" + refused);
