package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

func (s *server) routeAuth(mux *http.ServeMux) {
	mux.HandleFunc("POST /{envID}/as/token", s.token)
}

// token implements the client credentials grant with client_secret_basic
// or client_secret_post.
func (s *server) token(w http.ResponseWriter, r *http.Request) {
	oauthErr := func(status int, code, desc string) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": desc})
	}
	if err := r.ParseForm(); err != nil {
		oauthErr(http.StatusBadRequest, "invalid_request", "the body is not a form")
		return
	}
	if gt := r.PostForm.Get("grant_type"); gt != "client_credentials" {
		oauthErr(http.StatusBadRequest, "unsupported_grant_type", "only client_credentials is supported")
		return
	}
	id, secret, basic := r.BasicAuth()
	if !basic {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	tok, err := s.p.IssueToken(r.Context(), r.PathValue("envID"), id, secret)
	if errors.Is(err, platform.ErrBadClient) {
		oauthErr(http.StatusUnauthorized, "invalid_client", "unknown client or wrong secret")
		return
	}
	if err != nil {
		oauthErr(http.StatusInternalServerError, "server_error", "the token could not be issued")
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, tok)
}

// bearer is the request's bearer token, "" when it has none.
func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "Bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}
