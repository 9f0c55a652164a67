// Attempt: SSRF: the host's loopback interface in every spelling (127.0.0.1, [::1], [::ffff:127.0.0.1], 0.0.0.0, localhost-like names that resolve to 127.0.0.1).
// Containment: Addresses are checked after resolution: loopback, unspecified and mapped addresses are denied.
// expect: outcome: denied x5
var denied = 0;
["http://127.0.0.1:22/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://loopback.test/"].forEach(function (u) {
  try { httpClient.send(u).get(); } catch (e) { if (e.message.indexOf(" denied: ") >= 0) denied++; }
});
action.goTo("denied x" + denied);
