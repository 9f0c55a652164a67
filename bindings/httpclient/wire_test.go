package httpclient_test

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/runtime"
)

// received is one request as a server on 127.0.0.1 got it.
type received struct {
	header http.Header
	body   string
}

// recorder is a server that keeps every request it receives.
func recorder(t *testing.T) (*httptest.Server, func() []received) {
	t.Helper()
	var mu sync.Mutex
	var got []received
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, received{header: r.Header.Clone(), body: string(b)})
		mu.Unlock()
		w.WriteHeader(204)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []received {
		mu.Lock()
		defer mu.Unlock()
		return append([]received(nil), got...)
	}
}

func backends() runtime.Input {
	return runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(local()))}
}

// A body object goes out as Jackson writes the Java map Rhino makes of it:
// every JavaScript number a double, undefined as null, Java integers as
// integers, text escaped as Jackson does.
func TestBodyIsWrittenAsJavaWritesIt(t *testing.T) {
	srv, got := recorder(t)
	e := newEngine(t, 5*time.Second)
	mustRun(t, e, `httpClient.send("`+srv.URL+`/x", {method: "POST", body: {
		i: 1, f: 1.5, neg: -2, big: 1e7, bigger: 12345678.9, small: 0.0001, third: 0.001, zero: 0, nan: NaN,
		u: undefined, n: null, t: true, s: "a<b>&\"\\é\n",
		arr: [1, undefined, "x", [2.25]], nested: {k: 10, deeper: {v: -0.5}},
		jint: java.lang.Integer.valueOf(3)}}).get();
	httpClient.send("`+srv.URL+`/y", {method: "PUT", body: [1, 2]}).get();
	httpClient.send("`+srv.URL+`/z", {method: "POST", body: "{\"kept\": 1}"}).get();
	action.goTo("sent");`, backends())
	reqs := got()
	require.Len(t, reqs, 3)
	assert.Equal(t, `{"i":1.0,"f":1.5,"neg":-2.0,"big":1.0E7,"bigger":1.23456789E7,"small":1.0E-4,"third":0.001,`+
		`"zero":0.0,"nan":"NaN","u":null,"n":null,"t":true,"s":"a<b>&\"\\é\n",`+
		`"arr":[1.0,null,"x",[2.25]],"nested":{"k":10.0,"deeper":{"v":-0.5}},"jint":3}`, reqs[0].body)
	assert.Equal(t, "application/json", reqs[0].header.Get("Content-Type"))
	assert.Equal(t, `[1.0,2.0]`, reqs[1].body)
	assert.Equal(t, `{"kept": 1}`, reqs[2].body, "a string body goes out as it is")
}

// Only the token option's bearer is sent: an Authorization header the
// script sets is not (measured). Every request carries a
// X-ForgeRock-TransactionId, the journey request's transaction and a
// counter.
func TestHeadersOnTheWire(t *testing.T) {
	srv, got := recorder(t)
	e := newEngine(t, 5*time.Second)
	src := `httpClient.send("` + srv.URL + `/a", {headers: {authorization: "Basic eDp5", "X-Custom": "v", "X-Multi": ["1", "2"]}, token: "tok"}).get();
	httpClient.send("` + srv.URL + `/b", {headers: {Authorization: "Basic eDp5"}}).get();
	action.goTo("sent");`
	in := backends()
	in.RequestHeaders = map[string][]string{"x-forgerock-transactionid": {"1700000000000-abc"}}
	res := mustRun(t, e, src, in)
	reqs := got()
	require.Len(t, reqs, 2)
	assert.Equal(t, []string{"Bearer tok"}, reqs[0].header.Values("Authorization"))
	assert.Equal(t, "v", reqs[0].header.Get("X-Custom"))
	assert.Equal(t, []string{"1", "2"}, reqs[0].header.Values("X-Multi"))
	assert.Empty(t, reqs[1].header.Values("Authorization"))
	assert.Equal(t, "1700000000000-abc/0", reqs[0].header.Get("X-ForgeRock-TransactionId"))
	assert.Equal(t, "1700000000000-abc/1", reqs[1].header.Get("X-ForgeRock-TransactionId"))
	calls := httpclient.Calls.Get(res.Outputs)
	assert.Equal(t, []string{"headers.Authorization"}, calls[1].IgnoredOptions)
	assert.NotContains(t, calls[0].RequestHeaders, "X-Forgerock-Transactionid", "the record leaves out what changes every run")

	// Without one in the journey request, the transaction is a new UUID.
	mustRun(t, e, src, backends())
	reqs = got()[2:]
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/([01])$`)
	require.Regexp(t, uuid, reqs[0].header.Get("X-ForgeRock-TransactionId"))
	first, second := reqs[0].header.Get("X-ForgeRock-TransactionId"), reqs[1].header.Get("X-ForgeRock-TransactionId")
	assert.Equal(t, first[:36]+"/1", second)
}

// thenCatch gets the raw HttpClientScriptException: its public message field
// holds the cause, getMessage() is null, and nothing of Go shows; get()
// throws an error with the same text.
func TestAFailedRequestAsAScriptSeesIt(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := "http://" + ln.Addr().String() + "/x"
	require.NoError(t, ln.Close())
	e := newEngine(t, 5*time.Second)
	res := mustRun(t, e, `
httpClient.send("`+closed+`").thenCatch(function (e) {
	nodeState.putShared("caught", [e.message, e.getMessage() === null, String(e)].join("|"));
});
try { httpClient.send("`+closed+`").get(); } catch (e) { nodeState.putShared("thrown", String(e)); }
action.goTo("done");`, backends())
	text := "httpClient: GET " + closed + " failed: dial: connect: connection refused"
	assert.Equal(t, text+"|true|org.forgerock.openam.auth.nodes.script.HttpClientScriptException", res.SharedState["caught"])
	assert.Equal(t, "InternalError: "+text, res.SharedState["thrown"])
}

// A form's credentials go out as they are but the call record hides them.
func TestAFormsCredentialsAreMaskedInTheRecord(t *testing.T) {
	srv, got := recorder(t)
	e := newEngine(t, 5*time.Second)
	res := mustRun(t, e, `httpClient.send("`+srv.URL+`/token", {method: "POST",
		form: {grant_type: "client_credentials", client_id: "app", client_secret: "s3cret"}}).get(); action.goTo("x");`, backends())
	assert.Equal(t, "client_id=app&client_secret=s3cret&grant_type=client_credentials", got()[0].body)
	assert.Equal(t, "client_id=app&client_secret=%2A%2A%2A%2A&grant_type=client_credentials",
		httpclient.Calls.Get(res.Outputs)[0].RequestBody)
}
