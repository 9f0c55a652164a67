package pingone

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

func TestTokenAndAuth(t *testing.T) { forEachStore(t, testTokenAndAuth) }

func testTokenAndAuth(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	h.must(200, h.call("GET", "users", nil))

	eq(t, h.callWith("", "GET", "users", nil).status, 401, "no token")
	eq(t, h.callWith("not-a-token", "GET", "users", nil).status, 401, "unknown token")

	// client_secret_post works too; a wrong secret is invalid_client.
	post := func(form url.Values) *http.Response {
		resp, err := http.Post(h.srv.URL+"/"+h.env+"/as/token", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	eq(t, post(url.Values{"grant_type": {"client_credentials"}, "client_id": {"worker-client"}, "client_secret": {"worker-secret"}}).StatusCode, 200, "client_secret_post")
	eq(t, post(url.Values{"grant_type": {"client_credentials"}, "client_id": {"worker-client"}, "client_secret": {"nope"}}).StatusCode, 401, "wrong secret")
	eq(t, post(url.Values{"grant_type": {"password"}, "client_id": {"worker-client"}, "client_secret": {"worker-secret"}}).StatusCode, 400, "wrong grant")

	// A token of another environment is refused with 403.
	other, err := h.p.ApplySeed(t.Context(), &platform.Seed{Environment: platform.SeedEnvironment{ClientID: "other", ClientSecret: "s"}})
	if err != nil {
		t.Fatal(err)
	}
	h.env = other.EnvironmentID
	otherToken := h.getToken("other", "s")
	h.env = h.seed.EnvironmentID
	r := h.callWith(otherToken, "GET", "users", nil)
	eq(t, r.status, 403, "foreign token")
	eq(t, r.str("code"), "ACCESS_FAILED", "code")

	// Tokens expire after an hour of platform time.
	h.clock.Advance(61 * time.Minute)
	r = h.call("GET", "users", nil)
	eq(t, r.status, 401, "expired token")
	eq(t, r.str("code"), "INVALID_TOKEN", "code")
}

func TestUnknownRoutesAndEnvironments(t *testing.T) {
	forEachStore(t, testUnknownRoutesAndEnvironments)
}

func testUnknownRoutesAndEnvironments(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	r := h.call("GET", "/v1/environments/"+h.env+"/nothingHere", nil)
	eq(t, r.status, 404, "unknown route")
	eq(t, r.str("code"), "NOT_FOUND", "code")
	eq(t, h.call("GET", "users/"+"00000000-0000-0000-0000-000000000000", nil).status, 404, "unknown user")
	eq(t, h.call("GET", "/v1/environments/not-a-uuid/users", nil).status, 403, "token of another environment")

	wantDetail(t, h.call("GET", "users", nil, "X-Ping-External-Transaction-ID", strings.Repeat("x", 101)),
		400, model.DetailInvalidValue, "X-Ping-External-Transaction-ID")
	h.must(200, h.call("GET", "users", nil, "X-Ping-External-Transaction-ID", strings.Repeat("x", 100)))

	// Behind a TLS-terminating proxy links keep the https scheme.
	r = h.call("GET", "users", nil, "X-Forwarded-Proto", "https")
	eq(t, r.str("_links.self.href"), "https://"+h.srv.Listener.Addr().String()+"/v1/environments/"+h.env+"/users", "https link")
}
