// Attempt: SSRF through redirects: a public server that redirects to the metadata service and to loopback.
// Containment: Every redirect hop goes through the same checks.
// expect: outcome: denied x2
var denied = 0;
["http://public.test/redirect?to=http://169.254.169.254/latest/meta-data/", "http://public.test/redirect?to=http://127.0.0.1:8080/admin"].forEach(function (u) {
  try { httpClient.send(u).get(); } catch (e) { if (e.message.indexOf(" denied: ") >= 0) denied++; }
});
action.goTo("denied x" + denied);
