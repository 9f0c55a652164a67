// Library script: a shared helper for logging which script is running.
exports.note = function (log, name) {
  log.debug("Now running script " + name);
};
