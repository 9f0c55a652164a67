// Attempt: An infinite loop in an httpClient .then callback (a local in-process route).
// Containment: Callbacks run on the run's event loop; the time limit interrupts them and the runtime is discarded.
// expect: timeout
httpClient.send("https://local.test/ok").then(function () { for (;;) {} });
action.goTo("never");
