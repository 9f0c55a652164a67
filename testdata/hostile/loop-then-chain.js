// Attempt: An endless chain of promise reactions, each scheduling the next (no single long callback).
// Containment: The job queue is drained inside the run; the time limit interrupts it.
// expect: timeout
function again() { return Promise.resolve().then(again); }
again();
action.goTo("never");
