// Attempt: SSRF through DNS: a name that resolves only to a private address, and one that resolves to a private and a public address (the rebinding pattern).
// Containment: Every resolved address is checked after resolution and only a checked address is dialed: the first name is denied, the second reaches only its public address.
// expect: outcome: denied private address, then public
var out = [];
try { httpClient.send("http://internal.test/").get(); } catch (e) { if (e.message.indexOf("denied: private address") >= 0) out.push("denied private address"); }
out.push(httpClient.send("http://rebind.test/").get().text());
action.goTo(out.join(", then "));
