package idm_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	_ "github.com/journeyjs/journeyjs/bindings/all"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/emulator/idm"
	"github.com/journeyjs/journeyjs/runtime"
)

var testSeed = idm.Seed{
	"managed/alpha_user": {
		{"_id": "u-bjensen", "userName": "bjensen", "givenName": "Barbara", "age": int64(30),
			"name": map[string]any{"given": "Barbara", "family": "Jensen"}},
		{"_id": "u-scarter", "userName": "scarter", "givenName": "Sam", "age": int64(25)},
	},
	"managed/alpha_role": {{"_id": "admins", "name": "Administrators"}},
}

// idGen returns _id values id-1, id-2, … so runs on different back ends
// produce the same objects.
func idGen() func() string {
	var n atomic.Int64
	return func() string { return fmt.Sprintf("id-%d", n.Add(1)) }
}

type backendMaker struct {
	name string
	make func(t *testing.T, seed idm.Seed) openidm.Backend
}

func newMemory(t *testing.T, seed idm.Seed) *idm.Memory {
	t.Helper()
	m, err := idm.NewMemory(seed)
	if err != nil {
		t.Fatal(err)
	}
	m.SetIDGenerator(idGen())
	return m
}

var backends = []backendMaker{
	{"memory", func(t *testing.T, seed idm.Seed) openidm.Backend { return newMemory(t, seed) }},
	{"sqlite", func(t *testing.T, seed idm.Seed) openidm.Backend {
		s, err := idm.OpenSQLite(filepath.Join(t.TempDir(), "idm.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if err := s.Seed(context.Background(), seed); err != nil {
			t.Fatal(err)
		}
		s.SetIDGenerator(idGen())
		return s
	}},
	{"rest", func(t *testing.T, seed idm.Seed) openidm.Backend {
		return newFakeIDM(t, newMemory(t, seed)).backend()
	}},
}

var engine = runtime.New(runtime.Options{})

func run(t *testing.T, src string, in runtime.Input) (runtime.Result, error) {
	t.Helper()
	return engine.Run(context.Background(), runtime.Script{Name: t.Name() + ".js", Source: src}, in)
}

// outcomeOf runs src, which must store its findings in shared state "out".
func outJSON(t *testing.T, src string, b openidm.Backend) (string, runtime.Result) {
	t.Helper()
	res, err := run(t, src, runtime.Input{Backends: bindings.NewBackends(openidm.BackendKey.Value(b))})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	out, err := json.Marshal(res.SharedState["out"])
	if err != nil {
		t.Fatal(err)
	}
	return string(out), res
}

func TestCRUDExampleOnEveryBackend(t *testing.T) {
	src, err := os.ReadFile("../../testdata/scripts/idm/crud.js")
	if err != nil {
		t.Fatal(err)
	}
	var first string
	for _, bm := range backends {
		t.Run(bm.name, func(t *testing.T) {
			b := bm.make(t, testSeed)
			res, err := run(t, string(src), runtime.Input{SharedState: map[string]any{"username": "akovacs"}, Backends: bindings.NewBackends(openidm.BackendKey.Value(b))})
			if err != nil {
				t.Fatal(err)
			}
			if res.Outcome != "true" {
				t.Fatalf("outcome %q", res.Outcome)
			}
			sh := res.SharedState
			for k, want := range map[string]any{
				"createdRev": "1", "updatedRev": "2", "patchedRev": "3", "mail": "ana.kovacs@example.org",
				"matches": int64(1), "foundGivenName": "Ana", "description": "Created by the IDM walkthrough",
				"emailStatus": "OK / Email sent", "deletedUser": "akovacs", "readAfterDelete": nil,
			} {
				if sh[k] != want {
					t.Errorf("%s = %#v, want %#v", k, sh[k], want)
				}
			}
			wantChanges := []openidm.Change{
				{Action: "created", Resource: "managed/alpha_user", ID: "id-1", Rev: "1"},
				{Action: "updated", Resource: "managed/alpha_user", ID: "id-1", Rev: "2"},
				{Action: "patched", Resource: "managed/alpha_user", ID: "id-1", Rev: "3"},
				{Action: "deleted", Resource: "managed/alpha_user", ID: "id-1", Rev: "3"},
			}
			if fmt.Sprint(openidm.Changes.Get(res.Outputs)) != fmt.Sprint(wantChanges) {
				t.Errorf("changes %v, want %v", openidm.Changes.Get(res.Outputs), wantChanges)
			}
			wantMail := []openidm.Email{{From: "noreply@example.org", To: "ana.kovacs@example.org",
				Subject: "Welcome aboard", Body: "Your account is ready."}}
			if fmt.Sprint(openidm.Emails.Get(res.Outputs)) != fmt.Sprint(wantMail) {
				t.Errorf("emails %v, want %v", openidm.Emails.Get(res.Outputs), wantMail)
			}
			// Same outcome, state, changes, emails and log lines everywhere.
			var logs []string
			for _, l := range logger.Logs.Get(res.Outputs) {
				logs = append(logs, l.Message)
			}
			all, _ := json.Marshal([]any{res.Outcome, res.SharedState, openidm.Changes.Get(res.Outputs), openidm.Emails.Get(res.Outputs), logs})
			if first == "" {
				first = string(all)
			} else if string(all) != first {
				t.Errorf("outcome differs from the memory back end:\n%s\n%s", all, first)
			}
			rep, _ := json.Marshal(res)
			if !strings.Contains(string(rep), `"idmChanges":[{"action":"created","resource":"managed/alpha_user","id":"id-1","rev":"1"}`) ||
				!strings.Contains(string(rep), `"emails":[{"from":"noreply@example.org","to":"ana.kovacs@example.org"`) {
				t.Errorf("report lacks idmChanges or emails: %s", rep)
			}
		})
	}
}

const methodsScript = `
var out = {};
var users = "managed/alpha_user";
function failure(f) {
	try { f(); return "no error"; }
	catch (e) { var j = e.javaException; return j.getCode() + " " + j.getReason() + (e.message.indexOf("org.forgerock.json.resource.") === 0 ? "" : " (bad message: " + e.message + ")"); }
}
var u = openidm.create(users, "fixed-1", {userName: "fixed", age: 33, name: {given: "Fi", family: "Xed"}});
out.created = [u._id, u._rev, u.userName];
out.generated = openidm.create(users, null, {userName: "gen"})._id;
out.conflict = failure(function () { openidm.create(users, "fixed-1", {userName: "again"}); });
out.readMissing = openidm.read(users + "/nope");
out.projected = openidm.read(users + "/fixed-1", null, ["userName", "name/given"]);
out.projectedParam = openidm.read(users + "/fixed-1", {_fields: "age"});
out.star = Object.keys(openidm.read(users + "/fixed-1", null, ["*", "_id"])).sort();
out.updateMissing = failure(function () { openidm.update(users + "/nope", null, {a: 1}); });
out.staleUpdate = failure(function () { openidm.update(users + "/fixed-1", "9", {a: 1}); });
var up = openidm.update(users + "/fixed-1", "1", {userName: "fixed", age: 34});
out.updated = up;
out.stalePatch = failure(function () { openidm.patch(users + "/fixed-1", "1", [{operation: "replace", field: "/age", value: 1}]); });
out.patchMissing = failure(function () { openidm.patch(users + "/nope", null, [{operation: "remove", field: "/age"}]); });
out.badPatch = failure(function () { openidm.patch(users + "/fixed-1", null, [{operation: "increment", field: "/userName", value: 1}]); });
var pa = openidm.patch(users + "/fixed-1", up._rev, [
	{operation: "increment", field: "/age", value: 1},
	{operation: "add", field: "/tags/-", value: "t1"},
	{operation: "copy", from: "/userName", field: "/alias"},
	{operation: "move", from: "/alias", field: "/nick"}]);
out.patched = pa;
out.deleteStale = failure(function () { openidm.delete(users + "/fixed-1", "1"); });
out.deleteMissing = failure(function () { openidm.delete(users + "/nope", null); });
out.query = openidm.query(users, {_queryFilter: "/age ge 34 or /userName sw 'b'", _sortKeys: "-userName"}, ["userName"]);
out.badFilter = failure(function () { openidm.query(users, {_queryFilter: "/userName eq"}); });
out.badFilterMessage = (function () { try { openidm.query(users, {_queryFilter: "/userName eq"}); } catch (e) { return /position 12/.test(e.message); } })();
out.noFilter = failure(function () { openidm.query(users, {}); });
out.collectionRead = failure(function () { openidm.read(users); });
out.deleted = openidm.delete(users + "/fixed-1", pa._rev).userName;
out.afterDelete = openidm.read(users + "/fixed-1");
out.otherAction = failure(function () { openidm.action(users, "frobnicate", {}); });
out.noTo = failure(function () { openidm.action("external/email", "send", {subject: "x"}); });
out.template = openidm.action("external/email", "sendTemplate", {templateName: "welcome", to: "a@example.org", object: {}});
nodeState.putShared("out", out);
action.goTo("done");
`

func TestMethodsOnEveryBackend(t *testing.T) {
	var first string
	for _, bm := range backends {
		t.Run(bm.name, func(t *testing.T) {
			out, res := outJSON(t, methodsScript, bm.make(t, testSeed))
			if first == "" {
				first = out
			} else if out != first {
				t.Fatalf("differs from memory:\n%s\n%s", out, first)
			}
			for _, want := range []string{
				`"created":["fixed-1","1","fixed"]`,
				`"generated":"id-1"`,
				`"conflict":"412 Precondition Failed"`,
				`"readMissing":null`,
				`"projected":{"_id":"fixed-1","_rev":"1","name":{"given":"Fi"},"userName":"fixed"}`,
				`"projectedParam":{"_id":"fixed-1","_rev":"1","age":33}`,
				`"star":["_id","_rev","age","name","userName"]`,
				`"updateMissing":"404 Not Found"`,
				`"staleUpdate":"412 Precondition Failed"`,
				`"updated":{"_id":"fixed-1","_rev":"2","age":34,"userName":"fixed"}`,
				`"stalePatch":"412 Precondition Failed"`,
				`"patchMissing":"404 Not Found"`,
				`"badPatch":"400 Bad Request"`,
				`"patched":{"_id":"fixed-1","_rev":"3","age":35,"nick":"fixed","tags":["t1"],"userName":"fixed"}`,
				`"deleteStale":"412 Precondition Failed"`,
				`"deleteMissing":"404 Not Found"`,
				`"result":[{"_id":"fixed-1","_rev":"3","userName":"fixed"},{"_id":"u-bjensen","_rev":"1","userName":"bjensen"}]`,
				`"resultCount":2`, `"pagedResultsCookie":null`, `"totalPagedResults":-1`, `"remainingPagedResults":-1`,
				`"totalPagedResultsPolicy":"NONE"`,
				`"badFilter":"400 Bad Request"`, `"badFilterMessage":true`,
				`"noFilter":"400 Bad Request"`, `"collectionRead":"400 Bad Request"`,
				`"deleted":"fixed"`, `"afterDelete":null`,
				`"otherAction":"501 Not Implemented"`,
				`"noTo":"400 Bad Request"`,
				`"template":{"message":"Email sent","status":"OK"}`,
			} {
				if !strings.Contains(out, want) {
					t.Errorf("missing %s in\n%s", want, out)
				}
			}
			if len(openidm.Changes.Get(res.Outputs)) != 5 || len(openidm.Emails.Get(res.Outputs)) != 1 || openidm.Emails.Get(res.Outputs)[0].Template != "welcome" {
				t.Errorf("changes %v emails %v", openidm.Changes.Get(res.Outputs), openidm.Emails.Get(res.Outputs))
			}
		})
	}
}

const pagingScript = `
var out = {};
var users = "managed/alpha_user";
var names = [], cookie = null, pages = 0, first;
do {
	var params = {_queryFilter: "true", _pageSize: 3, _sortKeys: "-age,userName", _totalPagedResultsPolicy: "EXACT"};
	if (cookie) params._pagedResultsCookie = cookie;
	var page = openidm.query(users, params, ["userName"]);
	if (!first) first = {count: page.resultCount, total: page.totalPagedResults, remaining: page.remainingPagedResults,
		policy: page.totalPagedResultsPolicy, hasCookie: typeof page.pagedResultsCookie === "string"};
	page.result.forEach(function (u) { names.push(u.userName); });
	cookie = page.pagedResultsCookie;
	pages++;
} while (cookie !== null && pages < 10);
out.names = names;
out.pages = pages;
out.first = first;
var off = openidm.query(users, {_queryFilter: "/age pr", _pageSize: 2, _pagedResultsOffset: 4, _sortKeys: "age", _totalPagedResultsPolicy: "ESTIMATE"});
out.offset = [off.result.map(function (u) { return u.userName; }), off.resultCount, off.totalPagedResults, off.pagedResultsCookie, off.totalPagedResultsPolicy];
var none = openidm.query(users, {_queryFilter: "/age lt 30", _pageSize: 1, _sortKeys: "+userName"});
out.none = [none.result[0].userName, none.totalPagedResults, none.totalPagedResultsPolicy, typeof none.pagedResultsCookie];
out.nested = openidm.query(users, {_queryFilter: "/name/given eq 'ed' and /roles/0/_ref sw 'managed/alpha_role/'"}).result.map(function (u) { return u._id; });
out.anyRole = openidm.query(users, {_queryFilter: "/roles/_ref eq 'managed/alpha_role/staff'", _sortKeys: "_id"}).result.map(function (u) { return u._id; });
out.badPolicy = (function () { try { openidm.query(users, {_queryFilter: "true", _totalPagedResultsPolicy: "SOME"}); } catch (e) { return e.javaException.getCode(); } })();
out.badCookie = (function () { try { openidm.query(users, {_queryFilter: "true", _pageSize: 1, _pagedResultsCookie: "zzz"}); } catch (e) { return e.javaException.getCode(); } })();
out.allIds = openidm.query(users, {_queryId: "query-all-ids", _pageSize: 2, _sortKeys: "_id"}).result;
nodeState.putShared("out", out);
action.goTo("done");
`

func TestQueryPagingAndSorting(t *testing.T) {
	seed := idm.Seed{"managed/alpha_user": {
		{"_id": "a", "userName": "ann", "age": int64(41)},
		{"_id": "b", "userName": "bob", "age": int64(25), "roles": []any{map[string]any{"_ref": "managed/alpha_role/staff"}}},
		{"_id": "c", "userName": "cid", "age": int64(33), "name": map[string]any{"given": "Ed"},
			"roles": []any{map[string]any{"_ref": "managed/alpha_role/admins"}, map[string]any{"_ref": "managed/alpha_role/staff"}}},
		{"_id": "d", "userName": "dee", "age": int64(33)},
		{"_id": "e", "userName": "eve", "age": 19.5},
		{"_id": "f", "userName": "fay", "age": int64(60)},
		{"_id": "g", "userName": "gus"},
	}}
	want := `{"allIds":[{"_id":"a","_rev":"1"},{"_id":"b","_rev":"1"}],"anyRole":["b","c"],"badCookie":400,"badPolicy":400,` +
		`"first":{"count":3,"hasCookie":true,"policy":"EXACT","remaining":-1,"total":7},` +
		`"names":["gus","fay","ann","cid","dee","bob","eve"],"nested":["c"],` +
		`"none":["bob",-1,"NONE","string"],` +
		`"offset":[["ann","fay"],2,6,null,"ESTIMATE"],"pages":3}`
	// Objects without a sort key sort after the others, so first when the
	// order is reversed (as a directory's server-side sort does).
	for _, bm := range backends {
		t.Run(bm.name, func(t *testing.T) {
			out, _ := outJSON(t, pagingScript, bm.make(t, seed))
			if out != want {
				t.Fatalf("got  %s\nwant %s", out, want)
			}
		})
	}
}

func TestNoBackend(t *testing.T) {
	for _, call := range []string{
		`openidm.read("managed/alpha_user/x")`,
		`openidm.create("managed/alpha_user", null, {})`,
		`openidm.query("managed/alpha_user", {_queryFilter: "true"})`,
		`openidm.action("external/email", "send", {to: "a@b"})`,
	} {
		_, err := run(t, call+`; action.goTo("x");`, runtime.Input{})
		if err == nil || !strings.Contains(err.Error(), "openidm: no IDM back end configured") {
			t.Errorf("%s: err %v", call, err)
		}
	}
}

func TestUncaughtIDMErrorFailsTheRun(t *testing.T) {
	res, err := run(t, `openidm.create("managed/alpha_user", "n1", {});
openidm.delete("managed/alpha_user/missing", null);
action.goTo("x");`, runtime.Input{Backends: bindings.NewBackends(openidm.BackendKey.Value(newMemory(t, nil)))})
	var se *runtime.ScriptError
	if !errors.As(err, &se) || se.Line != 2 || se.Message != "JavaException: org.forgerock.json.resource.NotFoundException: Object missing not found in managed/alpha_user" {
		t.Fatalf("err %#v", err)
	}
	// The partial result keeps what the run changed before it failed.
	if len(openidm.Changes.Get(res.Outputs)) != 1 || openidm.Changes.Get(res.Outputs)[0].ID != "n1" {
		t.Fatalf("changes %v", openidm.Changes.Get(res.Outputs))
	}
}

func TestActionHandler(t *testing.T) {
	m := newMemory(t, nil)
	m.Actions = idm.ActionFunc(func(_ context.Context, resource, action string, content any, o openidm.Opts) (any, error) {
		if action == "fail" {
			return nil, &openidm.Error{Code: 403, Message: "nope"}
		}
		return map[string]any{"resource": resource, "action": action, "content": content, "p": o.Params["x"]}, nil
	})
	out, _ := outJSON(t, `var out = {};
out.ok = openidm.action("endpoint/custom", "go", {n: 1}, {x: 2});
try { openidm.action("endpoint/custom", "fail", null); } catch (e) { out.fail = e.javaException.getCode() + " " + e.message; }
nodeState.putShared("out", out); action.goTo("x");`, m)
	want := `{"fail":"403 org.forgerock.json.resource.ForbiddenException: nope","ok":{"action":"go","content":{"n":1},"p":"2","resource":"endpoint/custom"}}`
	if out != want {
		t.Fatalf("got  %s\nwant %s", out, want)
	}
}

func TestPooledRuntimeStartsClean(t *testing.T) {
	eng := runtime.New(runtime.Options{PoolSize: 1})
	defer eng.Close()
	m := newMemory(t, nil)
	ctx := context.Background()
	res, err := eng.Run(ctx, runtime.Script{Name: "a.js", Source: `openidm.create("managed/alpha_user", null, {});
openidm.action("external/email", "send", {to: "x@example.org"}); action.goTo("a");`}, runtime.Input{Backends: bindings.NewBackends(openidm.BackendKey.Value(m))})
	if err != nil || len(openidm.Changes.Get(res.Outputs)) != 1 || len(openidm.Emails.Get(res.Outputs)) != 1 {
		t.Fatalf("%v %v %v", err, openidm.Changes.Get(res.Outputs), openidm.Emails.Get(res.Outputs))
	}
	res, err = eng.Run(ctx, runtime.Script{Name: "b.js", Source: `action.goTo("b");`}, runtime.Input{})
	if err != nil || openidm.Changes.Get(res.Outputs) != nil || openidm.Emails.Get(res.Outputs) != nil {
		t.Fatalf("%v %v %v", err, openidm.Changes.Get(res.Outputs), openidm.Emails.Get(res.Outputs))
	}
	// The binding object is frozen.
	res, err = eng.Run(ctx, runtime.Script{Name: "c.js", Source: `openidm.read = null; action.goTo(typeof openidm.read === "function" ? "frozen" : "writable");`}, runtime.Input{})
	if err != nil || res.Outcome != "frozen" {
		t.Fatalf("%v %q", err, res.Outcome)
	}
}

func TestConcurrentRunsShareAStore(t *testing.T) {
	m := newMemory(t, idm.Seed{"managed/alpha_user": {{"_id": "c", "n": int64(0)}}})
	const runs = 16
	errs := make(chan error, runs)
	for i := 0; i < runs; i++ {
		go func() {
			_, err := engine.Run(context.Background(), runtime.Script{Name: "inc.js", Source: `
openidm.patch("managed/alpha_user/c", null, [{operation: "increment", field: "/n", value: 1}]);
openidm.create("managed/alpha_user", null, {});
action.goTo("x");`}, runtime.Input{Backends: bindings.NewBackends(openidm.BackendKey.Value(m))})
			errs <- err
		}()
	}
	for i := 0; i < runs; i++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	objs := m.Objects("managed/alpha_user")
	if len(objs) != runs+1 || objs[0]["n"] != int64(runs) || objs[0]["_rev"] != fmt.Sprint(runs+1) {
		t.Fatalf("%d objects, first %v", len(objs), objs[0])
	}
}

// AIC wraps openidm results in a MapScriptWrapper: scripts read them as
// objects and through Java's Map methods.
func TestResultsOfferJavaMapMethods(t *testing.T) {
	e := runtime.New(runtime.Options{})
	defer e.Close()
	mem, err := idm.NewMemory(idm.Seed{"managed/alpha_user": {{"_id": "u1", "userName": "bjensen", "mail": "b@example.com"}}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Run(context.Background(), runtime.Script{Name: "m.js", Source: `
		var u = openidm.read("managed/alpha_user/u1");
		var q = openidm.query("managed/alpha_user", {_queryFilter: "true"});
		action.goTo([u.get("mail"), u.userName, u.containsKey("_rev"), q.get("result").get(0).get("_id"), q.result.size()].join(","));`},
		runtime.Input{Backends: bindings.NewBackends(openidm.BackendKey.Value(mem))})
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != "b@example.com,bjensen,true,u1,1" {
		t.Fatalf("outcome %q", res.Outcome)
	}
}
