// Keep the session cookie's name in shared state so a later node can end the
// user's other sessions.
nodeState.putShared("sessionCookieName", cookieName);
action.goTo("true");
