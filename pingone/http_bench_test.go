package pingone

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// issueSeed is the pingone section of scripts/issue-credential.fixtures.yaml.
const issueSeed = `
environment:
  id: 6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e
  name: Example Club
  region: EU
  clientId: 0c5a1f2e-7d3b-4e8a-9f10-2b4c6d8e0a11
  clientSecret: local-worker-secret
credentialIssuerProfile:
  name: Example Club
  siteUrl: https://club.example.com
users:
  - username: bjensen
    email: bjensen@example.com
    name: {given: Barbara, family: Jensen, formatted: Barbara Jensen}
    address: {locality: Lyon, countryCode: FR}
digitalWalletApplications:
  - name: Example Wallet
    appOpenUrl: https://wallet.example.com/open
wallets:
  - user: bjensen
    application: Example Wallet
    name: Barbara's phone
    paired: true
credentialTypes:
  - title: Verified Member
    description: Identity-checked club member
    management: {mode: MANAGED}
    cardDesignTemplate: >-
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 740 480"><rect fill="${cardColor}" width="740" height="480" rx="24"></rect><text x="40" y="80" fill="${textColor}" font-size="40">${cardTitle}</text><text x="40" y="130" fill="${textColor}">${cardSubtitle}</text><text x="40" y="380" fill="${textColor}">${fields[0].title}: ${fields[0].value}</text><text x="40" y="420" fill="${textColor}">${fields[1].title}: ${fields[1].value}</text><text x="40" y="460" fill="${textColor}">${fields[2].title}: ${fields[2].value}</text></svg>
    metadata:
      cardColor: "#1B4F72"
      textColor: "#FFFFFF"
      bgOpacityPercent: 20
      columns: 1
      fields:
        - {id: "Alphanumeric Text -> Member Name", title: Member Name, isVisible: true, type: Alphanumeric Text, required: true}
        - {id: "Alphanumeric Text -> Member Number", title: Member Number, isVisible: true, type: Alphanumeric Text, required: true}
        - {id: "Alphanumeric Text -> Tier", title: Tier, isVisible: true, type: Alphanumeric Text, value: Standard}
        - {id: "Issued Timestamp -> Issued", title: Issued, isVisible: false, type: Issued Timestamp}
`

// BenchmarkIssueCredentialRequests sends the five requests of
// scripts/issue-credential.js straight to the handler, as the in-process
// transport of bench.BenchmarkIssueCredential does, on a memory store.
func BenchmarkIssueCredentialRequests(b *testing.B) {
	withoutCrossCheck(b)
	seed, err := DecodeSeed([]byte(issueSeed), "issueSeed")
	if err != nil {
		b.Fatal(err)
	}
	store := NewMemoryStore()
	defer store.Close()
	now := time.Date(2024, 12, 9, 14, 0, 0, 0, time.UTC)
	p := NewPlatform(store, Options{Clock: func() time.Time { return now }})
	res, err := p.ApplySeed(context.Background(), seed)
	if err != nil {
		b.Fatal(err)
	}
	h := NewHandler(p, HandlerOptions{})
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
	var userID, typeID string
	b.ReportAllocs()
	for b.Loop() {
		var tok AccessToken
		w := send("POST", "https://auth.pingone.eu/"+env+"/as/token", basic, "application/x-www-form-urlencoded", "grant_type=client_credentials")
		if err := json.Unmarshal(w.Body.Bytes(), &tok); err != nil {
			b.Fatal(err)
		}
		bearer := "Bearer " + tok.AccessToken
		w = send("GET", api+"/users?filter="+filter, bearer, "", "")
		if userID == "" {
			var users struct {
				Embedded struct{ Users []User } `json:"_embedded"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &users); err != nil || len(users.Embedded.Users) != 1 {
				b.Fatalf("users: %v %s", err, w.Body)
			}
			userID = users.Embedded.Users[0].ID
		}
		send("GET", api+"/users/"+userID+"/digitalWallets", bearer, "", "")
		w = send("GET", api+"/credentialTypes", bearer, "", "")
		if typeID == "" {
			var types struct {
				Embedded struct{ Items []CredentialType } `json:"_embedded"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &types); err != nil || len(types.Embedded.Items) != 1 {
				b.Fatalf("credential types: %v %s", err, w.Body)
			}
			typeID = types.Embedded.Items[0].ID
		}
		send("POST", api+"/users/"+userID+"/credentials", bearer, "application/json",
			`{"credentialType":{"id":"`+typeID+`"},"data":{"Member Name":"Barbara J. Jensen","Member Number":"M-2291-0042"}}`)
	}
}
