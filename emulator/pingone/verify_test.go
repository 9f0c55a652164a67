package pingone

import (
	"testing"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

func TestVerifyTransactionsAndThirtyMinuteRule(t *testing.T) {
	forEachStore(t, testVerifyTransactionsAndThirtyMinuteRule)
}

func testVerifyTransactionsAndThirtyMinuteRule(t *testing.T, kind storeKind) {
	h := newHarness(t, kind) // clock: 10:10, the seeded decision was at 10:05
	alice := h.user("alice")
	txID := "0e2ed48f-6c3a-46c4-bcb5-3a6bd791348b"
	base := "users/" + alice + "/verifyTransactions"

	list := h.must(200, h.call("GET", base, nil))
	txs := list.list("verifyTransactions")
	eq(t, len(txs), 1, "transactions")
	tx := h.must(200, h.call("GET", base+"/"+txID, nil))
	eq(t, tx.str("transactionStatus.status"), "SUCCESS", "status")
	eq(t, tx.str("transactionStatus.verificationStatus.GOVERNMENT_ID"), "SUCCESS", "verificationStatus")
	eq(t, tx.str("expiresAt"), "2030-01-01T10:35:00.000Z", "expiresAt = updatedAt + 30 min")
	eq(t, tx.str("_links.environment.href"), h.srv.URL+"/v1/environments/"+h.env, "environment link")
	eq(t, tx.str("_links.user.href"), h.srv.URL+"/v1/users/"+alice, "user link as in the examples")

	meta := h.must(200, h.call("GET", base+"/"+txID+"/metaData", nil))
	eq(t, len(meta.list("metaData")), 2, "latest attempts")
	eq(t, meta.get("size"), any(float64(2)), "size")
	prev := meta.get("previousAttempts").([]any)
	eq(t, prev[0].(map[string]any)["status"], any("FAIL"), "previous attempt")
	eq(t, meta.str("_links.verifyTransaction.href"), h.srv.URL+"/v1/environments/"+h.env+"/"+base+"/"+txID, "tx link")
	mID := meta.list("metaData")[0]["id"].(string)
	eq(t, h.must(200, h.call("GET", base+"/"+txID+"/metaData/"+mID, nil)).get("data.score"), any(6.4), "metadata data")

	vd := h.must(200, h.call("GET", base+"/"+txID+"/verifiedData", nil))
	eq(t, len(vd.list("verifiedData")), 2, "GOVERNMENT_ID attempt 2 and SELFIE")
	eq(t, len(vd.get("_embedded.previousAttempts").([]any)), 1, "GOVERNMENT_ID attempt 1")
	for _, d := range vd.list("verifiedData") {
		if d["data"] != nil {
			t.Fatal("listing must not carry data")
		}
	}
	byType := h.must(200, h.call("GET", base+"/"+txID+"/verifiedData?type=SELFIE,BARCODE", nil)).list("verifiedData")
	eq(t, len(byType), 1, "filtered by type")
	eq(t, byType[0]["type"], any("SELFIE"), "type")
	h.must(400, h.call("GET", base+"/"+txID+"/verifiedData?type=SHOE", nil))
	one := h.must(200, h.call("GET", base+"/"+txID+"/verifiedData/"+byType[0]["id"].(string), nil))
	eq(t, one.str("data.image"), "aGVsbG8=", "data")
	eq(t, one.str("_links.transaction.href"), h.srv.URL+"/v1/environments/"+h.env+"/"+base+"/"+txID, "transaction link")

	// 29 minutes after the decision: readable. 31: gone, metadata stays.
	h.clock.Advance(24 * time.Minute)
	h.must(200, h.call("GET", base+"/"+txID+"/verifiedData", nil))
	h.clock.Advance(2 * time.Minute)
	eq(t, h.call("GET", base+"/"+txID+"/verifiedData", nil).status, 404, "list after 30 min")
	eq(t, h.call("GET", base+"/"+txID+"/verifiedData/"+byType[0]["id"].(string), nil).status, 404, "one after 30 min")
	h.must(200, h.call("GET", base+"/"+txID+"/metaData", nil))
	h.must(404, h.call("GET", base+"/"+"00000000-0000-0000-0000-000000000000", nil))
}

func TestVerifyLifecycleThroughEmulator(t *testing.T) {
	forEachStore(t, testVerifyLifecycleThroughEmulator)
}

func testVerifyLifecycleThroughEmulator(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	bob := h.user("bob")
	base := "users/" + bob + "/verifyTransactions"
	tx := h.must(201, h.call("POST", base, map[string]any{}))
	eq(t, tx.str("transactionStatus.status"), "REQUESTED", "requested")
	if len(tx.str("verificationCode")) != 12 {
		t.Fatalf("verification code: %s", tx.raw)
	}
	id := tx.str("id")
	// Approval only from FAIL or IN_PROGRESS.
	wantDetail(t, h.call("PUT", base+"/"+id, map[string]any{"transactionStatus": map[string]any{"status": "APPROVED_MANUALLY"}}),
		400, model.DetailConstraintViolation, "transactionStatus.status")
	// The verified data of an unfinished transaction has no deadline.
	h.clock.Advance(time.Hour)
	h.token = h.getToken(h.seed.ClientID, h.seed.ClientSecret)
	h.must(200, h.call("GET", base+"/"+id+"/verifiedData", nil))

	done := h.must(200, h.call("POST", "/emulator/environments/"+h.env+"/"+base+"/"+id+"/complete", map[string]any{
		"status": "FAIL", "verificationStatus": map[string]any{"GOVERNMENT_ID": "FAIL"},
		"verifiedData": []any{map[string]any{"type": "GOVERNMENT_ID", "data": map[string]any{"firstName": "Bob"}}},
	}))
	eq(t, done.str("transactionStatus.status"), "FAIL", "failed")
	wantDetail(t, h.call("PUT", base+"/"+id, map[string]any{"transactionStatus": map[string]any{"status": "SUCCESS"}}),
		400, model.DetailInvalidValue, "transactionStatus.status")
	ok := h.must(200, h.call("PUT", base+"/"+id, map[string]any{"transactionStatus": map[string]any{"status": "APPROVED_MANUALLY"}}))
	eq(t, ok.str("transactionStatus.status"), "APPROVED_MANUALLY", "approved")
	eq(t, len(h.must(200, h.call("GET", base+"/"+id+"/verifiedData", nil)).list("verifiedData")), 1, "evidence")
}
