package runtime_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/runtime"
)

// A run stopped while it waits for HTTP callbacks reports the limit that
// stopped it, as any other stopped run does: the caller's deadline is a
// timeout, a cancel is a cancel.
func TestStopWhileWaitingForHTTPReportsItsLimit(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	e := newEngine(t, runtime.Options{Timeout: 10 * time.Second})
	in := runtime.Input{Backends: bindings.NewBackends(httpclient.ConfigKey.Value(&httpclient.Config{Passthrough: true, Policy: httpclient.Policy{AllowPrivate: true}}))}
	script := runtime.Script{Name: "wait.js", Source: `httpClient.send("` + srv.URL + `").then(function () {}); action.goTo("sent");`}

	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := e.Run(ctx, script, in)
	var se *runtime.ScriptError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, runtime.KindTimeout, se.Kind, se.Message)
	assert.Contains(t, se.Message, "timed out")

	ctx, cancel = context.WithCancel(context.Background())
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	_, err = e.Run(ctx, script, in)
	require.ErrorAs(t, err, &se)
	assert.Equal(t, runtime.KindCanceled, se.Kind, se.Message)
	assert.Contains(t, se.Message, "context canceled")
}
