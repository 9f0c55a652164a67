package platform

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/scim"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// TestUserFilterReadsStoredAttributeTrees: the filter reads stored user
// documents as attribute trees instead of decoding users and encoding
// them again (userAttributes); both must be the same tree, so both select
// the same users, after every kind of user write.
func TestUserFilterReadsStoredAttributeTrees(t *testing.T) {
	forEachStore(t, testUserFilterReadsStoredAttributeTrees)
}

func testUserFilterReadsStoredAttributeTrees(t *testing.T, kind storeKind) {
	h := newSeeded(t, kind)
	err := h.p.Run(context.Background(), h.env, func(o *Op) error {
		dave, err := o.CreateUser(&model.User{Username: "dave", Email: "dave@example.com", Name: &model.UserName{Given: "Dave"},
			Address: &model.Address{Locality: "Nice", CountryCode: "FR"}, MobilePhone: "+33.6"}, nil)
		if err != nil {
			return err
		}
		if _, err := o.ReplaceUser(h.user("bob"), &model.User{Username: "bob", Email: "bob@example.com", Nickname: "B"}); err != nil {
			return err
		}
		_, err = o.PatchUser(dave.ID, map[string]any{"name": map[string]any{"family": "Dupont"}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	filters := []string{`username eq "dave"`, `name.family eq "Dupont"`, `address.countryCode eq "FR"`,
		`email co "example"`, `enabled eq true`, `nickname pr`, `not (username eq "alice")`, `lifecycle.status eq "ACCOUNT_OK"`}
	err = h.p.Run(context.Background(), h.env, func(o *Op) error {
		users, err := o.ListUsers()
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
			got, err := o.UsersMatching(src)
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

// TestFieldTitled: the field of a title is the last one with it, as a map
// of the fields by title would hold, duplicates and misses included.
func TestFieldTitled(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 37))
	titles := []string{"A", "B", "C", "", "a"}
	for range 2000 {
		ct := &model.CredentialType{Metadata: &model.CredentialMetadata{}}
		for i := range rng.IntN(6) {
			ct.Metadata.Fields = append(ct.Metadata.Fields, model.Field{ID: fmt.Sprint(i), Title: titles[rng.IntN(len(titles))]})
		}
		byTitle := map[string]model.Field{}
		for _, f := range ct.Metadata.Fields {
			byTitle[f.Title] = f
		}
		for _, title := range append(titles, "missing") {
			want, wantOK := byTitle[title]
			got, ok := fieldTitled(ct, title)
			if ok != wantOK || got.ID != want.ID {
				t.Fatalf("%+v, %q: got %+v %v, want %+v %v", ct.Metadata.Fields, title, got, ok, want, wantOK)
			}
		}
	}
}
