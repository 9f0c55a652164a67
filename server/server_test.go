package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/runtime"
	"github.com/journeyjs/journeyjs/server"
)

func load(t *testing.T, opts server.Options) *server.Server {
	t.Helper()
	if opts.Engine.Timeout == 0 {
		opts.Engine.Timeout = 2 * time.Second
	}
	s, err := server.Load("testdata/scripts", opts)
	require.NoError(t, err)
	t.Cleanup(s.Close)
	return s
}

func do(t *testing.T, h http.Handler, method, path, body string) (int, map[string]any, http.Header) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var out map[string]any
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out), rec.Body.String())
	}
	return rec.Code, out, rec.Header()
}

func TestEvaluateWithFixturesAndLibrary(t *testing.T) {
	s := load(t, server.Options{})
	assert.Equal(t, []string{"fail", "greet", "loop", "slow"}, s.Scripts())

	code, rep, _ := do(t, s, "POST", "/v1/scripts/greet/evaluate",
		`{"sharedState": {"username": "bjensen"}, "requestHeaders": {"User-Agent": "curl/8"}, "realm": "/bravo"}`)
	require.Equal(t, http.StatusOK, code, rep)
	assert.Equal(t, "known", rep["outcome"])
	shared := rep["sharedState"].(map[string]any)
	assert.Equal(t, "hello bjensen (4,7)", shared["greeting"])
	assert.Equal(t, "curl/8", shared["ua"])
	assert.Equal(t, "/bravo", shared["realm"])
	assert.NotContains(t, rep, "error")
	logs := rep["logs"].([]any)
	require.Len(t, logs, 1)

	// An empty body uses the fixtures alone; "greet.js" names the same script.
	code, rep, _ = do(t, s, "POST", "/v1/scripts/greet.js/evaluate", "")
	require.Equal(t, http.StatusOK, code, rep)
	assert.Equal(t, "hello fixture-user (4,7)", rep["sharedState"].(map[string]any)["greeting"])
	assert.Equal(t, "/alpha", rep["sharedState"].(map[string]any)["realm"])
}

func TestEvaluateErrors(t *testing.T) {
	s := load(t, server.Options{MaxBodyBytes: 1024, Engine: runtime.Options{Timeout: 200 * time.Millisecond}})

	code, rep, _ := do(t, s, "POST", "/v1/scripts/fail/evaluate", `{}`)
	assert.Equal(t, http.StatusUnprocessableEntity, code)
	e := rep["error"].(map[string]any)
	assert.Equal(t, "exception", e["kind"])
	assert.Equal(t, "Error: boom", e["message"])
	assert.Equal(t, float64(2), e["line"])

	code, rep, _ = do(t, s, "POST", "/v1/scripts/loop/evaluate", `{}`)
	assert.Equal(t, http.StatusUnprocessableEntity, code)
	assert.Equal(t, "timeout", rep["error"].(map[string]any)["kind"])

	code, rep, _ = do(t, s, "POST", "/v1/scripts/nope/evaluate", `{}`)
	assert.Equal(t, http.StatusNotFound, code)
	assert.Contains(t, rep["error"], `no script named "nope"`)

	code, rep, hdr := do(t, s, "GET", "/v1/scripts/greet/evaluate", "")
	assert.Equal(t, http.StatusMethodNotAllowed, code)
	assert.Equal(t, "POST", hdr.Get("Allow"))
	assert.Contains(t, rep["error"], "POST")

	for _, body := range []string{`{"sharedState": `, `[1,2]`, `{"sharedState": 3}`, `{"unknown": 1}`, `{} {}`, `{"requestHeaders": {"a": 1}}`} {
		code, rep, _ = do(t, s, "POST", "/v1/scripts/greet/evaluate", body)
		assert.Equal(t, http.StatusBadRequest, code, body)
		assert.Contains(t, rep["error"], "malformed JSON body", body)
	}

	big := `{"sharedState": {"x": "` + strings.Repeat("a", 2048) + `"}}`
	code, rep, _ = do(t, s, "POST", "/v1/scripts/greet/evaluate", big)
	assert.Equal(t, http.StatusRequestEntityTooLarge, code)
	assert.Contains(t, rep["error"], "over 1024 bytes")

	code, _, _ = do(t, s, "GET", "/nowhere", "")
	assert.Equal(t, http.StatusNotFound, code)
}

func TestHealthListAndMetrics(t *testing.T) {
	s := load(t, server.Options{Engine: runtime.Options{Timeout: 200 * time.Millisecond}})
	code, rep, _ := do(t, s, "GET", "/healthz", "")
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "ok", rep["status"])
	code, rep, _ = do(t, s, "GET", "/v1/scripts", "")
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, []any{"fail", "greet", "loop", "slow"}, rep["scripts"])
	code, _, _ = do(t, s, "POST", "/metrics", "")
	assert.Equal(t, http.StatusMethodNotAllowed, code)

	for i := 0; i < 3; i++ {
		do(t, s, "POST", "/v1/scripts/greet/evaluate", `{"sharedState": {"username": "u"}}`)
	}
	do(t, s, "POST", "/v1/scripts/greet/evaluate", `{"sharedState": {"username": ""}}`)
	do(t, s, "POST", "/v1/scripts/fail/evaluate", `{}`)
	do(t, s, "POST", "/v1/scripts/loop/evaluate", `{}`)

	req := httptest.NewRequest("GET", "/metrics", nil)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "text/plain; version=0.0.4; charset=utf-8", rec.Header().Get("Content-Type"))
	text := rec.Body.String()
	for _, want := range []string{
		`journeyjs_evaluations_total{script="greet"} 4`,
		`journeyjs_evaluations_total{script="fail"} 1`,
		`journeyjs_outcomes_total{script="greet",outcome="known"} 3`,
		`journeyjs_outcomes_total{script="greet",outcome="unknown"} 1`,
		`journeyjs_errors_total{kind="exception"} 1`,
		`journeyjs_errors_total{kind="timeout"} 1`,
		"journeyjs_timeouts_total 1",
		`journeyjs_evaluation_duration_seconds_bucket{le="+Inf"} 6`,
		"journeyjs_evaluation_duration_seconds_count 6",
		"# TYPE journeyjs_evaluation_duration_seconds histogram",
		`journeyjs_pool_runtimes{state="in_use"} 0`,
		"journeyjs_runtimes_created_total ",
		"journeyjs_runtimes_discarded_total 1", // the timed-out runtime
		"journeyjs_engine_runs_total 6",
	} {
		assert.Contains(t, text, want)
	}
	// Every sample line is "name{labels} value" or "name value".
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		assert.Len(t, f, 2, line)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	write("bad.js", "action.goTo(\n  'x'")
	_, err := server.Load(dir, server.Options{})
	var se *runtime.ScriptError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "bad.js", se.File)

	dir = t.TempDir()
	write("ok.js", `action.goTo("x")`)
	write("ok.fixtures.yaml", "nosuchkey: 1\n")
	_, err = server.Load(dir, server.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "ok.fixtures.yaml:1")

	dir = t.TempDir()
	write("ok.js", `action.goTo("x")`)
	write("lib/bad.js", "exports.f = function(\n")
	_, err = server.Load(dir, server.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "library "+filepath.Join(dir, "lib", "bad.js"))
	require.ErrorAs(t, err, &se)

	_, err = server.Load(t.TempDir()+"/missing", server.Options{})
	require.Error(t, err)
}

func TestServeShutsDownGracefully(t *testing.T) {
	s, err := server.Load("testdata/scripts", server.Options{Engine: runtime.Options{Timeout: 5 * time.Second}})
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln, 0) }()
	url := "http://" + ln.Addr().String()

	// A slow evaluation is in flight when shutdown begins; it finishes.
	type answer struct {
		code int
		body string
		err  error
	}
	got := make(chan answer, 1)
	go func() {
		resp, err := http.Post(url+"/v1/scripts/slow/evaluate", "application/json", bytes.NewReader([]byte(`{"sharedState": {"ms": 300}}`)))
		if err != nil {
			got <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		got <- answer{code: resp.StatusCode, body: string(b)}
	}()
	require.Eventually(t, func() bool { return s.Engine().Stats().InUse == 1 }, 5*time.Second, time.Millisecond)
	cancel()
	a := <-got
	require.NoError(t, a.err)
	assert.Equal(t, http.StatusOK, a.code, a.body)
	assert.Contains(t, a.body, `"outcome":"done"`)
	require.NoError(t, <-done)
	_, err = s.Engine().Run(context.Background(), runtime.Script{Source: `action.goTo("x")`}, runtime.Input{})
	assert.ErrorIs(t, err, runtime.ErrClosed, "the engine is closed after the server")
}

// evaluateAsync serves an evaluation with ctx on a goroutine and returns
// its status code.
func evaluateAsync(s *server.Server, ctx context.Context, name, body string) <-chan int {
	done := make(chan int, 1)
	go func() {
		req := httptest.NewRequest("POST", "/v1/scripts/"+name+"/evaluate", strings.NewReader(body)).WithContext(ctx)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		done <- rec.Code
	}()
	return done
}

func metricsText(t *testing.T, s *server.Server) string {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	return rec.Body.String()
}

// The server relies on the engine's bound: with every runtime in use, a
// request waits for one (the waiting gauge counts it) until its client
// gives up, or, when the engine may not queue, gets 503 with Retry-After.
func TestBusyEngineWaitsOrAnswers503(t *testing.T) {
	const forever = `{"sharedState": {"ms": 600000}}` // until canceled
	s := load(t, server.Options{MaxConcurrent: 1, Engine: runtime.Options{Timeout: time.Hour}})
	holdCtx, stopHold := context.WithCancel(context.Background())
	held := evaluateAsync(s, holdCtx, "slow", forever)
	require.Eventually(t, func() bool { return s.Engine().Stats().InUse == 1 }, 30*time.Second, time.Millisecond)

	waitCtx, giveUp := context.WithCancel(context.Background())
	waiting := evaluateAsync(s, waitCtx, "greet", `{}`)
	require.Eventually(t, func() bool { return s.Engine().Stats().Waiting == 1 }, 30*time.Second, time.Millisecond)
	text := metricsText(t, s)
	assert.Contains(t, text, "journeyjs_evaluations_waiting 1")
	assert.Contains(t, text, "journeyjs_engine_max_concurrent 1")
	giveUp()
	assert.Equal(t, http.StatusServiceUnavailable, <-waiting)
	assert.NotContains(t, metricsText(t, s), `journeyjs_evaluations_total{script="greet"}`, "a request that never ran is no evaluation")
	stopHold()
	assert.Equal(t, http.StatusUnprocessableEntity, <-held, "the held run was canceled")

	s = load(t, server.Options{MaxConcurrent: 1, Engine: runtime.Options{Timeout: time.Hour, QueueTimeout: -1}})
	holdCtx, stopHold = context.WithCancel(context.Background())
	defer stopHold()
	held = evaluateAsync(s, holdCtx, "slow", forever)
	require.Eventually(t, func() bool { return s.Engine().Stats().InUse == 1 }, 30*time.Second, time.Millisecond)
	code, rep, hdr := do(t, s, "POST", "/v1/scripts/greet/evaluate", `{}`)
	assert.Equal(t, http.StatusServiceUnavailable, code)
	assert.Equal(t, "1", hdr.Get("Retry-After"))
	assert.Contains(t, rep["error"], "engine busy: 1 runs in progress")
	assert.Contains(t, metricsText(t, s), "journeyjs_engine_busy_rejections_total 1")
	stopHold()
	assert.Equal(t, http.StatusUnprocessableEntity, <-held)
}

func TestEvaluateInAnotherContext(t *testing.T) {
	s := load(t, server.Options{})
	// greet.js reads nodeState and calls action.goTo: a library has
	// neither, as in AIC (where naming one is a ReferenceError; journeyjs
	// reads them as undefined in a library, see README).
	code, rep, _ := do(t, s, "POST", "/v1/scripts/greet/evaluate", `{"context": "library"}`)
	assert.Equal(t, http.StatusUnprocessableEntity, code)
	assert.Contains(t, rep["error"].(map[string]any)["message"], "of undefined")
	assert.Equal(t, "library", rep["context"])

	code, rep, _ = do(t, s, "POST", "/v1/scripts/greet/evaluate", `{"context": "nowhere"}`)
	assert.Equal(t, http.StatusBadRequest, code)
	assert.Contains(t, rep["error"], `unknown script context "nowhere"`)
}
