package openidm

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// REST is a Backend that calls a real IDM over its REST API (CREST), for
// example https://<tenant>/openidm, with an OAuth 2.0 bearer token. HTTP
// errors come back as *Error with IDM's status code and message.
type REST struct {
	// BaseURL is IDM's REST root, such as https://tenant.example.com/openidm.
	BaseURL string
	// Token is the bearer access token sent with every request.
	Token string
	// Client defaults to a client with a 30 s timeout.
	Client *http.Client
}

var defaultClient = &http.Client{Timeout: 30 * time.Second}

func (r *REST) client() *http.Client {
	if r.Client != nil {
		return r.Client
	}
	return defaultClient
}

func (r *REST) url(path string, q url.Values) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	u := strings.TrimRight(r.BaseURL, "/") + "/" + strings.Join(segs, "/")
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

func values(o Opts) url.Values {
	q := url.Values{}
	for k, v := range o.Params {
		q.Set(k, v)
	}
	if len(o.Fields) > 0 {
		q.Set("_fields", strings.Join(o.Fields, ","))
	}
	return q
}

// do sends one request and returns IDM's JSON answer, nil when it is empty.
func (r *REST) do(ctx context.Context, method, path string, q url.Values, hdr map[string]string, body any) (any, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, Errorf(CodeBadRequest, "the request body cannot be written as JSON")
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, r.url(path, q), rd)
	if err != nil {
		return nil, fmt.Errorf("idm: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if r.Token != "" {
		req.Header.Set("Authorization", "Bearer "+r.Token)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := r.client().Do(req)
	if err != nil {
		return nil, fmt.Errorf("idm: %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return nil, fmt.Errorf("idm: %s %s: %w", method, path, err)
	}
	if resp.StatusCode >= 300 {
		return nil, httpError(resp.StatusCode, data)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, Errorf(CodeInternal, "IDM's answer to %s %s is not JSON", method, path)
	}
	return jsvalue.Normalize(raw), nil
}

// object is do for a request IDM answers with one JSON object.
func (r *REST) object(ctx context.Context, method, path string, q url.Values, hdr map[string]string, body any) (map[string]any, error) {
	raw, err := r.do(ctx, method, path, q, hdr, body)
	if err != nil || raw == nil {
		return nil, err
	}
	m, ok := raw.(map[string]any)
	if !ok {
		return nil, Errorf(CodeInternal, "IDM's answer to %s %s is not a JSON object", method, path)
	}
	return m, nil
}

// httpError maps an IDM error answer ({"code", "reason", "message"}) to an
// *Error.
func httpError(status int, body []byte) error {
	var e struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Detail  any    `json:"detail"`
	}
	_ = json.Unmarshal(body, &e)
	msg := e.Message
	if msg == "" {
		msg = strings.TrimSpace(string(body))
		if len(msg) > 200 {
			msg = msg[:200] + "…"
		}
	}
	if msg == "" {
		msg = http.StatusText(status)
	}
	return &Error{Code: status, Message: msg, Detail: jsvalue.Normalize(e.Detail)}
}

func ifMatch(rev string) map[string]string {
	if rev == "" {
		rev = "*"
	}
	return map[string]string{"If-Match": rev}
}

// Create implements Backend: POST ?_action=create, or PUT with
// If-None-Match: * when the caller chose the id.
func (r *REST) Create(ctx context.Context, collection, id string, content map[string]any, o Opts) (map[string]any, error) {
	if id == "" {
		q := values(o)
		q.Set("_action", "create")
		return r.object(ctx, http.MethodPost, collection, q, nil, content)
	}
	return r.object(ctx, http.MethodPut, collection+"/"+id, values(o), map[string]string{"If-None-Match": "*"}, content)
}

// Read implements Backend.
func (r *REST) Read(ctx context.Context, collection, id string, o Opts) (map[string]any, error) {
	return r.object(ctx, http.MethodGet, collection+"/"+id, values(o), nil, nil)
}

// Update implements Backend: PUT with If-Match.
func (r *REST) Update(ctx context.Context, collection, id, rev string, content map[string]any, o Opts) (map[string]any, error) {
	return r.object(ctx, http.MethodPut, collection+"/"+id, values(o), ifMatch(rev), content)
}

// Patch implements Backend: PATCH with If-Match.
func (r *REST) Patch(ctx context.Context, collection, id, rev string, ops []PatchOperation, o Opts) (map[string]any, error) {
	body := make([]map[string]any, len(ops))
	for i, op := range ops {
		m := map[string]any{"operation": op.Operation, "field": op.Field}
		if op.From != "" {
			m["from"] = op.From
		}
		if op.HasValue {
			m["value"] = op.Value
		}
		body[i] = m
	}
	return r.object(ctx, http.MethodPatch, collection+"/"+id, values(o), ifMatch(rev), body)
}

// Delete implements Backend: DELETE with If-Match.
func (r *REST) Delete(ctx context.Context, collection, id, rev string, o Opts) (map[string]any, error) {
	return r.object(ctx, http.MethodDelete, collection+"/"+id, values(o), ifMatch(rev), nil)
}

// Query implements Backend: GET with _queryFilter and the paging
// parameters.
func (r *REST) Query(ctx context.Context, collection string, qy Query, o Opts) (*QueryResult, error) {
	q := values(o)
	if qy.Filter != "" {
		q.Set("_queryFilter", qy.Filter)
	}
	if qy.QueryID != "" {
		q.Set("_queryId", qy.QueryID)
	}
	if qy.PageSize > 0 {
		q.Set("_pageSize", strconv.Itoa(qy.PageSize))
	}
	if qy.Cookie != "" {
		q.Set("_pagedResultsCookie", qy.Cookie)
	}
	if qy.Offset > 0 {
		q.Set("_pagedResultsOffset", strconv.Itoa(qy.Offset))
	}
	if len(qy.SortKeys) > 0 {
		q.Set("_sortKeys", strings.Join(qy.SortKeys, ","))
	}
	if qy.TotalPolicy != "" {
		q.Set("_totalPagedResultsPolicy", qy.TotalPolicy)
	}
	out, err := r.object(ctx, http.MethodGet, collection, q, nil, nil)
	if err != nil {
		return nil, err
	}
	res := &QueryResult{TotalPagedResultsPolicy: "NONE", TotalPagedResults: -1, RemainingPagedResults: -1}
	items, _ := out["result"].([]any)
	for _, it := range items {
		if m, ok := it.(map[string]any); ok {
			res.Result = append(res.Result, m)
		}
	}
	res.ResultCount = len(res.Result)
	if n, ok := out["resultCount"].(int64); ok {
		res.ResultCount = int(n)
	}
	if c, ok := out["pagedResultsCookie"].(string); ok {
		res.PagedResultsCookie = &c
	}
	if p, ok := out["totalPagedResultsPolicy"].(string); ok {
		res.TotalPagedResultsPolicy = p
	}
	if n, ok := out["totalPagedResults"].(int64); ok {
		res.TotalPagedResults = int(n)
	}
	if n, ok := out["remainingPagedResults"].(int64); ok {
		res.RemainingPagedResults = int(n)
	}
	return res, nil
}

// Action implements Backend: POST ?_action=<action>.
func (r *REST) Action(ctx context.Context, resource, action string, content any, o Opts) (any, error) {
	q := values(o)
	q.Set("_action", action)
	if content == nil {
		content = map[string]any{}
	}
	return r.do(ctx, http.MethodPost, resource, q, nil, content)
}
