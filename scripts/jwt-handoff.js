/*
 * JWT hand-off: a next-generation Scripted Decision node script.
 * Outcomes: valid, invalid.
 *
 * Issues a short-lived HS256 JWT for the user, signed with a secret from
 * the tenant's secret store, then validates the token the journey holds
 * (the one just issued, or one presented earlier) the way a partner
 * application would: issuer, audience, signature and expiry.
 */
var secret = secrets.getGenericSecret("scripted.node.jwt.signing").getAsUtf8();
var signingKey = utils.base64.encode(secret);
var username = nodeState.get("username");

var issued = jwtAssertion.generateJwt({
  jwtType: "SIGNED",
  jwsAlgorithm: "HS256",
  issuer: "https://login.example.com",
  subject: username,
  audience: "partner-app",
  validityMinutes: 5,
  signingKey: signingKey,
  claims: { tier: "gold" }
});

var presented = nodeState.get("presentedToken") || issued;
var claims = jwtValidator.validateJwtClaims({
  jwtType: "SIGNED",
  jwt: presented,
  issuer: "https://login.example.com",
  audience: "partner-app",
  signingKey: signingKey
});

if (claims === null) {
  logger.warn("Rejected the presented token for {}", username);
  action.goTo("invalid");
} else {
  nodeState.putShared("jwtSubject", claims.get("subject"))
           .putShared("jwtTier", claims.get("tier"))
           .putShared("jwt", issued);
  action.goTo("valid");
}
