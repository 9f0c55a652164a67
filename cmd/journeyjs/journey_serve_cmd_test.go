package main

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// startJourneyServe runs `journeyjs journey serve` on 127.0.0.1:0 with args and
// returns the address it announces and a function that stops it (SIGTERM)
// and checks it exited cleanly.
func startJourneyServe(t *testing.T, args ...string) (addr string, stop func()) {
	t.Helper()
	var out, errOut serveOutput
	exit := make(chan int, 1)
	go func() {
		exit <- execute(append([]string{"journey", "serve", "--addr", "127.0.0.1:0"}, args...), &out, &errOut)
	}()
	addrRe := regexp.MustCompile(`on http://(127\.0\.0\.1:\d+)/`)
	require.Eventually(t, func() bool {
		if m := addrRe.FindStringSubmatch(errOut.String()); m != nil {
			addr = m[1]
			return true
		}
		select {
		case code := <-exit:
			t.Fatalf("journey serve exited (%d): %s", code, errOut.String())
		default:
		}
		return false
	}, 10*time.Second, 10*time.Millisecond, "the server announces its address: %s", errOut.String())
	return addr, func() {
		require.NoError(t, syscall.Kill(syscall.Getpid(), syscall.SIGTERM))
		select {
		case code := <-exit:
			assert.Equal(t, exitOK, code, errOut.String())
			assert.Contains(t, errOut.String(), "journeyjs: stopped")
		case <-time.After(10 * time.Second):
			t.Fatal("journey serve did not stop on SIGTERM")
		}
	}
}

func TestJourneyServeUsageErrors(t *testing.T) {
	code, _, errOut := cli(t, "journey", "serve")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "accepts 1 arg")

	code, _, errOut = cli(t, "journey", "serve", t.TempDir())
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "no journey export to serve")

	code, _, errOut = cli(t, "journey", "serve", "../../testdata/journeys/interactive-login.journey.json", "--fixtures", "missing.yaml")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "missing.yaml")
}

// The curl session of the README, with net/http.
func TestJourneyServeWalksTheExample(t *testing.T) {
	addr, stop := startJourneyServe(t, "../../testdata/journeys/interactive-login.journey.json",
		"--fixtures", "../../testdata/journeys/interactive-login.fixtures.yaml", "--cookie-name", "jjs")
	defer stop()
	url := "http://" + addr + "/am/json/realms/root/realms/alpha/authenticate"
	send := func(u, body string) (int, map[string]any, *http.Response) {
		resp, err := http.Post(u, "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		var out map[string]any
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
		return resp.StatusCode, out, resp
	}
	code, step, _ := send(url+"?authIndexType=service&authIndexValue=InteractiveLogin", "{}")
	require.Equal(t, http.StatusOK, code, step)
	authID := step["authId"].(string)

	code, step, _ = send(url, `{"authId": "`+authID+`", "callbacks": [
	  {"type": "NameCallback", "output": [{"name": "prompt", "value": "User Name"}], "input": [{"name": "IDToken1", "value": "bjensen"}]},
	  {"type": "PasswordCallback", "output": [{"name": "prompt", "value": "Password"}], "input": [{"name": "IDToken2", "value": "Ch4ng3it!"}]}]}`)
	require.Equal(t, http.StatusOK, code, step)
	cbs := step["callbacks"].([]any)
	cbs[1].(map[string]any)["input"].([]any)[0].(map[string]any)["value"] = "424242"
	b, _ := json.Marshal(step)
	code, done, resp := send(url, string(b))
	require.Equal(t, http.StatusOK, code, done)
	assert.NotEmpty(t, done["tokenId"])
	assert.Equal(t, "/alpha", done["realm"])
	require.Len(t, resp.Cookies(), 1)
	assert.Equal(t, "jjs", resp.Cookies()[0].Name)
	assert.Equal(t, done["tokenId"], resp.Cookies()[0].Value)
}
