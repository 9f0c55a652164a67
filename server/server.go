// Package server is a reference auth-server front for journeyjs: it loads a
// directory of decision scripts (with their fixtures and library scripts),
// and evaluates them over HTTP on one pooled runtime.Engine.
//
// Endpoints:
//
//	POST /v1/scripts/{name}/evaluate   run a script; the body is an Evaluation
//	GET  /v1/scripts                   the names of the loaded scripts
//	GET  /healthz                      200 while serving, 503 once shutting down
//	GET  /metrics                      Prometheus text exposition format
//
// An evaluation answers the run's runtime.Result as JSON: 200 when the script
// reached an outcome, 422 when it failed (the report's error says why: an
// exception, a timeout, the memory budget…). Bad requests get a JSON
// {"error": "..."} body: 400 for malformed JSON, 404 for an unknown script,
// 405 for a wrong method, 413 for a body over MaxBodyBytes, 503 once the
// server is shutting down or when no runtime came free in time (with
// Retry-After).
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	goruntime "runtime"
	"slices"
	"strings"
	"time"

	// Every binding journeyjs provides.
	_ "github.com/journeyjs/journeyjs/bindings/all"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
	"github.com/journeyjs/journeyjs/server/httpfront"
)

// DefaultMaxBodyBytes bounds an evaluation request body.
const DefaultMaxBodyBytes = httpfront.DefaultMaxBodyBytes

// Options configure a Server. The zero value of each field means its
// documented default.
type Options struct {
	// Engine configures the engine the server creates (pool size, time
	// limit, memory budget, log sink…).
	Engine runtime.Options
	// MaxBodyBytes bounds a request body; larger bodies get 413. Default:
	// DefaultMaxBodyBytes (1 MiB).
	MaxBodyBytes int64
	// MaxConcurrent bounds the evaluations running at once, and with them
	// the runtimes in use: it is the engine's MaxConcurrent, and overrides
	// Engine.MaxConcurrent when set. Later requests wait for a runtime, in
	// arrival order, until their client gives up or the engine's time limit
	// (Engine.Timeout) or Engine.QueueTimeout passes; they then get 503.
	// Default: Engine.MaxConcurrent when set, else DefaultMaxConcurrent().
	MaxConcurrent int
}

// DefaultMaxConcurrent is the server's default bound on evaluations running
// at once: one fewer than GOMAXPROCS (at least one), so that however hard
// the scripts run, one CPU is left to answer HTTP (health checks, metrics,
// queued clients' 503s). Measured on 2 cores with every runtime busy in an
// endless loop: /healthz answered within 4–89 ms with one evaluation at a
// time, 54–378 ms with two or four.
func DefaultMaxConcurrent() int { return max(1, goruntime.GOMAXPROCS(0)-1) }

// Server evaluates a set of scripts over HTTP. Create it with New or Load;
// it is an http.Handler.
type Server struct {
	eng     *runtime.Engine
	scripts map[string]*Entry
	metrics *metrics
	front   *httpfront.Front
}

// Entry is one script the server can evaluate: its source and its optional
// fixtures (the world each evaluation runs in).
type Entry struct {
	Script runtime.Script
	// Fixtures, when not nil, is built into a fresh fixtures.Env for each
	// evaluation (secrets, ESVs, IDM seed, HTTP routes, PingOne…).
	Fixtures *fixtures.File
}

// New returns a server for entries, keyed by the name clients use in the
// URL. Every script is compiled now: a syntax error fails New with its
// position.
func New(entries map[string]*Entry, opts Options) (*Server, error) {
	switch {
	case opts.MaxConcurrent > 0:
		opts.Engine.MaxConcurrent = opts.MaxConcurrent
	case opts.Engine.MaxConcurrent <= 0:
		opts.Engine.MaxConcurrent = DefaultMaxConcurrent()
	}
	s := &Server{
		eng:     runtime.New(opts.Engine),
		scripts: make(map[string]*Entry, len(entries)),
		metrics: newMetrics(),
	}
	s.front = httpfront.New(httpfront.Options{
		MaxBodyBytes: opts.MaxBodyBytes,
		Health:       func() map[string]any { return map[string]any{"scripts": len(s.scripts)} },
		Metrics:      func(w io.Writer) { s.metrics.write(w, s.eng.Stats()) },
		Close:        s.eng.Close,
	})
	for name, e := range entries {
		if err := s.eng.RegisterScript(e.Script); err != nil {
			s.eng.Close()
			return nil, err
		}
		s.scripts[name] = e
	}
	s.front.Handle("/v1/scripts/{name}/evaluate", s.evaluate)
	s.front.Handle("/v1/scripts", s.list)
	s.front.Handle("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
	})
	return s, nil
}

// Engine returns the server's engine (for its Stats, or to register more
// library scripts).
func (s *Server) Engine() *runtime.Engine { return s.eng }

// Scripts returns the names of the scripts the server evaluates.
func (s *Server) Scripts() []string {
	return slices.Sorted(maps.Keys(s.scripts))
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.front.ServeHTTP(w, r) }

// Close closes the engine. Call it after the HTTP server has stopped (see
// Serve), so that evaluations in progress finish first.
func (s *Server) Close() {
	s.front.SetClosing()
	s.eng.Close()
}

// Serve serves on ln until ctx is done, then shuts down gracefully: it stops
// accepting connections, lets evaluations in progress finish (for at most
// grace; 0 means wait as long as they take, which the engine's time limit
// bounds), and closes the engine. It returns nil after a shutdown caused by
// ctx.
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	return s.front.Serve(ctx, ln, grace)
}

// Evaluation is the body of POST /v1/scripts/{name}/evaluate. Every field is
// optional; state is laid over the script's fixtures, the request and realm
// replace theirs.
type Evaluation struct {
	SharedState       map[string]any `json:"sharedState"`
	TransientState    map[string]any `json:"transientState"`
	RequestHeaders    Multi          `json:"requestHeaders"`
	RequestParameters Multi          `json:"requestParameters"`
	Realm             string         `json:"realm"`
	// Context is the script's context (runtime.LookupContext), over its
	// fixtures' context: key.
	Context string `json:"context"`
}

// Multi is a name → values map that also accepts a single string per name
// ({"User-Agent": "curl/8"} as well as {"User-Agent": ["curl/8"]}).
type Multi map[string][]string

// UnmarshalJSON implements json.Unmarshaler.
func (m *Multi) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	out := make(Multi, len(raw))
	for k, v := range raw {
		var one string
		if err := json.Unmarshal(v, &one); err == nil {
			out[k] = []string{one}
			continue
		}
		var many []string
		if err := json.Unmarshal(v, &many); err != nil {
			return fmt.Errorf("%q: want a string or an array of strings", k)
		}
		out[k] = many
	}
	*m = out
	return nil
}

func (s *Server) evaluate(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, "use POST to evaluate a script")
		return
	}
	name := r.PathValue("name")
	entry, ok := s.scripts[name]
	if !ok {
		entry, ok = s.scripts[strings.TrimSuffix(name, ".js")]
	}
	if !ok {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no script named %q", name))
		return
	}
	if s.front.Closing() {
		writeError(w, http.StatusServiceUnavailable, "the server is shutting down")
		return
	}
	var ev Evaluation
	if err := s.front.DecodeJSON(w, r, &ev, true); err != nil {
		var be *httpfront.BodyError
		errors.As(err, &be)
		writeError(w, be.Status, be.Msg)
		return
	}

	var scriptCtx *runtime.Context
	if ev.Context != "" {
		c, err := runtime.LookupContext(ev.Context)
		if err != nil {
			writeError(w, http.StatusBadRequest, "context: "+err.Error())
			return
		}
		scriptCtx = c
	}

	fx := entry.Fixtures
	if fx == nil {
		fx = &fixtures.File{}
	}
	env, err := fx.Build(r.Context())
	if err != nil {
		writeError(w, http.StatusInternalServerError, "fixtures: "+err.Error())
		return
	}
	defer env.Close()
	in := env.Input
	if scriptCtx != nil {
		in.Context = scriptCtx
	}
	in.SharedState = fixtures.Overlay(in.SharedState, jsvalue.NormalizeMap(ev.SharedState))
	in.TransientState = fixtures.Overlay(in.TransientState, jsvalue.NormalizeMap(ev.TransientState))
	if ev.RequestHeaders != nil {
		in.RequestHeaders = ev.RequestHeaders
	}
	if ev.RequestParameters != nil {
		in.RequestParameters = ev.RequestParameters
	}
	if ev.Realm != "" {
		in.Realm = ev.Realm
	}

	// The engine bounds the runs in progress; beyond it, Run waits for a
	// runtime as long as the request and the engine's limits allow.
	res, runErr := s.eng.Run(r.Context(), entry.Script, in)
	var se *runtime.ScriptError
	switch {
	case runErr == nil || errors.As(runErr, &se):
	case errors.Is(runErr, runtime.ErrClosed):
		writeError(w, http.StatusServiceUnavailable, "the server is shutting down")
		return
	default:
		// The script never ran: the engine stayed busy (ErrBusy) or the
		// client gave up while waiting for a runtime.
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, strings.TrimPrefix(runErr.Error(), "runtime: "))
		return
	}
	s.metrics.observe(name, res, runErr)
	status := http.StatusOK
	if runErr != nil {
		status = http.StatusUnprocessableEntity
	}
	writeJSON(w, status, res)
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	if !httpfront.GetOnly(w, r) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"scripts": s.Scripts()})
}

func writeJSON(w http.ResponseWriter, status int, v any) { httpfront.WriteJSON(w, status, v) }

func writeError(w http.ResponseWriter, status int, msg string) { httpfront.WriteError(w, status, msg) }
