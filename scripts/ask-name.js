/*
 * Ask name: a next-generation Scripted Decision node script that talks to
 * the user. Outcomes: true, false.
 *
 * First pass (no callbacks submitted): send a greeting, a NameCallback and
 * a ChoiceCallback. AM sends them to the browser; the node has no outcome
 * yet. Second pass (the same script, from the top, with the user's
 * answers in `callbacks`): read them, keep the name in shared state and
 * take an outcome.
 */
if (callbacks.isEmpty()) {
  nodeState.putShared("askedFor", "name");
  callbacksBuilder.textOutputCallback(0, "Welcome to Example Corp");
  callbacksBuilder.nameCallback("What is your name?");
  callbacksBuilder.choiceCallback("How should we greet you?", ["Formally", "Casually"], 1, false);
} else {
  var name = String(callbacks.getNameCallbacks().get(0)).trim();
  var style = callbacks.getChoiceCallbacks().get(0)[0];
  if (name === "" || name === "null") {
    logger.warn("No name given");
    action.goTo("false").withErrorMessage("Please tell us your name");
  } else {
    var greeting = (style === 0 ? "Good day, " : "Hi, ") + name;
    logger.info("Greeting {} ({})", name, style === 0 ? "formal" : "casual");
    nodeState.putShared("username", name);
    nodeState.putShared("greeting", greeting);
    action.goTo("true").withHeader(greeting);
  }
}
