package pingone

import (
	"testing"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

func ruleBody(appID string, filter map[string]any, mode string) map[string]any {
	return map[string]any{
		"status": "ACTIVE", "filter": filter,
		"digitalWalletApplication": map[string]any{"id": appID},
		"automation":               map[string]any{"issue": mode, "update": mode, "revoke": mode},
	}
}

func (h *harness) liveCredentials(user, ctID string) []map[string]any {
	var out []map[string]any
	for _, c := range h.must(200, h.call("GET", "users/"+h.user(user)+"/credentials", nil)).list("items") {
		if c["credentialType"].(map[string]any)["id"] == ctID && (c["status"] == "ISSUED" || c["status"] == "PENDING") {
			out = append(out, c)
		}
	}
	return out
}

func TestPopulationRuleIssuesAndRevokes(t *testing.T) {
	forEachStore(t, testPopulationRuleIssuesAndRevokes)
}

func testPopulationRuleIssuesAndRevokes(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	ctID := h.seed.CredentialTypes["Staff Badge"]
	// The seeded rule (population Staff, PERIODIC) issued to alice only.
	eq(t, len(h.liveCredentials("alice", ctID)), 1, "alice")
	eq(t, len(h.liveCredentials("bob", ctID)), 0, "bob")
	alice := h.liveCredentials("alice", ctID)[0]
	eq(t, alice["status"], any("ISSUED"), "issued to her paired wallet")

	// bob joins Staff: issued (PENDING: he has no wallet).
	h.must(200, h.call("PATCH", "users/"+h.user("bob"), map[string]any{"population": map[string]any{"id": h.seed.Populations["Staff"]}}))
	bob := h.liveCredentials("bob", ctID)
	eq(t, len(bob), 1, "bob issued")
	eq(t, bob[0]["status"], any("PENDING"), "no wallet yet")

	// alice's e-mail changes: her credential is updated.
	h.must(200, h.call("PATCH", "users/"+h.user("alice"), map[string]any{"email": "alice@new.example.com"}))
	counts := h.must(200, h.call("GET", "credentialTypes/"+ctID+"/issuanceRules/"+h.seed.IssuanceRules["Staff Badge"]+"/usageCounts", nil))
	eq(t, counts.get("issued"), any(float64(2)), "issued")
	eq(t, counts.get("updated"), any(float64(1)), "updated")

	// A new version of the type updates its holders too.
	ct := h.must(200, h.call("GET", "credentialTypes/"+ctID, nil)).body
	ct["metadata"].(map[string]any)["fields"].([]any)[0].(map[string]any)["value"] = "Acme Corp"
	h.must(200, h.call("PUT", "credentialTypes/"+ctID, ct))
	counts = h.must(200, h.call("GET", "credentialTypes/"+ctID+"/issuanceRules/"+h.seed.IssuanceRules["Staff Badge"]+"/usageCounts", nil))
	eq(t, counts.get("updated"), any(float64(3)), "alice and bob updated to the new version")
	var gotCompany bool
	for _, c := range h.claims.all() {
		gotCompany = gotCompany || (c.UserID == h.user("alice") && c.Fields["Company"] == "Acme Corp")
	}
	eq(t, gotCompany, true, "wallet received the new version")

	// alice leaves Staff: revoked.
	h.must(200, h.call("PATCH", "users/"+h.user("alice"), map[string]any{"population": map[string]any{"id": h.seed.Populations["Guests"]}}))
	eq(t, len(h.liveCredentials("alice", ctID)), 0, "revoked")
	c := h.must(200, h.call("GET", "users/"+h.user("alice")+"/credentials/"+alice["id"].(string), nil))
	eq(t, c.str("status"), "REVOKED", "status")
	counts = h.must(200, h.call("GET", "credentialTypes/"+ctID+"/issuanceRules/"+h.seed.IssuanceRules["Staff Badge"]+"/usageCounts", nil))
	eq(t, counts.get("revoked"), any(float64(1)), "revoked count")
}

func TestRuleValidation(t *testing.T) { forEachStore(t, testRuleValidation) }

func testRuleValidation(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	app := h.seed.DigitalWalletApplications["Demo Wallet"]
	managed := h.seed.CredentialTypes["Membership"]
	wantDetail(t, h.call("POST", "credentialTypes/"+managed+"/issuanceRules", ruleBody(app, map[string]any{"scim": `username eq "x"`}, "PERIODIC")),
		400, model.DetailConstraintViolation, "credentialType.id")

	ct := h.must(201, h.call("POST", "credentialTypes", typeBody("Rules", "AUTOMATED"))).str("id")
	two := ruleBody(app, map[string]any{"scim": `username eq "x"`, "populationIds": []string{h.seed.Populations["Staff"]}}, "PERIODIC")
	wantDetail(t, h.call("POST", "credentialTypes/"+ct+"/issuanceRules", two), 400, model.DetailInvalidValue, "filter")
	wantDetail(t, h.call("POST", "credentialTypes/"+ct+"/issuanceRules", ruleBody(app, map[string]any{"scim": `username eq`}, "PERIODIC")),
		400, model.DetailInvalidValue, "filter.scim")
	wantDetail(t, h.call("POST", "credentialTypes/"+ct+"/issuanceRules", ruleBody(app, map[string]any{"scim": `username pr`}, "SOMETIMES")),
		400, model.DetailInvalidValue, "automation.issue")
	wantDetail(t, h.call("POST", "credentialTypes/"+ct+"/issuanceRules", ruleBody("nope", map[string]any{"scim": `username pr`}, "PERIODIC")),
		400, model.DetailInvalidValue, "digitalWalletApplication.id")
}

func TestScimAndGroupRules(t *testing.T) { forEachStore(t, testScimAndGroupRules) }

func testScimAndGroupRules(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	app := h.seed.DigitalWalletApplications["Demo Wallet"]
	scimType := h.must(201, h.call("POST", "credentialTypes", typeBody("Parisians", "AUTOMATED"))).str("id")
	h.must(201, h.call("POST", "credentialTypes/"+scimType+"/issuanceRules",
		ruleBody(app, map[string]any{"scim": `address.locality eq "paris" and not (name.family sw "P")`}, "PERIODIC")))
	eq(t, len(h.liveCredentials("alice", scimType)), 1, "alice lives in Paris")
	eq(t, len(h.liveCredentials("carol", scimType)), 0, "carol's family name starts with P")
	eq(t, len(h.liveCredentials("bob", scimType)), 0, "bob lives in Lyon")

	groupType := h.must(201, h.call("POST", "credentialTypes", typeBody("Admins", "AUTOMATED"))).str("id")
	h.must(201, h.call("POST", "credentialTypes/"+groupType+"/issuanceRules",
		ruleBody(app, map[string]any{"groupIds": []string{h.seed.Groups["Admins"]}}, "PERIODIC")))
	eq(t, len(h.liveCredentials("alice", groupType)), 1, "alice is an admin")
	h.must(201, h.call("POST", "users/"+h.user("bob")+"/memberOfGroups", map[string]any{"id": h.seed.Groups["Admins"]}))
	eq(t, len(h.liveCredentials("bob", groupType)), 1, "bob joined Admins")
	h.must(204, h.call("DELETE", "users/"+h.user("bob")+"/memberOfGroups/"+h.seed.Groups["Admins"], nil))
	eq(t, len(h.liveCredentials("bob", groupType)), 0, "bob left Admins")
}

func TestOnDemandStagedChanges(t *testing.T) { forEachStore(t, testOnDemandStagedChanges) }

func testOnDemandStagedChanges(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	app := h.seed.DigitalWalletApplications["Demo Wallet"]
	ct := h.must(201, h.call("POST", "credentialTypes", typeBody("On Demand", "AUTOMATED"))).str("id")
	rule := h.must(201, h.call("POST", "credentialTypes/"+ct+"/issuanceRules",
		ruleBody(app, map[string]any{"populationIds": []string{h.seed.Populations["Guests"]}}, "ON_DEMAND"))).str("id")
	base := "credentialTypes/" + ct + "/issuanceRules/" + rule + "/stagedChanges"
	staged := h.must(200, h.call("GET", base, nil)).list("stagedChanges")
	eq(t, len(staged), 2, "bob and carol staged")
	eq(t, staged[0]["action"], any("ISSUE"), "action")
	eq(t, staged[0]["scheduled"], any(true), "scheduled")
	eq(t, len(h.liveCredentials("bob", ct)), 0, "nothing issued yet")

	const applyType = "application/vnd.pingidentity.credentials.applyStagedChanges+json"
	h.must(400, h.call("POST", base, map[string]any{"issue": []string{h.user("bob")}}))
	wantDetail(t, h.call("POST", base, map[string]any{"issue": []string{h.user("alice")}}, "Content-Type", applyType), 400, model.DetailInvalidValue, "issue[0]")
	// bob's issue would be applied before alice's bogus revoke fails: the
	// whole request is rolled back.
	wantDetail(t, h.call("POST", base, map[string]any{"issue": []string{h.user("bob")}, "revoke": []string{h.user("alice")}}, "Content-Type", applyType),
		400, model.DetailInvalidValue, "revoke[0]")
	eq(t, len(h.liveCredentials("bob", ct)), 0, "rolled back")
	eq(t, len(h.must(200, h.call("GET", base, nil)).list("stagedChanges")), 2, "staged changes intact")
	left := h.must(200, h.call("POST", base, map[string]any{"issue": []string{h.user("bob")}}, "Content-Type", applyType)).list("stagedChanges")
	eq(t, len(left), 1, "carol still staged")
	eq(t, len(h.liveCredentials("bob", ct)), 1, "bob issued on demand")

	// Platform.EvaluateRules re-stages without duplicating.
	if err := h.p.EvaluateRules(t.Context(), h.env); err != nil {
		t.Fatal(err)
	}
	eq(t, len(h.must(200, h.call("GET", base, nil)).list("stagedChanges")), 1, "no duplicates")

	// bob leaves Guests: a REVOKE is staged, not applied.
	h.must(200, h.call("PATCH", "users/"+h.user("bob"), map[string]any{"population": map[string]any{"id": h.seed.Populations["Staff"]}}))
	var revoke bool
	for _, sc := range h.must(200, h.call("GET", base, nil)).list("stagedChanges") {
		revoke = revoke || (sc["action"] == "REVOKE" && sc["user"].(map[string]any)["id"] == h.user("bob"))
	}
	eq(t, revoke, true, "revoke staged")
	eq(t, len(h.liveCredentials("bob", ct)), 1, "still live")
	h.must(200, h.call("POST", base, map[string]any{"revoke": []string{h.user("bob")}}, "Content-Type", applyType))
	eq(t, len(h.liveCredentials("bob", ct)), 0, "revoked on demand")
}
