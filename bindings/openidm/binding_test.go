package openidm_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/openidm"
)

// fakeBackend is the smallest openidm.Backend: it records each call as the
// binding made it and answers with a canned object (or err). Objects it
// "stores" are only the ones a test puts in objs; it implements no IDM
// semantics, which are the emulator's business (emulator/idm).
type fakeBackend struct {
	calls []string
	objs  map[string]map[string]any // "collection/id" → object Read returns
	err   error                     // returned by every call when set
	// last holds the arguments of the last call.
	last struct {
		content any
		ops     []openidm.PatchOperation
		query   openidm.Query
		opts    openidm.Opts
	}
}

var _ openidm.Backend = (*fakeBackend)(nil)

func (f *fakeBackend) note(format string, o openidm.Opts, args ...any) {
	f.calls = append(f.calls, callText(format, args...))
	f.last.opts = o
}

// callText is a call as tests compare it: "read [\"managed/alpha_user\",\"u1\"]".
func callText(format string, args ...any) string {
	b, _ := json.Marshal(args)
	return format + " " + string(b)
}

// answer is the object a write returns: content with _id and _rev 7.
func (f *fakeBackend) answer(id string, content map[string]any) (map[string]any, error) {
	if f.err != nil {
		return nil, f.err
	}
	out := map[string]any{"_id": id, "_rev": "7"}
	for k, v := range content {
		out[k] = v
	}
	return out, nil
}

func (f *fakeBackend) Create(_ context.Context, collection, id string, content map[string]any, o openidm.Opts) (map[string]any, error) {
	f.note("create", o, collection, id)
	f.last.content = content
	if id == "" {
		id = "new-id"
	}
	return f.answer(id, content)
}

func (f *fakeBackend) Read(_ context.Context, collection, id string, o openidm.Opts) (map[string]any, error) {
	f.note("read", o, collection, id)
	if f.err != nil {
		return nil, f.err
	}
	if obj, ok := f.objs[collection+"/"+id]; ok {
		return obj, nil
	}
	return nil, openidm.Errorf(openidm.CodeNotFound, "Object %s not found in %s", id, collection)
}

func (f *fakeBackend) Update(_ context.Context, collection, id, rev string, content map[string]any, o openidm.Opts) (map[string]any, error) {
	f.note("update", o, collection, id, rev)
	f.last.content = content
	return f.answer(id, content)
}

func (f *fakeBackend) Patch(_ context.Context, collection, id, rev string, ops []openidm.PatchOperation, o openidm.Opts) (map[string]any, error) {
	f.note("patch", o, collection, id, rev)
	f.last.ops = ops
	return f.answer(id, nil)
}

func (f *fakeBackend) Delete(_ context.Context, collection, id, rev string, o openidm.Opts) (map[string]any, error) {
	f.note("delete", o, collection, id, rev)
	return f.answer(id, nil)
}

func (f *fakeBackend) Query(_ context.Context, collection string, q openidm.Query, o openidm.Opts) (*openidm.QueryResult, error) {
	f.note("query", o, collection)
	f.last.query = q
	if f.err != nil {
		return nil, f.err
	}
	c := "next"
	return &openidm.QueryResult{Result: []map[string]any{{"_id": "a", "_rev": "1"}}, ResultCount: 1,
		PagedResultsCookie: &c, TotalPagedResultsPolicy: "EXACT", TotalPagedResults: 3, RemainingPagedResults: -1}, nil
}

func (f *fakeBackend) Action(_ context.Context, resource, action string, content any, o openidm.Opts) (any, error) {
	f.note("action", o, resource, action)
	f.last.content = content
	if f.err != nil {
		return nil, f.err
	}
	return map[string]any{"status": "OK"}, nil
}

// vm is the binding on a test runtime (bindingtest), its run begun with be.
type vm struct {
	rt *goja.Runtime
	r  *bindingtest.Runtime
}

func newVM(t *testing.T, be openidm.Backend) *vm {
	t.Helper()
	r := bindingtest.New(t, openidm.Binding).Begin(bindings.NewBackends(openidm.BackendKey.Value(be)))
	return &vm{r.RT, r}
}

// end ends the run and returns what it recorded.
func (v *vm) end() ([]openidm.Change, []openidm.Email) {
	out := v.r.End()
	return openidm.Changes.Get(out), openidm.Emails.Get(out)
}

// eval runs src and returns its value as JSON.
func (v *vm) eval(t *testing.T, src string) string {
	t.Helper()
	val, err := v.rt.RunString(src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	b, err := json.Marshal(val.Export())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// thrown runs src, which must throw, and returns "code reason | String(e)",
// the code and reason read from e.javaException ("-" when there is none).
func (v *vm) thrown(t *testing.T, src string) string {
	t.Helper()
	val, err := v.rt.RunString(`(function () { try { ` + src + `; } catch (e) {
		var j = e.javaException;
		return (j ? j.getCode() + " " + j.getReason() : "-") + " | " + String(e); }
		return "no error"; })()`)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return val.String()
}

func TestBindingPassesCallsToTheBackend(t *testing.T) {
	f := &fakeBackend{objs: map[string]map[string]any{"managed/alpha_user/u1": {"_id": "u1", "_rev": "3", "mail": "a@b"}}}
	v := newVM(t, f)
	for _, tc := range []struct{ src, want, call string }{
		{`openidm.create("/openidm/managed/alpha_user/", null, {userName: "x"}, {_fields: "userName"}, ["mail"])._id`,
			`"new-id"`, `create ["managed/alpha_user",""]`},
		{`openidm.create("managed/alpha_user", "chosen", {})._rev`, `"7"`, `create ["managed/alpha_user","chosen"]`},
		{`openidm.read("managed/alpha_user/u1").mail`, `"a@b"`, `read ["managed/alpha_user","u1"]`},
		{`openidm.read("managed/alpha_user/missing")`, `null`, `read ["managed/alpha_user","missing"]`},
		{`openidm.read("internal/role/r1") === null`, `true`, `read ["internal/role","r1"]`},
		{`openidm.update("managed/alpha_user/u1", "3", {mail: "c@d"}).mail`, `"c@d"`, `update ["managed/alpha_user","u1","3"]`},
		{`openidm.patch("managed/alpha_user/u1", null, [{operation: "remove", field: "/mail"}])._id`, `"u1"`, `patch ["managed/alpha_user","u1",""]`},
		{`openidm.delete("managed/alpha_user/u1", "8")._id`, `"u1"`, `delete ["managed/alpha_user","u1","8"]`},
		{`openidm.query("managed/alpha_user", {_queryFilter: "true"}).resultCount`, `1`, `query ["managed/alpha_user"]`},
		{`openidm.action("endpoint/x", "go", {n: 1}).status`, `"OK"`, `action ["endpoint/x","go"]`},
	} {
		f.calls = nil
		if got := v.eval(t, tc.src); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.src, got, tc.want)
		}
		if len(f.calls) != 1 || f.calls[0] != tc.call {
			t.Errorf("%s: calls %q, want %q", tc.src, f.calls, tc.call)
		}
	}
	changes, emails := v.end()
	if got := jsonOf(t, changes); got != `[{"action":"created","resource":"managed/alpha_user","id":"new-id","rev":"7"},`+
		`{"action":"created","resource":"managed/alpha_user","id":"chosen","rev":"7"},`+
		`{"action":"updated","resource":"managed/alpha_user","id":"u1","rev":"7"},`+
		`{"action":"patched","resource":"managed/alpha_user","id":"u1","rev":"7"},`+
		`{"action":"deleted","resource":"managed/alpha_user","id":"u1","rev":"7"}]` {
		t.Errorf("changes %s", got)
	}
	if emails != nil {
		t.Errorf("emails %v", emails)
	}
	// End closes the run: the next call has no back end.
	if got := v.thrown(t, `openidm.read("managed/alpha_user/u1")`); got != "- | InternalError: "+openidm.NoBackend {
		t.Errorf("after End: %s", got)
	}
}

func TestBindingArguments(t *testing.T) {
	f := &fakeBackend{}
	v := newVM(t, f)

	v.eval(t, `openidm.create("managed/alpha_user", null, {n: 1, list: ["a"]}, {_fields: "a, b", x: 2, flag: true, ids: [1, "z"], skip: null}, ["c", " d "])`)
	if got := jsonOf(t, f.last.opts); got != `{"Fields":["a","b","c","d"],"Params":{"flag":"true","ids":"1,z","x":"2"}}` {
		t.Errorf("opts %s", got)
	}
	if got := jsonOf(t, f.last.content); got != `{"list":["a"],"n":1}` {
		t.Errorf("content %s", got)
	}
	v.eval(t, `openidm.read("managed/alpha_user/x", null, "mail,name/given")`)
	if got := jsonOf(t, f.last.opts); got != `{"Fields":["mail","name/given"],"Params":null}` {
		t.Errorf("opts %s", got)
	}

	v.eval(t, `openidm.query("managed/alpha_user", {_queryFilter: "mail pr", _queryId: "q", _pageSize: 2, _pagedResultsOffset: "4",
		_pagedResultsCookie: "c", _sortKeys: "-age, userName", _totalPagedResultsPolicy: "EXACT", other: "kept"})`)
	if got := jsonOf(t, f.last.query); got != `{"Filter":"mail pr","QueryID":"q","PageSize":2,"Cookie":"c","Offset":4,"SortKeys":["-age","userName"],"TotalPolicy":"EXACT"}` {
		t.Errorf("query %s", got)
	}
	if got := jsonOf(t, f.last.opts.Params); got != `{"other":"kept"}` {
		t.Errorf("params left %s", got)
	}

	v.eval(t, `openidm.patch("managed/alpha_user/x", "2", [{operation: "replace", field: "/mail", value: null}, {operation: "remove", field: "/a"},
		{operation: "move", from: "/b", field: "/c"}])`)
	if got := jsonOf(t, f.last.ops); got != `[{"operation":"replace","field":"/mail"},{"operation":"remove","field":"/a"},{"operation":"move","field":"/c","from":"/b"}]` ||
		!f.last.ops[0].HasValue || f.last.ops[1].HasValue {
		t.Errorf("ops %s %+v", got, f.last.ops)
	}
}

// Arguments the binding refuses never reach the back end.
func TestBindingRejectsBadArguments(t *testing.T) {
	f := &fakeBackend{}
	v := newVM(t, f)
	for src, want := range map[string]string{
		`openidm.read("managed/alpha_user")`:                          `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: "managed/alpha_user" names a collection, not an object: use managed/alpha_user/<id>`,
		`openidm.read("")`:                                            `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: a resource path is required, such as managed/alpha_user`,
		`openidm.read("managed/../x/y")`:                              `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: resource path "managed/../x/y" has an empty or relative segment`,
		`openidm.create("managed", null, {})`:                         `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: "managed" is not a collection: managed object collections are managed/<type>`,
		`openidm.create("managed/alpha_user", "a/b", {})`:             `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: newResourceId "a/b" cannot contain "/"`,
		`openidm.create("managed/alpha_user", null, "x")`:             `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: the content must be an object`,
		`openidm.update("managed/alpha_user/x", null, {}, "p")`:       `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: params must be an object`,
		`openidm.update("managed/alpha_user/x", null, {}, null, 3)`:   `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: fields must be an array of strings`,
		`openidm.update("managed/alpha_user/x", null, {}, null, [1])`: `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: fields must be strings, such as ["*", "_id"]`,
		`openidm.patch("managed/alpha_user/x", null, {})`:             `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: the patch must be an array of operations such as [{operation: "replace", field: "/mail", value: "…"}]`,
		`openidm.query("managed/alpha_user", {_pageSize: -1})`:        `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: _pageSize must be a whole number, not "-1"`,
		`openidm.action("external/email", "", {})`:                    `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: an action name is required, such as "send"`,
		`openidm.action("external/email", "send", {subject: "s"})`:    `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: the email has no "to" address`,
		`openidm.action("external/email", "sendTemplate", {to: "a"})`: `400 Bad Request | JavaException: org.forgerock.json.resource.BadRequestException: sendTemplate needs a templateName`,
	} {
		if got := v.thrown(t, src); got != want {
			t.Errorf("%s:\n  got  %s\n  want %s", src, got, want)
		}
	}
	if len(f.calls) != 0 {
		t.Errorf("calls %q", f.calls)
	}
}

func TestBindingThrowsBackendErrors(t *testing.T) {
	f := &fakeBackend{err: openidm.Errorf(openidm.CodePreconditionFailed, "stale")}
	v := newVM(t, f)
	if got := v.thrown(t, `openidm.update("managed/alpha_user/x", "1", {})`); got != "412 Precondition Failed | JavaException: org.forgerock.json.resource.PreconditionFailedException: stale" {
		t.Errorf("got %s", got)
	}
	// A 404 is null for read only.
	f.err = openidm.Errorf(openidm.CodeNotFound, "gone")
	if got := v.eval(t, `openidm.read("managed/alpha_user/x")`); got != "null" {
		t.Errorf("read: %s", got)
	}
	if got := v.thrown(t, `openidm.delete("managed/alpha_user/x", null)`); got != "404 Not Found | JavaException: org.forgerock.json.resource.NotFoundException: gone" {
		t.Errorf("delete: %s", got)
	}
	// A failure that is not IDM's answer is a 500 whose message shows no
	// Go error text.
	f.err = errors.New("sql: database is closed")
	if got := v.thrown(t, `openidm.query("managed/alpha_user", {_queryFilter: "true"})`); got != "500 Internal Server Error | JavaException: org.forgerock.json.resource.InternalServerErrorException: IDM request failed" {
		t.Errorf("query: %s", got)
	}
	// A send that failed is not reported as sent; nothing failed was recorded.
	v.thrown(t, `openidm.action("external/email", "send", {to: "a@b"})`)
	if changes, emails := v.end(); changes != nil || emails != nil {
		t.Errorf("%v %v", changes, emails)
	}
}

func TestBindingRecordsEmails(t *testing.T) {
	v := newVM(t, &fakeBackend{})
	v.eval(t, `openidm.action("/openidm/external/email", "send", {from: "f@x", to: ["a@x", "b@x"], subject: "Hi", body: "<p>hi</p>", type: "text/html"})`)
	v.eval(t, `openidm.action("external/email", "sendTemplate", {to: "c@x", templateName: "welcome"})`)
	v.eval(t, `openidm.action("external/email", "other", {})`)
	_, emails := v.end()
	if got := jsonOf(t, emails); got != `[{"from":"f@x","to":"a@x, b@x","subject":"Hi","body":"\u003cp\u003ehi\u003c/p\u003e","type":"text/html"},{"to":"c@x","templateName":"welcome"}]` {
		t.Errorf("emails %s", got)
	}
}

func TestBindingResultsAreJavaMaps(t *testing.T) {
	f := &fakeBackend{objs: map[string]map[string]any{"managed/alpha_user/u1": {"_id": "u1", "_rev": "1", "mail": "a@b", "n": int64(2)}}}
	v := newVM(t, f)
	got := v.eval(t, `var u = openidm.read("managed/alpha_user/u1"); var q = openidm.query("managed/alpha_user", {_queryFilter: "true"});
[u.get("mail"), u.n + 1, u.containsKey("_rev"), q.get("result").get(0).get("_id"), q.result.size(), q.pagedResultsCookie, q.totalPagedResults]`)
	if got != `["a@b",3,true,"a",1,"next",3]` {
		t.Errorf("got %s", got)
	}
	// The binding object itself cannot be changed.
	if got := v.eval(t, `"use strict"; var r; try { openidm.read = null; r = "writable"; } catch (e) { r = "frozen"; } r`); got != `"frozen"` {
		t.Errorf("got %s", got)
	}
}

func TestNoBackend(t *testing.T) {
	v := newVM(t, nil)
	for _, src := range []string{
		`openidm.read("managed/alpha_user/x")`,
		`openidm.create("managed/alpha_user", null, {})`,
		`openidm.query("managed/alpha_user", {_queryFilter: "true"})`,
		`openidm.action("external/email", "send", {to: "a@b"})`,
	} {
		if got := v.thrown(t, src); got != "- | InternalError: "+openidm.NoBackend {
			t.Errorf("%s: %s", src, got)
		}
	}
}

func TestParsePatchErrors(t *testing.T) {
	for in, msg := range map[string]string{
		`{"operation":"add"}`:             "must be an array",
		`["x"]`:                           "not an object",
		`[{"field":"/a","value":1}]`:      "no operation",
		`[{"operation":"add","value":1}]`: "no field",
	} {
		var v any
		if err := json.Unmarshal([]byte(in), &v); err != nil {
			t.Fatal(err)
		}
		if _, err := openidm.ParsePatch(v); err == nil || !strings.Contains(err.Error(), msg) || openidm.Code(err) != 400 {
			t.Errorf("%s: err %v, want 400 containing %q", in, err, msg)
		}
	}
}

func jsonOf(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A failed call throws what AIC throws: a JavaException whose
// e.javaException is CREST's ResourceException, with its code, reason,
// detail and server-error flag.
func TestErrorsAreResourceExceptions(t *testing.T) {
	f := &fakeBackend{err: &openidm.Error{Code: 409, Message: "taken", Detail: map[string]any{"field": "userName"}}}
	v := newVM(t, f)
	got := v.eval(t, `var out = {}; try { openidm.create("managed/alpha_user", "x", {}) } catch (e) {
		var j = e.javaException;
		out = {name: e.name, message: e.message, text: String(e), code: j.getCode(), reason: j.getReason(),
			server: j.isServerError(), detail: j.getDetail().getObject(), detailField: j.getDetail().get("field").getObject(),
			json: j.toJsonValue().getObject(), jtext: String(j), stack: e.stack.indexOf("github.com") < 0 && e.stack.indexOf("GoError") < 0 };
	} out`)
	want := `{"code":409,"detail":{"field":"userName"},"detailField":"userName",` +
		`"json":{"code":409,"detail":{"field":"userName"},"message":"taken","reason":"Conflict"},` +
		`"jtext":"org.forgerock.json.resource.ConflictException: taken",` +
		`"message":"org.forgerock.json.resource.ConflictException: taken","name":"JavaException","reason":"Conflict",` +
		`"server":false,"stack":true,"text":"JavaException: org.forgerock.json.resource.ConflictException: taken"}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	f.err = &openidm.Error{Code: 503, Message: "busy"}
	if got := v.eval(t, `var out; try { openidm.update("managed/alpha_user/x", null, {}) } catch (e) {
		out = [e.javaException.isServerError(), e.javaException.getDetail().isNull(), e.message] } out`); got != `[true,true,"org.forgerock.json.resource.ServiceUnavailableException: busy"]` {
		t.Errorf("got %s", got)
	}
}

func TestExceptionClass(t *testing.T) {
	for code, want := range map[int]string{400: "BadRequestException", 403: "ForbiddenException", 404: "NotFoundException",
		409: "ConflictException", 412: "PreconditionFailedException", 500: "InternalServerErrorException",
		501: "NotSupportedException", 503: "ServiceUnavailableException", 401: "UncategorizedException", 418: "UncategorizedException"} {
		if got := openidm.ExceptionClass(code); got != "org.forgerock.json.resource."+want {
			t.Errorf("%d: %s", code, got)
		}
	}
}
