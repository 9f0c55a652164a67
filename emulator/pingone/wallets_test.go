package pingone

import (
	"strings"
	"testing"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

func TestWalletPairingAndProvisioning(t *testing.T) {
	forEachStore(t, testWalletPairingAndProvisioning)
}

func testWalletPairingAndProvisioning(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	bob := h.user("bob")
	app := h.seed.DigitalWalletApplications["Demo Wallet"]

	// bob holds a PENDING badge once he is Staff.
	h.must(200, h.call("PATCH", "users/"+bob, map[string]any{"population": map[string]any{"id": h.seed.Populations["Staff"]}}))
	ct := h.seed.CredentialTypes["Staff Badge"]
	eq(t, h.liveCredentials("bob", ct)[0]["status"], any("PENDING"), "pending")

	wantDetail(t, h.call("POST", "users/"+bob+"/digitalWallets", map[string]any{}), 400, model.DetailRequiredValue, "digitalWalletApplication.id")
	w := h.must(201, h.call("POST", "users/"+bob+"/digitalWallets", map[string]any{"digitalWalletApplication": map[string]any{"id": app}}))
	eq(t, w.str("status"), "PAIRING_REQUIRED", "status")
	code := w.str("pairingSession.challenge")
	if len(code) != 12 || w.str("pairingSession.qrUrl") == "" || w.str("_links.appOpen.href") == "" {
		t.Fatalf("pairing session: %s", w.raw)
	}
	walletID := w.str("id")

	pair := "/emulator/environments/" + h.env + "/digitalWallets/" + walletID + "/pair"
	wantDetail(t, h.call("POST", pair, map[string]any{"challenge": "WRONGCODE123"}), 400, model.DetailInvalidValue, "challenge")
	eq(t, h.must(200, h.call("GET", "users/"+bob+"/digitalWallets/"+walletID, nil)).str("status"), "PAIRING_REQUIRED", "still pairing")
	paired := h.must(200, h.call("POST", pair, map[string]any{"challenge": code}))
	eq(t, paired.str("status"), "ACTIVE", "paired")
	eq(t, paired.str("pairingSession.status"), "COMPLETED", "session")
	if paired.str("applicationInstance.id") == "" {
		t.Fatal("no application instance after pairing")
	}
	if !strings.HasPrefix(w.str("_links.appOpen.href"), "https://wallet.example.com/open?u=") {
		t.Fatalf("appOpen link: %s", w.str("_links.appOpen.href"))
	}
	wantDetail(t, h.call("POST", pair, map[string]any{"challenge": code}), 400, model.DetailConstraintViolation, "status")

	// Pairing delivered the pending badge.
	cred := h.liveCredentials("bob", ct)[0]
	eq(t, cred["status"], any("ISSUED"), "issued after pairing")
	pcs := h.must(200, h.call("GET", "users/"+bob+"/digitalWallets/"+walletID+"/provisionedCredentials", nil)).list("provisionedCredentials")
	eq(t, len(pcs), 1, "provisioned")
	pcID := pcs[0]["id"].(string)

	accept := "/emulator/environments/" + h.env + "/provisionedCredentials/" + pcID + "/accept"
	acc := h.must(200, h.call("POST", accept, nil))
	eq(t, acc.str("status"), "ACCEPTED", "accepted")
	eq(t, acc.get("walletActions").([]any)[0].(map[string]any)["action"], any("CREDENTIAL_ACCEPTED"), "action")
	h.must(400, h.call("POST", accept, nil))
	counts := h.must(200, h.call("GET", "credentialTypes/"+ct+"/issuanceRules/"+h.seed.IssuanceRules["Staff Badge"]+"/usageCounts", nil))
	eq(t, counts.get("accepted"), any(float64(1)), "accepted count")

	eq(t, len(h.must(200, h.call("GET", "users/"+bob+"/digitalWallets", nil)).list("digitalWallets")), 1, "listed")

	// Deleting the wallet (200) revokes what it holds.
	h.must(200, h.call("DELETE", "users/"+bob+"/digitalWallets/"+walletID, nil))
	h.must(404, h.call("GET", "users/"+bob+"/digitalWallets/"+walletID, nil))
	pcs = h.must(200, h.call("GET", "users/"+bob+"/credentials/"+cred["id"].(string)+"/provisionedCredentials", nil)).list("provisionedCredentials")
	eq(t, pcs[0]["status"], any("REVOKED"), "revoked with the wallet")
}

func TestRejectAndDeleteWalletApp(t *testing.T) { forEachStore(t, testRejectAndDeleteWalletApp) }

func testRejectAndDeleteWalletApp(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	alice := h.user("alice")
	c := h.must(201, h.call("POST", "users/"+alice+"/credentials", h.membership(map[string]any{"Member Name": "A"})))
	pcs := h.must(200, h.call("GET", "users/"+alice+"/credentials/"+c.str("id")+"/provisionedCredentials", nil)).list("provisionedCredentials")
	rej := h.must(200, h.call("POST", "/emulator/environments/"+h.env+"/provisionedCredentials/"+pcs[0]["id"].(string)+"/reject", nil))
	eq(t, rej.str("status"), "REJECTED", "rejected")
	del := h.must(200, h.call("POST", "/emulator/environments/"+h.env+"/provisionedCredentials/"+pcs[0]["id"].(string)+"/delete", nil))
	eq(t, del.str("status"), "DELETED", "deleted by the holder")
	actions := del.get("walletActions").([]any)
	eq(t, actions[len(actions)-1].(map[string]any)["action"], any("CREDENTIAL_DELETED"), "wallet action")
	h.must(404, h.call("POST", "/emulator/environments/"+h.env+"/provisionedCredentials/nope/delete", nil))

	app := h.seed.DigitalWalletApplications["Demo Wallet"]
	wantDetail(t, h.call("POST", "digitalWalletApplications", map[string]any{"name": "X", "appOpenUrl": "not a url", "application": map[string]any{"id": "a"}}),
		400, model.DetailInvalidValue, "appOpenUrl")
	wantDetail(t, h.call("POST", "digitalWalletApplications", map[string]any{"name": "X", "appOpenUrl": "https://x.example"}),
		400, model.DetailRequiredValue, "application.id")
	eq(t, h.must(200, h.call("GET", "digitalWalletApplications/"+app, nil)).get("usesPingOneWalletSDK"), any(true), "SDK default")
	eq(t, len(h.must(200, h.call("GET", "digitalWalletApplications", nil)).list("digitalWalletApplications")), 1, "apps")
	h.must(204, h.call("DELETE", "digitalWalletApplications/"+app, nil))
	h.must(404, h.call("GET", "digitalWalletApplications/"+app, nil))
	w := h.must(200, h.call("GET", "users/"+alice+"/digitalWallets/"+h.seed.Wallets["alice/Demo Wallet"], nil))
	eq(t, w.str("status"), "DISABLED", "wallet disabled with its app")
}
