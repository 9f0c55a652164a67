// Report where the journey runs, directly and through a library script.
var audit = require("auditLib");
logger.debug("Journey realm is " + realm);
audit.note(logger, scriptName);
nodeState.putShared("ranIn", realm + ":" + scriptName);
action.goTo("true");
