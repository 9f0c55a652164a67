package idm_test

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/emulator/idm"
	"github.com/journeyjs/journeyjs/runtime"
)

func TestSQLitePersistsAcrossOpens(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nested", "idm.db")
	s, err := idm.OpenSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Seed(ctx, testSeed); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Patch(ctx, "managed/alpha_user", "u-bjensen", "1", []openidm.PatchOperation{
		{Operation: "replace", Field: "/mail", Value: "b@example.org", HasValue: true}}, openidm.Opts{}); err != nil {
		t.Fatal(err)
	}
	// A failing patch is one transaction: nothing of it is kept.
	_, err = s.Patch(ctx, "managed/alpha_user", "u-bjensen", "", []openidm.PatchOperation{
		{Operation: "replace", Field: "/mail", Value: "lost@example.org", HasValue: true},
		{Operation: "increment", Field: "/mail", Value: int64(1), HasValue: true}}, openidm.Opts{})
	if openidm.Code(err) != 400 {
		t.Fatalf("err %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = idm.OpenSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Seeding again keeps the changed object as it is.
	if err := s.Seed(ctx, testSeed); err != nil {
		t.Fatal(err)
	}
	got, err := s.Read(ctx, "managed/alpha_user", "u-bjensen", openidm.Opts{Fields: []string{"mail", "name/family"}})
	if err != nil {
		t.Fatal(err)
	}
	if got["mail"] != "b@example.org" || got["_rev"] != "2" || got["name"].(map[string]any)["family"] != "Jensen" || len(got) != 4 {
		t.Fatalf("got %v", got)
	}
	// Numbers come back as the script wrote them.
	res, err := run(t, `var u = openidm.read("managed/alpha_user/u-bjensen");
nodeState.putShared("age", u.age + 1); action.goTo("x");`, runtime.Input{Backends: bindings.NewBackends(openidm.BackendKey.Value(s))})
	if err != nil || res.SharedState["age"] != int64(31) {
		t.Fatalf("%v %v", err, res.SharedState)
	}
}

func TestRESTRequestsAndErrors(t *testing.T) {
	fake := newFakeIDM(t, newMemory(t, testSeed))
	b := fake.backend()
	ctx := context.Background()
	o := openidm.Opts{}

	if _, err := b.Update(ctx, "managed/alpha_user", "u-bjensen", "7", map[string]any{"userName": "x"}, o); openidm.Code(err) != 412 {
		t.Fatalf("stale update: %v", err)
	}
	if _, err := b.Read(ctx, "managed/alpha_user", "missing", o); !openidm.IsNotFound(err) ||
		err.Error() != "404 Not Found: Object missing not found in managed/alpha_user" {
		t.Fatalf("read missing: %v", err)
	}
	_, err := b.Query(ctx, "managed/alpha_user", openidm.Query{Filter: "/userName eq"}, o)
	if openidm.Code(err) != 400 || !strings.Contains(err.Error(), "position 12") {
		t.Fatalf("bad filter: %v", err)
	}
	if _, err := b.Create(ctx, "managed/alpha_user", "", map[string]any{"userName": "n"}, openidm.Opts{Fields: []string{"userName"}, Params: map[string]string{"extra": "1"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Patch(ctx, "managed/alpha_user", "u-scarter", "", []openidm.PatchOperation{{Operation: "remove", Field: "/age"}}, o); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Delete(ctx, "managed/alpha_user", "u-scarter", "2", o); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Action(ctx, "external/email", "send", map[string]any{"to": "a@b"}, o); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Query(ctx, "managed/alpha_user", openidm.Query{Filter: "true", PageSize: 1, SortKeys: []string{"-userName"}, TotalPolicy: "EXACT"}, o); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"PUT /openidm/managed/alpha_user/u-bjensen?",
		"GET /openidm/managed/alpha_user/missing?",
		"GET /openidm/managed/alpha_user?_queryFilter=%2FuserName+eq",
		"POST /openidm/managed/alpha_user?_action=create&_fields=userName&extra=1",
		"PATCH /openidm/managed/alpha_user/u-scarter?",
		"DELETE /openidm/managed/alpha_user/u-scarter?",
		"POST /openidm/external/email?_action=send",
		"GET /openidm/managed/alpha_user?_pageSize=1&_queryFilter=true&_sortKeys=-userName&_totalPagedResultsPolicy=EXACT",
	}
	got := fake.log()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("requests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// A wrong token is IDM's 401, thrown to the script with its code.
	bad := &openidm.REST{BaseURL: fake.srv.URL + "/openidm", Token: "wrong", Client: fake.srv.Client()}
	res, err := run(t, `try { openidm.read("managed/alpha_user/u-bjensen"); } catch (e) { nodeState.putShared("e", e.javaException.getCode() + " " + e.message); }
action.goTo("x");`, runtime.Input{Backends: bindings.NewBackends(openidm.BackendKey.Value(bad))})
	if err != nil || res.SharedState["e"] != "401 org.forgerock.json.resource.UncategorizedException: Access Denied" {
		t.Fatalf("%v %v", err, res.SharedState)
	}

	// A server that does not speak IDM's error format still gives a clear error.
	plain := &openidm.REST{BaseURL: fake.srv.URL + "/elsewhere", Token: fakeToken, Client: fake.srv.Client()}
	if _, err := plain.Read(ctx, "managed/alpha_user", "x", o); openidm.Code(err) != 404 {
		t.Fatalf("%v", err)
	}
	down := &openidm.REST{BaseURL: "http://127.0.0.1:1/openidm", Client: &http.Client{}}
	if _, err := down.Read(ctx, "managed/alpha_user", "x", o); err == nil || openidm.Code(err) != 0 {
		t.Fatalf("%v", err)
	}
}

func TestSeedErrors(t *testing.T) {
	for _, tc := range []struct {
		seed idm.Seed
		msg  string
	}{
		{idm.Seed{"managed": {{"_id": "x"}}}, "not a collection"},
		{idm.Seed{"managed/a//b": nil}, "empty or relative segment"},
		{idm.Seed{"managed/alpha_user": {{"userName": "x"}}}, "_id must be a non-empty string"},
		{idm.Seed{"managed/alpha_user": {{"_id": "x"}, {"_id": "x"}}}, `_id "x" is used twice`},
	} {
		if _, err := idm.NewMemory(tc.seed); err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%v: err %v, want %q", tc.seed, err, tc.msg)
		}
	}
}
