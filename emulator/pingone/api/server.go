// Package api is the emulator's HTTP face: PingOne's REST shapes under
// /v1/environments/{envID}/..., the worker token endpoint
// POST /{envID}/as/token and the wallet-emulator endpoints under
// /emulator/environments/{envID}/... . Handlers check the token, run the
// request as one unit of work of the platform and render the answer as
// HAL JSON, with links built from the request's host (or BaseURL).
package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

// HandlerOptions configure NewHandler.
type HandlerOptions struct {
	// BaseURL, e.g. "https://api.pingone.com", is used for every _links
	// href. Empty: links are built from the request's scheme and Host, with
	// https when the request came over TLS, had an https URL (an in-process
	// RoundTripper) or carries X-Forwarded-Proto: https.
	BaseURL string
}

type server struct {
	p    *platform.Platform
	base string
}

// NewHandler serves the platform's REST API, token endpoint and wallet
// emulator. It can be mounted directly behind an http.RoundTripper that
// rewrites api.pingone.* and auth.pingone.* requests to it.
func NewHandler(p *platform.Platform, opts HandlerOptions) http.Handler {
	s := &server{p: p, base: strings.TrimRight(opts.BaseURL, "/")}
	mux := http.NewServeMux()
	s.routeAuth(mux)
	s.routeUsers(mux)
	s.routeCredentialTypes(mux)
	s.routeIssuanceRules(mux)
	s.routeWallets(mux)
	s.routeUserCredentials(mux)
	s.routeVerify(mux)
	s.routeEmulator(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { writeError(w, model.NotFound()) })
	return mux
}

// rctx is one API request as handlers see it.
type rctx struct {
	r    *http.Request
	env  string
	base string
}

func (rc *rctx) path(name string) string { return rc.r.PathValue(name) }

// envURL is the absolute URL of a path below the environment.
func (rc *rctx) envURL(parts ...string) string {
	return rc.base + "/v1/environments/" + strings.Join(append([]string{rc.env}, parts...), "/")
}

func (rc *rctx) self(parts ...string) model.Links {
	return model.Links{"self": {Href: rc.envURL(parts...)}}
}

// decode reads a JSON body; a malformed body is INVALID_DATA.
func (rc *rctx) decode(v any) error {
	body, err := io.ReadAll(io.LimitReader(rc.r.Body, 10<<20))
	if err != nil {
		return fmt.Errorf("read body: %w", err)
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return model.InvalidValue("body", "a JSON body is required")
	}
	if err := json.Unmarshal(body, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return model.InvalidValue(te.Field, "has the wrong type")
		}
		return model.InvalidValue("body", "the body is not valid JSON")
	}
	return nil
}

func (s *server) baseURL(r *http.Request) string {
	if s.base != "" {
		return s.base
	}
	scheme := "http"
	if r.TLS != nil || r.URL.Scheme == "https" || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	host := r.Host
	if host == "" {
		host = r.URL.Host
	}
	return scheme + "://" + host
}

// apiFunc handles one API call inside the request's transaction and
// returns the status and body to send.
type apiFunc func(rc *rctx, o *platform.Op) (int, any, error)

// api registers an authenticated /v1 endpoint.
func (s *server) api(mux *http.ServeMux, pattern string, h apiFunc) {
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		rc := &rctx{r: r, env: r.PathValue("envID"), base: s.baseURL(r)}
		if err := s.p.CheckToken(r.Context(), rc.env, bearer(r)); err != nil {
			writeError(w, err)
			return
		}
		s.serve(w, rc, h)
	})
}

// open registers an endpoint that needs no token (the wallet emulator).
func (s *server) open(mux *http.ServeMux, pattern string, h apiFunc) {
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		s.serve(w, &rctx{r: r, env: r.PathValue("envID"), base: s.baseURL(r)}, h)
	})
}

func (s *server) serve(w http.ResponseWriter, rc *rctx, h apiFunc) {
	if _, err := uuid.Parse(rc.env); err != nil {
		writeError(w, model.NotFound())
		return
	}
	for _, h := range []string{"X-Ping-External-Transaction-ID", "X-Ping-External-Session-ID"} {
		if len(rc.r.Header.Get(h)) > 100 {
			writeError(w, model.InvalidValue(h, "must be at most 100 characters"))
			return
		}
	}
	var status int
	var body any
	err := s.p.Run(rc.r.Context(), rc.env, func(o *platform.Op) error {
		var err error
		status, body, err = h(rc, o)
		return err
	})
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, status, body)
}

func hasContentType(r *http.Request, want string) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && strings.EqualFold(mt, want)
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	if status == http.StatusNoContent || body == nil {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", "application/hal+json;charset=UTF-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func writeError(w http.ResponseWriter, err error) {
	ae, ok := model.AsAPIError(err)
	if !ok {
		ae = model.NewAPIError(http.StatusInternalServerError, "UNEXPECTED_ERROR",
			"An unexpected error occurred.")
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(ae.Status)
	_ = json.NewEncoder(w).Encode(ae)
}

// collection is a HAL collection response.
type collection struct {
	Links    model.Links    `json:"_links"`
	Embedded map[string]any `json:"_embedded"` // {key: items}
	Size     int            `json:"size"`
}

func newCollection[T any](self string, key string, items []T) *collection {
	if items == nil {
		items = []T{}
	}
	return &collection{Links: model.Links{"self": {Href: self}}, Embedded: map[string]any{key: items}, Size: len(items)}
}
