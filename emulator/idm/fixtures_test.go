package idm_test

import (
	"os"
	"strings"
	"testing"

	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/fixtures"
)

func TestFixturesSeedAFreshStorePerInput(t *testing.T) {
	fx, err := fixtures.Load("../../testdata/fixtures/idm.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := `var q = openidm.query("managed/alpha_user", {_queryFilter: "/roles/_ref eq 'managed/alpha_role/admins' and /name/given sw 'bar'"});
var role = openidm.read("managed/alpha_role/admins");
openidm.create("managed/alpha_user", "extra", {userName: "extra"});
nodeState.putShared("found", q.result.map(function (u) { return u.userName + "@" + u._rev; }));
nodeState.putShared("role", role.name);
nodeState.putShared("total", openidm.query("managed/alpha_user", {_queryFilter: "true", _totalPagedResultsPolicy: "EXACT", _pageSize: 1}).totalPagedResults);
action.goTo("ok");`
	for i := 0; i < 2; i++ {
		// A second Input does not see the first run's "extra" user (a
		// create of the same _id would fail with 412).
		res, err := run(t, src, fx.Input())
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		if got := jsonOf(t, res.SharedState); got != `{"found":["bjensen@1"],"role":"Administrators","total":3,"username":"akovacs"}` {
			t.Fatalf("run %d: %s", i, got)
		}
	}

	// Without an idm: section the store is there, and empty.
	empty, err := fixtures.Parse("empty.yaml", []byte("realm: /alpha\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := run(t, `nodeState.putShared("n", openidm.query("managed/alpha_user", {_queryFilter: "true"}).resultCount); action.goTo("ok");`, empty.Input())
	if err != nil || res.SharedState["n"] != int64(0) {
		t.Fatalf("%v %v", err, res.SharedState)
	}
}

func TestFixturesIDMErrorsNameFileAndLine(t *testing.T) {
	for _, tc := range []struct {
		yaml, want string
	}{
		{"realm: /alpha\nidm: [1, 2]\n", "f.yaml:2: idm: expected a map of collection paths"},
		{"idm:\n  managed:\n    - {_id: a}\n", `f.yaml:2: idm: "managed" is not a collection`},
		{"idm:\n  managed/alpha_user/x:\n    - {_id: a}\n", `f.yaml:2: idm: "managed/alpha_user/x" is not a collection`},
		{"idm:\n  managed/alpha_user: {a: 1}\n", "f.yaml:2: idm: managed/alpha_user: expected a list of objects"},
		{"idm:\n  managed/alpha_user:\n    - {_id: a}\n    - just-a-name\n", "f.yaml:4: idm: managed/alpha_user: each object must be a map of fields"},
		{"idm:\n  managed/alpha_user:\n    - userName: bjensen\n      mail: b@example.com\n", "f.yaml:3: idm: managed/alpha_user: the object has no _id"},
		{"idm:\n  managed/alpha_user:\n    - _id: ''\n", "f.yaml:3: idm: managed/alpha_user: _id must be a non-empty string"},
		{"idm:\n  managed/alpha_user:\n    - _id: [x]\n", "f.yaml:3: idm: managed/alpha_user: _id must be a non-empty string"},
		{"idm:\n  managed/alpha_user:\n    - _id: a\n      userName: x\n    - _id: a\n", `f.yaml:5: idm: managed/alpha_user: _id "a" is used twice (first on line 3)`},
		{"idm:\n  internal/role:\n    - {_id: r}\n  internal/role/:\n    - {_id: q}\n", "f.yaml:4: idm: collection internal/role is listed twice"},
	} {
		_, err := fixtures.Parse("f.yaml", []byte(tc.yaml))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\n  err  %v\n  want %s", tc.yaml, err, tc.want)
		}
	}
	// Numbers as ids are read as their text.
	fx, err := fixtures.Parse("f.yaml", []byte("idm:\n  managed/alpha_user:\n    - {_id: 42, _rev: 7}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := run(t, `var u = openidm.read("managed/alpha_user/42"); nodeState.putShared("rev", u._rev); action.goTo("ok");`, fx.Input())
	if err != nil || res.SharedState["rev"] != "7" {
		t.Fatalf("%v %v", err, res.SharedState)
	}
}

func TestFixtureFileRunsTheWalkthrough(t *testing.T) {
	fx, err := fixtures.Load("../../testdata/fixtures/idm.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile("../../testdata/scripts/idm/crud.js")
	res, err := run(t, string(src), fx.Input())
	if err != nil || res.Outcome != "true" || len(openidm.Changes.Get(res.Outputs)) != 4 || len(openidm.Emails.Get(res.Outputs)) != 1 {
		t.Fatalf("%v %q %v %v", err, res.Outcome, openidm.Changes.Get(res.Outputs), openidm.Emails.Get(res.Outputs))
	}
}
