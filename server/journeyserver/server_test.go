package journeyserver_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/server/journeyserver"
)

const journeys = "../../testdata/journeys"

// clock is a settable clock for authId expiry.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

type harness struct {
	srv   *journeyserver.Server
	url   string // …/am/json/realms/root/realms/alpha/authenticate
	clock *clock
}

// start serves interactive-login.journey.json on a real listener on
// 127.0.0.1.
func start(t *testing.T, opts journeyserver.Options) *harness {
	t.Helper()
	return startWith(t, opts, "interactive-login.journey.json")
}

// startWith serves the journey file of testdata/journeys in the world of
// interactive-login.fixtures.yaml.
func startWith(t *testing.T, opts journeyserver.Options, file string) *harness {
	t.Helper()
	exps, _, err := journeyserver.Load(journeys + "/" + file)
	require.NoError(t, err)
	fx, err := fixtures.Load(journeys + "/interactive-login.fixtures.yaml")
	require.NoError(t, err)
	env, err := fx.Build(context.Background())
	require.NoError(t, err)
	t.Cleanup(func() { _ = env.Close() })
	c := &clock{now: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
	opts.Input, opts.Now = env.Input, c.Now
	if opts.Engine.Timeout == 0 {
		opts.Engine.Timeout = 5 * time.Second
	}
	srv, err := journeyserver.New(exps, opts)
	require.NoError(t, err)
	ts := httptest.NewServer(srv)
	t.Cleanup(func() { ts.Close(); srv.Close() })
	return &harness{srv: srv, url: ts.URL + "/am/json/realms/root/realms/alpha/authenticate", clock: c}
}

func (h *harness) startURL(journey string) string {
	return h.url + "?authIndexType=service&authIndexValue=" + journey
}

// post sends body and decodes the JSON answer.
func post(t *testing.T, url, body string) (int, map[string]any, *http.Response) {
	t.Helper()
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-API-Version", "protocol=1.0,resource=2.1")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var out map[string]any
	require.True(t, strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json"), string(data))
	require.NoError(t, json.Unmarshal(data, &out), string(data))
	return resp.StatusCode, out, resp
}

// fill sets the inputs of the answer's callbacks, in order, to values and
// returns the body to post back.
func fill(t *testing.T, step map[string]any, values ...any) string {
	t.Helper()
	k := 0
	for _, cb := range step["callbacks"].([]any) {
		in, _ := cb.(map[string]any)["input"].([]any)
		if len(in) == 0 {
			continue
		}
		require.Less(t, k, len(values), "more callbacks take input than values given")
		in[0].(map[string]any)["value"] = values[k]
		k++
	}
	b, err := json.Marshal(step)
	require.NoError(t, err)
	return string(b)
}

func callbackTypes(step map[string]any) []string {
	var out []string
	for _, cb := range step["callbacks"].([]any) {
		out = append(out, cb.(map[string]any)["type"].(string))
	}
	return out
}

func amError(code int, msg string) map[string]any {
	return map[string]any{"code": float64(code), "reason": http.StatusText(code), "message": msg}
}

func TestSuccessPathSetsTheSessionCookie(t *testing.T) {
	h := start(t, journeyserver.Options{})
	code, step, _ := post(t, h.startURL("InteractiveLogin"), `{}`)
	require.Equal(t, http.StatusOK, code, step)
	assert.Equal(t, []string{"NameCallback", "PasswordCallback"}, callbackTypes(step))
	assert.Equal(t, "Sign in", step["header"])
	assert.Equal(t, "Use your Example Corp account", step["description"])
	assert.Equal(t, "signIn", step["stage"])
	assert.NotEmpty(t, step["authId"])
	first := step["callbacks"].([]any)[0].(map[string]any)
	assert.Equal(t, []any{map[string]any{"name": "prompt", "value": "User Name"}}, first["output"])
	assert.Equal(t, []any{map[string]any{"name": "IDToken1", "value": ""}}, first["input"])

	code, step, _ = post(t, h.url, fill(t, step, "bjensen", "Ch4ng3it!"))
	require.Equal(t, http.StatusOK, code, step)
	assert.Equal(t, []string{"TextOutputCallback", "PasswordCallback"}, callbackTypes(step))
	assert.Equal(t, 1, h.srv.Sessions())

	code, done, resp := post(t, h.url, fill(t, step, "424242"))
	require.Equal(t, http.StatusOK, code, done)
	token, _ := done["tokenId"].(string)
	require.NotEmpty(t, token)
	assert.Equal(t, map[string]any{"tokenId": token, "successUrl": "/enduser/?realm=/alpha", "realm": "/alpha"}, done)
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "iPlanetDirectoryPro" {
			cookie = c
		}
	}
	require.NotNil(t, cookie, "the session cookie")
	assert.Equal(t, token, cookie.Value)
	assert.True(t, cookie.HttpOnly)
	assert.Equal(t, 0, h.srv.Sessions(), "the journey's state is gone")
}

func TestPathWithoutAMPrefixAndCookieName(t *testing.T) {
	h := start(t, journeyserver.Options{CookieName: "session-jjs"})
	url := strings.Replace(h.url, "/am/json/", "/json/", 1)
	_, step, _ := post(t, url+"?authIndexType=service&authIndexValue=InteractiveLogin", ``)
	_, step, _ = post(t, url, fill(t, step, "bjensen", "Ch4ng3it!"))
	code, _, resp := post(t, url, fill(t, step, "424242"))
	require.Equal(t, http.StatusOK, code)
	require.Len(t, resp.Cookies(), 1)
	assert.Equal(t, "session-jjs", resp.Cookies()[0].Name)
}

func TestFailurePaths(t *testing.T) {
	h := start(t, journeyserver.Options{})
	// Wrong password: Data Store Decision → Failure.
	_, step, _ := post(t, h.startURL("InteractiveLogin"), `{}`)
	code, body, resp := post(t, h.url, fill(t, step, "bjensen", "wrong"))
	assert.Equal(t, http.StatusUnauthorized, code)
	assert.Equal(t, amError(401, "Login failure"), body)
	assert.Empty(t, resp.Cookies())

	// Wrong one-time code: the script takes false → Failure.
	_, step, _ = post(t, h.startURL("InteractiveLogin"), `{}`)
	_, step, _ = post(t, h.url, fill(t, step, "bjensen", "Ch4ng3it!"))
	code, body, _ = post(t, h.url, fill(t, step, "000000"))
	assert.Equal(t, http.StatusUnauthorized, code)
	assert.Equal(t, amError(401, "Login failure"), body)
	assert.Equal(t, 0, h.srv.Sessions())
}

func TestTamperedAuthIDIsRefused(t *testing.T) {
	h := start(t, journeyserver.Options{})
	_, step, _ := post(t, h.startURL("InteractiveLogin"), `{}`)
	authID := step["authId"].(string)
	parts := strings.Split(authID, ".")
	require.Len(t, parts, 3)

	// Claims changed (another session id), signature kept.
	claims, err := base64.RawURLEncoding.DecodeString(parts[1])
	require.NoError(t, err)
	forged := strings.Replace(string(claims), `"sid":"`, `"sid":"x`, 1)
	require.NotEqual(t, string(claims), forged)
	tampered := []string{
		parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(forged)) + "." + parts[2],
		// The signature changed.
		parts[0] + "." + parts[1] + "." + strings.ToUpper(parts[2][:4]) + parts[2][4:] + "x",
		// Unsigned (alg none).
		base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + parts[1] + ".",
		"not-a-jwt",
	}
	for _, bad := range tampered {
		step["authId"] = bad
		code, body, _ := post(t, h.url, fill(t, step, "bjensen", "Ch4ng3it!"))
		assert.Equal(t, http.StatusBadRequest, code, bad)
		assert.Equal(t, amError(400, "Invalid authId"), body, bad)
	}
	// The genuine authId still works.
	step["authId"] = authID
	code, _, _ := post(t, h.url, fill(t, step, "bjensen", "Ch4ng3it!"))
	assert.Equal(t, http.StatusOK, code)
}

func TestExpiredAuthIDIsRefused(t *testing.T) {
	h := start(t, journeyserver.Options{AuthIDLifetime: time.Minute})
	_, step, _ := post(t, h.startURL("InteractiveLogin"), `{}`)
	h.clock.Add(59 * time.Second)
	code, step, _ := post(t, h.url, fill(t, step, "bjensen", "Ch4ng3it!"))
	require.Equal(t, http.StatusOK, code, "within its lifetime")

	h.clock.Add(61 * time.Second)
	code, body, _ := post(t, h.url, fill(t, step, "424242"))
	assert.Equal(t, http.StatusUnauthorized, code)
	assert.Equal(t, amError(401, "Session has timed out"), body)
	assert.Equal(t, 0, h.srv.Sessions(), "the expired journey's state is gone")
}

func TestReplayedAuthIDIsRefused(t *testing.T) {
	h := start(t, journeyserver.Options{})
	_, first, _ := post(t, h.startURL("InteractiveLogin"), `{}`)
	firstBody := fill(t, first, "bjensen", "Ch4ng3it!")
	_, step, _ := post(t, h.url, firstBody)

	// The first step's authId, answered already.
	code, body, _ := post(t, h.url, firstBody)
	assert.Equal(t, http.StatusUnauthorized, code)
	assert.Equal(t, amError(401, "Session has timed out"), body)

	last := fill(t, step, "424242")
	code, _, _ = post(t, h.url, last)
	require.Equal(t, http.StatusOK, code)
	// After the end.
	code, body, _ = post(t, h.url, last)
	assert.Equal(t, http.StatusUnauthorized, code)
	assert.Equal(t, amError(401, "Session has timed out"), body)
}

func TestBadRequests(t *testing.T) {
	h := start(t, journeyserver.Options{MaxBodyBytes: 2048})
	code, body, _ := post(t, h.startURL("NoSuchJourney"), `{}`)
	assert.Equal(t, http.StatusBadRequest, code)
	assert.Equal(t, amError(400, "No Configuration found"), body)

	code, body, _ = post(t, h.startURL("InteractiveLogin"), `{"authId": `)
	assert.Equal(t, http.StatusBadRequest, code)
	assert.Equal(t, float64(400), body["code"])
	assert.Contains(t, body["message"], "malformed JSON body")

	code, body, _ = post(t, h.startURL("InteractiveLogin"), `{"pad": "`+strings.Repeat("x", 4096)+`"}`)
	assert.Equal(t, http.StatusRequestEntityTooLarge, code)
	assert.Equal(t, amError(413, "request body over 2048 bytes"), body)

	code, body, _ = post(t, strings.Replace(h.url, "/alpha/", "/bravo/", 1)+"?authIndexType=service&authIndexValue=InteractiveLogin", `{}`)
	assert.Equal(t, http.StatusNotFound, code)
	assert.Contains(t, body["message"], "Realm /bravo not found")

	resp, err := http.Get(h.startURL("InteractiveLogin"))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)

	// Callbacks that do not fit: 400, and the same authId still answers.
	_, step, _ := post(t, h.startURL("InteractiveLogin"), `{}`)
	code, body, _ = post(t, h.url, fmt.Sprintf(`{"authId": %q, "callbacks": []}`, step["authId"]))
	assert.Equal(t, http.StatusBadRequest, code)
	assert.Contains(t, body["message"], "0 callback(s) submitted for the 2 sent")
	code, _, _ = post(t, h.url, fill(t, step, "bjensen", "Ch4ng3it!"))
	assert.Equal(t, http.StatusOK, code)
}

func TestSessionsAreBoundedAndSwept(t *testing.T) {
	h := start(t, journeyserver.Options{MaxSessions: 2, AuthIDLifetime: time.Minute})
	for range 2 {
		code, _, _ := post(t, h.startURL("InteractiveLogin"), `{}`)
		require.Equal(t, http.StatusOK, code)
	}
	code, body, resp := post(t, h.startURL("InteractiveLogin"), `{}`)
	assert.Equal(t, http.StatusServiceUnavailable, code)
	assert.Contains(t, body["message"], "Too many authentication sessions")
	assert.Equal(t, "1", resp.Header.Get("Retry-After"))

	h.clock.Add(2 * time.Minute)
	code, _, _ = post(t, h.startURL("InteractiveLogin"), `{}`)
	assert.Equal(t, http.StatusOK, code, "the expired sessions were swept")
	assert.Equal(t, 1, h.srv.Sessions())
}

func TestConcurrentClients(t *testing.T) {
	h := start(t, journeyserver.Options{})
	const clients = 50
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for i := range clients {
		wg.Go(func() {
			password, want := "Ch4ng3it!", http.StatusOK
			if i%5 == 0 {
				password, want = "wrong", http.StatusUnauthorized
			}
			code, out, err := walk(h, password)
			if err == nil && code != want {
				err = fmt.Errorf("client %d: status %d, want %d: %v", i, code, want, out)
			}
			if err == nil && want == http.StatusOK && out["tokenId"] == nil {
				err = fmt.Errorf("client %d: no tokenId: %v", i, out)
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	assert.Equal(t, 0, h.srv.Sessions())
	text := metrics(t, h)
	assert.Contains(t, text, `journeyjs_journeys_started_total{journey="InteractiveLogin"} 50`)
	assert.Contains(t, text, `journeyjs_journeys_ended_total{journey="InteractiveLogin",result="Success"} 40`)
	assert.Contains(t, text, `journeyjs_journeys_ended_total{journey="InteractiveLogin",result="Failure"} 10`)
	assert.Contains(t, text, "journeyjs_journey_sessions 0")
}

// walk walks the journey to its end without testing.T (it runs in
// goroutines), and returns the last answer.
func walk(h *harness, password string) (int, map[string]any, error) {
	send := func(url string, v any) (int, map[string]any, error) {
		b, _ := json.Marshal(v)
		resp, err := http.Post(url, "application/json", strings.NewReader(string(b)))
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		var out map[string]any
		err = json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out, err
	}
	setInputs := func(step map[string]any, values ...any) {
		k := 0
		for _, cb := range step["callbacks"].([]any) {
			if in, _ := cb.(map[string]any)["input"].([]any); len(in) > 0 && k < len(values) {
				in[0].(map[string]any)["value"] = values[k]
				k++
			}
		}
	}
	code, step, err := send(h.startURL("InteractiveLogin"), map[string]any{})
	if err != nil || code != http.StatusOK {
		return code, step, err
	}
	setInputs(step, "bjensen", password)
	code, step, err = send(h.url, step)
	if err != nil || step["authId"] == nil {
		return code, step, err
	}
	setInputs(step, "424242")
	return send(h.url, step)
}

func metrics(t *testing.T, h *harness) string {
	t.Helper()
	resp, err := http.Get(strings.Split(h.url, "/am/")[0] + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

func TestHealthAndMetrics(t *testing.T) {
	h := start(t, journeyserver.Options{})
	resp, err := http.Get(strings.Split(h.url, "/am/")[0] + "/healthz")
	require.NoError(t, err)
	var health map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&health))
	resp.Body.Close()
	assert.Equal(t, map[string]any{"status": "ok", "journeys": float64(1), "sessions": float64(0)}, health)

	_, step, _ := post(t, h.startURL("InteractiveLogin"), `{}`)
	step["authId"] = "not-a-jwt"
	post(t, h.url, fill(t, step, "x", "y"))
	text := metrics(t, h)
	assert.Contains(t, text, "journeyjs_journey_sessions 1")
	assert.Contains(t, text, `journeyjs_authid_rejections_total{reason="invalid"} 1`)
	assert.Contains(t, text, "journeyjs_engine_runs_total")
}

func TestLoadSkipsWhatItCannotServe(t *testing.T) {
	exps, warnings, err := journeyserver.Load(journeys)
	require.NoError(t, err)
	srv, err := journeyserver.New(exps, journeyserver.Options{})
	require.NoError(t, err)
	defer srv.Close()
	assert.Contains(t, srv.Journeys(), "InteractiveLogin")
	assert.Contains(t, srv.Journeys(), "Login")
	assert.NotContains(t, srv.Journeys(), "Legacy")
	joined := strings.Join(warnings, "\n")
	assert.Contains(t, joined, "malformed.journey.json")
	assert.Contains(t, joined, "legacy script")

	_, _, err = journeyserver.Load(t.TempDir())
	assert.ErrorContains(t, err, "no journey export to serve")
}
