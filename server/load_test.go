package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	goruntime "runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/runtime"
	"github.com/journeyjs/journeyjs/server"
)

// TestLoadThousandConcurrentEvaluations starts the server on 127.0.0.1:0,
// sends 1,000 evaluations at once, expects every one to succeed, then shuts
// down and checks that no goroutine is left behind.
func TestLoadThousandConcurrentEvaluations(t *testing.T) {
	const n = 1000
	before := goruntime.NumGoroutine()
	began := time.Now()
	defer func() { t.Logf("whole test %v", time.Since(began)) }()

	s, err := server.Load("testdata/scripts", server.Options{Engine: runtime.Options{Timeout: 30 * time.Second}})
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln, 0) }()
	url := "http://" + ln.Addr().String() + "/v1/scripts/greet/evaluate"

	tr := &http.Transport{MaxIdleConnsPerHost: n, MaxConnsPerHost: n}
	client := &http.Client{Transport: tr, Timeout: 60 * time.Second}
	start := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			user := fmt.Sprintf("user%d", i)
			body := fmt.Sprintf(`{"sharedState": {"username": %q}}`, user)
			resp, err := client.Post(url, "application/json", bytes.NewBufferString(body))
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			b, err := io.ReadAll(resp.Body)
			if err != nil {
				errs <- err
				return
			}
			if resp.StatusCode != http.StatusOK {
				errs <- fmt.Errorf("%d: %s", resp.StatusCode, b)
				return
			}
			var rep runtime.Result
			if err := json.Unmarshal(b, &rep); err != nil {
				errs <- err
				return
			}
			if rep.Outcome != "known" || rep.SharedState["greeting"] != "hello "+user+" (4,7)" {
				errs <- fmt.Errorf("request %d: wrong answer %v %v (state of another run?)", i, rep.Outcome, rep.SharedState["greeting"])
			}
		}(i)
	}
	t0 := time.Now()
	close(start)
	wg.Wait()
	close(errs)
	elapsed := time.Since(t0)
	for err := range errs {
		t.Error(err)
	}
	st := s.Engine().Stats()
	t.Logf("%d evaluations in %v (%.0f/s); runtimes created %d, discarded %d", n, elapsed, n/elapsed.Seconds(), st.RuntimesCreated, st.RuntimesDiscarded)
	assert.Equal(t, int64(n), st.Runs)
	assert.Zero(t, st.Failures)
	assert.GreaterOrEqual(t, st.RuntimesCreated, int64(n), "every evaluation has a fresh runtime")
	assert.Zero(t, st.InUse)

	stopping := time.Now()
	tr.CloseIdleConnections()
	cancel()
	require.NoError(t, <-done)
	t.Logf("shut down in %v", time.Since(stopping))

	// Everything the server started ends: connections, the engine's event
	// loops and its watchdog.
	settle := time.Now()
	deadline := time.Now().Add(10 * time.Second)
	for goruntime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("goroutines settled in %v", time.Since(settle))
	if after := goruntime.NumGoroutine(); after > before {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines before, %d after shutdown:\n%s", before, after, buf[:goruntime.Stack(buf, true)])
	}
}
