package pingone

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

const svgTemplate = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 740 480"><rect fill="${cardColor}"></rect></svg>`

func typeBody(title, mode string) map[string]any {
	return map[string]any{
		"title": title, "cardDesignTemplate": svgTemplate, "management": map[string]any{"mode": mode},
		"metadata": map[string]any{"fields": []any{
			map[string]any{"id": "Alphanumeric Text -> Note", "title": "Note", "isVisible": true, "type": "Alphanumeric Text", "value": "hello"},
		}},
	}
}

func TestCredentialTypeLifecycle(t *testing.T) { forEachStore(t, testCredentialTypeLifecycle) }

func testCredentialTypeLifecycle(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	created := h.must(201, h.call("POST", "credentialTypes", typeBody("Library Card", "AUTOMATED")))
	id := created.str("id")
	eq(t, created.str("_links.self.href"), h.srv.URL+"/v1/environments/"+h.env+"/credentialTypes/"+id, "self link")
	eq(t, created.get("version.number"), any(float64(1)), "version")
	eq(t, created.get("onDelete.revokeIssuedCredentials"), any(true), "onDelete default")
	eq(t, created.str("issuer.id"), h.seed.IssuerProfileID, "issuer")
	if !strings.HasSuffix(created.str("createdAt"), "Z") || len(created.str("createdAt")) != len("2024-03-20T13:08:51.406Z") {
		t.Fatalf("createdAt format: %s", created.str("createdAt"))
	}

	list := h.must(200, h.call("GET", "credentialTypes", nil))
	eq(t, len(list.list("items")), 3, "types listed")
	eq(t, list.get("size"), any(float64(3)), "size")

	// The documented update body is accepted exactly as written.
	body, err := os.ReadFile("../../testdata/pingone/update-credential-type.json")
	if err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Second)
	updated := h.must(200, h.call("PUT", "credentialTypes/"+id, body))
	eq(t, updated.str("title"), "Card Developers", "title")
	eq(t, updated.get("version.number"), any(float64(2)), "version advanced")
	eq(t, updated.str("management.mode"), "MANAGED", "mode")
	eq(t, updated.get("metadata.bgOpacityPercent"), any(float64(20)), "bgOpacityPercent")
	if updated.str("updatedAt") <= created.str("updatedAt") {
		t.Fatalf("updatedAt did not advance: %s", updated.str("updatedAt"))
	}
	eq(t, updated.str("createdAt"), created.str("createdAt"), "createdAt kept")

	versions := h.must(200, h.call("GET", "credentialTypes/"+id+"/versions", nil)).list("versions")
	eq(t, len(versions), 2, "versions")
	eq(t, versions[0]["title"], any("Library Card"), "old version kept")
	vID := versions[0]["version"].(map[string]any)["id"].(string)
	h.must(200, h.call("GET", "credentialTypes/"+id+"/versions/"+vID, nil))

	h.must(204, h.call("DELETE", "credentialTypes/"+id, nil))
	h.must(404, h.call("GET", "credentialTypes/"+id, nil))
	h.must(404, h.call("PUT", "credentialTypes/"+id, body))
}

func TestCredentialTypeValidation(t *testing.T) { forEachStore(t, testCredentialTypeValidation) }

func testCredentialTypeValidation(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	bad := typeBody("", "AUTOMATED")
	wantDetail(t, h.call("POST", "credentialTypes", bad), 400, model.DetailRequiredValue, "title")

	bad = typeBody("X", "AUTOMATED")
	bad["cardDesignTemplate"] = "<div>not svg</div>"
	wantDetail(t, h.call("POST", "credentialTypes", bad), 400, model.DetailInvalidValue, "cardDesignTemplate")

	bad = typeBody("X", "SOMETIMES")
	wantDetail(t, h.call("POST", "credentialTypes", bad), 400, model.DetailInvalidValue, "management.mode")

	bad = typeBody("X", "AUTOMATED")
	delete(bad, "metadata")
	wantDetail(t, h.call("POST", "credentialTypes", bad), 400, model.DetailRequiredValue, "metadata")

	bad = typeBody("X", "AUTOMATED")
	bad["metadata"] = map[string]any{"cardColor": "red", "fields": []any{
		map[string]any{"id": "a", "title": "A", "isVisible": true, "type": "Favourite Colour"},
		map[string]any{"id": "b", "title": "B", "isVisible": true, "type": "Directory Attribute"},
		map[string]any{"id": "c", "title": "C", "isVisible": true, "type": "Alphanumeric Text"},
		map[string]any{"title": "D", "type": "Issued Timestamp"},
	}}
	r := h.call("POST", "credentialTypes", bad)
	wantDetail(t, r, 400, model.DetailInvalidValue, "metadata.cardColor")
	wantDetail(t, r, 400, model.DetailInvalidValue, "metadata.fields[0].type")
	wantDetail(t, r, 400, model.DetailRequiredValue, "metadata.fields[1].attribute")
	wantDetail(t, r, 400, model.DetailRequiredValue, "metadata.fields[2].value")
	wantDetail(t, r, 400, model.DetailRequiredValue, "metadata.fields[3].id")
	wantDetail(t, r, 400, model.DetailRequiredValue, "metadata.fields[3].isVisible")
	eq(t, r.str("code"), "INVALID_DATA", "code")

	wantDetail(t, h.call("POST", "credentialTypes", "{not json"), 400, model.DetailInvalidValue, "body")
}

func TestCredentialTypeNeedsIssuerProfile(t *testing.T) {
	forEachStore(t, testCredentialTypeNeedsIssuerProfile)
}

func testCredentialTypeNeedsIssuerProfile(t *testing.T, kind storeKind) {
	h := newHarnessWithSeed(t, kind, &platform.Seed{Environment: platform.SeedEnvironment{ClientID: "c", ClientSecret: "s"},
		CredentialIssuerProfile: &platform.SeedIssuerProfile{Skip: true}})
	h.must(404, h.call("GET", "credentialIssuerProfile", nil))
	wantDetail(t, h.call("POST", "credentialTypes", typeBody("X", "MANAGED")), 400, model.DetailConstraintViolation, "issuer")
	h.must(201, h.call("POST", "credentialIssuerProfile", map[string]any{"name": "Issuer"}))
	h.must(200, h.call("PUT", "credentialIssuerProfile", map[string]any{"name": "Issuer 2", "siteUrl": "https://example.com"}))
	h.must(201, h.call("POST", "credentialTypes", typeBody("X", "MANAGED")))
}

func TestModeSwitchDisablesRuleAndBack(t *testing.T) {
	forEachStore(t, testModeSwitchDisablesRuleAndBack)
}

func testModeSwitchDisablesRuleAndBack(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	ctID := h.seed.CredentialTypes["Staff Badge"]
	ruleID := h.seed.IssuanceRules["Staff Badge"]
	ct := h.must(200, h.call("GET", "credentialTypes/"+ctID, nil)).body
	ct["management"] = map[string]any{"mode": "MANAGED"}
	h.must(200, h.call("PUT", "credentialTypes/"+ctID, ct))
	rule := h.must(200, h.call("GET", "credentialTypes/"+ctID+"/issuanceRules/"+ruleID, nil))
	eq(t, rule.str("status"), "DISABLED", "rule disabled, not deleted")

	// Back to AUTOMATED with the rule still disabled: accepted, issues nothing new.
	ct["management"] = map[string]any{"mode": "AUTOMATED"}
	h.must(200, h.call("PUT", "credentialTypes/"+ctID, ct))
	eq(t, h.must(200, h.call("GET", "credentialTypes/"+ctID+"/issuanceRules/"+ruleID, nil)).str("status"), "DISABLED", "still disabled")

	// A type that never had a rule switches to AUTOMATED silently.
	m := h.must(201, h.call("POST", "credentialTypes", typeBody("Lonely", "MANAGED")))
	body := typeBody("Lonely", "AUTOMATED")
	h.must(200, h.call("PUT", "credentialTypes/"+m.str("id"), body))
}

func TestDeleteTypeRevokesCredentials(t *testing.T) {
	forEachStore(t, testDeleteTypeRevokesCredentials)
}

func testDeleteTypeRevokesCredentials(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	ctID := h.seed.CredentialTypes["Staff Badge"]
	creds := h.must(200, h.call("GET", "users/"+h.user("alice")+"/credentials", nil)).list("items")
	eq(t, len(creds), 1, "alice has her badge")
	h.must(204, h.call("DELETE", "credentialTypes/"+ctID, nil))
	c := h.must(200, h.call("GET", "users/"+h.user("alice")+"/credentials/"+creds[0]["id"].(string), nil))
	eq(t, c.str("status"), "REVOKED", "revoked with its type")
	h.must(404, h.call("GET", "credentialTypes/"+ctID+"/issuanceRules/"+h.seed.IssuanceRules["Staff Badge"], nil))
}

// TestCredentialTypeShapeMatchesReference puts the documented response body
// back (as a client that read a type would) and checks that our answer
// carries every property the reference answer has.
func TestCredentialTypeShapeMatchesReference(t *testing.T) {
	forEachStore(t, testCredentialTypeShapeMatchesReference)
}

func testCredentialTypeShapeMatchesReference(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	body, err := os.ReadFile("../../testdata/pingone/credential-type-response.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref map[string]any
	if err := json.Unmarshal(body, &ref); err != nil {
		t.Fatal(err)
	}
	id := h.must(201, h.call("POST", "credentialTypes", typeBody("Shape", "MANAGED"))).str("id")
	got := h.must(200, h.call("PUT", "credentialTypes/"+id, body))
	for key := range ref {
		if _, ok := got.body[key]; !ok {
			t.Errorf("response lacks %q: %s", key, got.raw)
		}
	}
	eq(t, got.str("id"), id, "id comes from the path, not the body")
	eq(t, got.str("environment.id"), h.env, "environment")
	eq(t, got.get("version.number"), any(float64(2)), "version")
	eq(t, got.str("version.uri"), h.srv.URL+"/v1/distributedid/credentialTypes/"+id+"/v2", "version uri")
	eq(t, got.get("onDelete.revokeIssuedCredentials"), any(false), "onDelete kept")
	fields := got.get("metadata.fields").([]any)
	eq(t, fields[1].(map[string]any)["attribute"], any("streetAddress"), "directory attribute")
}
