// Attempt: An endless chain of promise reactions, each scheduling the next (no single long callback).
// Containment: The job queue is drained inside the run; the time limit interrupts it (or, when the garbage of its promises outgrows the collector first, the memory budget: the watchdog counts heap not yet swept).
// expect: timeout|memory
function again() { return Promise.resolve().then(again); }
again();
action.goTo("never");
