// Attempt: An async function that awaits forever in a loop.
// Containment: Each await is a promise job of this run; the time limit interrupts it (or, when the garbage of its promises outgrows the collector first, the memory budget: the watchdog counts heap not yet swept).
// expect: timeout|memory
(async function () { for (;;) { await null; } })();
action.goTo("never");
