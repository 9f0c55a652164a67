package httpfront_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/server/httpfront"
)

func TestDecodeJSON(t *testing.T) {
	f := httpfront.New(httpfront.Options{MaxBodyBytes: 16})
	decode := func(body string, strict bool) (map[string]any, error) {
		var v map[string]any
		err := f.DecodeJSON(httptest.NewRecorder(), httptest.NewRequest("POST", "/", strings.NewReader(body)), &v, strict)
		return v, err
	}
	v, err := decode(`{"a": 1}`, false)
	require.NoError(t, err)
	assert.Equal(t, "1", v["a"].(interface{ String() string }).String(), "numbers stay json.Number")
	_, err = decode(``, true)
	assert.NoError(t, err, "an empty body is no error")

	var be *httpfront.BodyError
	_, err = decode(`{"a": `, false)
	require.True(t, errors.As(err, &be))
	assert.Equal(t, http.StatusBadRequest, be.Status)
	_, err = decode(`{} {}`, false)
	require.True(t, errors.As(err, &be))
	assert.Contains(t, be.Msg, "more than one JSON value")
	_, err = decode(`{"pad": "`+strings.Repeat("x", 32)+`"}`, false)
	require.True(t, errors.As(err, &be))
	assert.Equal(t, http.StatusRequestEntityTooLarge, be.Status)
	assert.Equal(t, "request body over 16 bytes", be.Msg)
}

func TestHealthMetricsAndShutdown(t *testing.T) {
	closed := make(chan struct{})
	f := httpfront.New(httpfront.Options{
		Health:  func() map[string]any { return map[string]any{"things": 3} },
		Metrics: func(w io.Writer) { httpfront.Single(w, "x_total", "counter", "Xs.", 7) },
		Close:   func() { close(closed) },
	})
	get := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		f.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code, rec.Body.String()
	}
	code, body := get("/healthz")
	assert.Equal(t, http.StatusOK, code)
	assert.JSONEq(t, `{"status": "ok", "things": 3}`, body)
	code, body = get("/metrics")
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "# HELP x_total Xs.\n# TYPE x_total counter\nx_total 7\n", body)
	rec := httptest.NewRecorder()
	f.ServeHTTP(rec, httptest.NewRequest("POST", "/metrics", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.Serve(ctx, ln, time.Second) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	cancel()
	require.NoError(t, <-done)
	<-closed
	assert.True(t, f.Closing())
	code, _ = get("/healthz")
	assert.Equal(t, http.StatusServiceUnavailable, code)
}
