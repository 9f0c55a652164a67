/*
 * Known device: the script of a Device Match node (context device-match).
 * A Device Profile Collector node put the incoming device in shared state;
 * the user's stored profiles come from deviceProfilesDao. The device matches
 * when a stored profile has its identifier and the same platform and
 * browser; a match is remembered as the profile's last use.
 */
var username = nodeState.get("username");
var incoming = nodeState.get("forgeRock.device.profile");

function sameDevice(stored, seen) {
    var a = stored.metadata || {};
    var b = seen.metadata || {};
    return stored.identifier === seen.identifier &&
        (a.platform || {}).platform === (b.platform || {}).platform &&
        (a.browser || {}).userAgent === (b.browser || {}).userAgent;
}

if (!username || !incoming) {
    logger.warn("no user or no collected device profile");
    action.goTo("unknownDevice");
} else {
    var stored = deviceProfilesDao.getDeviceProfiles(username, realm);
    var found = -1;
    for (var i = 0; i < stored.size(); i++) {
        if (sameDevice(stored.get(i), incoming)) {
            found = i;
        }
    }
    if (found < 0) {
        logger.info("{} signs in from a new device ({} known)", username, stored.size());
        action.goTo("false");
    } else {
        var profiles = [];
        for (var j = 0; j < stored.size(); j++) {
            profiles.push(stored.get(j));
        }
        profiles[found].lastSelectedDate = Number(nodeState.get("now") || 0);
        deviceProfilesDao.saveDeviceProfiles(username, realm, profiles);
        action.goTo("true");
    }
}
