// Package httpfront is the HTTP front journeyjs's servers share (`journeyjs
// serve`, the script evaluation server of package server, and `journeyjs
// journey serve`, the journey server of package journeyserver): a mux with
// GET /healthz and GET /metrics, JSON answers, request bodies bounded in
// size, and a graceful shutdown that lets requests in progress finish.
//
// Each server adds its own endpoints with Handle and says what its health
// and metrics are; the front answers /healthz 503 once shutting down.
package httpfront

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// DefaultMaxBodyBytes bounds a request body when Options.MaxBodyBytes is 0.
const DefaultMaxBodyBytes = 1 << 20

// Options configure a Front.
type Options struct {
	// MaxBodyBytes bounds the request bodies DecodeJSON reads; larger
	// bodies are a *BodyError with status 413. Default DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Health adds fields to GET /healthz's {"status": "ok"} answer.
	Health func() map[string]any
	// Metrics writes the server's metrics for GET /metrics, in the
	// Prometheus text exposition format (see Header, Single, EngineStats).
	Metrics func(w io.Writer)
	// Close is called once the HTTP server has stopped (Serve), so that
	// requests in progress finish first: the server closes its engine there.
	Close func()
}

// Front is an http.Handler: the server's endpoints, /healthz and /metrics.
type Front struct {
	mux     *http.ServeMux
	opts    Options
	closing atomic.Bool
}

// New returns a front with /healthz and /metrics; the server adds its
// endpoints with Handle.
func New(opts Options) *Front {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	f := &Front{mux: http.NewServeMux(), opts: opts}
	f.mux.HandleFunc("/healthz", f.health)
	f.mux.HandleFunc("/metrics", f.metrics)
	return f
}

// Handle adds an endpoint (an http.ServeMux pattern).
func (f *Front) Handle(pattern string, h http.HandlerFunc) { f.mux.HandleFunc(pattern, h) }

// ServeHTTP implements http.Handler.
func (f *Front) ServeHTTP(w http.ResponseWriter, r *http.Request) { f.mux.ServeHTTP(w, r) }

// MaxBodyBytes is the bound on request bodies.
func (f *Front) MaxBodyBytes() int64 { return f.opts.MaxBodyBytes }

// Closing reports whether the server is shutting down (or closed).
func (f *Front) Closing() bool { return f.closing.Load() }

// SetClosing marks the server as shutting down: /healthz answers 503.
func (f *Front) SetClosing() { f.closing.Store(true) }

// Serve serves on ln until ctx is done, then shuts down gracefully: it stops
// accepting connections, marks the front closing, lets requests in progress
// finish (for at most grace; 0 means as long as they take), and calls
// Options.Close. It returns nil after a shutdown caused by ctx.
func (f *Front) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	hs := &http.Server{
		Handler:           f,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	closeAll := func() {
		f.SetClosing()
		if f.opts.Close != nil {
			f.opts.Close()
		}
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		closeAll()
		return err
	case <-ctx.Done():
	}
	f.SetClosing()
	sctx := context.Background()
	if grace > 0 {
		var cancel context.CancelFunc
		sctx, cancel = context.WithTimeout(sctx, grace)
		defer cancel()
	}
	err := hs.Shutdown(sctx)
	<-errc // http.ErrServerClosed
	closeAll()
	if err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// BodyError is a request body DecodeJSON refused: Status is 413 for a body
// over the bound, 400 for malformed JSON.
type BodyError struct {
	Status int
	Msg    string
}

func (e *BodyError) Error() string { return e.Msg }

// DecodeJSON reads the request body, at most MaxBodyBytes of it, as one JSON
// value into v (numbers as json.Number). An empty body leaves v as it is.
// strict refuses unknown fields.
func (f *Front) DecodeJSON(w http.ResponseWriter, r *http.Request, v any, strict bool) error {
	body := http.MaxBytesReader(w, r.Body, f.opts.MaxBodyBytes)
	dec := json.NewDecoder(body)
	if strict {
		dec.DisallowUnknownFields()
	}
	dec.UseNumber()
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return &BodyError{http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", tooBig.Limit)}
		}
		return &BodyError{http.StatusBadRequest, "malformed JSON body: " + err.Error()}
	}
	if dec.More() {
		return &BodyError{http.StatusBadRequest, "malformed JSON body: more than one JSON value"}
	}
	return nil
}

func (f *Front) health(w http.ResponseWriter, r *http.Request) {
	if !GetOnly(w, r) {
		return
	}
	if f.Closing() {
		WriteJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "shutting down"})
		return
	}
	out := map[string]any{}
	if f.opts.Health != nil {
		out = f.opts.Health()
	}
	out["status"] = "ok"
	WriteJSON(w, http.StatusOK, out)
}

func (f *Front) metrics(w http.ResponseWriter, r *http.Request) {
	if !GetOnly(w, r) {
		return
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	var b strings.Builder
	if f.opts.Metrics != nil {
		f.opts.Metrics(&b)
	}
	_, _ = io.WriteString(w, b.String())
}

// GetOnly answers 405 (a JSON {"error"} body) to anything but GET and HEAD,
// and tells whether the request may go on.
func GetOnly(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header().Set("Allow", "GET, HEAD")
	WriteError(w, http.StatusMethodNotAllowed, "use GET")
	return false
}

// WriteJSON answers v as JSON with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// WriteError answers {"error": msg} with status.
func WriteError(w http.ResponseWriter, status int, msg string) {
	WriteJSON(w, status, map[string]string{"error": msg})
}
