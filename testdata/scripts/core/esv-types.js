// Read ESVs as each of the documented Java types, falling back to defaults.
var plain = systemEnv.getProperty("esv.greeting");
var missing = systemEnv.getProperty("esv.not.there");
var withDefault = systemEnv.getProperty("esv.not.there", "fallback");
var ratio = systemEnv.getProperty("esv.ratio", "0.5", java.lang.Double);
var enabled = systemEnv.getProperty("esv.feature.enabled", false, java.lang.Boolean);
var attempts = systemEnv.getProperty("esv.max.attempts", 34, java.lang.Integer);
var hosts = systemEnv.getProperty("esv.allowed.hosts", "[]", java.util.List);
var limits = systemEnv.getProperty("esv.limits", '{"daily":1}', java.util.Map);
var defaultMap = systemEnv.getProperty("esv.absent.map", '{"defaultKey":"defaultValue"}', java.util.Map);

nodeState.putShared("esv", {
  plain: plain,
  missing: missing,
  withDefault: withDefault,
  ratio: ratio,
  enabled: enabled,
  attempts: attempts,
  hosts: hosts,
  limits: limits,
  defaultMap: defaultMap,
  types: [typeof ratio, typeof enabled, typeof attempts, Array.isArray(hosts), typeof limits].join(",")
});
action.goTo("true");
