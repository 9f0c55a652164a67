package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/emulator/pingone"
)

const (
	issueScript   = "../../scripts/issue-credential.js"
	issueFixtures = "../../scripts/issue-credential.fixtures.yaml"
)

func TestRunIssueCredentialJSON(t *testing.T) {
	code, out, errOut := cli(t, "run", issueScript, "--fixtures", issueFixtures, "--format", "json")
	require.Equal(t, 0, code, errOut)
	var rep struct {
		Outcome        string         `json:"outcome"`
		SharedState    map[string]any `json:"sharedState"`
		PingOneChanges []struct {
			Kind, ID, Action string
		} `json:"pingoneChanges"`
		HTTPCalls []map[string]any `json:"httpCalls"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep), out)
	assert.Equal(t, "issued", rep.Outcome)
	credID, _ := rep.SharedState["pingOneCredentialId"].(string)
	require.NotEmpty(t, credID)
	var kinds []string
	for _, c := range rep.PingOneChanges {
		kinds = append(kinds, c.Kind)
		if c.Kind == "userCredential" {
			assert.Equal(t, credID, c.ID)
			assert.Equal(t, "created", c.Action)
		}
	}
	assert.Contains(t, kinds, "userCredential")
	assert.Contains(t, kinds, "provisionedCredential")
	assert.Len(t, rep.HTTPCalls, 5)
	assert.NotContains(t, out, "local-worker-secret", "the worker secret never appears in the report")
}

func TestRunIssueCredentialPretty(t *testing.T) {
	code, out, errOut := cli(t, "run", issueScript, "--fixtures", issueFixtures)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "outcome:     issued")
	assert.Regexp(t, `(?m)^pingone:\s+created userCredential/[0-9a-f-]{36}$`, out)
	assert.Contains(t, out, "INFO  issued Verified Member credential")
}

func TestRunIssueCredentialNoWallet(t *testing.T) {
	code, out, errOut := cli(t, "run", issueScript, "--fixtures", "../../testdata/fixtures/pingone-no-wallet.yaml", "--format", "json")
	require.Equal(t, 0, code, errOut)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, "noWallet", rep["outcome"])
	assert.NotContains(t, rep, "pingoneChanges")
}

func TestRunBrokenPingOneFixtures(t *testing.T) {
	dir := t.TempDir()
	script := writeFile(t, dir, "s.js", `action.goTo("x");`)
	fx := writeFile(t, dir, "fx.yaml", "pingone:\n  wallets: [{user: ghost, application: none}]\n")
	code, _, errOut := cli(t, "run", script, "--fixtures", fx)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `unknown user "ghost"`)
}

const cliSeed = `
environment:
  id: 7d0e3c4b-1a2f-4b5c-9d8e-0f1a2b3c4d5e
  region: CA
  clientId: cli-worker
  clientSecret: cli-secret
users:
  - {username: ada, email: ada@example.com, address: {locality: Montreal}}
credentialTypes:
  - title: Library Card
    management: {mode: MANAGED}
    cardDesignTemplate: <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 740 480"><rect fill="${cardColor}" width="740" height="480"></rect><text>${fields[0].title} ${fields[0].value}</text></svg>
    metadata:
      cardColor: "#884400"
      fields:
        - {id: "Directory Attribute -> City", title: City, isVisible: true, type: Directory Attribute, attribute: locality}
credentials:
  - {user: ada, credentialType: Library Card}
`

func TestPingOneSeedCommand(t *testing.T) {
	dir := t.TempDir()
	seed := writeFile(t, dir, "seed.yaml", cliSeed)
	db := filepath.Join(dir, "p1.db")
	code, out, errOut := cli(t, "pingone", "seed", seed, "--db", db)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "environment 7d0e3c4b-1a2f-4b5c-9d8e-0f1a2b3c4d5e (region CA, cloud hosts api.pingone.ca / auth.pingone.ca)")
	assert.Regexp(t, `ada\s+[0-9a-f-]{36}`, out)
	assert.FileExists(t, db)

	code, _, errOut = cli(t, "pingone", "seed", seed, "--db", db)
	assert.Equal(t, exitUsage, code, "the environment exists")
	assert.Contains(t, errOut, "already exists")

	bad := writeFile(t, dir, "bad.yaml", "environment: {}\nuserz: []\n")
	code, _, errOut = cli(t, "pingone", "seed", bad, "--db", db)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, bad+":2:")
	code, _, _ = cli(t, "pingone", "seed", "--db", db)
	assert.Equal(t, exitUsage, code, "FILE is required")
}

func TestPingOneCardCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p1.db")
	seed, err := pingone.DecodeSeed([]byte(cliSeed), "seed")
	require.NoError(t, err)
	store, err := pingone.Open(db)
	require.NoError(t, err)
	res, err := pingone.NewPlatform(store, pingone.Options{}).ApplySeed(context.Background(), seed)
	require.NoError(t, err)
	require.NoError(t, store.Close())
	require.Len(t, res.Credentials, 1)
	cred := res.Credentials[0]

	svg := filepath.Join(dir, "card.svg")
	code, out, errOut := cli(t, "pingone", "card", "--db", db, "--credential", cred, "--out", svg)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "wrote "+svg)
	b, err := os.ReadFile(svg)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "<svg"), string(b))
	assert.Contains(t, string(b), "Montreal")

	png := filepath.Join(dir, "card.png")
	code, _, errOut = cli(t, "pingone", "card", "--db", db, "--credential", cred, "--out", png, "--width", "200")
	require.Equal(t, 0, code, errOut)
	b, err = os.ReadFile(png)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")))

	code, _, _ = cli(t, "pingone", "card", "--db", db, "--out", png)
	assert.Equal(t, exitUsage, code, "--credential is required")
	code, _, _ = cli(t, "pingone", "card", "--db", db, "--credential", cred, "--out", filepath.Join(dir, "card.gif"))
	assert.Equal(t, exitUsage, code)
	code, _, _ = cli(t, "pingone", "card", "--db", db, "--credential", "00000000-0000-4000-8000-000000000000", "--out", png)
	assert.NotEqual(t, exitOK, code, "unknown credential")
}

// syncBuffer is a bytes.Buffer the serve goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingOn = regexp.MustCompile(`PingOne local platform on (http://\S+)`)

// startPingOneServe starts `journeyjs pingone serve` in-process and returns its base URL
// and a stop function that waits for it to exit.
func startPingOneServe(t *testing.T, args ...string) (base string, out *syncBuffer, stop func() int) {
	t.Helper()
	out = &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	root := newRootCmd(out, out)
	root.SetArgs(append([]string{"pingone", "serve", "--addr", "127.0.0.1:0"}, args...))
	done := make(chan int, 1)
	go func() {
		err := root.ExecuteContext(ctx)
		if err != nil {
			t.Log("serve:", err)
			done <- 1
			return
		}
		done <- 0
	}()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingOn.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case code := <-done:
			cancel()
			t.Fatalf("serve exited with %d: %s", code, out.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("serve did not report its address: %s", out.String())
	}
	stopped := false
	stop = func() int {
		if stopped {
			return 0
		}
		stopped = true
		cancel()
		select {
		case code := <-done:
			return code
		case <-time.After(10 * time.Second):
			t.Fatal("serve did not stop")
			return -1
		}
	}
	t.Cleanup(func() { stop() })
	return base, out, stop
}

func httpJSON(t *testing.T, method, u, token string, body string, form url.Values) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if form != nil {
		rd = strings.NewReader(form.Encode())
	} else if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, u, rd)
	require.NoError(t, err)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var m map[string]any
	b, _ := io.ReadAll(resp.Body)
	if len(b) > 0 {
		require.NoError(t, json.Unmarshal(b, &m), string(b))
	}
	return resp.StatusCode, m
}

func TestPingOneServeKeepsStateAcrossRestarts(t *testing.T) {
	dir := t.TempDir()
	seed := writeFile(t, dir, "seed.yaml", cliSeed)
	db := filepath.Join(dir, "p1.db")
	const env = "7d0e3c4b-1a2f-4b5c-9d8e-0f1a2b3c4d5e"
	token := func(base string) string {
		status, tok := httpJSON(t, "POST", base+"/"+env+"/as/token", "", "", url.Values{
			"grant_type": {"client_credentials"}, "client_id": {"cli-worker"}, "client_secret": {"cli-secret"}})
		require.Equal(t, 200, status)
		return tok["access_token"].(string)
	}

	base, out, stop := startPingOneServe(t, "--db", db, "--seed", seed)
	assert.Contains(t, out.String(), "environment "+env)
	status, created := httpJSON(t, "POST", base+"/v1/environments/"+env+"/users", token(base), `{"username": "grace", "email": "grace@example.com"}`, nil)
	require.Equal(t, 201, status)
	graceID := created["id"].(string)
	require.Equal(t, 0, stop())
	assert.Contains(t, out.String(), "shutting down")

	base2, out2, stop2 := startPingOneServe(t, "--db", db, "--seed", seed)
	assert.Contains(t, out2.String(), "already in "+db+", not seeded again")
	status, got := httpJSON(t, "GET", base2+"/v1/environments/"+env+"/users/"+graceID, token(base2), "", nil)
	require.Equal(t, 200, status, "the user created before the restart is still there")
	assert.Equal(t, "grace", got["username"])
	status, list := httpJSON(t, "GET", base2+"/v1/environments/"+env+"/users?filter="+url.QueryEscape(`username eq "ada"`), token(base2), "", nil)
	require.Equal(t, 200, status)
	assert.EqualValues(t, 1, list["size"])
	require.Equal(t, 0, stop2())
}
