// Package journeyserver serves AM's authentication REST API
// (/json/authenticate, spec §11) for the journeys of a set of exports, so
// that a real client (a login UI, the ForgeRock SDKs, curl) can walk them
// against journeyjs as it would against a tenant.
//
//	POST {/am,}/json/realms/root/realms/{realm}/authenticate?authIndexType=service&authIndexValue={journey}
//	POST {/am,}/json/realms/root/authenticate?…   (when the realm is the root realm)
//
// A body without authId ({} or none) starts the journey: the walk goes on
// (package journey's Session) until a node needs the client, and the answer
// is {authId, callbacks, header?, description?, stage?}. The client posts
// that JSON back with the callbacks' input values filled, and the walk
// resumes at the node that asked. The end of the journey answers
// {tokenId, successUrl, realm} with the session cookie (Success), or 401
// {"code":401,"reason":"Unauthorized","message":"Login failure"} (Failure,
// or a node that failed). Also GET /healthz and GET /metrics (package
// httpfront, shared with `journeyjs serve`).
//
// State lives server-side, as AM keeps it: each journey in progress is a
// journey.Session in a map, keyed by the session id its authId carries, and
// removed when the journey ends or its authId expires; the map is bounded
// (Options.MaxSessions). The authId is a signed, expiring JWT (see
// authIDs). Requests for different sessions run at once on one engine; a
// session answers one request at a time.
package journeyserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/journey"
	"github.com/journeyjs/journeyjs/runtime"
	"github.com/journeyjs/journeyjs/server/httpfront"
)

// Defaults of Options.
const (
	DefaultCookieName     = "iPlanetDirectoryPro"
	DefaultRealm          = "alpha"
	DefaultAuthIDLifetime = 5 * time.Minute
	DefaultMaxSessions    = 10000
)

// Options configure a Server. The zero value of each field means its
// documented default.
type Options struct {
	// Realm is the realm the journeys live in, as the URL names it
	// ("alpha"; "root" or "/" for the root realm). Default "alpha". The
	// scripts' realm binding is "/alpha" ("/" for the root realm).
	Realm string
	// CookieName names the session cookie set on success. Default
	// iPlanetDirectoryPro.
	CookieName string
	// AuthIDLifetime is how long an authId is good for, and so how long a
	// journey waits for the client's next request. Default 5 minutes.
	AuthIDLifetime time.Duration
	// MaxSessions bounds the journeys in progress; beyond it, a new journey
	// gets 503 until some end or expire. Default 10000.
	MaxSessions int
	// MaxBodyBytes bounds a request body (413 beyond). Default 1 MiB.
	MaxBodyBytes int64
	// MaxSteps bounds each journey's node visits (journey.Options).
	MaxSteps int
	// Engine configures the engine the server creates for every journey's
	// scripts.
	Engine runtime.Options
	// Input is the world the journeys run in (fixtures: IDM users, ESVs,
	// secrets …), shared by every journey as a tenant's is. Its Realm is
	// replaced by the server's.
	Input runtime.Input
	// Key signs the authIds; nil draws 32 random bytes.
	Key []byte
	// Now is the clock authIds and sessions expire by; nil is time.Now.
	Now func() time.Time
}

// Server serves the journeys of a set of exports. It is an http.Handler.
type Server struct {
	opts     Options
	realm    string // as the scripts see it: "/alpha"
	eng      *runtime.Engine
	front    *httpfront.Front
	ids      *authIDs
	journeys map[string]*journey.Export
	metrics  *metrics

	mu        sync.Mutex
	sessions  map[string]*entry
	lastSweep time.Time
}

// entry is a journey in progress.
type entry struct {
	s       *journey.Session
	tree    string
	jti     string    // the step the current authId carries
	expires time.Time // when the current authId expires
	busy    bool      // a request is walking it
}

// New returns a server for the journeys of exps (each export's trees, by
// name; a name in two exports is the first's).
func New(exps []*journey.Export, opts Options) (*Server, error) {
	if opts.Realm == "" {
		opts.Realm = DefaultRealm
	}
	opts.Realm = strings.Trim(opts.Realm, "/")
	if opts.CookieName == "" {
		opts.CookieName = DefaultCookieName
	}
	if opts.AuthIDLifetime <= 0 {
		opts.AuthIDLifetime = DefaultAuthIDLifetime
	}
	if opts.MaxSessions <= 0 {
		opts.MaxSessions = DefaultMaxSessions
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	ids, err := newAuthIDs(opts.Key)
	if err != nil {
		return nil, err
	}
	s := &Server{
		opts:     opts,
		realm:    "/" + opts.Realm,
		ids:      ids,
		journeys: map[string]*journey.Export{},
		metrics:  newMetrics(),
		sessions: map[string]*entry{},
	}
	if opts.Realm == "" || opts.Realm == "root" {
		s.realm = "/"
	}
	s.opts.Input.Realm = s.realm
	for _, x := range exps {
		for _, name := range x.TreeNames() {
			if _, dup := s.journeys[name]; !dup {
				s.journeys[name] = x
			}
		}
	}
	s.eng = runtime.New(opts.Engine)
	s.front = httpfront.New(httpfront.Options{
		MaxBodyBytes: opts.MaxBodyBytes,
		Health: func() map[string]any {
			return map[string]any{"journeys": len(s.journeys), "sessions": s.Sessions()}
		},
		Metrics: func(w io.Writer) { s.metrics.write(w, s.Sessions(), s.eng.Stats()) },
		Close:   s.eng.Close,
	})
	for _, prefix := range []string{"/am/json", "/json"} {
		s.front.Handle(prefix+"/realms/root/realms/{realm}/authenticate", s.authenticate)
		s.front.Handle(prefix+"/realms/root/authenticate", s.authenticate)
	}
	s.front.Handle("/", func(w http.ResponseWriter, r *http.Request) {
		amError(w, http.StatusNotFound, "Resource '"+r.URL.Path+"' not found")
	})
	return s, nil
}

// Journeys names the journeys the server serves.
func (s *Server) Journeys() []string { return slices.Sorted(maps.Keys(s.journeys)) }

// Realm is the realm as the URL names it ("alpha", or "root").
func (s *Server) Realm() string {
	if s.realm == "/" {
		return "root"
	}
	return s.opts.Realm
}

// Sessions is the number of journeys in progress (expired ones included
// until swept).
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.front.ServeHTTP(w, r) }

// Serve serves on ln until ctx is done, then shuts down gracefully (see
// httpfront.Front.Serve) and closes the engine.
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	return s.front.Serve(ctx, ln, grace)
}

// Close closes the engine; call it after Serve has returned, or instead of
// Serve.
func (s *Server) Close() {
	s.front.SetClosing()
	s.eng.Close()
}

// request is the body of POST …/authenticate: the previous answer echoed,
// its callbacks' inputs filled; other keys (header, stage …) are ignored.
type request struct {
	AuthID    string               `json:"authId"`
	Callbacks []callbacks.Callback `json:"callbacks"`
}

// step is the answer that asks the client.
type step struct {
	AuthID      string               `json:"authId"`
	Callbacks   []callbacks.Callback `json:"callbacks"`
	Header      string               `json:"header,omitempty"`
	Description string               `json:"description,omitempty"`
	Stage       string               `json:"stage,omitempty"`
}

// success is the answer at Success.
type success struct {
	TokenID    string `json:"tokenId"`
	SuccessURL string `json:"successUrl"`
	Realm      string `json:"realm"`
}

// AM's error messages. AM answers errors as {"code", "reason", "message"}.
// "Login failure" (401) is measured (spec §11). The others are AM's usual
// wording, not checked against a tenant [unverified]: an authId that is not
// the server's (tampered, or from another server) → 400 "Invalid authId";
// an authId that expired, or whose journey ended or moved on → 401 "Session
// has timed out"; an unknown journey → 400 "No Configuration found".
const (
	msgLoginFailure  = "Login failure"
	msgInvalidAuthID = "Invalid authId"
	msgTimedOut      = "Session has timed out"
	msgNoJourney     = "No Configuration found"
)

func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		amError(w, http.StatusMethodNotAllowed, "Method not allowed: use POST")
		return
	}
	realm := r.PathValue("realm")
	if realm == "" {
		realm = "root"
	}
	if realm != s.Realm() {
		// [unverified] AM's answer for a realm it does not have.
		amError(w, http.StatusNotFound, fmt.Sprintf("Realm /%s not found (this server serves the %s realm)", realm, s.Realm()))
		return
	}
	if s.front.Closing() {
		amError(w, http.StatusServiceUnavailable, "The server is shutting down")
		return
	}
	var req request
	if err := s.front.DecodeJSON(w, r, &req, false); err != nil {
		var be *httpfront.BodyError
		errors.As(err, &be)
		amError(w, be.Status, be.Msg)
		return
	}
	// The walk outlives a client that hangs up: the engine's time limit
	// bounds it.
	ctx := context.WithoutCancel(r.Context())
	if req.AuthID == "" {
		s.start(ctx, w, r)
		return
	}
	s.resume(ctx, w, req)
}

// start begins the journey the query names.
func (s *Server) start(ctx context.Context, w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	tree := q.Get("authIndexValue")
	if t := q.Get("authIndexType"); t != "" && t != "service" {
		amError(w, http.StatusBadRequest, fmt.Sprintf("authIndexType %q: journeyjs serves authIndexType=service only", t))
		return
	}
	if tree == "" {
		amError(w, http.StatusBadRequest, msgNoJourney+": name the journey with ?authIndexType=service&authIndexValue=NAME (this server has "+strings.Join(s.Journeys(), ", ")+")")
		return
	}
	x, ok := s.journeys[tree]
	if !ok {
		amError(w, http.StatusBadRequest, msgNoJourney)
		return
	}
	if !s.reserve() {
		w.Header().Set("Retry-After", "1")
		amError(w, http.StatusServiceUnavailable, fmt.Sprintf("Too many authentication sessions in progress (%d)", s.opts.MaxSessions))
		return
	}
	in := s.opts.Input
	in.RequestHeaders = r.Header.Clone()
	in.RequestParameters = map[string][]string(q)
	in.RequestCookies = map[string]string{}
	for _, c := range r.Cookies() {
		in.RequestCookies[c.Name] = c.Value
	}
	in.CookieName = s.opts.CookieName
	s.metrics.started(tree)
	sess, err := journey.Start(ctx, x, journey.Options{Tree: tree, Engine: s.eng, Input: in, MaxSteps: s.opts.MaxSteps})
	s.answer(w, &entry{s: sess, tree: tree}, randomID(), err)
}

// resume continues the journey the authId names with the client's reply.
func (s *Server) resume(ctx context.Context, w http.ResponseWriter, req request) {
	now := s.opts.Now()
	c, err := s.ids.check(req.AuthID, now)
	switch {
	case errors.Is(err, errExpired):
		s.drop(c.SessionID)
		s.metrics.rejected("expired")
		amError(w, http.StatusUnauthorized, msgTimedOut)
		return
	case err != nil:
		s.metrics.rejected("invalid")
		amError(w, http.StatusBadRequest, msgInvalidAuthID)
		return
	}
	e := s.take(c.SessionID, c.ID, now)
	if e == nil {
		// Ended, expired and swept, answered already, or being walked.
		s.metrics.rejected("unknown")
		amError(w, http.StatusUnauthorized, msgTimedOut)
		return
	}
	p := e.s.Prompt()
	reply, err := p.ReplyFrom(req.Callbacks)
	if err == nil {
		err = e.s.Next(ctx, reply)
	}
	var re *journey.ReplyError
	if errors.As(err, &re) {
		// The session still waits, for the same authId.
		s.release(c.SessionID, e)
		amError(w, http.StatusBadRequest, "Invalid callbacks: "+re.Error())
		return
	}
	s.answer(w, e, c.SessionID, err)
}

// answer answers where the session stopped: a step with a new authId, or
// the end.
func (s *Server) answer(w http.ResponseWriter, e *entry, sid string, walkErr error) {
	if !e.s.Done() {
		now := s.opts.Now()
		e.jti, e.expires = randomID(), now.Add(s.opts.AuthIDLifetime)
		authID, err := s.ids.sign(sid, e.jti, e.tree, now, e.expires)
		if err != nil {
			s.drop(sid)
			amError(w, http.StatusInternalServerError, "signing the authId: "+err.Error())
			return
		}
		p := e.s.Prompt()
		s.release(sid, e)
		httpfront.WriteJSON(w, http.StatusOK, step{
			AuthID: authID, Callbacks: p.Callbacks, Header: p.Header, Description: p.Description, Stage: p.Stage,
		})
		return
	}
	s.drop(sid)
	res := e.s.Result()
	s.metrics.ended(e.tree, res.Result)
	if res.Result != journey.ResultSuccess {
		body := map[string]any{"code": http.StatusUnauthorized, "reason": "Unauthorized", "message": msgLoginFailure}
		if walkErr != nil {
			// Not AM's: why the walk stopped, for the developer.
			body["detail"] = map[string]any{"journeyjs": walkErr.Error()}
		}
		httpfront.WriteJSON(w, http.StatusUnauthorized, body)
		return
	}
	token := randomID()
	http.SetCookie(w, &http.Cookie{Name: s.opts.CookieName, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
	successURL := "/enduser/?realm=" + s.realm
	if s.realm == "/" {
		successURL = "/am/console"
	}
	httpfront.WriteJSON(w, http.StatusOK, success{TokenID: token, SuccessURL: successURL, Realm: s.realm})
}

// reserve makes room for a new session: it sweeps expired sessions now
// and then, and reports whether the map has room. The caller's entry is
// added by release.
func (s *Server) reserve() bool {
	now := s.opts.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.sessions) >= s.opts.MaxSessions || now.Sub(s.lastSweep) > s.opts.AuthIDLifetime/10 {
		s.sweepLocked(now)
	}
	return len(s.sessions) < s.opts.MaxSessions
}

// sweepLocked removes the sessions whose authId has expired.
func (s *Server) sweepLocked(now time.Time) {
	s.lastSweep = now
	for sid, e := range s.sessions {
		if !e.busy && now.After(e.expires) {
			delete(s.sessions, sid)
			e.s.Close()
			s.metrics.expired(e.tree)
		}
	}
}

// take marks session sid busy and returns it, if it exists, waits for step
// jti, has not expired and no other request walks it.
func (s *Server) take(sid, jti string, now time.Time) *entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.sessions[sid]
	if e == nil || e.busy || e.jti != jti {
		return nil
	}
	if now.After(e.expires) {
		delete(s.sessions, sid)
		s.metrics.expired(e.tree)
		return nil
	}
	e.busy = true
	return e
}

// release stores session sid, waiting for the client.
func (s *Server) release(sid string, e *entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e.busy = false
	s.sessions[sid] = e
}

// drop forgets session sid.
func (s *Server) drop(sid string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, sid)
}

// amError answers AM's error JSON.
func amError(w http.ResponseWriter, status int, msg string) {
	httpfront.WriteJSON(w, status, map[string]any{"code": status, "reason": http.StatusText(status), "message": msg})
}

// Load reads the journey exports at path: a file, or every *.json file of a
// directory (not its subdirectories). A file that is not a journey export,
// or whose journeys cannot be walked (a legacy script, a missing inner
// journey), is skipped, and said so in the warnings; no journey at all is
// an error.
func Load(path string) (exps []*journey.Export, warnings []string, err error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	files := []string{path}
	if st.IsDir() {
		if files, err = filepath.Glob(filepath.Join(path, "*.json")); err != nil {
			return nil, nil, err
		}
	}
	seen := map[string]string{}
	for _, f := range files {
		x, err := journey.Read(f)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("skipped %s: %v", f, err))
			continue
		}
		ok := false
		for _, name := range x.TreeNames() {
			if err := x.Check(name); err != nil {
				warnings = append(warnings, fmt.Sprintf("skipped journey %q of %s: %v", name, f, err))
				delete(x.Trees, name)
				continue
			}
			if prev, dup := seen[name]; dup {
				warnings = append(warnings, fmt.Sprintf("journey %q of %s is not served: %s has one of that name", name, f, prev))
				continue
			}
			seen[name], ok = f, true
		}
		if ok {
			exps = append(exps, x)
		}
	}
	if len(exps) == 0 {
		return nil, warnings, fmt.Errorf("%s: no journey export to serve", path)
	}
	return exps, warnings, nil
}
