// Attempt: SSRF: reading cloud instance metadata (169.254.169.254, metadata.google.internal).
// Containment: Metadata addresses and names are always denied, even with allowPrivate.
// expect: outcome: denied cloud metadata address x2
var rules = [];
["http://169.254.169.254/latest/meta-data/iam/security-credentials/", "http://metadata.google.internal/computeMetadata/v1/"].forEach(function (u) {
  try { httpClient.send(u).get(); } catch (e) { if (e.message.indexOf("denied: cloud metadata address") >= 0) rules.push(1); }
});
action.goTo("denied cloud metadata address x" + rules.length);
