package pingone

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/api"
	"github.com/journeyjs/journeyjs/emulator/pingone/internal/storetest"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
	"github.com/journeyjs/journeyjs/emulator/pingone/scim"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// testClock is a movable clock shared by a platform and its test.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// storeKind names a store back end.
type storeKind = storetest.Kind

const (
	sqliteStore = storetest.SQLite
	memoryStore = storetest.Memory
)

var (
	forEachStore = storetest.ForEach
	openStore    = storetest.Open
)

// harness is a platform served over real HTTP, on a real SQLite file or a
// memory store.
type harness struct {
	t      testing.TB
	kind   storeKind
	dbPath string // the SQLite file
	store  *store.Store
	p      *platform.Platform
	srv    *httptest.Server
	clock  *testClock
	seed   *platform.SeedResult
	env    string
	token  string
	claims *claimLog
}

type claimLog struct {
	mu     sync.Mutex
	claims []platform.Claim
}

func (l *claimLog) add(c platform.Claim) { l.mu.Lock(); l.claims = append(l.claims, c); l.mu.Unlock() }
func (l *claimLog) all() []platform.Claim {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]platform.Claim(nil), l.claims...)
}

const seedFile = "../../testdata/pingone/seed.yaml"

func newHarness(t testing.TB, kind storeKind) *harness {
	t.Helper()
	seed, err := platform.LoadSeed(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	return newHarnessWithSeed(t, kind, seed)
}

func newHarnessWithSeed(t testing.TB, kind storeKind, seed *platform.Seed) *harness {
	t.Helper()
	h := &harness{t: t, kind: kind, dbPath: filepath.Join(t.TempDir(), "pingone.db"),
		clock: &testClock{now: time.Date(2030, 1, 1, 10, 10, 0, 0, time.UTC)}, claims: &claimLog{}}
	h.start()
	res, err := h.p.ApplySeed(context.Background(), seed)
	if err != nil {
		t.Fatal(err)
	}
	h.seed, h.env = res, res.EnvironmentID
	h.token = h.getToken(res.ClientID, res.ClientSecret)
	return h
}

// start opens the store and serves it on a new platform; restart calls it
// again. A SQLite file is opened anew each time; a memory store is made
// once and kept across restarts (closed at the end of the test).
func (h *harness) start() {
	switch {
	case h.kind == sqliteStore:
		s, err := store.Open(h.dbPath)
		if err != nil {
			h.t.Fatal(err)
		}
		h.store = s
	case h.store == nil:
		h.store = openStore(h.t, memoryStore)
	}
	h.p = platform.NewPlatform(h.store, platform.Options{Clock: h.clock.Now, OnClaim: h.claims.add})
	h.srv = httptest.NewServer(api.NewHandler(h.p, api.HandlerOptions{}))
	h.t.Cleanup(func() { h.stop() })
}

func (h *harness) stop() {
	if h.srv != nil {
		h.srv.Close()
		if h.kind == sqliteStore {
			h.store.Close()
		}
		h.srv = nil
	}
}

func (h *harness) restart() { h.stop(); h.start() }

func (h *harness) getToken(id, secret string) string {
	form := url.Values{"grant_type": {"client_credentials"}}
	req, _ := http.NewRequest("POST", h.srv.URL+"/"+h.env+"/as/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok platform.AccessToken
	if resp.StatusCode != 200 {
		h.t.Fatalf("token: %d", resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil {
		h.t.Fatal(err)
	}
	return tok.AccessToken
}

// response is a decoded API answer.
type response struct {
	status int
	raw    string
	body   map[string]any
}

func (r response) get(path string) any {
	v, _ := scim.Lookup(r.body, path)
	return v
}

func (r response) str(path string) string { s, _ := r.get(path).(string); return s }

func (r response) list(key string) []map[string]any {
	emb, _ := r.body["_embedded"].(map[string]any)
	items, _ := emb[key].([]any)
	out := make([]map[string]any, 0, len(items))
	for _, it := range items {
		out = append(out, it.(map[string]any))
	}
	return out
}

// call sends an authenticated request; path is relative to the environment
// unless it starts with "/".
func (h *harness) call(method, path string, body any, headers ...string) response {
	h.t.Helper()
	return h.callWith(h.token, method, path, body, headers...)
}

func (h *harness) callWith(token, method, path string, body any, headers ...string) response {
	h.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, _ := json.Marshal(b)
		rd = bytes.NewReader(j)
	}
	u := h.srv.URL + path
	if !strings.HasPrefix(path, "/") {
		u = h.srv.URL + "/v1/environments/" + h.env + "/" + path
	}
	req, err := http.NewRequest(method, u, rd)
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := response{status: resp.StatusCode, raw: string(raw)}
	if len(raw) > 0 {
		_ = json.Unmarshal(raw, &r.body)
	}
	return r
}

// must fails the test unless the response has the wanted status.
func (h *harness) must(want int, r response) response {
	h.t.Helper()
	if r.status != want {
		h.t.Fatalf("status %d, want %d: %s", r.status, want, r.raw)
	}
	return r
}

func (h *harness) user(name string) string { return h.seed.Users[name] }

// wantDetail asserts an INVALID_DATA error naming target.
func wantDetail(t *testing.T, r response, status int, code, target string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.raw)
	}
	details, _ := r.body["details"].([]any)
	for _, d := range details {
		m := d.(map[string]any)
		if m["code"] == code && m["target"] == target {
			return
		}
	}
	t.Fatalf("no %s detail for %s in %s", code, target, r.raw)
}

func eq[T comparable](t *testing.T, got, want T, what string) {
	t.Helper()
	if got != want {
		t.Fatalf("%s = %v, want %v", what, got, want)
	}
}
