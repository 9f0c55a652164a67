// Attempt: An endless chain of HTTP requests, each callback sending the next.
// Containment: The run waits for its requests only until its time limit.
// expect: timeout
function again() { return httpClient.send("https://local.test/ok").then(again); }
again();
action.goTo("never");
