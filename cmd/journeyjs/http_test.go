package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const httpFixtures = `sharedState:
  username: bjensen
http:
  routes:
    - method: POST
      url: https://my.auth.server/authenticate
      bodyContains: bjensen
      status: 200
      headers: {Content-Type: application/json}
      body: {authenticated: true}
    - url: https://audit.example.com/*
      status: 202
`

const httpScript = `var r = httpClient.send("https://my.auth.server/authenticate", {
  method: "POST", token: "s3cr3t", body: {username: nodeState.get("username")}
}).get();
httpClient.send("https://audit.example.com/events").then(function (a) { nodeState.putShared("audit", a.status); });
action.goTo(r.json().authenticated ? "true" : "false");
`

func TestRunHTTPCallsJSON(t *testing.T) {
	dir := t.TempDir()
	fx := filepath.Join(dir, "fixtures.yaml")
	script := filepath.Join(dir, "auth.js")
	require.NoError(t, os.WriteFile(fx, []byte(httpFixtures), 0o644))
	require.NoError(t, os.WriteFile(script, []byte(httpScript), 0o644))

	code, out, errOut := cli(t, "run", script, "--fixtures", fx, "--format", "json")
	require.Equal(t, 0, code, errOut+out)
	var rep struct {
		Outcome     string         `json:"outcome"`
		SharedState map[string]any `json:"sharedState"`
		HTTPCalls   []struct {
			Method         string            `json:"method"`
			URL            string            `json:"url"`
			RequestHeaders map[string]string `json:"requestHeaders"`
			RequestBody    string            `json:"requestBody"`
			Status         int               `json:"status"`
			DurationMs     *float64          `json:"durationMs"`
			Error          string            `json:"error"`
		} `json:"httpCalls"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep), out)
	assert.Equal(t, "true", rep.Outcome)
	assert.Equal(t, float64(202), rep.SharedState["audit"])
	require.Len(t, rep.HTTPCalls, 2)
	c := rep.HTTPCalls[0]
	assert.Equal(t, "POST", c.Method)
	assert.Equal(t, "https://my.auth.server/authenticate", c.URL)
	assert.Equal(t, "Bearer ****", c.RequestHeaders["Authorization"])
	assert.Equal(t, "application/json", c.RequestHeaders["Content-Type"])
	assert.Equal(t, `{"username":"bjensen"}`, c.RequestBody)
	assert.Equal(t, 200, c.Status)
	assert.NotNil(t, c.DurationMs)
	assert.Empty(t, c.Error)
	assert.Equal(t, 202, rep.HTTPCalls[1].Status)
	assert.NotContains(t, out, "s3cr3t")

	code, out, _ = cli(t, "run", script, "--fixtures", fx)
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "http:        POST https://my.auth.server/authenticate → 200 (")
	assert.Contains(t, out, "http:        GET https://audit.example.com/events → 202 (")
}

func TestRunHTTPUnmatchedRoute(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "s.js")
	require.NoError(t, os.WriteFile(script, []byte(`httpClient.send("https://api.example.com/v1/x").get(); action.goTo("true");`), 0o644))
	code, out, _ := cli(t, "run", script, "--format", "json")
	assert.Equal(t, 1, code)
	var rep struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
		HTTPCalls []struct {
			Status int    `json:"status"`
			Error  string `json:"error"`
		} `json:"httpCalls"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep), out)
	assert.Contains(t, rep.Error.Message, "no route matches GET https://api.example.com/v1/x")
	assert.Contains(t, rep.Error.Message, "      - method: GET\n        url: https://api.example.com/v1/x\n")
	require.Len(t, rep.HTTPCalls, 1)
	assert.Equal(t, 0, rep.HTTPCalls[0].Status)
	assert.Contains(t, rep.HTTPCalls[0].Error, "no route matches")

	code, out, _ = cli(t, "run", script)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "http:        GET https://api.example.com/v1/x → no response (")
}
