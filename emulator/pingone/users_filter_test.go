package pingone

import (
	"net/url"
	"testing"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

func TestUsersListFilter(t *testing.T) { forEachStore(t, testUsersListFilter) }

func testUsersListFilter(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	list := func(filter string) response {
		return h.call("GET", "users?filter="+url.QueryEscape(filter), nil)
	}
	got := h.must(200, list(`username eq "ALICE"`))
	users := got.list("users")
	if len(users) != 1 || users[0]["id"] != h.user("alice") {
		t.Fatalf("username eq: %s", got.raw)
	}
	eq(t, got.get("size"), any(float64(1)), "size")
	eq(t, got.str("_links.self.href"), h.srv.URL+"/v1/environments/"+h.env+"/users?filter="+url.QueryEscape(`username eq "ALICE"`), "self keeps the filter")

	eq(t, len(h.must(200, list(`username eq "nobody"`)).list("users")), 0, "no match is an empty list")
	eq(t, len(h.must(200, list(`username eq "alice" or username eq "bob"`)).list("users")), 2, "or")
	wantDetail(t, list(`username eq`), 400, model.DetailInvalidValue, "filter")
}
