// Log at every level, with placeholders, and record which levels are on.
var arg = "value";
logger.trace("Trace with arg {}", arg);
logger.debug("Debug with arg {}", arg);
logger.info("Info with arg {}", arg);
logger.warn("Warn with arg {}", arg);
logger.error("Error with arg {}", arg);
nodeState.putShared("enabled", [
  logger.isTraceEnabled(), logger.isDebugEnabled(), logger.isInfoEnabled(),
  logger.isWarnEnabled(), logger.isErrorEnabled()
]);
action.goTo("true");
