// Attempt: An exception whose toString never returns, to hang the host while it formats the error.
// Containment: toString runs under the run's time limit; the run is reported as timed out and its runtime discarded.
// expect: timeout
throw {toString: function () { for (;;) {} }};
