package pingone

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/journeyjs/journeyjs/emulator/pingone/api"
	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// issueCredentialSeed is the seed in the pingone section of
// scripts/issue-credential.fixtures.yaml (its clock, "now", is the
// fixtures' own key and is left out), and that clock.
func issueCredentialSeed(tb testing.TB) (*platform.Seed, time.Time) {
	tb.Helper()
	const path = "../../scripts/issue-credential.fixtures.yaml"
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var file struct {
		PingOne yaml.Node `yaml:"pingone"`
	}
	if err := yaml.Unmarshal(data, &file); err != nil {
		tb.Fatal(err)
	}
	var now time.Time
	section := file.PingOne.Content
	for i := 0; i+1 < len(section); i += 2 {
		if section[i].Value == "now" {
			if now, err = time.Parse(time.RFC3339, section[i+1].Value); err != nil {
				tb.Fatal(err)
			}
			file.PingOne.Content = append(section[:i:i], section[i+2:]...)
			break
		}
	}
	seedYAML, err := yaml.Marshal(&file.PingOne)
	if err != nil {
		tb.Fatal(err)
	}
	seed, err := platform.DecodeSeed(seedYAML, path)
	if err != nil {
		tb.Fatal(err)
	}
	return seed, now
}

// BenchmarkIssueCredentialRequests sends the five requests of
// scripts/issue-credential.js straight to the handler, as the in-process
// transport of bench.BenchmarkIssueCredential does, on a memory store.
func BenchmarkIssueCredentialRequests(b *testing.B) {
	seed, now := issueCredentialSeed(b)
	store := store.NewMemoryStore()
	defer store.Close()
	p := platform.NewPlatform(store, platform.Options{Clock: func() time.Time { return now }})
	res, err := p.ApplySeed(context.Background(), seed)
	if err != nil {
		b.Fatal(err)
	}
	h := api.NewHandler(p, api.HandlerOptions{})
	env := res.EnvironmentID
	api := "https://api.pingone.eu/v1/environments/" + env
	send := func(method, target, auth, contentType, body string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, target, strings.NewReader(body))
		r.Header.Set("Authorization", auth)
		if contentType != "" {
			r.Header.Set("Content-Type", contentType)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code/100 != 2 {
			b.Fatalf("%s %s: %d %s", method, target, w.Code, w.Body)
		}
		return w
	}
	basic := "Basic " + base64.StdEncoding.EncodeToString([]byte(res.ClientID+":"+res.ClientSecret))
	filter := url.QueryEscape(`username eq "bjensen"`)
	userID, typeID := res.Users["bjensen"], res.CredentialTypes["Verified Member"]
	if userID == "" || typeID == "" {
		b.Fatalf("the seed made no user bjensen or type Verified Member: %+v", res)
	}
	token := func() string {
		var tok platform.AccessToken
		w := send("POST", "https://auth.pingone.eu/"+env+"/as/token", basic, "application/x-www-form-urlencoded", "grant_type=client_credentials")
		if err := json.Unmarshal(w.Body.Bytes(), &tok); err != nil {
			b.Fatal(err)
		}
		return "Bearer " + tok.AccessToken
	}
	// What the loop's lookups answer, checked once outside the timing:
	// the search finds the seeded user, the list holds the seeded type.
	var users struct {
		Embedded struct{ Users []model.User } `json:"_embedded"`
	}
	var types struct {
		Embedded struct{ Items []model.CredentialType } `json:"_embedded"`
	}
	bearer := token()
	if err := json.Unmarshal(send("GET", api+"/users?filter="+filter, bearer, "", "").Body.Bytes(), &users); err != nil ||
		len(users.Embedded.Users) != 1 || users.Embedded.Users[0].ID != userID {
		b.Fatalf("users: %v %+v", err, users)
	}
	if err := json.Unmarshal(send("GET", api+"/credentialTypes", bearer, "", "").Body.Bytes(), &types); err != nil ||
		len(types.Embedded.Items) != 1 || types.Embedded.Items[0].ID != typeID {
		b.Fatalf("credential types: %v %+v", err, types)
	}
	b.ReportAllocs()
	for b.Loop() {
		bearer := token()
		send("GET", api+"/users?filter="+filter, bearer, "", "")
		send("GET", api+"/users/"+userID+"/digitalWallets", bearer, "", "")
		send("GET", api+"/credentialTypes", bearer, "", "")
		send("POST", api+"/users/"+userID+"/credentials", bearer, "application/json",
			`{"credentialType":{"id":"`+typeID+`"},"data":{"Member Name":"Barbara J. Jensen","Member Number":"M-2291-0042"}}`)
	}
}
