package httpclient_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	_ "github.com/journeyjs/journeyjs/bindings/all"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/runtime"
)

// echoServer answers every request on 127.0.0.1 with what it received, and
// has a few special paths.
func echoServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		hdr := map[string]string{}
		for k, v := range r.Header {
			hdr[k] = strings.Join(v, ",")
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Add("X-Multi", "a")
		w.Header().Add("X-Multi", "b")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"method": r.Method, "path": r.URL.Path, "query": r.URL.RawQuery,
			"headers": hdr, "body": string(body),
		})
	})
	mux.HandleFunc("/status/500", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/badjson", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html>not json</html>")
	})
	mux.HandleFunc("/form", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-www-form-urlencoded")
		fmt.Fprint(w, "access_token=abc&scope=read&scope=write")
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(time.Second):
		case <-r.Context().Done():
		}
		fmt.Fprint(w, "late")
	})
	mux.HandleFunc("/delay", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(30 * time.Millisecond)
		fmt.Fprint(w, `{"n":`+r.URL.Query().Get("n")+`}`)
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.Repeat("x", 5000))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// hangServer accepts requests and never answers until the test ends.
func hangServer(t *testing.T) *httptest.Server {
	t.Helper()
	done := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-done:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(done); srv.Close() })
	return srv
}

// local allows requests to 127.0.0.1.
func local() *httpclient.Config {
	return &httpclient.Config{Passthrough: true, Policy: httpclient.Policy{AllowPrivate: true}}
}

func newEngine(t *testing.T, timeout time.Duration) *runtime.Engine {
	t.Helper()
	e := runtime.New(runtime.Options{Timeout: timeout})
	t.Cleanup(e.Close)
	return e
}

func run(t *testing.T, e *runtime.Engine, src string, in runtime.Input) (runtime.Result, error) {
	t.Helper()
	return e.Run(context.Background(), runtime.Script{Name: "t.js", Source: src}, in)
}

func mustRun(t *testing.T, e *runtime.Engine, src string, in runtime.Input) runtime.Result {
	t.Helper()
	res, err := run(t, e, src, in)
	require.NoError(t, err)
	return res
}

func scriptErr(t *testing.T, err error) *runtime.ScriptError {
	t.Helper()
	require.Error(t, err)
	se, ok := err.(*runtime.ScriptError)
	require.True(t, ok, "%T %v", err, err)
	return se
}

func TestSyncGetWithOptions(t *testing.T) {
	srv := echoServer(t)
	e := newEngine(t, 5*time.Second)
	res := mustRun(t, e, `
var r = httpClient.send("`+srv.URL+`/echo?x=1", {
  method: "post",
  headers: {"X-Trace": "t1", "Accept": ["application/json", "text/plain"]},
  token: "secret-token",
  body: {username: "bjensen", n: 3}
}).get();
var j = r.json();
nodeState.putShared("echo", j);
nodeState.putShared("status", r.status);
nodeState.putShared("ok", r.ok);
nodeState.putShared("statusText", r.statusText);
nodeState.putShared("ct", r.headers.get("content-type"));
nodeState.putShared("multi", r.headers["X-Multi"]);
nodeState.putShared("missing", r.headers.get("x-nope"));
action.goTo("true");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	echo := res.SharedState["echo"].(map[string]any)
	assert.Equal(t, "POST", echo["method"])
	assert.Equal(t, "x=1", echo["query"])
	assert.JSONEq(t, `{"username":"bjensen","n":3}`, echo["body"].(string))
	h := echo["headers"].(map[string]any)
	assert.Equal(t, "Bearer secret-token", h["Authorization"])
	assert.Equal(t, "application/json", h["Content-Type"])
	assert.Equal(t, "t1", h["X-Trace"])
	assert.Equal(t, "application/json,text/plain", h["Accept"])
	assert.Equal(t, int64(200), res.SharedState["status"])
	assert.Equal(t, true, res.SharedState["ok"])
	assert.Equal(t, "OK", res.SharedState["statusText"])
	assert.Equal(t, "application/json", res.SharedState["ct"])
	assert.Equal(t, "a, b", res.SharedState["multi"])
	assert.Nil(t, res.SharedState["missing"])

	require.Len(t, httpclient.Calls.Get(res.Outputs), 1)
	c := httpclient.Calls.Get(res.Outputs)[0]
	assert.Equal(t, "POST", c.Method)
	assert.Equal(t, srv.URL+"/echo?x=1", c.URL)
	assert.Equal(t, "Bearer ****", c.RequestHeaders["Authorization"])
	assert.NotContains(t, fmt.Sprint(c), "secret-token")
	assert.Equal(t, 200, c.Status)
	assert.Empty(t, c.Error)
	assert.Greater(t, c.DurationMs, 0.0)
}

func TestFormAndStringBodies(t *testing.T) {
	srv := echoServer(t)
	e := newEngine(t, 5*time.Second)
	res := mustRun(t, e, `
var a = httpClient.send("`+srv.URL+`/echo", {method: "POST", form: {grant_type: "password", scope: ["a", "b"], user: "b jensen"}}).get().json();
var b = httpClient.send("`+srv.URL+`/echo", {method: "PUT", headers: {"Content-Type": "text/plain"}, body: "hello"}).get().json();
var c = httpClient.send("`+srv.URL+`/echo", {method: "POST", headers: {"content-type": "application/vnd.x+json"}, body: [1, 2]}).get().json();
var f = httpClient.send("`+srv.URL+`/form").get().formData();
nodeState.putShared("a", a); nodeState.putShared("b", b); nodeState.putShared("c", c); nodeState.putShared("f", f);
action.goTo("true");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	a := res.SharedState["a"].(map[string]any)
	assert.Equal(t, "grant_type=password&scope=a&scope=b&user=b+jensen", a["body"])
	assert.Equal(t, "application/x-www-form-urlencoded", a["headers"].(map[string]any)["Content-Type"])
	b := res.SharedState["b"].(map[string]any)
	assert.Equal(t, "hello", b["body"])
	assert.Equal(t, "text/plain", b["headers"].(map[string]any)["Content-Type"])
	c := res.SharedState["c"].(map[string]any)
	assert.Equal(t, "[1.0,2.0]", c["body"])
	assert.Equal(t, "application/vnd.x+json", c["headers"].(map[string]any)["Content-Type"])
	assert.Equal(t, map[string]any{"access_token": "abc", "scope": []any{"read", "write"}}, res.SharedState["f"])
	assert.Equal(t, "grant_type=password&scope=a&scope=b&user=b+jensen", httpclient.Calls.Get(res.Outputs)[0].RequestBody)
}

func TestBadOptionsThrow(t *testing.T) {
	e := newEngine(t, 5*time.Second)
	for src, want := range map[string]string{
		`httpClient.send("https://x.example/", {body: "a", form: {a: 1}})`:                                           "set body or form, not both",
		`httpClient.send("ftp://x.example/")`:                                                                        "not an absolute http or https URL",
		`httpClient.send()`:                                                                                          "a URL is required",
		`httpClient.send("https://x.example/", "GET")`:                                                               "options must be an object",
		`httpClient.send("https://x.example/", {method: "POST", body: function () {}})`:                              "which has no JSON form",
		`httpClient.send("https://x.example/", {method: "POST", body: {toJSON: function () { return undefined; }}})`: "which has no JSON form",
	} {
		_, err := run(t, e, src, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
		se := scriptErr(t, err)
		assert.Equal(t, runtime.KindException, se.Kind)
		assert.Contains(t, se.Message, want, src)
		assert.Equal(t, 1, se.Line, src)
	}
}

func TestServerErrorAndInvalidJSON(t *testing.T) {
	srv := echoServer(t)
	e := newEngine(t, 5*time.Second)
	res := mustRun(t, e, `
var r = httpClient.send("`+srv.URL+`/status/500").get();
nodeState.putShared("s", r.status); nodeState.putShared("ok", r.ok); nodeState.putShared("t", r.text());
action.goTo(r.ok ? "true" : "false");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	assert.Equal(t, "false", res.Outcome)
	assert.Equal(t, int64(500), res.SharedState["s"])
	assert.Equal(t, false, res.SharedState["ok"])
	assert.Equal(t, "boom\n", res.SharedState["t"])
	assert.Equal(t, 500, httpclient.Calls.Get(res.Outputs)[0].Status)

	_, err := run(t, e, "var r = httpClient.send(\""+srv.URL+"/badjson\").get();\nr.json();\naction.goTo('x');", runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	se := scriptErr(t, err)
	assert.Contains(t, se.Message, "the response to GET "+srv.URL+"/badjson is not valid JSON")
	assert.Contains(t, se.Message, `"<html>not json</html>"`)
	assert.Equal(t, 2, se.Line)

	// A script can catch it.
	res = mustRun(t, e, `var r = httpClient.send("`+srv.URL+`/badjson").get();
try { r.json(); action.goTo("parsed"); } catch (e) { action.goTo("caught"); }`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	assert.Equal(t, "caught", res.Outcome)
}

func TestAsyncThenChainsAndRunWaits(t *testing.T) {
	srv := echoServer(t)
	e := newEngine(t, 5*time.Second)
	res := mustRun(t, e, `
var order = [];
httpClient.send("`+srv.URL+`/delay?n=1")
  .then(function (r) { order.push("first:" + r.status); return r.json(); })
  .then(function (j) { order.push("n=" + j.n); return httpClient.send("`+srv.URL+`/delay?n=2"); })
  .then(function (r) { order.push("second:" + r.json().n); nodeState.putShared("order", order); });
httpClient.send("`+srv.URL+`/delay?n=3").then(function (r) { nodeState.putShared("third", r.json().n); });
order.push("script-end");
action.goTo("true");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	assert.Equal(t, "true", res.Outcome)
	assert.Equal(t, []any{"script-end", "first:200", "n=1", "second:2"}, res.SharedState["order"])
	assert.Equal(t, int64(3), res.SharedState["third"])
	assert.Len(t, httpclient.Calls.Get(res.Outputs), 3)
	for _, c := range httpclient.Calls.Get(res.Outputs) {
		assert.Equal(t, 200, c.Status)
	}
}

func TestAsyncAwaitAndFireAndForget(t *testing.T) {
	srv := echoServer(t)
	// async/await does not compile in AIC: the modern language level runs
	// it, to show the binding's promises work under goja's await.
	e := runtime.New(runtime.Options{Timeout: 5 * time.Second, Language: runtime.LanguageModern})
	t.Cleanup(e.Close)
	res := mustRun(t, e, `
(async function () {
  var r = await httpClient.send("`+srv.URL+`/delay?n=7");
  nodeState.putShared("awaited", r.json().n);
})();
httpClient.send("`+srv.URL+`/echo", {method: "POST", body: {audit: true}});
action.goTo("true");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	assert.Equal(t, int64(7), res.SharedState["awaited"])
	require.Len(t, httpclient.Calls.Get(res.Outputs), 2)
	assert.Equal(t, 200, httpclient.Calls.Get(res.Outputs)[1].Status, "the run waits for a request nobody listens to")
}

func TestCatchAndRejections(t *testing.T) {
	srv := echoServer(t)
	e := newEngine(t, 5*time.Second)
	// A failed request reaches catch; so does an exception in a then callback.
	res := mustRun(t, e, `
httpClient.send("https://unrouted.example/x").then(function () { nodeState.putShared("bad", true); })
  .catch(function (e) { nodeState.putShared("failed", e.message); });
httpClient.send("`+srv.URL+`/echo").then(function (r) { throw new Error("bad " + r.status); })
  .then(function () { nodeState.putShared("skipped", false); }, function (e) { nodeState.putShared("rejected", e.message); return "recovered"; })
  .then(function (v) { nodeState.putShared("after", v); });
action.goTo("true");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(&httpclient.Config{Policy: httpclient.Policy{AllowPrivate: true}, Routes: []httpclient.Route{{URL: srv.URL + "/*"}}, Passthrough: false}))})
	assert.Nil(t, res.SharedState["bad"])
	assert.Contains(t, res.SharedState["failed"], "no route matches GET https://unrouted.example/x")
	assert.Equal(t, "bad 200", res.SharedState["rejected"])
	assert.Equal(t, "recovered", res.SharedState["after"])
	assert.Nil(t, res.SharedState["skipped"])

	// sync get() throws the failure; a script may catch it.
	res = mustRun(t, e, `try { httpClient.send("https://unrouted.example/y").get(); } catch (e) { action.goTo("caught:" + (e.message.indexOf("no route") >= 0)); }`, runtime.Input{})
	assert.Equal(t, "caught:true", res.Outcome)
}

func TestCallbackExceptionIsTheRunError(t *testing.T) {
	srv := echoServer(t)
	e := newEngine(t, 5*time.Second)
	res, err := run(t, e, "action.goTo(\"true\");\nhttpClient.send(\""+srv.URL+"/echo\").then(function (r) {\n  nodeState.putShared(\"seen\", r.status);\n  null.boom;\n});", runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	se := scriptErr(t, err)
	assert.Equal(t, runtime.KindException, se.Kind)
	assert.Contains(t, se.Message, "TypeError")
	assert.Equal(t, "t.js", se.File)
	assert.Equal(t, 4, se.Line)
	assert.Equal(t, "true", res.Outcome, "the partial result keeps the outcome")
	assert.Equal(t, int64(200), res.SharedState["seen"])

	// A failed asynchronous request nothing handles is the run's error too,
	// naming the line of its send.
	_, err = run(t, e, "action.goTo(\"true\");\n\nhttpClient.send(\"https://nowhere.example/a\").then(function () {});", runtime.Input{})
	se = scriptErr(t, err)
	assert.Contains(t, se.Message, "unhandled failure of an asynchronous HTTP request (sent at t.js line 3)")
	assert.Contains(t, se.Message, "no route matches GET https://nowhere.example/a")

	// The engine stays usable.
	res = mustRun(t, e, `action.goTo("again")`, runtime.Input{})
	assert.Equal(t, "again", res.Outcome)
}

func TestHungServerEndsWithTimeout(t *testing.T) {
	srv := hangServer(t)
	e := newEngine(t, 300*time.Millisecond)
	for _, src := range []string{
		`httpClient.send("` + srv.URL + `/").get(); action.goTo("x");`,
		`httpClient.send("` + srv.URL + `/").then(function () { action.goTo("late"); }); action.goTo("x");`,
		`try { httpClient.send("` + srv.URL + `/").get(); } catch (e) { action.goTo("caught"); } action.goTo("y");`,
	} {
		start := time.Now()
		res, err := run(t, e, src, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
		se := scriptErr(t, err)
		assert.Equal(t, runtime.KindTimeout, se.Kind, src)
		assert.Contains(t, se.Message, "timed out after 300ms")
		assert.Less(t, time.Since(start), 2*time.Second)
		require.Len(t, httpclient.Calls.Get(res.Outputs), 1)
		assert.Equal(t, 0, httpclient.Calls.Get(res.Outputs)[0].Status)
		assert.NotEmpty(t, httpclient.Calls.Get(res.Outputs)[0].Error)
		assert.NotEqual(t, "caught", res.Outcome)
	}
	st := e.Stats()
	assert.Equal(t, int64(3), st.RuntimesDiscarded, "a timed-out runtime is not reused")
	res := mustRun(t, e, `action.goTo("fine")`, runtime.Input{})
	assert.Equal(t, "fine", res.Outcome)
}

func TestNamedClientTimeoutAndNames(t *testing.T) {
	srv := echoServer(t)
	e := newEngine(t, 5*time.Second)
	cfg := local()
	cfg.Clients = map[string]httpclient.ClientConfig{
		"quick": {ReadTimeout: 100 * time.Millisecond, ConnectTimeout: time.Second},
		"off":   {Disabled: true},
	}
	start := time.Now()
	res, err := run(t, e, `httpClient.send("`+srv.URL+`/slow", {clientName: "quick"}).get();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	se := scriptErr(t, err)
	assert.Contains(t, se.Message, `httpClient: GET `+srv.URL+`/slow (client "quick"): timed out`)
	// The message above proves the read timeout fired (the response would come after 1 s); this only catches a wedge, with room for a busy machine.
	assert.Less(t, time.Since(start), 4*time.Second)
	assert.Equal(t, "quick", httpclient.Calls.Get(res.Outputs)[0].ClientName)

	_, err = run(t, e, `httpClient.send("`+srv.URL+`/echo", {clientName: "nope"}).get();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Contains(t, scriptErr(t, err).Message, `no HTTP client named "nope" is configured`)
	_, err = run(t, e, `httpClient.send("`+srv.URL+`/echo", {clientName: "off"}).get();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Contains(t, scriptErr(t, err).Message, `the HTTP client "off" is disabled`)
	res = mustRun(t, e, `httpClient.send("`+srv.URL+`/echo", {clientName: "quick"}).get(); action.goTo("ok");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Equal(t, "ok", res.Outcome)
}

// TestResponseJSONPaths: response.json() parses with the fast Go parser,
// hands an unpaired surrogate escape to goja's parse (which, like the
// script's JSON.parse, makes it U+FFFD), and names the body and the cause
// when it cannot parse.
func TestResponseJSONPaths(t *testing.T) {
	e := newEngine(t, 5*time.Second)
	cfg := &httpclient.Config{Routes: []httpclient.Route{
		{URL: "https://api.test/ok", Body: `{"b": [1, {"__proto__": 2}], "a": "x"}`},
		{URL: "https://api.test/lone", Body: `{"s": "\ud800"}`},
		{URL: "https://api.test/deep", Body: strings.Repeat("[", 1500) + strings.Repeat("]", 1500)},
		{URL: "https://api.test/bad", Body: `{"a": 1,}`},
	}}
	res := mustRun(t, e, `var ok = httpClient.send("https://api.test/ok").get().json();
var lone = httpClient.send("https://api.test/lone").get().json();
nodeState.putShared("keys", Object.keys(ok).join());
nodeState.putShared("own", Object.getPrototypeOf(ok.b[1]) === Object.prototype && ok.b[1].__proto__ === 2);
nodeState.putShared("lone", lone.s.length + ":" + lone.s.charCodeAt(0));
action.goTo("ok");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Equal(t, "b,a", res.SharedState["keys"])
	assert.Equal(t, true, res.SharedState["own"])
	assert.Equal(t, "1:65533", res.SharedState["lone"])

	_, err := run(t, e, `httpClient.send("https://api.test/deep").get().json();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Contains(t, scriptErr(t, err).Message, "is not valid JSON (RangeError: JSON nested more than 1000 levels deep)")
	_, err = run(t, e, `httpClient.send("https://api.test/bad").get().json();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	msg := scriptErr(t, err).Message
	// Worded as the tenant's JSON.parse (Rhino's parser) words it.
	assert.Contains(t, msg, "the response to GET https://api.test/bad is not valid JSON (SyntaxError: Unexpected comma in object literal)")
	assert.Contains(t, msg, `the body begins "{\"a\": 1,}"`)
}

// TestReadTimeoutStopsASlowBody: the headers arrive at once, the body
// never does; the named client's read timeout ends the read and the error
// says so.
func TestReadTimeoutStopsASlowBody(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100")
		w.WriteHeader(http.StatusOK)
		_, _ = fmt.Fprint(w, "partial")
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	e := newEngine(t, 5*time.Second)
	cfg := local()
	cfg.Clients = map[string]httpclient.ClientConfig{"quick": {ReadTimeout: 100 * time.Millisecond, ConnectTimeout: time.Second}}
	start := time.Now()
	_, err := run(t, e, `httpClient.send("`+srv.URL+`/body", {clientName: "quick"}).get();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	msg := scriptErr(t, err).Message
	assert.Contains(t, msg, "reading the response: reading the body took longer than the read timeout (100ms)")
	assert.Less(t, time.Since(start), 2*time.Second)
}

func TestRedirects(t *testing.T) {
	srv := echoServer(t)
	e := newEngine(t, 5*time.Second)
	res := mustRun(t, e, `var r = httpClient.send("`+srv.URL+`/redirect?to=/echo").get();
nodeState.putShared("path", r.json().path); nodeState.putShared("url", r.url); action.goTo("true");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	assert.Equal(t, "/echo", res.SharedState["path"])
	assert.Equal(t, srv.URL+"/echo", res.SharedState["url"])
}

// publicPolicy makes public.test and *.example.test resolve to a public
// address and connects that address to the local server, so a test can reach
// an "allowed" host with the default outbound policy on.
func publicPolicy(srv *httptest.Server) httpclient.Policy {
	local := srv.Listener.Addr().String()
	return httpclient.Policy{
		LookupIP: func(ctx context.Context, host string) ([]netip.Addr, error) {
			switch {
			case host == "public.test", strings.HasSuffix(host, ".example.test"):
				return []netip.Addr{netip.MustParseAddr("203.0.113.7")}, nil
			case host == "internal.example":
				return []netip.Addr{netip.MustParseAddr("10.0.0.5")}, nil
			case host == "rebind.test":
				return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
			}
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		},
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if strings.HasPrefix(addr, "203.0.113.7:") {
				addr = local
			}
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		},
	}
}

func TestOutboundPolicy(t *testing.T) {
	srv := echoServer(t)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	e := newEngine(t, 5*time.Second)
	cfg := &httpclient.Config{Passthrough: true, Policy: publicPolicy(srv)}
	cases := map[string]string{
		"http://169.254.169.254/latest/meta-data/":      "httpClient: request to 169.254.169.254 denied: cloud metadata address",
		"http://metadata.google.internal/":              "httpClient: request to host metadata.google.internal denied: cloud metadata address",
		"http://[fd00:ec2::254]/":                       "request to fd00:ec2::254 denied: cloud metadata address",
		"http://10.1.2.3/":                              "httpClient: request to 10.1.2.3 denied: private address; set http.allowPrivate for local testing",
		"http://internal.example/":                      "httpClient: request to 10.0.0.5 (host internal.example) denied: private address; set http.allowPrivate for local testing",
		"http://192.168.1.1/":                           "private address",
		"http://172.16.0.1/":                            "private address",
		"http://[::1]:1/":                               "request to ::1 denied: loopback address",
		"http://[fe80::1]/":                             "link-local address",
		"http://0.0.0.0/":                               "unspecified address",
		fmt.Sprintf("http://localhost:%d/echo", port):   "(host localhost) denied: loopback address",
		fmt.Sprintf("http://rebind.test:%d/echo", port): "request to 127.0.0.1 (host rebind.test) denied: loopback address",
		fmt.Sprintf("http://public.test:%d/redirect?to=http://127.0.0.1:%d/echo", port, port): "request to 127.0.0.1 denied: loopback address",
		fmt.Sprintf("http://public.test:%d/redirect?to=http://internal.example/", port):       "(host internal.example) denied: private address",
	}
	for target, want := range cases {
		res, err := run(t, e, `httpClient.send("`+target+`").get();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
		se := scriptErr(t, err)
		assert.Contains(t, se.Message, want, target)
		require.Len(t, httpclient.Calls.Get(res.Outputs), 1)
		assert.Contains(t, httpclient.Calls.Get(res.Outputs)[0].Error, want)
	}

	// An allowed public host works.
	res := mustRun(t, e, fmt.Sprintf(`action.goTo(httpClient.send("http://public.test:%d/echo").get().json().path);`, port), runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Equal(t, "/echo", res.Outcome)

	// allowHosts: only listed hosts.
	cfg2 := &httpclient.Config{Passthrough: true, Policy: publicPolicy(srv)}
	cfg2.Policy.AllowHosts = []string{"*.example.com"}
	_, err := run(t, e, fmt.Sprintf(`httpClient.send("http://public.test:%d/echo").get();`, port), runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg2))})
	assert.Contains(t, scriptErr(t, err).Message, "httpClient: request to host public.test denied: not in http.allowHosts")
	cfg2.Policy.AllowHosts = []string{"public.test"}
	res = mustRun(t, e, fmt.Sprintf(`action.goTo(String(httpClient.send("http://public.test:%d/echo").get().status));`, port), runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg2))})
	assert.Equal(t, "200", res.Outcome)

	// allowPrivate opens loopback, never the metadata endpoint.
	cfg3 := &httpclient.Config{Passthrough: true, Policy: httpclient.Policy{AllowPrivate: true}}
	res = mustRun(t, e, fmt.Sprintf(`action.goTo(String(httpClient.send("http://localhost:%d/echo").get().status));`, port), runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg3))})
	assert.Equal(t, "200", res.Outcome)
	_, err = run(t, e, `httpClient.send("http://169.254.169.254/").get();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg3))})
	assert.Contains(t, scriptErr(t, err).Message, "cloud metadata address")
}

func TestRoutes(t *testing.T) {
	e := newEngine(t, 5*time.Second)
	cfg := &httpclient.Config{Routes: []httpclient.Route{
		{Method: "POST", URL: "https://my.auth.server/authenticate", BodyContains: "bjensen", Body: map[string]any{"authenticated": true}},
		{Method: "POST", URL: "https://my.auth.server/authenticate", Status: 401, Body: map[string]any{"authenticated": false}},
		{URL: "https://api.example.com/users/*/profile", Headers: map[string]string{"Content-Type": "text/plain", "X-Route": "wild"}, Body: "profile"},
		{URL: "https://api.example.com/q?x=1", Body: []byte("exact query")},
	}}
	res := mustRun(t, e, `
function auth(u) { return httpClient.send("https://my.auth.server/authenticate", {method: "POST", body: {username: u}}).get(); }
var ok = auth("bjensen"), no = auth("someone");
var p = httpClient.send("https://api.example.com/users/42/profile?expand=1").get();
var q = httpClient.send("https://api.example.com/q?x=1").get();
nodeState.putShared("r", [ok.status, ok.json().authenticated, no.status, no.json().authenticated, p.text(), p.headers.get("x-route"), q.text()]);
action.goTo("true");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Equal(t, []any{int64(200), true, int64(401), false, "profile", "wild", "exact query"}, res.SharedState["r"])

	// A GET does not match the POST-only routes; the error shows the YAML.
	_, err := run(t, e, `httpClient.send("https://my.auth.server/authenticate", {body: "abc"}).get();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	msg := scriptErr(t, err).Message
	assert.Contains(t, msg, "no route matches GET https://my.auth.server/authenticate (body abc) and http.passthrough is off; add a route to the fixtures file:")
	assert.Contains(t, msg, "  http:\n    routes:\n      - method: GET\n        url: https://my.auth.server/authenticate\n        status: 200\n")
}

// TestRequestsSentTogetherRunTogether: two requests sent before either
// get() are in flight at once, even though get() may send the first itself.
// Each handler waits for the other to start; run one after the other, they
// would each give up after two seconds and answer "alone".
func TestRequestsSentTogetherRunTogether(t *testing.T) {
	e := newEngine(t, 10*time.Second)
	started := map[string]chan struct{}{"a": make(chan struct{}), "b": make(chan struct{})}
	other := map[string]string{"a": "b", "b": "a"}
	cfg := &httpclient.Config{Hosts: map[string]http.Handler{
		"pair.test": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			me := strings.TrimPrefix(r.URL.Path, "/")
			close(started[me])
			select {
			case <-started[other[me]]:
				fmt.Fprint(w, "together")
			case <-time.After(2 * time.Second):
				fmt.Fprint(w, "alone")
			}
		}),
	}}
	res := mustRun(t, e, `var a = httpClient.send("http://pair.test/a"), b = httpClient.send("http://pair.test/b");
action.goTo(a.get().text() + "," + b.get().text());`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Equal(t, "together,together", res.Outcome)
}

// TestHungHostHandlerEndsWithTimeout: an in-process handler that waits for
// its request's context (which get() may run on the script's goroutine) is
// stopped by the run's time limit.
func TestHungHostHandlerEndsWithTimeout(t *testing.T) {
	e := newEngine(t, 300*time.Millisecond)
	cfg := &httpclient.Config{Hosts: map[string]http.Handler{
		"hung.test": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		}),
	}}
	start := time.Now()
	res, err := run(t, e, `httpClient.send("http://hung.test/").get(); action.goTo("x");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	se := scriptErr(t, err)
	assert.Equal(t, runtime.KindTimeout, se.Kind)
	assert.Less(t, time.Since(start), 2*time.Second)
	require.Len(t, httpclient.Calls.Get(res.Outputs), 1)
	assert.NotEmpty(t, httpclient.Calls.Get(res.Outputs)[0].Error)
	assert.Empty(t, res.Outcome)
}

func TestHostsHandler(t *testing.T) {
	e := newEngine(t, 5*time.Second)
	var seen string
	cfg := &httpclient.Config{Hosts: map[string]http.Handler{
		"api.pingone.com": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			seen = r.Method + " " + r.URL.Path + " " + r.Header.Get("Authorization") + " " + string(b)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(201)
			fmt.Fprint(w, `{"id":"u1"}`)
		}),
	}}
	res := mustRun(t, e, `var r = httpClient.send("https://api.pingone.com/v1/environments/e/users", {method: "POST", token: "t", body: {a: 1}}).get();
action.goTo(r.status + ":" + r.json().id);`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Equal(t, "201:u1", res.Outcome)
	assert.Equal(t, `POST /v1/environments/e/users Bearer t {"a":1.0}`, seen)
}

func TestRecordsAreMaskedAndCut(t *testing.T) {
	e := newEngine(t, 5*time.Second)
	cfg := &httpclient.Config{Routes: []httpclient.Route{{URL: "https://x.example/*"}}}
	res := mustRun(t, e, `
httpClient.send("https://x.example/a", {headers: {Authorization: "Basic Ympl bnNlbjpwYXNzd2Q="}}).get();
httpClient.send("https://x.example/b", {token: "abc.def.ghi"}).get();
httpClient.send("https://x.example/c", {method: "POST", body: "y".repeat(5000)}).get();
action.goTo("true");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	require.Len(t, httpclient.Calls.Get(res.Outputs), 3)
	assert.NotContains(t, httpclient.Calls.Get(res.Outputs)[0].RequestHeaders, "Authorization", "a script's own Authorization is not sent")
	assert.Equal(t, "Bearer ****", httpclient.Calls.Get(res.Outputs)[1].RequestHeaders["Authorization"])
	b, _ := json.Marshal(httpclient.Calls.Get(res.Outputs))
	assert.NotContains(t, string(b), "abc.def.ghi")
	assert.NotContains(t, string(b), "Ympl")
	assert.Equal(t, strings.Repeat("y", httpclient.MaxRecordedBody)+"…(truncated)", httpclient.Calls.Get(res.Outputs)[2].RequestBody)

	out, _ := json.Marshal(res)
	assert.Contains(t, string(out), `"httpCalls":[{"method":"GET","url":"https://x.example/a"`)
}

func TestResponseSizeLimit(t *testing.T) {
	srv := echoServer(t)
	e := newEngine(t, 5*time.Second)
	cfg := local()
	cfg.MaxResponseBytes = 4096
	_, err := run(t, e, `httpClient.send("`+srv.URL+`/big").get();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Contains(t, scriptErr(t, err).Message, "the response body is larger than the 4096-byte limit")
	cfg.MaxRequestBytes = 10
	_, err = run(t, e, `httpClient.send("`+srv.URL+`/echo", {method: "POST", body: "01234567890"});`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Contains(t, scriptErr(t, err).Message, "larger than the 10-byte limit")
}

func TestBindingIsFrozenAndPromiseMethodsChecked(t *testing.T) {
	e := newEngine(t, 5*time.Second)
	res := mustRun(t, e, `"use strict";
var out = [];
try { httpClient.send = null; } catch (e) { out.push("frozen"); }
var p = httpClient.send("https://r.example/");
try { p.then.call({}, function () {}); } catch (e) { out.push(e.message); }
var d = p.then(function () {});
try { d.get(); } catch (e) { out.push("derived-get"); }
d.catch(function () {});
p.catch(function () {});
action.goTo(out.join("|"));`, runtime.Input{})
	assert.Equal(t, "frozen|httpClient: then() must be called on the object httpClient.send returned|derived-get", res.Outcome)
}

// TestResponsesAreFrozen: a response and its headers are frozen, so a
// script cannot alter what it was answered; a header named __proto__ is an
// own property, not a prototype change.
func TestResponsesAreFrozen(t *testing.T) {
	e := newEngine(t, 5*time.Second)
	cfg := &httpclient.Config{Routes: []httpclient.Route{{URL: "https://r.example/", Status: 201, Body: "ok",
		Headers: map[string]string{"X-One": "1", "__proto__": "p"}}}}
	res := mustRun(t, e, `"use strict";
var r = httpClient.send("https://r.example/").get();
var out = [Object.isFrozen(r), Object.isFrozen(r.headers), r.status, r.ok, r.headers["X-One"],
	Object.getPrototypeOf(r.headers) !== null && typeof r.headers.get, Object.prototype.hasOwnProperty.call(r.headers, "__proto__")];
try { r.status = 500; } catch (e) { out.push("status"); }
try { r.extra = 1; } catch (e) { out.push("extend"); }
try { delete r.headers["X-One"]; } catch (e) { out.push("delete"); }
action.goTo(out.join("|"));`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Equal(t, "true|true|201|true|1|function|true|status|extend|delete", res.Outcome)
}

func TestRedirectLimit(t *testing.T) {
	srv := echoServer(t)
	e := newEngine(t, 5*time.Second)
	loop := srv.URL + "/redirect?to=" + url.QueryEscape(srv.URL+"/loop")
	_, err := run(t, e, `httpClient.send("`+loop+`").get();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	assert.Contains(t, scriptErr(t, err).Message, "stopped after 10 redirects")
}

func TestScriptFailsWithRequestsOutstanding(t *testing.T) {
	srv := hangServer(t)
	e := newEngine(t, 5*time.Second)
	start := time.Now()
	res, err := run(t, e, `httpClient.send("`+srv.URL+`/").then(function () {}); throw new Error("early");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	assert.Contains(t, scriptErr(t, err).Message, "Error: early")
	// Well before the engine's 5 s limit, which waiting for the hung request would reach; the bound leaves room for a busy machine.
	assert.Less(t, time.Since(start), 4*time.Second)
	require.Len(t, httpclient.Calls.Get(res.Outputs), 1)
	assert.Contains(t, httpclient.Calls.Get(res.Outputs)[0].Error, "the run ended before the response arrived")
	assert.Equal(t, int64(1), e.Stats().RuntimesDiscarded)
	res = mustRun(t, e, `action.goTo("next")`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	assert.Equal(t, "next", res.Outcome)
	assert.Empty(t, httpclient.Calls.Get(res.Outputs))
}

func TestNamedClientConnectTimeout(t *testing.T) {
	e := newEngine(t, 5*time.Second)
	cfg := &httpclient.Config{Passthrough: true, Policy: httpclient.Policy{
		LookupIP: func(context.Context, string) ([]netip.Addr, error) {
			return []netip.Addr{netip.MustParseAddr("203.0.113.9")}, nil
		},
		// A connect that never completes, like a black-holed address.
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			<-ctx.Done()
			return nil, ctx.Err()
		},
	}, Clients: map[string]httpclient.ClientConfig{"c": {ConnectTimeout: 80 * time.Millisecond}}}
	start := time.Now()
	_, err := run(t, e, `httpClient.send("http://blackhole.test/", {clientName: "c"}).get();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Contains(t, scriptErr(t, err).Message, `httpClient: GET http://blackhole.test/ (client "c"): timed out`)
	// Well before the engine's 5 s limit, which a connect without its own timeout would wait for; the bound leaves room for a busy machine.
	assert.Less(t, time.Since(start), 4*time.Second)
}

type rtFunc func(*http.Request) (*http.Response, error)

func (f rtFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestCustomTransport(t *testing.T) {
	e := newEngine(t, 5*time.Second)
	var got []string
	cfg := &httpclient.Config{Passthrough: true, Transport: rtFunc(func(r *http.Request) (*http.Response, error) {
		got = append(got, r.Method+" "+r.URL.String())
		return &http.Response{StatusCode: 204, Status: "204 No Content", Header: http.Header{}, Body: http.NoBody, Request: r}, nil
	}), Hosts: map[string]http.Handler{"*.pingone.com": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(299)
	})}}
	res := mustRun(t, e, `var a = httpClient.send("https://api.example.com/x").get();
var b = httpClient.send("https://auth.pingone.com/as/token", {method: "POST"}).get();
action.goTo(a.status + " " + a.statusText + " " + b.status);`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Equal(t, "204 No Content 299", res.Outcome)
	assert.Equal(t, []string{"GET https://api.example.com/x"}, got)

	// The host rules still hold in front of a custom transport.
	_, err := run(t, e, `httpClient.send("http://10.0.0.1/").get();`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(cfg))})
	assert.Contains(t, scriptErr(t, err).Message, "request to 10.0.0.1 denied: private address")
}

func TestUnknownOptionsAreIgnoredAndRecorded(t *testing.T) {
	e := newEngine(t, 5*time.Second)
	res, err := run(t, e, `var r = httpClient.send("https://api.example.com/x", {methd: "POST", method: "GET"}).get(); action.goTo(String(r.status))`,
		runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(&httpclient.Config{Routes: []httpclient.Route{{URL: "https://api.example.com/x", Status: 204}}}))})
	require.NoError(t, err)
	assert.Equal(t, "204", res.Outcome)
	require.Len(t, httpclient.Calls.Get(res.Outputs), 1)
	assert.Equal(t, "GET", httpclient.Calls.Get(res.Outputs)[0].Method)
	assert.Equal(t, []string{"methd"}, httpclient.Calls.Get(res.Outputs)[0].IgnoredOptions)
}

// TestScriptReplacedJSONDoesNotReachTheWire: a run's standard objects are
// its own to change, but httpClient is Java in AIC: a script that replaced
// JSON.stringify, JSON.parse and Object.preventExtensions before it first
// named httpClient still sends and reads JSON as the binding does.
func TestScriptReplacedJSONDoesNotReachTheWire(t *testing.T) {
	srv := echoServer(t)
	e := newEngine(t, 5*time.Second)
	res := mustRun(t, e, `
JSON.stringify = function () { return "forged"; };
JSON.parse = function () { return {forged: true}; };
Object.preventExtensions = function () { throw new Error("script's preventExtensions"); };
var j = httpClient.send("`+srv.URL+`/echo", {method: "POST", body: {n: "v"}}).get().json();
nodeState.putShared("body", j.body);
nodeState.putShared("forged", j.forged === true);
action.goTo("true");`, runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))})
	assert.JSONEq(t, `{"n":"v"}`, res.SharedState["body"].(string))
	assert.Equal(t, false, res.SharedState["forged"])
}
