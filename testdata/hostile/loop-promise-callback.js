// Attempt: An infinite loop inside a promise callback, after the body has finished.
// Containment: Promise jobs run inside the run; the time limit interrupts them.
// expect: timeout
Promise.resolve().then(function () { for (;;) {} });
action.goTo("never");
