package verify_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/journeyjs/journeyjs/bindings/all"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/secrets"
	"github.com/journeyjs/journeyjs/bindings/verify"
	"github.com/journeyjs/journeyjs/bindings/verify/enums"
	"github.com/journeyjs/journeyjs/emulator/pingone"
	"github.com/journeyjs/journeyjs/runtime"
)

const (
	seedPath = "../../testdata/scripts/verify/seed.yaml"
	lastTx   = "dd5a6d4f-0000-4819-b107-85a0a10138c6"
	// decidedAt is when lastTx reached SUCCESS.
	decidedAtText = "2024-12-09T13:45:34.882Z"
)

var decidedAt, _ = time.Parse(time.RFC3339Nano, decidedAtText)

type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}

// world is one seeded local PingOne.
type world struct {
	p       *pingone.Platform
	h       http.Handler
	seed    *pingone.SeedResult
	clock   *clock
	local   *verify.Client
	counter *countingBackend
}

func newWorld(t *testing.T) *world {
	t.Helper()
	store, err := pingone.Open(":memory:")
	require.NoError(t, err)
	t.Cleanup(func() { store.Close() })
	c := &clock{now: decidedAt.Add(5 * time.Minute)}
	p := pingone.NewPlatform(store, pingone.Options{Clock: c.Now})
	seed, err := pingone.LoadSeed(seedPath)
	require.NoError(t, err)
	res, err := p.ApplySeed(context.Background(), seed)
	require.NoError(t, err)
	h := pingone.NewHandler(p, pingone.HandlerOptions{})
	local, err := verify.NewLocal(h, res.EnvironmentID, res.Region, res.ClientID, res.ClientSecret)
	require.NoError(t, err)
	return &world{p: p, h: h, seed: res, clock: c, local: local, counter: &countingBackend{Backend: local}}
}

func (w *world) user(name string) string { return w.seed.Users[name] }

// countingBackend counts the requests that reach the back end.
type countingBackend struct {
	verify.Backend
	n atomic.Int32
}

func (c *countingBackend) Do(ctx context.Context, method, path string, body []byte) (int, []byte, error) {
	c.n.Add(1)
	return c.Backend.Do(ctx, method, path, body)
}

var engine = runtime.New(runtime.Options{})

func run(t *testing.T, backend verify.Backend, shared map[string]any, src string) (runtime.Result, error) {
	t.Helper()
	// verifyTransactionsHelper belongs to the PingOne Verify Completion
	// Decision context, where the node, not the script, picks the outcome.
	in := runtime.Input{Context: runtime.VerifyCompletion, SharedState: shared}
	if backend != nil {
		verify.BackendKey.Set(&in.Backends, backend)
	}
	return engine.Run(context.Background(), runtime.Script{Name: "verify-test.js", Source: src}, in)
}

func mustRun(t *testing.T, backend verify.Backend, shared map[string]any, src string) map[string]any {
	t.Helper()
	res, err := run(t, backend, shared, src)
	require.NoError(t, err)
	return res.SharedState
}

func obj(t *testing.T, v any) map[string]any {
	t.Helper()
	m, ok := v.(map[string]any)
	require.True(t, ok, "want an object, got %#v", v)
	return m
}

func embedded(t *testing.T, v any, key string) []any {
	t.Helper()
	list, ok := obj(t, obj(t, v)["_embedded"])[key].([]any)
	require.True(t, ok, "_embedded.%s is a list", key)
	return list
}

func href(t *testing.T, v any, rel string) string {
	t.Helper()
	return obj(t, obj(t, obj(t, v)["_links"])[rel])["href"].(string)
}

func TestEveryMethodThroughScripts(t *testing.T) {
	w := newWorld(t)
	james := w.user("jamesjoyce")
	out := mustRun(t, w.local, map[string]any{"pingOneUserId": james}, `
var h = verifyTransactionsHelper;
var last = h.getLastVerifyTransaction();
var all = h.getAllVerifyTransactions();
var meta = h.getAllMetadata(last.id);
var data = h.getAllVerifiedData(last.id);
var ids = data._embedded.verifiedData.filter(function (d) { return d.type === "GOVERNMENT_ID"; });
var gov = h.getVerifiedDataByType(last.id, "GOVERNMENT_ID");
var one = h.getVerifiedData(last.id, gov._embedded.verifiedData[0].id);
var user = h.getUser();
nodeState.putShared("last", last).putShared("all", all).putShared("meta", meta).putShared("data", data)
  .putShared("gov", gov).putShared("one", one).putShared("user", user);
var updated = h.updateUser({username: "jamesjoyce", email: "jj@example.com", name: {given: "James", family: "Joyce"}});
nodeState.putShared("updated", updated);
h.deleteUser();
nodeState.putShared("afterDelete", h.getUser());
nodeState.putShared("outcome", "done");`)

	base := "https://api.pingone.com/v1/environments/" + w.seed.EnvironmentID
	txBase := base + "/users/" + james + "/verifyTransactions"

	last := obj(t, out["last"])
	assert.Equal(t, lastTx, last["id"], "latest updatedAt wins over the list order")
	assert.Equal(t, decidedAtText, last["updatedAt"])
	assert.Equal(t, "2024-12-09T14:15:34.882Z", last["expiresAt"])
	assert.Equal(t, "SUCCESS", obj(t, last["transactionStatus"])["status"])
	assert.Equal(t, "[selfie, liveness, driver_license]", last["verifiedDocuments"])
	assert.Equal(t, txBase+"/"+lastTx, href(t, last, "self"))
	assert.Equal(t, base, href(t, last, "environment"))
	assert.Equal(t, "https://api.pingone.com/v1/users/"+james, href(t, last, "user"))

	all := out["all"]
	assert.Equal(t, txBase, href(t, all, "self"))
	txs := embedded(t, all, "verifyTransactions")
	require.Len(t, txs, 3)
	assert.EqualValues(t, 3, obj(t, all)["size"])
	assert.Equal(t, "cca479e7-d130-4e3c-b888-74ba1920f59a", obj(t, txs[0])["id"], "newest created first")

	meta := out["meta"]
	assert.Equal(t, txBase+"/"+lastTx+"/metaData", href(t, meta, "self"))
	assert.Equal(t, txBase+"/"+lastTx, href(t, meta, "verifyTransaction"))
	assert.Len(t, embedded(t, meta, "metaData"), 3)
	assert.EqualValues(t, 3, obj(t, meta)["size"])
	prev := obj(t, meta)["previousAttempts"].([]any)
	require.Len(t, prev, 1)
	assert.Equal(t, "FAIL", obj(t, prev[0])["status"])
	assert.EqualValues(t, 1, obj(t, obj(t, prev[0])["retry"])["attempt"])

	data := out["data"]
	assert.Equal(t, txBase+"/"+lastTx, href(t, data, "transaction"))
	items := embedded(t, data, "verifiedData")
	assert.Len(t, items, 12, "latest attempt of each of the twelve types")
	assert.EqualValues(t, 12, obj(t, data)["size"])
	for _, it := range items {
		assert.NotContains(t, obj(t, it), "data", "listings name the data, they do not carry it")
	}
	assert.Len(t, obj(t, obj(t, data)["_embedded"])["previousAttempts"], 1)

	gov := embedded(t, out["gov"], "verifiedData")
	require.Len(t, gov, 1)
	one := obj(t, out["one"])
	assert.Equal(t, "GOVERNMENT_ID", one["type"])
	assert.Equal(t, map[string]any{"firstName": "James", "lastName": "Joyce", "idNumber": "11111", "birthDate": "1882-02-02"}, one["data"])
	assert.EqualValues(t, 2, obj(t, one["retry"])["attempt"])

	user := obj(t, out["user"])
	assert.Equal(t, "jamesjoyce", user["username"])
	assert.Equal(t, base+"/users/"+james, href(t, user, "self"))
	assert.Contains(t, obj(t, user["_links"]), "password.reset")
	assert.Equal(t, obj(t, user["population"])["id"], obj(t, obj(t, obj(t, user["_embedded"])["population"]))["id"])
	assert.Equal(t, "ACCOUNT_OK", obj(t, user["lifecycle"])["status"])

	assert.Equal(t, "jj@example.com", obj(t, out["updated"])["email"])
	assert.Nil(t, out["afterDelete"], "getUser is null once the user is gone")

	kinds := map[string]string{}
	for _, c := range w.p.DrainChanges() {
		kinds[c.Kind+"/"+c.Action] = c.ID
	}
	assert.Equal(t, james, kinds["user/updated"])
	assert.Equal(t, james, kinds["user/deleted"])
}

func TestUserFoundByUsername(t *testing.T) {
	w := newWorld(t)
	out := mustRun(t, w.local, map[string]any{"username": "JamesJoyce"}, `
nodeState.putShared("id", verifyTransactionsHelper.getUser().id);
nodeState.putShared("last", verifyTransactionsHelper.getLastVerifyTransaction().id);
nodeState.putShared("outcome", "done");`)
	assert.Equal(t, w.user("jamesjoyce"), out["id"])
	assert.Equal(t, lastTx, out["last"])

	// pingOneUserId wins over username.
	out = mustRun(t, w.local, map[string]any{"username": "jamesjoyce", "pingOneUserId": w.user("nora")},
		`nodeState.putShared("name", verifyTransactionsHelper.getUser().username); nodeState.putShared("outcome", "done");`)
	assert.Equal(t, "nora", out["name"])

	// A username PingOne does not know: reads are null, changes throw.
	out = mustRun(t, w.local, map[string]any{"username": "ghost"}, `
var h = verifyTransactionsHelper;
nodeState.putShared("r", [h.getUser(), h.getLastVerifyTransaction(), h.getAllVerifyTransactions(),
  h.getAllMetadata("x"), h.getAllVerifiedData("x"), h.getVerifiedDataByType("x", "SELFIE"), h.getVerifiedData("x", "y")]);
try { h.deleteUser(); } catch (e) { nodeState.putShared("err", e.name); }
nodeState.putShared("outcome", "done");`)
	assert.Equal(t, []any{nil, nil, nil, nil, nil, nil, nil}, out["r"])
	assert.Equal(t, verify.ExceptionName, out["err"])

	// Neither key: a clear error.
	_, err := run(t, w.local, nil, `verifyTransactionsHelper.getUser(); nodeState.putShared("outcome", "x");`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `node state has neither "pingOneUserId" nor "username"`)
}

func TestUserIDStateKeyIsConfigurable(t *testing.T) {
	w := newWorld(t)
	c, err := verify.NewClient(verify.Config{EnvironmentID: w.seed.EnvironmentID, ClientID: w.seed.ClientID,
		ClientSecret: w.seed.ClientSecret, APIURL: "https://api.pingone.com", AuthURL: "https://auth.pingone.com",
		UserIDStateKey: "p1Id", HTTPClient: &http.Client{Transport: httpclient.HandlerTransport(w.h)}})
	require.NoError(t, err)
	out := mustRun(t, c, map[string]any{"p1Id": w.user("nora"), "pingOneUserId": w.user("jamesjoyce")},
		`nodeState.putShared("name", verifyTransactionsHelper.getUser().username); nodeState.putShared("outcome", "done");`)
	assert.Equal(t, "nora", out["name"])
}

func TestNullAnswers(t *testing.T) {
	w := newWorld(t)
	out := mustRun(t, w.local, map[string]any{"pingOneUserId": w.user("nora")}, `
var h = verifyTransactionsHelper;
nodeState.putShared("last", h.getLastVerifyTransaction()).putShared("all", h.getAllVerifyTransactions());
nodeState.putShared("outcome", "done");`)
	assert.Nil(t, out["last"], "no transactions")
	assert.Nil(t, out["all"], "no transactions")

	out = mustRun(t, w.local, map[string]any{"pingOneUserId": w.user("jamesjoyce")}, `
var h = verifyTransactionsHelper;
nodeState.putShared("r", [h.getAllMetadata("nope"), h.getAllVerifiedData("nope"),
  h.getVerifiedDataByType("nope", "SELFIE"), h.getVerifiedData("`+lastTx+`", "nope")]);
nodeState.putShared("outcome", "done");`)
	assert.Equal(t, []any{nil, nil, nil, nil}, out["r"], "unknown transaction or verified data id")

	out = mustRun(t, w.local, map[string]any{"pingOneUserId": "00000000-0000-4000-8000-000000000000"}, `
nodeState.putShared("u", verifyTransactionsHelper.getUser()); nodeState.putShared("outcome", "done");`)
	assert.Nil(t, out["u"], "unknown PingOne user")
}

// The verified data of a decided transaction is readable for 30 minutes.
func TestThirtyMinuteRule(t *testing.T) {
	w := newWorld(t)
	src := `
var h = verifyTransactionsHelper, tx = "` + lastTx + `";
var all = h.getAllVerifiedData(tx);
nodeState.putShared("all", all);
nodeState.putShared("byType", h.getVerifiedDataByType(tx, "SELFIE"));
nodeState.putShared("meta", h.getAllMetadata(tx) !== null);
nodeState.putShared("tx", h.getLastVerifyTransaction() !== null);
nodeState.putShared("outcome", "done");`
	state := map[string]any{"pingOneUserId": w.user("jamesjoyce")}

	w.clock.Set(decidedAt.Add(29*time.Minute + 59*time.Second))
	out := mustRun(t, w.local, state, src)
	require.NotNil(t, out["all"], "29:59 after the decision")
	require.NotNil(t, out["byType"])
	selfie := embedded(t, out["byType"], "verifiedData")[0]
	id := obj(t, selfie)["id"].(string)
	one := mustRun(t, w.local, state, `nodeState.putShared("one", verifyTransactionsHelper.getVerifiedData("`+lastTx+`", "`+id+`")); nodeState.putShared("outcome", "d");`)
	assert.Equal(t, map[string]any{"image": "c2VsZmll"}, obj(t, one["one"])["data"])

	w.clock.Set(decidedAt.Add(30*time.Minute + time.Second))
	out = mustRun(t, w.local, state, src)
	assert.Nil(t, out["all"], "30:01 after the decision")
	assert.Nil(t, out["byType"])
	assert.Equal(t, true, out["meta"], "metadata outlives the verified data")
	assert.Equal(t, true, out["tx"])
	one = mustRun(t, w.local, state, `nodeState.putShared("one", verifyTransactionsHelper.getVerifiedData("`+lastTx+`", "`+id+`")); nodeState.putShared("outcome", "d");`)
	assert.Nil(t, one["one"])
}

func TestVerifiedDataTypes(t *testing.T) {
	w := newWorld(t)
	require.Len(t, enums.VerifiedDataTypes(), 12)
	state := map[string]any{"pingOneUserId": w.user("jamesjoyce")}
	for _, typ := range enums.VerifiedDataTypes() {
		out := mustRun(t, w.local, state, `nodeState.putShared("r", verifyTransactionsHelper.getVerifiedDataByType("`+lastTx+`", "`+typ+`")); nodeState.putShared("outcome", "d");`)
		items := embedded(t, out["r"], "verifiedData")
		require.Len(t, items, 1, typ)
		assert.Equal(t, typ, obj(t, items[0])["type"])
	}
	for _, bad := range []string{"PASSPORT", "selfie", "SELFIE,BARCODE", ""} {
		w.counter.n.Store(0)
		_, err := run(t, w.counter, state, `verifyTransactionsHelper.getVerifiedDataByType("`+lastTx+`", "`+bad+`"); nodeState.putShared("outcome", "d");`)
		require.Error(t, err, bad)
		if bad == "" {
			assert.Contains(t, err.Error(), "type is required")
		} else {
			assert.Contains(t, err.Error(), `type "`+bad+`" is not a verified data type`)
			assert.Contains(t, err.Error(), "GOVERNMENT_ID, BARCODE")
		}
		assert.Zero(t, w.counter.n.Load(), "rejected before any request")
	}
}

func TestDeleteUserFailureThrowsScriptedVerifyTransactionsException(t *testing.T) {
	w := newWorld(t)
	ghost := map[string]any{"pingOneUserId": "00000000-0000-4000-8000-000000000000"}
	out := mustRun(t, w.local, ghost, `
try { verifyTransactionsHelper.deleteUser(); nodeState.putShared("outcome", "deleted"); }
catch (e) {
  nodeState.putShared("name", e.name).putShared("status", e.status).putShared("body", e.body)
    .putShared("message", e.message).putShared("isError", e instanceof Error);
  nodeState.putShared("outcome", "failed");
}`)
	assert.Equal(t, verify.ExceptionName, out["name"])
	assert.EqualValues(t, 404, out["status"])
	assert.Contains(t, out["body"], `"code":"NOT_FOUND"`)
	assert.Contains(t, out["message"], "deleteUser: PingOne answered 404 Not Found: {")
	assert.Equal(t, true, out["isError"])

	// Uncaught, the run fails naming the exception.
	_, err := run(t, w.local, ghost, `verifyTransactionsHelper.deleteUser(); nodeState.putShared("outcome", "x");`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "ScriptedVerifyTransactionsException: deleteUser: PingOne answered 404")

	// No answer at all (the worker's credentials are refused).
	bad, err := verify.NewLocal(w.h, w.seed.EnvironmentID, "NA", w.seed.ClientID, "wrong")
	require.NoError(t, err)
	_, err = run(t, bad, map[string]any{"pingOneUserId": w.user("nora")}, `verifyTransactionsHelper.deleteUser(); nodeState.putShared("outcome", "x");`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "ScriptedVerifyTransactionsException: deleteUser: PingOne token:")
	assert.Contains(t, err.Error(), "invalid_client")
}

func TestUpdateUser(t *testing.T) {
	w := newWorld(t)
	state := map[string]any{"pingOneUserId": w.user("nora")}
	for _, body := range []string{"", "null", "{}", `"text"`} {
		w.counter.n.Store(0)
		_, err := run(t, w.counter, state, `verifyTransactionsHelper.updateUser(`+body+`); nodeState.putShared("outcome", "x");`)
		require.Error(t, err, body)
		assert.Contains(t, err.Error(), "verifyTransactionsHelper.updateUser: body")
		assert.Zero(t, w.counter.n.Load())
	}
	// PingOne refuses the body: the exception carries status and body.
	out := mustRun(t, w.local, state, `
try { verifyTransactionsHelper.updateUser({username: "nora", email: "not-an-email"}); }
catch (e) { nodeState.putShared("name", e.name).putShared("status", e.status).putShared("body", e.body); }
nodeState.putShared("outcome", "d");`)
	assert.Equal(t, verify.ExceptionName, out["name"])
	assert.EqualValues(t, 400, out["status"])
	assert.Contains(t, out["body"], "INVALID_DATA")

	// A PUT: attributes left out are gone.
	out = mustRun(t, w.local, state, `
nodeState.putShared("u", verifyTransactionsHelper.updateUser({username: "nora", nickname: "N"})); nodeState.putShared("outcome", "d");`)
	u := obj(t, out["u"])
	assert.Equal(t, "N", u["nickname"])
	assert.NotContains(t, u, "email")

	// A 2xx without a body is {}.
	empty := fakeBackend(func(method, path string, body []byte) (int, []byte, error) {
		if method == http.MethodPut {
			assert.JSONEq(t, `{"nickname":"N"}`, string(body))
			return 204, nil, nil
		}
		return 500, []byte("unexpected"), nil
	})
	out = mustRun(t, empty, state, `nodeState.putShared("u", verifyTransactionsHelper.updateUser({nickname: "N"})); nodeState.putShared("outcome", "d");`)
	assert.Equal(t, map[string]any{}, out["u"])
}

type fakeBackend func(method, path string, body []byte) (int, []byte, error)

func (f fakeBackend) Do(_ context.Context, method, path string, body []byte) (int, []byte, error) {
	return f(method, path, body)
}
func (f fakeBackend) UserIDKey() string { return "" }

func TestReadFailureThrows(t *testing.T) {
	broken := fakeBackend(func(string, string, []byte) (int, []byte, error) {
		return 503, []byte(`{"code":"SERVICE_UNAVAILABLE"}`), nil
	})
	_, err := run(t, broken, map[string]any{"pingOneUserId": "u1"}, `verifyTransactionsHelper.getAllVerifyTransactions(); nodeState.putShared("outcome", "x");`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `ScriptedVerifyTransactionsException: getAllVerifyTransactions: PingOne answered 503 Service Unavailable: {"code":"SERVICE_UNAVAILABLE"}`)
}

func TestNoBackend(t *testing.T) {
	_, err := run(t, nil, map[string]any{"pingOneUserId": "u1"}, `verifyTransactionsHelper.getUser(); nodeState.putShared("outcome", "x");`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), verify.NoBackend)
	// The object is frozen.
	res, err := run(t, nil, nil, `verifyTransactionsHelper.getUser = null; var ok = typeof verifyTransactionsHelper.getUser === "function";
nodeState.putShared("ok", ok); nodeState.putShared("outcome", "x");`)
	require.NoError(t, err)
	assert.Equal(t, true, res.SharedState["ok"])
}

// dumpAll renders every read method's answer as JSON, for comparing back
// ends.
const dumpAll = `
var h = verifyTransactionsHelper, tx = "` + lastTx + `";
var out = {};
out.last = h.getLastVerifyTransaction();
out.all = h.getAllVerifyTransactions();
out.meta = h.getAllMetadata(tx);
out.data = h.getAllVerifiedData(tx);
out.byType = h.getVerifiedDataByType(tx, "GOVERNMENT_ID");
out.one = h.getVerifiedData(tx, out.byType._embedded.verifiedData[0].id);
out.user = h.getUser();
out.missing = [h.getAllMetadata("nope"), h.getVerifiedData(tx, "nope")];
nodeState.putShared("json", JSON.stringify(out));
nodeState.putShared("outcome", "done");`

// The local platform in-process and "the real PingOne" (an httptest server
// answering as PingOne does, reached with a token from the worker
// credentials in the secret store) give the same answers.
func TestBothBackEndsAnswerAlike(t *testing.T) {
	w := newWorld(t)
	var tokens atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/as/token") {
			tokens.Add(1)
		}
		pingone.NewHandler(w.p, pingone.HandlerOptions{BaseURL: "https://api.pingone.com"}).ServeHTTP(rw, r)
	}))
	defer srv.Close()
	now := &clock{now: time.Now()}
	remote, err := verify.NewClient(verify.Config{
		EnvironmentID: w.seed.EnvironmentID, APIURL: srv.URL, AuthURL: srv.URL, Now: now.Now,
		Secrets: secrets.MapStore{
			verify.DefaultClientIDLabel:     w.seed.ClientID,
			verify.DefaultClientSecretLabel: w.seed.ClientSecret,
		},
	})
	require.NoError(t, err)

	state := map[string]any{"pingOneUserId": w.user("jamesjoyce")}
	localJSON := mustRun(t, w.local, state, dumpAll)["json"].(string)
	remoteJSON := mustRun(t, remote, state, dumpAll)["json"].(string)
	assert.Equal(t, localJSON, remoteJSON)
	var parsed map[string]any
	require.NoError(t, json.Unmarshal([]byte(localJSON), &parsed))
	assert.Equal(t, []any{nil, nil}, parsed["missing"])
	assert.Equal(t, lastTx, obj(t, parsed["last"])["id"])

	// One token served every request; a new one is fetched near expiry.
	assert.EqualValues(t, 1, tokens.Load())
	mustRun(t, remote, state, dumpAll)
	assert.EqualValues(t, 1, tokens.Load())
	now.Set(now.Now().Add(59*time.Minute + 30*time.Second))
	mustRun(t, remote, state, dumpAll)
	assert.EqualValues(t, 2, tokens.Load())
}

func TestClientConfig(t *testing.T) {
	_, err := verify.NewClient(verify.Config{})
	assert.ErrorContains(t, err, "EnvironmentID is required")
	_, err = verify.NewClient(verify.Config{EnvironmentID: "e", Region: "MARS"})
	assert.ErrorContains(t, err, `unknown PingOne region "MARS"`)
	var seen []string
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		seen = append(seen, r.URL.String())
		if strings.HasSuffix(r.URL.Path, "/as/token") {
			return jsonResponse(200, `{"access_token":"t","expires_in":3600}`), nil
		}
		return jsonResponse(200, `{"id":"u"}`), nil
	})
	for region, domain := range map[string]string{"": "com", "eu": "eu", "CA": "ca", "AP": "asia", "AU": "com.au"} {
		seen = nil
		c, err := verify.NewClient(verify.Config{EnvironmentID: "env", Region: region, ClientID: "a", ClientSecret: "b",
			HTTPClient: &http.Client{Transport: rt}})
		require.NoError(t, err)
		status, _, err := c.Do(context.Background(), "GET", "/users/u", nil)
		require.NoError(t, err)
		assert.Equal(t, 200, status)
		assert.Equal(t, []string{"https://auth.pingone." + domain + "/env/as/token", "https://api.pingone." + domain + "/v1/environments/env/users/u"}, seen)
	}
	// Missing worker credentials are an error naming the label.
	c, err := verify.NewClient(verify.Config{EnvironmentID: "env", Secrets: secrets.MapStore{}, HTTPClient: &http.Client{Transport: rt}})
	require.NoError(t, err)
	_, _, err = c.Do(context.Background(), "GET", "/users/u", nil)
	assert.ErrorContains(t, err, verify.DefaultClientIDLabel)
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func jsonResponse(status int, body string) *http.Response {
	rec := httptest.NewRecorder()
	rec.Header().Set("Content-Type", "application/json")
	rec.WriteHeader(status)
	rec.WriteString(body)
	return rec.Result()
}

// LastTransaction is the rule getLastVerifyTransaction answers with, for Go
// callers (the journey walker): the user by id, else by username; the
// newest transaction by updatedAt; nil for no user or no transaction; typed
// errors otherwise.
func TestLastTransaction(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	state := func(m map[string]any) verify.State {
		return func(k string) (any, bool) { v, ok := m[k]; return v, ok }
	}

	tx, err := verify.LastTransaction(ctx, w.local, state(map[string]any{"pingOneUserId": w.user("jamesjoyce")}))
	require.NoError(t, err)
	require.NotNil(t, tx)
	assert.Equal(t, lastTx, tx.ID)
	assert.Equal(t, "SUCCESS", tx.Status)
	assert.Equal(t, "SUCCESS", tx.VerificationStatus["LIVENESS"])
	assert.True(t, tx.UpdatedAt.Equal(decidedAt))
	var raw map[string]any
	require.NoError(t, json.Unmarshal(tx.JSON, &raw))
	assert.Equal(t, lastTx, raw["id"])

	byName, err := verify.LastTransaction(ctx, w.local, state(map[string]any{"username": "jamesjoyce"}))
	require.NoError(t, err)
	require.NotNil(t, byName)
	assert.Equal(t, lastTx, byName.ID, "found by username as by id")

	for name, m := range map[string]map[string]any{
		"no transaction":  {"username": "nora"},
		"no PingOne user": {"username": "nobody"},
		"unknown user id": {"pingOneUserId": "00000000-0000-0000-0000-000000000000"},
	} {
		tx, err := verify.LastTransaction(ctx, w.local, state(m))
		assert.NoError(t, err, name)
		assert.Nil(t, tx, name)
	}

	_, err = verify.LastTransaction(ctx, w.local, state(map[string]any{}))
	var noUser *verify.NoUserError
	require.ErrorAs(t, err, &noUser)
	assert.Equal(t, "pingOneUserId", noUser.Key)

	_, err = verify.LastTransaction(ctx, nil, state(map[string]any{"username": "jamesjoyce"}))
	assert.ErrorIs(t, err, verify.ErrNoBackend)

	broken := fakeBackend(func(string, string, []byte) (int, []byte, error) { return 503, []byte(`{"code":"X"}`), nil })
	_, err = verify.LastTransaction(ctx, broken, state(map[string]any{"pingOneUserId": "u1"}))
	var req *verify.RequestError
	require.ErrorAs(t, err, &req)
	assert.Equal(t, 503, req.Status)
	assert.Contains(t, err.Error(), "PingOne answered 503 Service Unavailable")
}
