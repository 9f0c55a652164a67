package idm_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/emulator/idm"
)

const fakeToken = "test-token"

// fakeIDM answers IDM's REST API the way IDM does, from a Memory store: the
// routes, the If-Match / If-None-Match revisions, and the error bodies
// ({"code", "reason", "message"}).
type fakeIDM struct {
	store *idm.Memory
	srv   *httptest.Server

	mu       sync.Mutex
	requests []string // "METHOD path?query"
}

func newFakeIDM(t *testing.T, store *idm.Memory) *fakeIDM {
	t.Helper()
	f := &fakeIDM{store: store}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeIDM) backend() *openidm.REST {
	return &openidm.REST{BaseURL: f.srv.URL + "/openidm", Token: fakeToken, Client: f.srv.Client()}
}

func (f *fakeIDM) log() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.requests...)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeErr(w http.ResponseWriter, err error) {
	code := openidm.Code(err)
	msg := err.Error()
	if e, ok := err.(*openidm.Error); ok {
		msg = e.Message
	}
	if code == 0 {
		code = http.StatusInternalServerError
	}
	writeJSON(w, code, map[string]any{"code": code, "reason": http.StatusText(code), "message": msg})
}

func (f *fakeIDM) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.requests = append(f.requests, r.Method+" "+r.URL.Path+"?"+r.URL.RawQuery)
	f.mu.Unlock()
	if r.Header.Get("Authorization") != "Bearer "+fakeToken {
		writeJSON(w, 401, map[string]any{"code": 401, "reason": "Unauthorized", "message": "Access Denied"})
		return
	}
	path, ok := strings.CutPrefix(r.URL.Path, "/openidm/")
	if !ok {
		writeJSON(w, 404, map[string]any{"code": 404, "reason": "Not Found", "message": "Resource '' not found"})
		return
	}
	q := r.URL.Query()
	o := openidm.Opts{}
	if fs := q.Get("_fields"); fs != "" {
		o.Fields = strings.Split(fs, ",")
	}
	var body any
	if r.Body != nil && r.ContentLength != 0 {
		dec := json.NewDecoder(r.Body)
		dec.UseNumber()
		if err := dec.Decode(&body); err != nil {
			writeErr(w, &openidm.Error{Code: 400, Message: "The request could not be parsed: " + err.Error()})
			return
		}
		body = jsvalue.Normalize(body)
	}
	content, _ := body.(map[string]any)
	ctx := r.Context()
	rev := func(h string) string {
		v := r.Header.Get(h)
		if v == "*" {
			return ""
		}
		return v
	}
	isObject := strings.Count(path, "/") >= 2 || !strings.HasPrefix(path, "managed/") && strings.Count(path, "/") >= 1 && r.Method != http.MethodPost
	var res any
	var err error
	switch {
	case r.Method == http.MethodPost && q.Get("_action") == "create":
		res, err = f.store.Create(ctx, path, "", content, o)
	case r.Method == http.MethodPost && q.Get("_action") != "":
		res, err = f.store.Action(ctx, path, q.Get("_action"), body, o)
	case r.Method == http.MethodGet && (q.Has("_queryFilter") || q.Has("_queryId")):
		qy := openidm.Query{Filter: q.Get("_queryFilter"), QueryID: q.Get("_queryId"), Cookie: q.Get("_pagedResultsCookie"),
			TotalPolicy: q.Get("_totalPagedResultsPolicy")}
		qy.PageSize, _ = strconv.Atoi(q.Get("_pageSize"))
		qy.Offset, _ = strconv.Atoi(q.Get("_pagedResultsOffset"))
		if s := q.Get("_sortKeys"); s != "" {
			qy.SortKeys = strings.Split(s, ",")
		}
		res, err = f.store.Query(ctx, path, qy, o)
	case isObject:
		coll, id, serr := openidm.SplitObject(path)
		if serr != nil {
			writeErr(w, serr)
			return
		}
		switch r.Method {
		case http.MethodGet:
			res, err = f.store.Read(ctx, coll, id, o)
		case http.MethodPut:
			if r.Header.Get("If-None-Match") == "*" {
				res, err = f.store.Create(ctx, coll, id, content, o)
			} else {
				res, err = f.store.Update(ctx, coll, id, rev("If-Match"), content, o)
			}
		case http.MethodPatch:
			ops, perr := openidm.ParsePatch(body)
			if perr != nil {
				writeErr(w, perr)
				return
			}
			res, err = f.store.Patch(ctx, coll, id, rev("If-Match"), ops, o)
		case http.MethodDelete:
			res, err = f.store.Delete(ctx, coll, id, rev("If-Match"), o)
		default:
			err = &openidm.Error{Code: 405, Message: "Method not allowed"}
		}
	default:
		err = &openidm.Error{Code: 400, Message: "Bad request"}
	}
	if err != nil {
		writeErr(w, err)
		return
	}
	status := http.StatusOK
	if r.Method == http.MethodPost && q.Get("_action") == "create" || r.Header.Get("If-None-Match") == "*" {
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
}
