package pingone

import (
	"testing"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

func TestUsersCRUD(t *testing.T) { forEachStore(t, testUsersCRUD) }

func testUsersCRUD(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	created := h.must(201, h.call("POST", "users", map[string]any{
		"username": "dave", "email": "dave@example.com", "name": map[string]any{"given": "Dave"},
		"address": map[string]any{"locality": "Nice", "countryCode": "FR"},
	}))
	id := created.str("id")
	eq(t, created.str("lifecycle.status"), "ACCOUNT_OK", "lifecycle")
	eq(t, created.get("enabled"), any(true), "enabled")
	eq(t, created.str("population.id"), h.seed.Populations["Staff"], "first population is the default")
	eq(t, created.str("_embedded.population.id"), h.seed.Populations["Staff"], "embedded population")
	eq(t, created.str("_links.password.reset.href"), "", "dotted link names are keys, not paths")
	if created.get("_links").(map[string]any)["password.reset"] == nil {
		t.Fatal("password.reset link missing")
	}

	wantDetail(t, h.call("POST", "users", map[string]any{"username": "DAVE"}), 400, model.DetailUniquenessViolation, "username")
	wantDetail(t, h.call("POST", "users", map[string]any{"email": "x@example.com"}), 400, model.DetailRequiredValue, "username")
	wantDetail(t, h.call("POST", "users", map[string]any{"username": "e", "population": map[string]any{"id": "nope"}}), 400, model.DetailInvalidValue, "population.id")

	put := h.must(200, h.call("PUT", "users/"+id, map[string]any{"username": "dave", "email": "d@example.com"}))
	eq(t, put.str("email"), "d@example.com", "replaced")
	eq(t, put.get("address"), nil, "PUT replaces")
	eq(t, put.str("population.id"), h.seed.Populations["Staff"], "population kept")
	patched := h.must(200, h.call("PATCH", "users/"+id, map[string]any{"name": map[string]any{"family": "Dupont"}}))
	eq(t, patched.str("email"), "d@example.com", "patch keeps others")
	eq(t, patched.str("name.family"), "Dupont", "patched")
	eq(t, len(h.must(200, h.call("GET", "users", nil)).list("users")), 4, "users")

	// Deleting a user takes their credentials and wallets along.
	alice := h.user("alice")
	h.must(204, h.call("DELETE", "users/"+alice, nil))
	h.must(404, h.call("GET", "users/"+alice, nil))
	h.must(404, h.call("GET", "users/"+alice+"/credentials", nil))
	h.must(404, h.call("DELETE", "users/"+alice, nil))
}
