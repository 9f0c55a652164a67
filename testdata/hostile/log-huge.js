// Attempt: Logging huge messages, many times, to exhaust the host's memory through the log sink and the result.
// Containment: Each message is cut at 64 KiB and a run keeps at most 10000 records.
// expect: outcome: logged
var big = "x".repeat(1024 * 1024);
for (var i = 0; i < 10; i++) { logger.error(big); logger.error("{}", big); }
action.goTo("logged");
