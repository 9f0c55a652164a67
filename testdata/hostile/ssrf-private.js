// Attempt: SSRF: private and shared ranges (10/8, 172.16/12, 192.168/16, 100.64/10, link-local).
// Containment: Private, shared and link-local addresses are denied without allowPrivate.
// expect: outcome: denied x5
var denied = 0;
["http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/admin", "http://100.64.0.1/", "http://169.254.1.1/"].forEach(function (u) {
  try { httpClient.send(u).get(); } catch (e) { if (e.message.indexOf(" denied: ") >= 0) denied++; }
});
action.goTo("denied x" + denied);
