// Library script for sync.js: the bearer token the authentication service
// expects for the user being authenticated.
exports.bearerFor = function (state) {
  return "demo-token-for-" + state.get("username");
};
