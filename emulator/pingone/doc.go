// Package pingone is a local, persistent stand-in for the parts of the
// PingOne platform that journeys talk to: users, credential issuer profile,
// credential types (with versions), issuance rules (with staged changes),
// user credentials, digital wallet applications, digital wallets and their
// provisioned credentials, and PingOne Verify transactions.
//
// State lives in a Store: SQLite (see Open) when it must outlive the
// process, or process memory (see NewMemoryStore) for throwaway platforms
// such as test fixtures. A Platform holds the business rules and
// NewHandler exposes them with the PingOne REST shapes under
// /v1/environments/{envID}/..., plus the worker token endpoint
// POST /{envID}/as/token and wallet-emulator endpoints under
// /emulator/environments/{envID}/... (no token needed; they stand in for the
// phone wallet that does not exist here):
//
//	POST /emulator/environments/{envID}/digitalWallets/{walletID}/pair            {"challenge": "..."}
//	POST /emulator/environments/{envID}/provisionedCredentials/{pcID}/accept
//	POST /emulator/environments/{envID}/provisionedCredentials/{pcID}/reject
//	POST /emulator/environments/{envID}/provisionedCredentials/{pcID}/delete     holder removes it
//	GET  /emulator/environments/{envID}/outbox                                    sent notifications
//	POST /emulator/environments/{envID}/users/{userID}/verifyTransactions/{txID}/complete
//	POST /emulator/environments/{envID}/evaluateRules                             run every rule now
//
// Choices made where PingOne's behaviour is not observable from outside:
//
//   - Every request runs in one store transaction; a request that fails
//     leaves no trace, and changes are only reported (Change log and
//     ChangeRecorder) after commit.
//   - A token issued for one environment gets 403 ACCESS_FAILED on another
//     environment; a missing, unknown or expired token gets 401.
//   - The ephemeral `data` of a user credential is never stored and never
//     returned. It is merged with the type's field defaults to build the claim
//     handed to the wallet at issue time (Options.OnClaim sees it, nothing
//     else does). What is stored for a credential are the non-ephemeral field
//     values only: defaults, directory attributes and the issued timestamp.
//     Card rendering uses those; a field filled from `data` renders empty.
//   - An expired credential keeps its status (PingOne has no EXPIRED status
//     for user credentials); reads add the computed `expired: true` when
//     expiresAt is in the past according to the platform clock.
//   - PERIODIC automation is applied immediately when a rule is evaluated;
//     ON_DEMAND creates staged changes that POST …/stagedChanges applies.
//   - Only one issuance rule may exist per credential type.
//   - Verified data of a Verify transaction can be read for 30 minutes after
//     its decision (updatedAt of a terminal status); later it answers 404.
//   - POST /users/{id}/credentials only accepts MANAGED types; AUTOMATED
//     credentials come from their issuance rule.
//   - A credential without data and without a paired wallet is PENDING and
//     is provisioned (becoming ISSUED) when a wallet of the user pairs.
//     Updating a credential refreshes its copy in each paired wallet.
//   - Not modelled: paging (collections are returned whole, no next link),
//     usageDetails, the versions ?filter=, expiration by timestamp or
//     expression (only expiration.after sets expiresAt), staged change retry
//     counting, presentation sessions.
//
// Use from Go:
//
//	store, _ := pingone.Open(".journeyjs/pingone.db")   // or ":memory:", or pingone.NewMemoryStore()
//	p := pingone.NewPlatform(store, pingone.Options{Clock: now, OnClaim: wallet})
//	res, _ := p.ApplySeed(ctx, seed)                     // env id, client id/secret, ids by name
//	h := pingone.NewHandler(p, pingone.HandlerOptions{}) // mount or call from an http.RoundTripper
//	ctx = pingone.WithChangeRecorder(ctx, rec)           // per-request change capture
//	p.DrainChanges()                                     // or read-and-reset the platform log
//	p.EvaluateRules(ctx, envID)                          // the periodic rule job, on demand
//	c, _ := p.CredentialCard(ctx, envID, credentialID)   // then card.SVG(c) / card.PNG(svg, width)
//
// Layout: this package is the façade that names what callers need; the
// work is done in
//
//	model/     the resources as JSON types, Time, the API error body
//	store/     where state lives: SQLite or memory, one transaction per unit of work
//	platform/  PingOne's rules: tokens, users, credential types, issuance rules,
//	           credentials, wallets, Verify, notifications, seeds, the change log
//	api/       the HTTP face: routing, token checks, handlers, HAL rendering
//	scim/      the SCIM filter language of ?filter= and issuance rules
//	card/      the SVG/PNG card renderer
//
// and the PingOne API facts the verify binding shares (regions, verified
// data types) are in bindings/verify/enums.
//
// Seeds: LoadSeed/DecodeSeed read the YAML seed (strict: unknown keys fail
// with file and line) and Platform.ApplySeed creates what it describes. Seed
// is also a plain yaml.v3 target, so it can be embedded in another document
// and decoded by any yaml.v3 decoder (strict when it uses KnownFields).
package pingone
