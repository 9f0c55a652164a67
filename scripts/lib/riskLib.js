// Library script: scores a login attempt from request signals.
// Required by scripts/risk-decision.js as require("riskLib").
function score(headers, knownCountries, country) {
  var points = 0;
  var agent = headers.get("user-agent");
  if (!agent || agent.length === 0) {
    points += 40;
  }
  if (knownCountries.indexOf(country) < 0) {
    points += 50;
  }
  return points;
}

module.exports = { score: score };
