package httpclient

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"time"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Config is everything the `httpClient` binding needs for one run. The runtime
// passes it through untouched (runtime.Input.HTTP); a Config is read-only once
// a run uses it, so one value can serve many concurrent runs. A nil *Config
// behaves like the zero value: no routes, no passthrough, so every request
// fails with a message that shows the route to add.
//
// A request is answered by the first of these that applies:
//
//  1. Hosts: an in-process http.Handler registered for the request's host
//     (for example a local PingOne platform on "api.pingone.com"). No network,
//     no outbound policy: these hosts are part of the simulated world.
//  2. Routes: the first canned response whose method, URL and body match.
//  3. Passthrough: when true, the request goes out through Transport, or, when
//     Transport is nil, through the built-in network transport that enforces
//     Policy at dial time and applies the named client's timeouts and TLS
//     settings. Policy's host rules (AllowHosts, metadata names, literal
//     addresses) are checked for every passthrough request and every redirect,
//     whatever the transport.
//  4. Otherwise the request fails, and the error shows the route to add.
type Config struct {
	// Hosts maps a host name ("api.pingone.com"), a host and port
	// ("localhost:8443") or a wildcard ("*.pingone.com") to an in-process
	// handler. Compose more back ends by adding entries; HandlerTransport turns
	// any handler into an http.RoundTripper for other uses.
	Hosts map[string]http.Handler
	// Routes are canned responses, tried in order.
	Routes []Route
	// Passthrough lets requests that no host handler and no route answer go
	// out for real.
	Passthrough bool
	// Transport, when set, replaces the built-in network transport for
	// passthrough requests (a recorder, a proxy, a test double). The named
	// clients' timeouts and certificates apply only to the built-in transport.
	Transport http.RoundTripper
	// Policy limits where passthrough requests may go.
	Policy Policy
	// Clients are the named client configurations (AM's Http Client service
	// secondary configurations) scripts select with the clientName option.
	Clients map[string]ClientConfig

	// MaxResponseBytes caps a response body; 0 means DefaultMaxResponseBytes.
	MaxResponseBytes int64
	// MaxRequestBytes caps a request body; 0 means DefaultMaxRequestBytes.
	MaxRequestBytes int64
}

// Size limits and the timeouts of the default client.
const (
	DefaultMaxResponseBytes = 10 << 20         // when Config.MaxResponseBytes is 0
	DefaultMaxRequestBytes  = 10 << 20         // when Config.MaxRequestBytes is 0
	DefaultConnectTimeout   = 10 * time.Second // when ClientConfig.ConnectTimeout is 0
	DefaultReadTimeout      = 10 * time.Second // when ClientConfig.ReadTimeout is 0
	maxRedirects            = 10
)

func (c *Config) maxResponse() int64 {
	if c.MaxResponseBytes > 0 {
		return c.MaxResponseBytes
	}
	return DefaultMaxResponseBytes
}

func (c *Config) maxRequest() int64 {
	if c.MaxRequestBytes > 0 {
		return c.MaxRequestBytes
	}
	return DefaultMaxRequestBytes
}

// ClientConfig is one named HTTP client, as AM's Http Client service
// secondary configuration defines it.
type ClientConfig struct {
	// Disabled clients cannot be used: a request naming one fails.
	Disabled bool
	// ConnectTimeout bounds the TCP connect and the TLS handshake; 0 means
	// DefaultConnectTimeout.
	ConnectTimeout time.Duration
	// ReadTimeout bounds the wait for the response headers and, separately,
	// the reading of the body; 0 means DefaultReadTimeout.
	ReadTimeout time.Duration
	// ClientCertificate is the "Client Certificate Secret Label Identifier":
	// the certificate and private key (one PEM file, or its base64 form) are
	// read from the run's secret store under the label
	// am.services.httpclient.mtls.clientcert.<identifier>.secret.
	ClientCertificate string
	// ServerTrustCertificates is the "Server Trust Certificates Secret Label
	// Identifier": a PEM bundle (or its base64 form) read from
	// am.services.httpclient.mtls.servertrustcerts.<identifier>.secret. When
	// empty the system roots verify the server.
	ServerTrustCertificates string
}

// ClientCertLabel is the secret label holding the client certificate and key
// of a named client whose identifier is id.
func ClientCertLabel(id string) string {
	return "am.services.httpclient.mtls.clientcert." + id + ".secret"
}

// ServerTrustLabel is the secret label holding the trusted server
// certificates of a named client whose identifier is id.
func ServerTrustLabel(id string) string {
	return "am.services.httpclient.mtls.servertrustcerts." + id + ".secret"
}

// LabelPrefix begins every secret label the named clients read; these labels
// are read by the host, never by scripts.
const LabelPrefix = "am.services.httpclient."

func (c ClientConfig) connectTimeout() time.Duration {
	if c.ConnectTimeout > 0 {
		return c.ConnectTimeout
	}
	return DefaultConnectTimeout
}

func (c ClientConfig) readTimeout() time.Duration {
	if c.ReadTimeout > 0 {
		return c.ReadTimeout
	}
	return DefaultReadTimeout
}

// Route is a canned response.
type Route struct {
	// Method matches the request method (any case); empty matches any.
	Method string
	// URL matches the request URL exactly, or as a pattern where * stands
	// for any run of characters. A URL without "?" ignores the request's
	// query string.
	URL string
	// BodyContains, when set, must occur in the request body.
	BodyContains string
	// Status is the response status; 0 means 200.
	Status int
	// Headers are the response headers.
	Headers map[string]string
	// Body is the response body: a string or []byte as is, anything else as
	// JSON (with Content-Type: application/json unless Headers set one).
	Body any
}

// Policy limits where passthrough requests may go. The zero value denies
// loopback, private, link-local, unspecified and multicast addresses and the
// cloud metadata endpoints, and allows every other host.
type Policy struct {
	// AllowPrivate allows loopback, private, link-local and unspecified
	// addresses, for local testing. Cloud metadata addresses stay denied.
	AllowPrivate bool
	// AllowHosts, when not empty, is the only hosts requests may reach: exact
	// names (any case) or "*.example.com" wildcards. It does not lift the
	// address rules.
	AllowHosts []string

	// LookupIP resolves a host name; nil means the system resolver. Tests
	// use it to make a name resolve where they need.
	LookupIP func(ctx context.Context, host string) ([]netip.Addr, error)
	// DialContext opens a connection to an address ("ip:port") that passed
	// the checks; nil means a net.Dialer with the client's connect timeout.
	// Tests use it to simulate a public address while reaching 127.0.0.1.
	DialContext func(ctx context.Context, network, addr string) (net.Conn, error)
}

// Fixture is the `http:` section of a fixtures file.
type Fixture struct {
	// Passthrough sets Config.Passthrough.
	Passthrough bool `yaml:"passthrough"`
	// AllowPrivate and AllowHosts set the same fields of Config.Policy.
	AllowPrivate bool     `yaml:"allowPrivate"`
	AllowHosts   []string `yaml:"allowHosts"`
	// Routes become Config.Routes, in order.
	Routes []RouteFixture `yaml:"routes"`
}

// RouteFixture is one route of the `http:` fixtures section.
type RouteFixture struct {
	// Method, URL, BodyContains, Status, Headers and Body set the same
	// fields of the Route; URL is required.
	Method       string            `yaml:"method"`
	URL          string            `yaml:"url"`
	BodyContains string            `yaml:"bodyContains"`
	Status       int               `yaml:"status"`
	Headers      map[string]string `yaml:"headers"`
	Body         any               `yaml:"body"`
	// BodyFile is read as the body; relative to the fixtures file.
	BodyFile string `yaml:"bodyFile"`
}

// ClientFixture is one entry of the `httpClients:` fixtures section.
type ClientFixture struct {
	// Enabled defaults to true.
	Enabled *bool `yaml:"enabled"`
	// ConnectTimeout and ReadTimeout are durations such as "5s" or "250ms".
	ConnectTimeout time.Duration `yaml:"connectTimeout"`
	ReadTimeout    time.Duration `yaml:"readTimeout"`
	// ClientCertificate and ServerTrustCertificates are secret label
	// identifiers, as in ClientConfig.
	ClientCertificate       string `yaml:"clientCertificate"`
	ServerTrustCertificates string `yaml:"serverTrustCertificates"`
}

// FromFixtures builds a Config from the fixtures sections. readFile reads a
// route's bodyFile (the caller resolves it against the fixtures file). Both
// sections may be nil.
func FromFixtures(fx *Fixture, clients map[string]ClientFixture, readFile func(string) ([]byte, error)) (*Config, error) {
	cfg := &Config{}
	if fx != nil {
		cfg.Passthrough = fx.Passthrough
		cfg.Policy.AllowPrivate = fx.AllowPrivate
		cfg.Policy.AllowHosts = fx.AllowHosts
		for i, r := range fx.Routes {
			if r.URL == "" {
				return nil, fmt.Errorf("http.routes[%d]: url is required", i)
			}
			if r.Status != 0 && (r.Status < 100 || r.Status > 999) {
				return nil, fmt.Errorf("http.routes[%d]: status %d is not an HTTP status", i, r.Status)
			}
			route := Route{Method: r.Method, URL: r.URL, BodyContains: r.BodyContains, Status: r.Status, Headers: r.Headers}
			switch {
			case r.BodyFile != "" && r.Body != nil:
				return nil, fmt.Errorf("http.routes[%d]: set body or bodyFile, not both", i)
			case r.BodyFile != "":
				b, err := readFile(r.BodyFile)
				if err != nil {
					return nil, fmt.Errorf("http.routes[%d]: bodyFile: %v", i, err)
				}
				route.Body = b
			case r.Body != nil:
				route.Body = jsvalue.Normalize(r.Body)
				if _, isStr := route.Body.(string); !isStr {
					if _, err := json.Marshal(route.Body); err != nil {
						return nil, fmt.Errorf("http.routes[%d]: body: %v", i, err)
					}
				}
			}
			cfg.Routes = append(cfg.Routes, route)
		}
	}
	if len(clients) > 0 {
		cfg.Clients = make(map[string]ClientConfig, len(clients))
		for name, c := range clients {
			if c.ConnectTimeout < 0 || c.ReadTimeout < 0 {
				return nil, fmt.Errorf("httpClients.%s: timeouts cannot be negative", name)
			}
			cfg.Clients[name] = ClientConfig{
				Disabled:                c.Enabled != nil && !*c.Enabled,
				ConnectTimeout:          c.ConnectTimeout,
				ReadTimeout:             c.ReadTimeout,
				ClientCertificate:       c.ClientCertificate,
				ServerTrustCertificates: c.ServerTrustCertificates,
			}
		}
	}
	return cfg, nil
}
