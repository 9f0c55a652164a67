package idrepository_test

import (
	"context"
	"strings"
	"testing"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/idrepository"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/emulator/idm"
)

const uid = "0f8c1b1e-1111-4222-8333-444455556666"

// setup runs idRepository (with openidm, whose Changes it shares) on an IDM
// emulator holding one alpha user.
func setup(t *testing.T) (*bindingtest.Runtime, *idm.Memory) {
	t.Helper()
	mem, err := idm.NewMemory(idm.Seed{"managed/alpha_user": {{
		"_id": uid, "userName": "bjensen", "accountStatus": "active", "givenName": "Barbara", "sn": "Jensen",
		"mail": "bjensen@example.com", "cn": "Barbara Jensen", "telephoneNumber": "+1 555 0100",
		"password": "Secret12!", "custom_memberNumber": 42, "custom_tier": "gold",
	}}})
	if err != nil {
		t.Fatal(err)
	}
	r := bindingtest.New(t, openidm.Binding, idrepository.Binding)
	var b bindings.Backends
	openidm.BackendKey.Set(&b, openidm.Backend(mem))
	r.BeginWith(b, func(run *bindings.Run) { run.Realm = "/alpha" })
	return r, mem
}

func eq(t *testing.T, r *bindingtest.Runtime, src, want string) {
	t.Helper()
	if got := r.MustRun(src).String(); got != want {
		t.Errorf("%s\n got %q\nwant %q", src, got, want)
	}
}

func throws(t *testing.T, r *bindingtest.Runtime, src, want string) {
	t.Helper()
	_, err := r.RunScript(src)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("%s: error %v, want one containing %q", src, err, want)
	}
}

func read(t *testing.T, mem *idm.Memory) map[string]any {
	t.Helper()
	obj, err := mem.Read(context.Background(), "managed/alpha_user", uid, openidm.Opts{})
	if err != nil {
		t.Fatal(err)
	}
	return obj
}

func TestReadAttributes(t *testing.T) {
	r, _ := setup(t)
	r.MustRun(`var id = idRepository.getIdentity("` + uid + `")`)
	eq(t, r, `id.exists()`, "true")
	eq(t, r, `id.getName()`, uid)
	eq(t, r, `id.getUniversalId()`, "id="+uid+",ou=user,o=alpha,ou=services,ou=am-config")
	// AM names.
	eq(t, r, `id.getAttributeValues("uid")[0]`, "bjensen")
	eq(t, r, `id.getAttributeValues("inetUserStatus").get(0)`, "active")
	eq(t, r, `id.getAttributeValues("fr-idm-uuid")[0]`, uid)
	for _, n := range []string{"givenName", "sn", "mail", "cn", "telephoneNumber"} {
		eq(t, r, `typeof id.getAttributeValues("`+n+`")[0]`, "string")
	}
	eq(t, r, `id.getAttributeValues("mail").toString()`, "[bjensen@example.com]")
	// The Java-list-like value.
	eq(t, r, `var v = id.getAttributeValues("sn"); [v.length, v.size(), v.get(0), v[0], v.contains("Jensen"), v.contains("x"), Array.isArray(v.toArray())].join()`,
		"1,1,Jensen,Jensen,true,false,true")
	eq(t, r, `String(id.getAttributeValues("cn"))`, "[Barbara Jensen]")
	eq(t, r, `typeof id.getAttributeValues("cn").includes`, "undefined")
	throws(t, r, `id.getAttributeValues("cn").includes("Barbara Jensen")`, "TypeError")
	// IDM names, unknown names, unset names and the password: empty.
	for _, n := range []string{"userName", "accountStatus", "nope", "postalCode", "password", "userPassword"} {
		eq(t, r, `var e = id.getAttributeValues("`+n+`"); e.length + "," + e.size() + "," + String(e)`, "0,0,[]")
	}
	// Custom properties: one JSON string, values always strings.
	eq(t, r, `id.getAttributeValues("fr-idm-custom-attrs")[0]`, `{"custom_memberNumber":42,"custom_tier":"gold"}`)
	eq(t, r, `JSON.parse(id.getAttributeValues("fr-idm-custom-attrs")[0]).custom_memberNumber`, "42")
	eq(t, r, `id.getAttributeValues("fr-idm-custom-attrs").length`, "1")
}

func TestUserNameLookupIsAStub(t *testing.T) {
	r, _ := setup(t)
	for _, id := range []string{"bjensen", "amadmin", "", "no-such-id"} {
		r.MustRun(`var s = idRepository.getIdentity("` + id + `")`)
		eq(t, r, `s.exists()`, "false")
		throws(t, r, `s.getAttributeValues("mail")`, "this.amIdentity")
		throws(t, r, `try { s.getAttributeValues("uid") } catch (e) { throw new Error(e.name) }`, "InternalError")
		for _, m := range []string{"getName()", "getUniversalId()", `setAttribute("mail", ["x"])`, `addAttribute("mail", "x")`, "store()"} {
			throws(t, r, `s.`+m, "this.amIdentity is null")
		}
	}
	if out := r.End(); len(openidm.Changes.Get(out)) != 0 {
		t.Errorf("changes %v", openidm.Changes.Get(out))
	}
}

func TestSetWithoutStoreChangesNothing(t *testing.T) {
	r, mem := setup(t)
	r.MustRun(`var id = idRepository.getIdentity("` + uid + `");
		id.setAttribute("mail", ["new@example.com"]);
		id.addAttribute("telephoneNumber", "+1 555 0199")`)
	// Reads go to the repository: unstored changes do not show.
	eq(t, r, `id.getAttributeValues("mail")[0]`, "bjensen@example.com")
	if got := read(t, mem)["mail"]; got != "bjensen@example.com" {
		t.Errorf("mail %v", got)
	}
	if out := r.End(); len(openidm.Changes.Get(out)) != 0 {
		t.Errorf("changes %v", openidm.Changes.Get(out))
	}
}

func TestStoreWrites(t *testing.T) {
	r, mem := setup(t)
	r.MustRun(`openidm.patch("managed/alpha_user/` + uid + `", null, [{operation: "replace", field: "/cn", value: "B J"}]);
		var id = idRepository.getIdentity("` + uid + `");
		id.setAttribute("mail", ["new@example.com"]);
		id.setAttribute("inetUserStatus", ["inactive"]);
		id.setAttribute("givenName", []);
		id.addAttribute("fr-idm-custom-attrs", "ignored");
		id.setAttribute("fr-idm-custom-attrs", [JSON.stringify({custom_memberNumber: 43, custom_new: "x"})]);
		id.store()`)
	obj := read(t, mem)
	want := map[string]any{"mail": "new@example.com", "accountStatus": "inactive", "custom_memberNumber": int64(43),
		"custom_new": "x", "cn": "B J", "userName": "bjensen"}
	for k, v := range want {
		if obj[k] != v {
			t.Errorf("%s = %#v, want %#v", k, obj[k], v)
		}
	}
	for _, k := range []string{"givenName", "custom_tier"} {
		if _, ok := obj[k]; ok {
			t.Errorf("%s still set: %v", k, obj[k])
		}
	}
	// Visible to openidm and to the identity.
	eq(t, r, `openidm.read("managed/alpha_user/`+uid+`").mail`, "new@example.com")
	eq(t, r, `id.getAttributeValues("mail")[0]`, "new@example.com")
	eq(t, r, `id.getAttributeValues("givenName").length`, "0")
	// addAttribute on a multi-valued field: kept, appended.
	r.MustRun(`openidm.patch("managed/alpha_user/` + uid + `", null, [{operation: "add", field: "/custom_tags", value: ["a"]}]);
		id.addAttribute("fr-idm-custom-attrs", "x")`)
	throws(t, r, `id.store()`, "IdentityUpdateException")
	out := r.End()
	changes := openidm.Changes.Get(out)
	if len(changes) != 3 {
		t.Fatalf("changes %+v", changes)
	}
	// openidm's and idRepository's writes, in order.
	for i, c := range changes {
		if c.Action != "patched" || c.Resource != "managed/alpha_user" || c.ID != uid {
			t.Errorf("change %d: %+v", i, c)
		}
	}
	if changes[1].Rev != openidm.RevOf(obj) {
		t.Errorf("rev %q, want %q", changes[1].Rev, openidm.RevOf(obj))
	}
}

func TestStoreFailures(t *testing.T) {
	r, mem := setup(t)
	r.MustRun(`var id = idRepository.getIdentity("` + uid + `")`)
	for _, src := range []string{
		`id.setAttribute("userName", ["x"]); id.store()`,
		`id.setAttribute("fr-idm-uuid", ["other"]); id.store()`,
		`id.setAttribute("fr-idm-custom-attrs", ["not json"]); id.store()`,
		`id.setAttribute("fr-idm-custom-attrs", [JSON.stringify({userName: "x"})]); id.store()`,
		`id.setAttribute("mail", ["a@x", "b@x"]); id.store()`,
	} {
		r.MustRun(`id = idRepository.getIdentity("` + uid + `")`)
		throws(t, r, src, "IdentityUpdateException")
	}
	// A write the back end refuses: the object is gone.
	r.MustRun(`id = idRepository.getIdentity("` + uid + `"); id.setAttribute("mail", ["x@y"])`)
	if _, err := mem.Delete(context.Background(), "managed/alpha_user", uid, "", openidm.Opts{}); err != nil {
		t.Fatal(err)
	}
	throws(t, r, `id.store()`, "IdentityUpdateException")
	eq(t, r, `id.exists()`, "false")
	if out := r.End(); len(openidm.Changes.Get(out)) != 0 {
		t.Errorf("changes %v", openidm.Changes.Get(out))
	}
}

func TestAddAttribute(t *testing.T) {
	r, mem := setup(t)
	r.MustRun(`openidm.patch("managed/alpha_user/` + uid + `", null, [{operation: "add", field: "/custom_tags", value: ["a"]}]);
		var id = idRepository.getIdentity("` + uid + `");
		id.addAttribute("sn", "Jensen-Smith");`)
	throws(t, r, `id.store()`, "single-valued")
	r.MustRun(`id = idRepository.getIdentity("` + uid + `"); id.addAttribute("description", "first"); id.store()`)
	if got := read(t, mem)["description"]; got != "first" {
		t.Errorf("description %v", got)
	}
}

func TestNoBackendAndCollections(t *testing.T) {
	r := bindingtest.New(t, openidm.Binding, idrepository.Binding)
	r.Begin(bindings.Backends{})
	throws(t, r, `idRepository.getIdentity("x")`, idrepository.NoBackend)
	r.End()
	for realm, want := range map[string]string{"/alpha": "managed/alpha_user", "/bravo": "managed/bravo_user",
		"/": "managed/user", "": "managed/user", "/alpha/sub": "managed/alpha_sub_user"} {
		if got := idrepository.Collection(realm); got != want {
			t.Errorf("Collection(%q) = %q, want %q", realm, got, want)
		}
	}
	if got := idrepository.UniversalID("/alpha/sub", "u"); got != "id=u,ou=user,o=sub,o=alpha,ou=services,ou=am-config" {
		t.Errorf("UniversalID %q", got)
	}
	if got := idrepository.UniversalID("/", "u"); got != "id=u,ou=user,ou=am-config" {
		t.Errorf("UniversalID %q", got)
	}
}

// Without openidm on the runtime, idRepository hands its changes over
// itself, after any openidm already recorded.
func TestChangesWithoutOpenIDM(t *testing.T) {
	mem, err := idm.NewMemory(idm.Seed{"managed/user": {{"_id": "u1", "userName": "x"}}})
	if err != nil {
		t.Fatal(err)
	}
	r := bindingtest.New(t, idrepository.Binding)
	var b bindings.Backends
	openidm.BackendKey.Set(&b, openidm.Backend(mem))
	r.Begin(b)
	r.MustRun(`var id = idRepository.getIdentity("u1"); id.setAttribute("mail", ["m@x"]); id.store()`)
	openidm.Changes.Set(&r.Outputs, []openidm.Change{{Action: "created", Resource: "managed/user", ID: "u0"}})
	changes := openidm.Changes.Get(r.End())
	if len(changes) != 2 || changes[1].ID != "u1" || changes[1].Action != "patched" {
		t.Errorf("changes %+v", changes)
	}
}
