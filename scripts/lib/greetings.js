// Library script (context library): builds a greeting for a user. A library
// has only the common bindings (systemEnv, logger …): node bindings such as
// nodeState come in as arguments. Required by scripts/library-greeting.js.
var DEFAULT_SALUTATION = "Hello";

function salutation() {
    return systemEnv.getProperty("esv.greeting.salutation", DEFAULT_SALUTATION);
}

exports.greet = function (state) {
    var name = state.get("givenName") || state.get("username");
    if (!name) {
        throw new Error("greetings: no name in node state");
    }
    logger.debug("greeting {}", name);
    return salutation() + ", " + name + "!";
};
