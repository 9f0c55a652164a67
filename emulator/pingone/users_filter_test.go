package pingone

import (
	"context"
	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/scim"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
	"net/url"
	"reflect"
	"testing"
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

// TestUserFilterReadsStoredAttributeTrees: the filter reads stored user
// documents as attribute trees instead of decoding users and encoding
// them again (userAttributes); both must be the same tree, so both select
// the same users, after every kind of user write.
func TestUserFilterReadsStoredAttributeTrees(t *testing.T) {
	forEachStore(t, testUserFilterReadsStoredAttributeTrees)
}

func testUserFilterReadsStoredAttributeTrees(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	dave := h.must(201, h.call("POST", "users", map[string]any{
		"username": "dave", "email": "dave@example.com", "name": map[string]any{"given": "Dave"},
		"address": map[string]any{"locality": "Nice", "countryCode": "FR"}, "mobilePhone": "+33.6",
	})).str("id")
	h.must(200, h.call("PUT", "users/"+h.user("bob"), map[string]any{"username": "bob", "email": "bob@example.com", "nickname": "B"}))
	h.must(200, h.call("PATCH", "users/"+dave, map[string]any{"name": map[string]any{"family": "Dupont"}}))
	filters := []string{`username eq "dave"`, `name.family eq "Dupont"`, `address.countryCode eq "FR"`,
		`email co "example"`, `enabled eq true`, `nickname pr`, `not (username eq "alice")`, `lifecycle.status eq "ACCOUNT_OK"`}
	err := h.p.run(context.Background(), h.env, func(o *op) error {
		users, err := o.listUsers()
		if err != nil {
			return err
		}
		for _, u := range users {
			tree, err := store.Get[map[string]any](o.tx, model.KindUser, o.env.ID, u.ID)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(*tree, userAttributes(u)) {
				t.Fatalf("user %s is stored as\n%v\nnot as its attributes\n%v", u.Username, *tree, userAttributes(u))
			}
		}
		matched := 0
		for _, src := range filters {
			f, err := scim.Parse(src)
			if err != nil {
				return err
			}
			var want []*model.User
			for _, u := range users {
				if f.Match(userAttributes(u)) {
					want = append(want, u)
				}
			}
			got, err := o.usersMatching(src)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: %d users, want %d", src, len(got), len(want))
			}
			matched += len(got)
		}
		if matched == 0 {
			t.Fatal("no filter matched anybody")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
