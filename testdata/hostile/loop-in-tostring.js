// Attempt: An exception whose toString never returns, to hang the host while it formats the error.
// Containment: toString runs under the run's time limit; the host reports that it failed.
// expect: exception: Uncaught exception (its toString failed)
throw {toString: function () { for (;;) {} }};
