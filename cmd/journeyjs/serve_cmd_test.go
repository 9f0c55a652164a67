package main

import (
	"bytes"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serveOutput is a bytes.Buffer safe to write from the command while the test
// reads it.
type serveOutput struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *serveOutput) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *serveOutput) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeUsageErrors(t *testing.T) {
	code, _, errOut := cli(t, "serve")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `"dir" not set`)

	code, _, errOut = cli(t, "serve", "--dir", t.TempDir()+"/missing")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "not a readable directory")

	dir := t.TempDir()
	writeFile(t, dir, "bad.js", "action.goTo(\n  'x'")
	code, _, errOut = cli(t, "serve", "--dir", dir)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "bad.js:2")
}

func TestServeEvaluatesAndStopsOnSIGTERM(t *testing.T) {
	var out, errOut serveOutput
	exit := make(chan int, 1)
	go func() {
		exit <- execute([]string{"serve", "--dir", "../../server/testdata/scripts", "--addr", "127.0.0.1:0"}, &out, &errOut)
	}()
	addrRe := regexp.MustCompile(`on http://(127\.0\.0\.1:\d+)`)
	var addr string
	require.Eventually(t, func() bool {
		m := addrRe.FindStringSubmatch(errOut.String())
		if m != nil {
			addr = m[1]
		}
		return m != nil
	}, 10*time.Second, 10*time.Millisecond, "the server announces its address: %s", errOut.String())

	resp, err := http.Post("http://"+addr+"/v1/scripts/greet/evaluate", "application/json",
		strings.NewReader(`{"sharedState": {"username": "bjensen"}}`))
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	assert.Contains(t, string(body), `"greeting":"hello bjensen (4,7)"`)

	resp, err = http.Get("http://" + addr + "/metrics")
	require.NoError(t, err)
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Contains(t, string(body), `journeyjs_outcomes_total{script="greet",outcome="known"} 1`)

	require.NoError(t, syscall.Kill(syscall.Getpid(), syscall.SIGTERM))
	select {
	case code := <-exit:
		assert.Equal(t, exitOK, code, errOut.String())
		assert.Contains(t, errOut.String(), "journeyjs: stopped")
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
}
