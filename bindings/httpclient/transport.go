package httpclient

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/journeyjs/journeyjs/bindings/secrets"
)

// MatchURL reports whether url matches a route's URL pattern, where *
// stands for any run of characters. A pattern without "?" ignores the
// query string of url.
func MatchURL(pattern, url string) bool {
	if !strings.Contains(pattern, "?") {
		url, _, _ = strings.Cut(url, "?")
	}
	return matchPattern(pattern, url)
}

// matchPattern reports whether s matches pattern, where * stands for any
// run of characters.
func matchPattern(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	first, last := parts[0], parts[len(parts)-1]
	if len(parts) == 1 {
		return s == pattern
	}
	if len(s) < len(first)+len(last) || !strings.HasPrefix(s, first) || !strings.HasSuffix(s, last) {
		return false
	}
	// The middle parts, leftmost first, between the prefix and the suffix.
	s = s[len(first) : len(s)-len(last)]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return true
}

func routeMatches(r *Route, method, url string, body []byte) bool {
	if r.Method != "" && !strings.EqualFold(r.Method, method) {
		return false
	}
	if !MatchURL(r.URL, url) {
		return false
	}
	return r.BodyContains == "" || bytes.Contains(body, []byte(r.BodyContains))
}

func routeResponse(r *Route, req *http.Request) (*http.Response, error) {
	status := r.Status
	if status == 0 {
		status = http.StatusOK
	}
	h := make(http.Header, len(r.Headers)+1)
	for k, v := range r.Headers {
		h.Set(k, v)
	}
	var body []byte
	switch b := r.Body.(type) {
	case nil:
	case string:
		body = []byte(b)
	case []byte:
		body = b
	default:
		var err error
		if body, err = json.Marshal(b); err != nil {
			return nil, fmt.Errorf("httpClient: route %s: body: %v", r.URL, err)
		}
		if h.Get("Content-Type") == "" {
			h.Set("Content-Type", "application/json")
		}
	}
	return memoryResponse(status, h, body, req), nil
}

// UnmatchedError is the error of a request that no host handler and no route
// answered while passthrough is off.
type UnmatchedError struct {
	// Method and URL are the request's.
	Method, URL string
	// Body is the start of the request body (at most 1 KiB), nil when it
	// could not be read again.
	Body []byte
}

// Error names the request and shows the fixtures route that would answer it.
func (e *UnmatchedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "httpClient: no route matches %s %s", e.Method, e.URL)
	if len(e.Body) > 0 {
		s := string(e.Body)
		if len(s) > 200 {
			s = s[:200] + "…"
		}
		fmt.Fprintf(&b, " (body %s)", s)
	}
	b.WriteString(" and http.passthrough is off; add a route to the fixtures file:\n")
	b.WriteString("  http:\n    routes:\n")
	fmt.Fprintf(&b, "      - method: %s\n", e.Method)
	fmt.Fprintf(&b, "        url: %s\n", e.URL)
	b.WriteString("        status: 200\n")
	b.WriteString("        body: {}\n")
	b.WriteString("or set http.passthrough: true to send unmatched requests to the network")
	return b.String()
}

// chain is the RoundTripper of one client in one run: host handlers, then
// routes, then the network.
type chain struct {
	cfg     *Config
	network http.RoundTripper // Config.Transport, or nil for the client's own
	own     *networkTransport
}

func (c *chain) RoundTrip(req *http.Request) (*http.Response, error) {
	if h := hostHandler(c.cfg.Hosts, req.URL.Host, req.URL.Hostname()); h != nil {
		return HandlerTransport(h).RoundTrip(req)
	}
	if len(c.cfg.Routes) > 0 || !c.cfg.Passthrough {
		body := peekBody(req)
		url := req.URL.String()
		for i := range c.cfg.Routes {
			if r := &c.cfg.Routes[i]; routeMatches(r, req.Method, url, body) {
				closeBody(req)
				return routeResponse(r, req)
			}
		}
		if !c.cfg.Passthrough {
			closeBody(req)
			return nil, &UnmatchedError{Method: req.Method, URL: url, Body: body[:min(len(body), 1024)]}
		}
	}
	if err := c.cfg.Policy.checkHost(req.URL.Hostname()); err != nil {
		closeBody(req)
		return nil, err
	}
	if c.network != nil {
		return c.network.RoundTrip(req)
	}
	return c.own.get().RoundTrip(req)
}

// networkTransport is a client's own network transport, built on the
// client's first request that leaves the process: a run whose requests all
// go to host handlers or routes (every run against a local PingOne) never
// pays for an http.Transport it would close unused at the end of the run.
type networkTransport struct {
	build func() *http.Transport
	once  sync.Once
	tr    *http.Transport
	// built is set once tr exists; read without the once by the request
	// goroutines (the read timeout) and by End (idle connections).
	built atomic.Bool
}

func (n *networkTransport) get() *http.Transport {
	n.once.Do(func() {
		n.tr = n.build()
		n.built.Store(true)
	})
	return n.tr
}

// closeIdle closes the idle connections of a transport that was built.
func (n *networkTransport) closeIdle() {
	if n != nil && n.built.Load() {
		n.tr.CloseIdleConnections()
	}
}

// peekBody reads the request's body without consuming it.
func peekBody(req *http.Request) []byte {
	if req.GetBody == nil {
		return nil
	}
	rc, err := req.GetBody()
	if err != nil {
		return nil
	}
	defer rc.Close()
	body, _ := io.ReadAll(rc)
	return body
}

// closeBody closes the body of a request the chain answers itself, as a
// RoundTripper must.
func closeBody(req *http.Request) {
	if req.Body != nil {
		req.Body.Close()
	}
}

func hostHandler(hosts map[string]http.Handler, hostPort, host string) http.Handler {
	if len(hosts) == 0 {
		return nil
	}
	if h, ok := hosts[hostPort]; ok {
		return h
	}
	host = strings.ToLower(host)
	if h, ok := hosts[host]; ok {
		return h
	}
	for pattern, h := range hosts {
		if underWildcard(pattern, host) {
			return h
		}
	}
	return nil
}

// underWildcard reports whether host (in lower case) matches a
// "*.example.com" pattern (in any case).
func underWildcard(pattern, host string) bool {
	suffix, ok := strings.CutPrefix(pattern, "*")
	return ok && strings.HasPrefix(suffix, ".") && strings.HasSuffix(host, strings.ToLower(suffix))
}

// client is a named (or the default) client built for one run.
type client struct {
	name string
	conf ClientConfig
	http *http.Client
	// network is the client's own transport; nil when the host supplied
	// Config.Transport. The named client's timeouts apply only to it.
	network *networkTransport
}

// buildClient makes the client for name, reading its certificates from
// store. name "" is the default client.
func buildClient(ctx context.Context, cfg *Config, name string, store secrets.Store) (*client, error) {
	var cc ClientConfig
	if name != "" {
		var ok bool
		cc, ok = cfg.Clients[name]
		if !ok {
			return nil, fmt.Errorf("httpClient: no HTTP client named %q is configured (add it under httpClients in the fixtures, or to Config.Clients)", name)
		}
		if cc.Disabled {
			return nil, fmt.Errorf("httpClient: the HTTP client %q is disabled", name)
		}
	}
	c := &client{name: name, conf: cc}
	ch := &chain{cfg: cfg, network: cfg.Transport}
	if cfg.Transport == nil {
		// Certificates are read now, so a client whose secrets are wrong
		// fails every request, wherever it would have gone.
		var certs []tls.Certificate
		if cc.ClientCertificate != "" {
			label := ClientCertLabel(cc.ClientCertificate)
			pemData, err := readPEMSecret(ctx, store, label, name)
			if err != nil {
				return nil, err
			}
			cert, err := tls.X509KeyPair(pemData, pemData)
			if err != nil {
				return nil, fmt.Errorf("httpClient: client %q: secret %s does not hold a PEM certificate and private key: %v", name, label, err)
			}
			certs = []tls.Certificate{cert}
		}
		var roots *x509.CertPool
		if cc.ServerTrustCertificates != "" {
			label := ServerTrustLabel(cc.ServerTrustCertificates)
			pemData, err := readPEMSecret(ctx, store, label, name)
			if err != nil {
				return nil, err
			}
			roots = x509.NewCertPool()
			if !roots.AppendCertsFromPEM(pemData) {
				return nil, fmt.Errorf("httpClient: client %q: secret %s holds no PEM certificate", name, label)
			}
		}
		policy := cfg.Policy
		c.network = &networkTransport{build: func() *http.Transport {
			return &http.Transport{
				Proxy:                  nil, // an environment proxy would bypass the policy
				DialContext:            policy.dialer(cc.connectTimeout()),
				TLSClientConfig:        &tls.Config{MinVersion: tls.VersionTLS12, Certificates: certs, RootCAs: roots},
				TLSHandshakeTimeout:    cc.connectTimeout(),
				ResponseHeaderTimeout:  cc.readTimeout(),
				MaxResponseHeaderBytes: 1 << 20,
				MaxIdleConnsPerHost:    4,
				ForceAttemptHTTP2:      true,
			}
		}}
		ch.own = c.network
	}
	c.http = &http.Client{
		Transport: ch,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			return nil
		},
	}
	return c, nil
}

// readPEMSecret reads a PEM secret, stored as PEM text or as its base64 form
// (the ESV "valueBase64" of a PEM file).
func readPEMSecret(ctx context.Context, store secrets.Store, label, client string) ([]byte, error) {
	if store == nil {
		return nil, fmt.Errorf("httpClient: client %q: no secret is mapped to %s (no secret store configured)", client, label)
	}
	val, err := store.GenericSecret(ctx, label)
	if errors.Is(err, secrets.ErrNotFound) {
		return nil, fmt.Errorf("httpClient: client %q: no secret is mapped to %s", client, label)
	}
	if err != nil {
		return nil, fmt.Errorf("httpClient: client %q: %v", client, err)
	}
	if bytes.Contains(val, []byte("-----BEGIN")) {
		return val, nil
	}
	clean := bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, val)
	dec, err := base64.StdEncoding.DecodeString(string(clean))
	if err != nil || !bytes.Contains(dec, []byte("-----BEGIN")) {
		return nil, fmt.Errorf("httpClient: client %q: secret %s is neither PEM nor base64-encoded PEM", client, label)
	}
	return dec, nil
}

// describeErr turns a transport error into the message a script sees.
func describeErr(method, rawURL string, c *client, err error) error {
	var denied *DeniedError
	if errors.As(err, &denied) {
		return denied
	}
	var unmatched *UnmatchedError
	if errors.As(err, &unmatched) {
		return unmatched
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	who := ""
	if c != nil && c.name != "" {
		who = fmt.Sprintf(" (client %q)", c.name)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("httpClient: %s %s%s: timed out: %w", method, rawURL, who, err)
	}
	return fmt.Errorf("httpClient: %s %s%s failed: %w", method, rawURL, who, err)
}
