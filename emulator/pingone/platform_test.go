package pingone

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/journeyjs/journeyjs/emulator/pingone/api"
	"github.com/journeyjs/journeyjs/emulator/pingone/card"
	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

func TestPersistenceAcrossRestart(t *testing.T) {
	h := newHarness(t, sqliteStore)
	c := h.must(201, h.call("POST", "users/"+h.user("alice")+"/credentials", h.membership(map[string]any{"Member Name": "A"})))
	h.restart()
	// Same file, new store, platform and server: the token and data survive.
	got := h.must(200, h.call("GET", "users/"+h.user("alice")+"/credentials/"+c.str("id"), nil))
	eq(t, got.str("status"), "ISSUED", "credential persisted")
	eq(t, len(h.must(200, h.call("GET", "credentialTypes", nil)).list("items")), 2, "types persisted")
	v, err := h.store.SchemaVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// A memory store reports the current version: every migration.
	want, _ := store.NewMemoryStore().SchemaVersion(context.Background())
	eq(t, v, want, "migrations applied once")
}

// TestMemoryStoreKeepsData: a store in memory (SQLite's or the memory back
// end) keeps its data for every reader.
func TestMemoryStoreKeepsData(t *testing.T) { forEachStore(t, testMemoryStoreKeepsData) }

func testMemoryStoreKeepsData(t *testing.T, kind storeKind) {
	p := platform.NewPlatform(openStore(t, kind), platform.Options{})
	seed, err := platform.LoadSeed(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ApplySeed(context.Background(), seed); err != nil {
		t.Fatal(err)
	}
	// Several concurrent readers must all see the same in-memory database.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			envs, err := p.Environments(context.Background())
			if err != nil || len(envs) != 1 {
				t.Errorf("environments = %v, %v", envs, err)
			}
		})
	}
	wg.Wait()
}

// TestDataIsNeverStoredOrReturned issues and updates credentials with
// random unique data values, then looks for them in every response, in
// every stored document and notification, and in every byte of the
// database files.
func TestDataIsNeverStoredOrReturned(t *testing.T) { forEachStore(t, testDataIsNeverStoredOrReturned) }

func testDataIsNeverStoredOrReturned(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	var secrets []string
	fresh := func() string {
		b := make([]byte, 12)
		_, _ = rand.Read(b)
		s := "SECRET" + hex.EncodeToString(b)
		secrets = append(secrets, s)
		return s
	}
	var bodies []string
	keep := func(r response) response { bodies = append(bodies, r.raw); return r }
	alice := h.user("alice")
	for range 5 {
		body := h.membership(map[string]any{"Member Name": fresh(), "Level": fresh()})
		body["notification"] = map[string]any{"methods": []string{"EMAIL"}}
		c := keep(h.must(201, h.call("POST", "users/"+alice+"/credentials", body)))
		keep(h.must(200, h.call("PUT", "users/"+alice+"/credentials/"+c.str("id"), map[string]any{"data": map[string]any{"Member Name": fresh()}})))
		keep(h.must(200, h.call("GET", "users/"+alice+"/credentials/"+c.str("id"), nil)))
		keep(h.must(200, h.call("GET", "users/"+alice+"/credentials/"+c.str("id")+"/provisionedCredentials", nil)))
		// A failing request (bob has no wallet) must not leak either.
		keep(h.call("POST", "users/"+h.user("bob")+"/credentials", h.membership(map[string]any{"Member Name": fresh()})))
		// Neither must a validation error about a data key.
		keep(h.call("POST", "users/"+alice+"/credentials", h.membership(map[string]any{"Member Name": fresh(), "City": fresh()})))
	}
	keep(h.must(200, h.call("GET", "users/"+alice+"/credentials", nil)))
	keep(h.must(200, h.call("GET", "/emulator/environments/"+h.env+"/outbox", nil)))
	keep(h.must(200, h.call("GET", "users/"+alice+"/digitalWallets/"+h.seed.Wallets["alice/Demo Wallet"]+"/provisionedCredentials", nil)))
	c, err := h.p.CredentialCard(context.Background(), h.env, h.liveCredentials("alice", h.seed.CredentialTypes["Membership"])[0]["id"].(string))
	if err != nil {
		t.Fatal(err)
	}
	bodies = append(bodies, card.SVG(c))

	// The wallet did get the values: the test would be vacuous otherwise.
	delivered := 0
	for _, cl := range h.claims.all() {
		for _, s := range secrets {
			if cl.Fields["Member Name"] == s || cl.Fields["Level"] == s {
				delivered++
			}
		}
	}
	if delivered == 0 {
		t.Fatal("no data reached the wallet")
	}

	// A value that is there would be found: the data key's title is.
	if where, err := h.store.Find(context.Background(), "Member Name"); err != nil || len(where) == 0 {
		t.Fatalf("Find(a field title) = %v, %v", where, err)
	}
	for _, s := range secrets {
		if where, err := h.store.Find(context.Background(), s); err != nil || len(where) != 0 {
			t.Fatalf("data value stored in %v (%v)", where, err)
		}
	}
	var files []string
	if kind == sqliteStore {
		h.stop() // flush the WAL into the files we read
		if files, _ = filepath.Glob(h.dbPath + "*"); len(files) == 0 {
			t.Fatal("no database files")
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) {
				t.Fatalf("data value found in %s", f)
			}
		}
	}
	for _, body := range bodies {
		for _, s := range secrets {
			if strings.Contains(body, s) {
				t.Fatalf("data value returned: %s", body)
			}
		}
	}
}

func TestConcurrentIssuanceToHundredUsers(t *testing.T) {
	forEachStore(t, testConcurrentIssuanceToHundredUsers)
}

func testConcurrentIssuanceToHundredUsers(t *testing.T, kind storeKind) {
	seed, err := platform.LoadSeed(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	seed.VerifyTransactions = nil
	for i := range 100 {
		name := fmt.Sprintf("user%03d", i)
		seed.Users = append(seed.Users, platform.SeedUser{Username: name, Population: "Guests"})
		seed.Wallets = append(seed.Wallets, platform.SeedWallet{User: name, Application: "Demo Wallet", Paired: true})
	}
	h := newHarnessWithSeed(t, kind, seed)
	var wg sync.WaitGroup
	ids := make([]string, 100)
	for i := range 100 {
		wg.Go(func() {
			user := h.user(fmt.Sprintf("user%03d", i))
			r := h.call("POST", "users/"+user+"/credentials", h.membership(map[string]any{"Member Name": fmt.Sprint("member ", i)}))
			if r.status != 201 || r.str("status") != "ISSUED" {
				t.Errorf("user %d: %d %s", i, r.status, r.raw)
			}
			ids[i] = r.str("id")
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, id := range ids {
		if id == "" || seen[id] {
			t.Fatalf("credential %d: id %q", i, id)
		}
		seen[id] = true
	}
	changes := h.p.DrainChanges()
	created := 0
	for _, c := range changes {
		if c.Kind == model.KindUserCredential && c.Action == "created" {
			created++
		}
	}
	if created < 100 {
		t.Fatalf("change log has %d created credentials", created)
	}
}

// rewriteTransport sends PingOne cloud URLs to an in-process handler, the
// way a script host serves the platform without a socket.
type rewriteTransport struct{ h http.Handler }

func (rt rewriteTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	rt.h.ServeHTTP(rec, r)
	return rec.Result(), nil
}

func TestInProcessRoundTripperAndChangeRecorder(t *testing.T) {
	forEachStore(t, testInProcessRoundTripperAndChangeRecorder)
}

func testInProcessRoundTripperAndChangeRecorder(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	client := &http.Client{Transport: rewriteTransport{api.NewHandler(h.p, api.HandlerOptions{})}}

	// Token from the auth host.
	req, _ := http.NewRequest("POST", "https://auth.pingone.eu/"+h.env+"/as/token", strings.NewReader("grant_type=client_credentials"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(h.seed.ClientID, h.seed.ClientSecret)
	resp, err := client.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("token: %v %v", resp, err)
	}
	resp.Body.Close()

	rec := &platform.ChangeRecorder{}
	h.p.DrainChanges()
	body := `{"credentialType":{"id":"` + h.seed.CredentialTypes["Membership"] + `"},"data":{"Member Name":"A"}}`
	req, _ = http.NewRequestWithContext(platform.WithChangeRecorder(context.Background(), rec), "POST",
		"https://api.pingone.eu/v1/environments/"+h.env+"/users/"+h.user("alice")+"/credentials", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+h.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	eq(t, resp.StatusCode, 201, "created")
	if !strings.Contains(buf.String(), `"href":"https://api.pingone.eu/v1/environments/`+h.env+`/users/`) {
		t.Fatalf("links not built from the request host: %s", buf.String())
	}
	kinds := map[string]string{}
	for _, c := range rec.Changes() {
		kinds[c.Kind] = c.Action
	}
	eq(t, kinds[model.KindUserCredential], "created", "credential recorded")
	eq(t, kinds[model.KindProvisionedCredential], "created", "provisioned recorded")
	eq(t, len(h.p.DrainChanges()), len(rec.Changes()), "platform log has the same changes")

	// A failed request records nothing.
	rec2 := &platform.ChangeRecorder{}
	req, _ = http.NewRequestWithContext(platform.WithChangeRecorder(context.Background(), rec2), "POST",
		"https://api.pingone.eu/v1/environments/"+h.env+"/users/"+h.user("bob")+"/credentials", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+h.token)
	resp, _ = client.Do(req)
	resp.Body.Close()
	eq(t, resp.StatusCode, 400, "bob has no wallet")
	eq(t, len(rec2.Changes()), 0, "nothing recorded")

	// A configured base URL wins over the host.
	fixed := &http.Client{Transport: rewriteTransport{api.NewHandler(h.p, api.HandlerOptions{BaseURL: "https://api.pingone.com"})}}
	req, _ = http.NewRequest("GET", "http://127.0.0.1:1/v1/environments/"+h.env+"/users", nil)
	req.Header.Set("Authorization", "Bearer "+h.token)
	resp, _ = fixed.Do(req)
	buf.Reset()
	_, _ = buf.ReadFrom(resp.Body)
	resp.Body.Close()
	if !strings.Contains(buf.String(), `"https://api.pingone.com/v1/environments/`+h.env+`/users"`) {
		t.Fatalf("base URL not used: %s", buf.String())
	}
}

func TestCredentialCardFromStoredValues(t *testing.T) {
	forEachStore(t, testCredentialCardFromStoredValues)
}

func testCredentialCardFromStoredValues(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	c := h.must(201, h.call("POST", "users/"+h.user("alice")+"/credentials", h.membership(map[string]any{"Member Name": "<b>Alice & co</b>"})))
	cd, err := h.p.CredentialCard(context.Background(), "", c.str("id"))
	if err != nil {
		t.Fatal(err)
	}
	svg := card.SVG(cd)
	for _, want := range []string{"Member Name: </text>", "Level: Gold", "City: Paris", `fill="#3366FF"`} {
		if !strings.Contains(svg, want) {
			t.Fatalf("%q not in %s", want, svg)
		}
	}
	if _, err := card.PNG(svg, 200); err != nil {
		t.Fatal(err)
	}
	if _, err := h.p.CredentialCard(context.Background(), "", "nope"); err == nil {
		t.Fatal("unknown credential rendered")
	}
}
