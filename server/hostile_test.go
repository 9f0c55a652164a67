package server_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/runtime"
	"github.com/journeyjs/journeyjs/server"
)

// While hostile evaluations fill every runtime (an endless loop, memory
// bombs, the lines that used to kill the process), the server stays up:
// /healthz keeps answering, each attack ends as a failed evaluation, and a
// plain evaluation afterwards succeeds. How fast /healthz answers is logged
// (BENCHMARKS.md), not asserted: that is the machine's to decide.
func TestServerLivesThroughHostileEvaluations(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"loop-plain", "memory-string-doubling", "crash-apply-huge", "crash-sort-sparse", "crash-map-huge"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "hostile", name+".js"))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name+".js"), src, 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ok.js"), []byte(`action.goTo("ok")`), 0o644))
	// The server's default MaxConcurrent leaves a CPU for HTTP.
	s, err := server.Load(dir, server.Options{
		Engine: runtime.Options{Timeout: 2 * time.Second, MaxMemory: 64 << 20, Language: runtime.LanguageModern}})
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln, 0) }()
	defer func() { cancel(); <-done }()
	url := "http://" + ln.Addr().String()
	client := &http.Client{Timeout: time.Minute}

	post := func(name string) int {
		resp, err := client.Post(url+"/v1/scripts/"+name+"/evaluate", "application/json", bytes.NewReader([]byte(`{}`)))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return 0
		}
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
		return resp.StatusCode
	}

	var wg sync.WaitGroup
	attacks := []string{"loop-plain", "memory-string-doubling", "crash-apply-huge", "crash-sort-sparse", "crash-map-huge", "loop-plain", "crash-apply-huge", "memory-string-doubling"}
	codes := make([]int, len(attacks))
	for i, name := range attacks {
		wg.Add(1)
		go func() { defer wg.Done(); codes[i] = post(name) }()
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()

	var slowest time.Duration
	checks := 0
	for polling := true; polling; {
		select {
		case <-finished:
			polling = false
		case <-time.After(20 * time.Millisecond):
		}
		start := time.Now()
		resp, err := client.Get(url + "/healthz")
		require.NoError(t, err)
		_ = resp.Body.Close()
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		slowest = max(slowest, time.Since(start))
		checks++
	}
	t.Logf("/healthz answered %d times during the attacks; slowest %v", checks, slowest)
	for i, code := range codes {
		// A failed evaluation, or, for an attack still queued when its
		// time ran out behind the others, 503: refused cleanly either way.
		assert.Contains(t, []int{http.StatusUnprocessableEntity, http.StatusServiceUnavailable}, code, attacks[i])
	}
	assert.Contains(t, codes, http.StatusUnprocessableEntity, "the attacks that ran failed")
	assert.Equal(t, http.StatusOK, post("ok"), "the next evaluation is clean")
}
