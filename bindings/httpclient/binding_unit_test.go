package httpclient_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/httpclient"
)

// These run the binding on bindingtest's bare runtime, without the engine:
// the back end (a Config with an in-process host) comes from the run, the
// calls go out as the httpCalls output, and then-callbacks run on the
// runtime's event loop when the test runtime drains it.

func greeterHost() *httpclient.Config {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"hello":%q}`, r.URL.Query().Get("name"))
	})
	return &httpclient.Config{Hosts: map[string]http.Handler{"api.example.com": h}}
}

func TestSendGetOnABareRuntime(t *testing.T) {
	r := bindingtest.New(t, httpclient.Binding).Begin(bindings.NewBackends(httpclient.ConfigKey.Value(greeterHost())))
	v := r.MustRun(`var res = httpClient.send("https://api.example.com/hi?name=bjensen").get();
		res.status + " " + res.json().hello`)
	assert.Equal(t, "200 bjensen", v.String())
	calls := httpclient.Calls.Get(r.End())
	require.Len(t, calls, 1)
	assert.Equal(t, "GET", calls[0].Method)
	assert.Equal(t, "https://api.example.com/hi?name=bjensen", calls[0].URL)
}

func TestThenRunsWhenTheLoopDrains(t *testing.T) {
	r := bindingtest.New(t, httpclient.Binding).Begin(bindings.NewBackends(httpclient.ConfigKey.Value(greeterHost())))
	r.MustRun(`var got = "none";
		httpClient.send("https://api.example.com/hi?name=a").then(function (res) { got = res.json().hello; });`)
	assert.Equal(t, "a", r.MustRun(`got`).String(), "RunScript drained the loop")
	assert.Len(t, httpclient.Calls.Get(r.End()), 1)
}

func TestWithoutAConfigARequestSaysWhichRouteToAdd(t *testing.T) {
	r := bindingtest.New(t, httpclient.Binding).Begin(bindings.Backends{})
	_, err := r.RunScript(`httpClient.send("https://api.example.com/x").get()`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "api.example.com")
	calls := httpclient.Calls.Get(r.End())
	require.Len(t, calls, 1)
	assert.NotEmpty(t, calls[0].Error)
}
