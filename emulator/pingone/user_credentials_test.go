package pingone

import (
	"strings"
	"testing"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

const revokeType = "application/vnd.pingidentity.validations.revokeCredential+json"

func (h *harness) membership(data map[string]any) map[string]any {
	body := map[string]any{"credentialType": map[string]any{"id": h.seed.CredentialTypes["Membership"]}}
	if data != nil {
		body["data"] = data
	}
	return body
}

func TestManagedCredentialWithData(t *testing.T) { forEachStore(t, testManagedCredentialWithData) }

func testManagedCredentialWithData(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	alice := h.user("alice")
	r := h.must(201, h.call("POST", "users/"+alice+"/credentials", h.membership(map[string]any{"Member Name": "Alice M.", "Level": "Platinum"})))
	eq(t, r.str("status"), "ISSUED", "issued to the paired wallet")
	eq(t, r.str("title"), "Membership", "title from type")
	eq(t, r.str("user.id"), alice, "user")
	eq(t, r.str("environment.id"), h.env, "environment")
	if _, ok := r.body["data"]; ok || strings.Contains(r.raw, "Alice M.") {
		t.Fatalf("data returned: %s", r.raw)
	}
	id := r.str("id")

	// The wallet received the data; defaults and directory values filled the rest.
	var claim *platform.Claim
	for _, c := range h.claims.all() {
		if c.CredentialID == id {
			claim = &c
		}
	}
	if claim == nil {
		t.Fatal("no claim delivered")
	}
	eq(t, claim.Fields["Member Name"], "Alice M.", "data")
	eq(t, claim.Fields["Level"], "Platinum", "data overrides default")
	eq(t, claim.Fields["City"], "Paris", "directory attribute")

	pcs := h.must(200, h.call("GET", "users/"+alice+"/credentials/"+id+"/provisionedCredentials", nil)).list("provisionedCredentials")
	eq(t, len(pcs), 1, "one wallet")
	eq(t, pcs[0]["status"], any("CREATED"), "provisioned")
	eq(t, pcs[0]["credential"].(map[string]any)["id"], any(id), "credential.id")

	// Read one / all.
	h.must(200, h.call("GET", "users/"+alice+"/credentials/"+id, nil))
	eq(t, len(h.must(200, h.call("GET", "users/"+alice+"/credentials", nil)).list("items")), 2, "badge and membership")

	// Update with new data re-provisions.
	u := h.must(200, h.call("PUT", "users/"+alice+"/credentials/"+id, map[string]any{"data": map[string]any{"Member Name": "Alice Martin"}}))
	eq(t, u.str("status"), "ISSUED", "still issued")

	// Revoke needs its content type; then everything is REVOKED.
	h.must(400, h.call("POST", "users/"+alice+"/credentials/"+id, map[string]any{}))
	rv := h.must(200, h.call("POST", "users/"+alice+"/credentials/"+id, "", "Content-Type", revokeType))
	eq(t, rv.str("status"), "REVOKED", "revoked")
	pcs = h.must(200, h.call("GET", "users/"+alice+"/credentials/"+id+"/provisionedCredentials", nil)).list("provisionedCredentials")
	eq(t, pcs[0]["status"], any("REVOKED"), "wallet copy revoked")
	actions := pcs[0]["walletActions"].([]any)
	eq(t, actions[len(actions)-1].(map[string]any)["action"], any("CREDENTIAL_REVOKED"), "wallet action")
	wantDetail(t, h.call("PUT", "users/"+alice+"/credentials/"+id, map[string]any{}), 400, model.DetailConstraintViolation, "status")
}

func TestCredentialDataRules(t *testing.T) { forEachStore(t, testCredentialDataRules) }

func testCredentialDataRules(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	alice, bob := h.user("alice"), h.user("bob")
	path := "users/" + alice + "/credentials"
	// Member Name is required and has no default.
	wantDetail(t, h.call("POST", path, h.membership(nil)), 400, model.DetailRequiredValue, "data.Member Name")
	wantDetail(t, h.call("POST", path, h.membership(map[string]any{"Level": "x"})), 400, model.DetailRequiredValue, "data.Member Name")
	// Keys are field titles of the type, of Alphanumeric Text fields only.
	wantDetail(t, h.call("POST", path, h.membership(map[string]any{"Member Name": "a", "Shoe Size": "42"})), 400, model.DetailInvalidValue, "data.Shoe Size")
	wantDetail(t, h.call("POST", path, h.membership(map[string]any{"Member Name": "a", "City": "Rome"})), 400, model.DetailInvalidValue, "data.City")
	wantDetail(t, h.call("POST", path, h.membership(map[string]any{"Member Name": 7})), 400, model.DetailInvalidValue, "data.Member Name")
	// data on an AUTOMATED type, or creating one by hand at all, is refused.
	auto := map[string]any{"credentialType": map[string]any{"id": h.seed.CredentialTypes["Staff Badge"]}, "data": map[string]any{"Company": "x"}}
	wantDetail(t, h.call("POST", path, auto), 400, model.DetailInvalidValue, "data")
	wantDetail(t, h.call("POST", path, map[string]any{"credentialType": map[string]any{"id": "nope"}}), 400, model.DetailInvalidValue, "credentialType.id")

	// bob has no paired wallet: with data nothing is issued and nothing stored.
	before := len(h.must(200, h.call("GET", "users/"+bob+"/credentials", nil)).list("items"))
	wantDetail(t, h.call("POST", "users/"+bob+"/credentials", h.membership(map[string]any{"Member Name": "Bob"})), 400, model.DetailConstraintViolation, "data")
	eq(t, len(h.must(200, h.call("GET", "users/"+bob+"/credentials", nil)).list("items")), before, "nothing created")

	// A type whose required field has a default needs no data: PENDING for bob.
	ct := h.must(200, h.call("GET", "credentialTypes/"+h.seed.CredentialTypes["Membership"], nil)).body
	fields := ct["metadata"].(map[string]any)["fields"].([]any)
	fields[0].(map[string]any)["value"] = "Member"
	h.must(200, h.call("PUT", "credentialTypes/"+h.seed.CredentialTypes["Membership"], ct))
	p := h.must(201, h.call("POST", "users/"+bob+"/credentials", h.membership(nil)))
	eq(t, p.str("status"), "PENDING", "no wallet yet")
}

func TestCredentialExpiry(t *testing.T) { forEachStore(t, testCredentialExpiry) }

func testCredentialExpiry(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	alice := h.user("alice")
	past := h.clock.Now().Add(-time.Hour).Format(time.RFC3339)
	body := h.membership(map[string]any{"Member Name": "A"})
	body["expiresAt"] = past
	wantDetail(t, h.call("POST", "users/"+alice+"/credentials", body), 400, model.DetailInvalidValue, "expiresAt")

	body["expiresAt"] = h.clock.Now().Add(time.Hour).Format(time.RFC3339)
	c := h.must(201, h.call("POST", "users/"+alice+"/credentials", body))
	if _, ok := c.body["expired"]; ok {
		t.Fatal("fresh credential reported expired")
	}
	h.clock.Advance(2 * time.Hour)
	// Re-authenticate: the token expired with the hour too.
	h.token = h.getToken(h.seed.ClientID, h.seed.ClientSecret)
	got := h.must(200, h.call("GET", "users/"+alice+"/credentials/"+c.str("id"), nil))
	eq(t, got.get("expired"), any(true), "expired")
	eq(t, got.str("status"), "ISSUED", "status unchanged")
}

func TestCredentialNotifications(t *testing.T) { forEachStore(t, testCredentialNotifications) }

func testCredentialNotifications(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	body := h.membership(map[string]any{"Member Name": "A"})
	body["notification"] = map[string]any{"methods": []string{"EMAIL", "SMS"}, "template": map[string]any{"locale": "fr", "variant": "vip"}}
	c := h.must(201, h.call("POST", "users/"+h.user("alice")+"/credentials", body))
	results := c.get("notification.results").([]any)
	eq(t, len(results), 2, "two results")
	for _, r := range results {
		m := r.(map[string]any)
		eq(t, m["sent"], any(true), "sent "+m["method"].(string))
	}
	out := h.must(200, h.call("GET", "/emulator/environments/"+h.env+"/outbox", nil)).list("messages")
	eq(t, len(out), 2, "outbox")
	eq(t, out[0]["templateVariant"], any("vip"), "variant")
	eq(t, out[0]["templateLocale"], any("fr"), "locale")
	eq(t, out[0]["recipient"], any("alice@example.com"), "email recipient")
	eq(t, out[1]["recipient"], any("+33.600000001"), "sms recipient")

	// bob has neither e-mail nor phone: not sent, with an error. Give the
	// field a default so bob needs no data (he has no wallet).
	ct := h.must(200, h.call("GET", "credentialTypes/"+h.seed.CredentialTypes["Membership"], nil)).body
	ct["metadata"].(map[string]any)["fields"].([]any)[0].(map[string]any)["value"] = "Member"
	h.must(200, h.call("PUT", "credentialTypes/"+h.seed.CredentialTypes["Membership"], ct))
	body = h.membership(nil)
	body["notification"] = map[string]any{"methods": []string{"EMAIL", "SMS"}}
	b := h.must(201, h.call("POST", "users/"+h.user("bob")+"/credentials", body))
	for _, r := range b.get("notification.results").([]any) {
		m := r.(map[string]any)
		eq(t, m["sent"], any(false), "not sent")
		if m["error"] == nil {
			t.Fatal("missing error")
		}
	}
	wantDetail(t, h.call("POST", "users/"+h.user("bob")+"/credentials", map[string]any{
		"credentialType": map[string]any{"id": h.seed.CredentialTypes["Membership"]},
		"notification":   map[string]any{"methods": []string{"PIGEON"}}}), 400, model.DetailInvalidValue, "notification.methods[0]")
}
