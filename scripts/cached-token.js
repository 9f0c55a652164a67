/*
 * Cached token: a Scripted Decision script that gets an API access token
 * from the realm's "tokenCache" (cacheManager) instead of asking the token
 * endpoint on every login. The cache's loader, cache/token-loader.js, runs
 * only when the token is not cached yet.
 */
var key = {
    url: "https://idp.example.test/oauth2/access_token",
    clientId: "journey-api",
    clientSecretLabel: "esv.journey.api.secret",
    scope: "profile"
};

if (!cacheManager.exists("tokenCache")) {
    logger.warn("tokenCache is not configured");
    action.goTo("false");
} else {
    var cache = cacheManager.named("tokenCache");
    var token = cache.get(key).access_token;
    // A second read in the same journey is served from the cache.
    var again = cache.get(key).access_token;
    nodeState.putTransient("apiToken", token);
    nodeState.putShared("tokenCached", token === again);
    if (nodeState.get("signOut")) {
        cache.invalidate(key);
    }
    action.goTo("true");
}
