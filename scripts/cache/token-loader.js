/*
 * Token loader: a Cache Loader script (context cache-loader) for the cache
 * "tokenCache". The cache manager calls load(key) when a key is not cached
 * (or has expired): it runs the client credentials grant and the cache keeps
 * the token response. reload(key, oldValue) runs instead when the cache
 * refreshes after write. Only the common bindings are here.
 */
function load(key) {
    var response = httpClient.send(key.url, {
        method: "POST",
        form: {
            grant_type: "client_credentials",
            client_id: key.clientId,
            client_secret: systemEnv.getProperty(key.clientSecretLabel),
            scope: key.scope
        }
    }).get();
    if (response.status !== 200) {
        throw new Error("token endpoint answered " + response.status);
    }
    return response.json();
}

function reload(key, oldValue) {
    return load(key);
}
