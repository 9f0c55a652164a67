// Attempt: Scheduling work that outlives the run with setTimeout/setInterval.
// Containment: There are no timers in next-generation scripts.
// expect: exception: ReferenceError: setTimeout is not defined
setTimeout(function () { for (;;) {} }, 0);
