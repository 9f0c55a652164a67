package httpclient_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/secrets"
	"github.com/journeyjs/journeyjs/runtime"
)

const scriptsDir = "../../testdata/scripts/http"

// exampleServer plays the services the example scripts call: an
// authentication service, an audit service and an httpbin-style basic-auth
// endpoint.
func exampleServer(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var audit []string
	mux := http.NewServeMux()
	mux.HandleFunc("POST /authenticate", func(w http.ResponseWriter, r *http.Request) {
		var body struct{ Username string }
		_ = json.NewDecoder(r.Body).Decode(&body)
		if r.Header.Get("Authorization") != "Bearer demo-token-for-"+body.Username || body.Username != "bjensen" {
			http.Error(w, `{"authenticated":false}`, http.StatusUnauthorized)
			return
		}
		fmt.Fprint(w, `{"authenticated":true}`)
	})
	mux.HandleFunc("POST /events", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		time.Sleep(20 * time.Millisecond) // the script has long finished
		mu.Lock()
		audit = append(audit, string(b))
		mu.Unlock()
		w.WriteHeader(http.StatusAccepted)
		w.Write(b)
	})
	mux.HandleFunc("GET /basic-auth/{user}/{pass}", func(w http.ResponseWriter, r *http.Request) {
		u, p, ok := r.BasicAuth()
		if !ok || u != r.PathValue("user") || p != r.PathValue("pass") {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		fmt.Fprintf(w, `{"authenticated":true,"user":%q}`, u)
	})
	srv := httptest.NewServer(mux)
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	t.Cleanup(srv.Close)
	return srv, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), audit...) }
}

// exampleConfig sends *.example.test to the local server as if those hosts
// were public, so the default outbound policy stays on.
func exampleConfig(srv *httptest.Server) *httpclient.Config {
	return &httpclient.Config{Passthrough: true, Policy: publicPolicy(srv)}
}

func readScript(t *testing.T, name string) runtime.Script {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(scriptsDir, name))
	require.NoError(t, err)
	return runtime.Script{Name: name, Source: string(src)}
}

func logMessages(res runtime.Result) string {
	var b strings.Builder
	for _, l := range logger.Logs.Get(res.Outputs) {
		b.WriteString(l.Level.String() + " " + l.Message + "\n")
	}
	return b.String()
}

func TestExampleSync(t *testing.T) {
	srv, _ := exampleServer(t)
	lib, err := os.ReadFile(filepath.Join(scriptsDir, "lib/authLib.js"))
	require.NoError(t, err)
	e := newEngine(t, 5*time.Second)
	for user, want := range map[string]string{"bjensen": "true", "mallory": "false"} {
		in := runtime.Input{
			Libraries:   map[string]string{"authLib": string(lib)},
			SharedState: map[string]any{"username": user},
			Backends: bindings.NewBackends(
				httpclient.ConfigKey.Value(exampleConfig(srv)),
			),
		}
		res, err := e.Run(context.Background(), readScript(t, "sync.js"), in)
		require.NoError(t, err)
		assert.Equal(t, want, res.Outcome, user)
		require.Len(t, httpclient.Calls.Get(res.Outputs), 1)
		c := httpclient.Calls.Get(res.Outputs)[0]
		assert.Equal(t, "POST", c.Method)
		assert.Equal(t, "Bearer ****", c.RequestHeaders["Authorization"])
		assert.JSONEq(t, `{"username":"`+user+`"}`, c.RequestBody)
	}
}

func TestExampleAsync(t *testing.T) {
	srv, audit := exampleServer(t)
	e := newEngine(t, 5*time.Second)
	in := runtime.Input{SharedState: map[string]any{"username": "bjensen"}, Backends: bindings.NewBackends(httpclient.ConfigKey.Value(exampleConfig(srv)))}
	res, err := e.Run(context.Background(), readScript(t, "async.js"), in)
	require.NoError(t, err)
	assert.Equal(t, "true", res.Outcome)
	assert.Contains(t, logMessages(res), "audit event stored for bjensen")
	assert.Equal(t, []string{`{"user":"bjensen","event":"login"}`}, audit())
	assert.Equal(t, 202, httpclient.Calls.Get(res.Outputs)[0].Status)

	// When the audit service is unreachable the catch callback logs it and
	// the journey goes on.
	res, err = e.Run(context.Background(), readScript(t, "async.js"), runtime.Input{SharedState: map[string]any{"username": "bjensen"}})
	require.NoError(t, err)
	assert.Equal(t, "true", res.Outcome)
	assert.Contains(t, logMessages(res), "audit call to http://audit.example.test/events failed: httpClient: no route matches POST")
}

// The documented way to send Basic authentication does not work in AIC: the
// tenant drops an Authorization header the script sets (spec §10.2,
// measured), so the service refuses whatever the password.
func TestExampleBasicAuthHeaderIsNotSent(t *testing.T) {
	srv, _ := exampleServer(t)
	e := newEngine(t, 5*time.Second)
	for pass, want := range map[string]string{"passwd": "false", "wrong": "false"} {
		in := runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(exampleConfig(srv)), secrets.StoreKey.Value(secrets.MapStore{"scripted.node.example.secret": pass}))}
		res, err := e.Run(context.Background(), readScript(t, "basic-auth.js"), in)
		require.NoError(t, err)
		assert.Equal(t, want, res.Outcome, pass)
		assert.Equal(t, []string{"scripted.node.example.secret"}, secrets.Read.Get(res.Outputs))
		call := httpclient.Calls.Get(res.Outputs)[0]
		assert.NotContains(t, call.RequestHeaders, "Authorization")
		assert.Contains(t, call.IgnoredOptions, "headers.Authorization")
		assert.Contains(t, logMessages(res), "basic authentication refused with status 401")
	}
}
