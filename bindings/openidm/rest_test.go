package openidm_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/journeyjs/journeyjs/bindings/openidm"
)

// The REST back end against a server that logs each request and answers
// with a canned body; IDM's behaviour behind it is tested with the emulator
// (emulator/idm, TestRESTRequestsAndErrors).
func TestRESTSendsIDMRequests(t *testing.T) {
	var log []string
	status, answer := 200, `{"_id":"u1","_rev":"2","n":1}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		log = append(log, strings.Join([]string{r.Method, r.URL.RequestURI(), r.Header.Get("Authorization"),
			r.Header.Get("If-Match") + r.Header.Get("If-None-Match"), r.Header.Get("Content-Type"), string(body)}, " | "))
		w.WriteHeader(status)
		_, _ = io.WriteString(w, answer)
	}))
	defer srv.Close()
	b := &openidm.REST{BaseURL: srv.URL + "/openidm/", Token: "tok", Client: srv.Client()}
	ctx := context.Background()
	o := openidm.Opts{Fields: []string{"n"}}

	obj, err := b.Create(ctx, "managed/alpha_user", "a b", map[string]any{"n": 1}, o)
	if err != nil || obj["n"] != int64(1) {
		t.Fatalf("%v %v", obj, err)
	}
	_, _ = b.Update(ctx, "managed/alpha_user", "u1", "", map[string]any{}, openidm.Opts{})
	_, _ = b.Patch(ctx, "managed/alpha_user", "u1", "2", []openidm.PatchOperation{
		{Operation: "replace", Field: "/m", Value: nil, HasValue: true}, {Operation: "move", From: "/a", Field: "/b"}}, openidm.Opts{})
	answer = `{"result":[{"_id":"a"}],"resultCount":1,"pagedResultsCookie":"c2","totalPagedResultsPolicy":"EXACT","totalPagedResults":5,"remainingPagedResults":-1}`
	res, err := b.Query(ctx, "managed/alpha_user", openidm.Query{Filter: `mail eq "x"`, Offset: 2}, openidm.Opts{Params: map[string]string{"p": "1"}})
	if err != nil || jsonOf(t, res) != `{"result":[{"_id":"a"}],"resultCount":1,"pagedResultsCookie":"c2","totalPagedResultsPolicy":"EXACT","totalPagedResults":5,"remainingPagedResults":-1}` {
		t.Fatalf("%s %v", jsonOf(t, res), err)
	}
	answer = ""
	if out, err := b.Action(ctx, "external/email", "send", nil, openidm.Opts{}); out != nil || err != nil {
		t.Fatalf("%v %v", out, err)
	}
	want := []string{
		`PUT | /openidm/managed/alpha_user/a%20b?_fields=n | Bearer tok | * | application/json | {"n":1}`,
		`PUT | /openidm/managed/alpha_user/u1 | Bearer tok | * | application/json | {}`,
		`PATCH | /openidm/managed/alpha_user/u1 | Bearer tok | 2 | application/json | [{"field":"/m","operation":"replace","value":null},{"field":"/b","from":"/a","operation":"move"}]`,
		`GET | /openidm/managed/alpha_user?_pagedResultsOffset=2&_queryFilter=mail+eq+%22x%22&p=1 | Bearer tok |  |  | `,
		`POST | /openidm/external/email?_action=send | Bearer tok |  | application/json | {}`,
	}
	if strings.Join(log, "\n") != strings.Join(want, "\n") {
		t.Fatalf("requests:\n%s\nwant:\n%s", strings.Join(log, "\n"), strings.Join(want, "\n"))
	}

	// IDM's error body gives the message; any other body is quoted, cut.
	status, answer = 412, `{"code":412,"reason":"Precondition Failed","message":"Expectation failed","detail":{"rev":"2"}}`
	_, err = b.Delete(ctx, "managed/alpha_user", "u1", "1", openidm.Opts{})
	var idmErr *openidm.Error
	if !errors.As(err, &idmErr) || err.Error() != "412 Precondition Failed: Expectation failed" {
		t.Fatalf("%v", err)
	}
	if d, _ := idmErr.Detail.(map[string]any); d["rev"] != "2" {
		t.Fatalf("detail %#v", idmErr.Detail)
	}
	status, answer = 502, strings.Repeat("x", 300)
	if _, err := b.Read(ctx, "managed/alpha_user", "u1", openidm.Opts{}); openidm.Code(err) != 502 || !strings.HasSuffix(err.Error(), strings.Repeat("x", 200)+"…") {
		t.Fatalf("%v", err)
	}
	// An answer that is not an object is a server error, as IDM would not
	// give it.
	status, answer = 200, `[1]`
	if _, err := b.Read(ctx, "managed/alpha_user", "u1", openidm.Opts{}); openidm.Code(err) != 500 {
		t.Fatalf("%v", err)
	}
}
