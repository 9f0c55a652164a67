/*
 * Welcome message: the script of a Configuration Provider node (context
 * config-provider) that configures a Message node. AM reads the variable
 * `config` after the script ran: it must be a map, the Message node's
 * settings. The greeting is in the user's language where the journey has
 * one (locales), and a journey that only runs inside another says so.
 */
var username = nodeState.get("username") || "there";
var greeting = locales.getLocalizedMessage({
    "en": "Welcome back, " + username,
    "fr": "Bon retour, " + username,
    "de": "Willkommen zur\u00fcck, " + username
});

var config = {
    message: { "en-GB": greeting },
    messageYes: { "en-GB": "Continue" },
    messageNo: { "en-GB": "Not me" },
    stateField: "welcomeAnswer"
};

logger.info("journey {}: Message node says \"{}\"", journey.name(), greeting);
