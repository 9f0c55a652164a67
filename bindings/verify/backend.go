package verify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/secrets"
	"github.com/journeyjs/journeyjs/bindings/verify/enums"
)

// Backend is where the helper's PingOne requests go: one environment of the
// PingOne Platform API, already authenticated.
type Backend interface {
	// Do sends one request. path is relative to /v1/environments/{envID}
	// and begins with "/" (it may carry a query string); body, when not
	// nil, is sent as JSON. The answer is PingOne's status and body,
	// whatever the status; err is for requests that got no answer (network,
	// token endpoint refusing the worker's credentials).
	Do(ctx context.Context, method, path string, body []byte) (status int, respBody []byte, err error)
	// UserIDKey is the node state key that holds the journey user's
	// PingOne user id; "" means DefaultUserIDKey.
	UserIDKey() string
}

// Default secret labels of the worker application's credentials.
const (
	DefaultClientIDLabel     = "scripted.node.pingone.client.id"
	DefaultClientSecretLabel = "scripted.node.pingone.client.secret"
)

// Config describes a REST back end.
type Config struct {
	// EnvironmentID is the PingOne environment (required).
	EnvironmentID string
	// Region is NA (the default), EU, CA, AP (or ASIA) or AU; it picks
	// https://api.pingone.{com|eu|ca|asia|com.au} and the matching auth host.
	Region string
	// APIURL and AuthURL replace the region's hosts (a proxy, a test server).
	APIURL  string
	AuthURL string

	// ClientID and ClientSecret are the worker application's credentials.
	// When empty they are read from Secrets under ClientIDLabel and
	// ClientSecretLabel (defaults DefaultClientIDLabel and
	// DefaultClientSecretLabel) when a token is needed.
	ClientID          string
	ClientSecret      string
	Secrets           secrets.Store
	ClientIDLabel     string
	ClientSecretLabel string

	// HTTPClient sends the requests; nil means a client with a 30 s timeout.
	HTTPClient *http.Client
	// UserIDStateKey is the node state key holding the PingOne user id;
	// empty means DefaultUserIDKey.
	UserIDStateKey string
	// Now is the clock that decides when a cached token has expired;
	// nil means time.Now.
	Now func() time.Time
}

// Client is a Backend that speaks PingOne's REST API: the real service, or
// anything that answers as it does (the local platform's handler). It
// fetches a worker token with the client credentials grant and reuses it
// until shortly before it expires. It is safe for concurrent use.
type Client struct {
	cfg     Config
	api     string
	tokURL  string
	httpc   *http.Client
	mu      sync.Mutex
	token   string
	expires time.Time
}

// NewClient checks cfg and returns a REST back end.
func NewClient(cfg Config) (*Client, error) {
	if cfg.EnvironmentID == "" {
		return nil, errors.New("verify: EnvironmentID is required")
	}
	if strings.ContainsAny(cfg.EnvironmentID, "/?#") {
		return nil, fmt.Errorf("verify: environment id %q is not an id", cfg.EnvironmentID)
	}
	domain, ok := enums.RegionDomain(cfg.Region)
	if !ok {
		return nil, fmt.Errorf("verify: unknown PingOne region %q (NA, EU, CA, AP, AU)", cfg.Region)
	}
	api, auth := cfg.APIURL, cfg.AuthURL
	if api == "" {
		api = "https://api.pingone." + domain
	}
	if auth == "" {
		auth = "https://auth.pingone." + domain
	}
	if cfg.ClientIDLabel == "" {
		cfg.ClientIDLabel = DefaultClientIDLabel
	}
	if cfg.ClientSecretLabel == "" {
		cfg.ClientSecretLabel = DefaultClientSecretLabel
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	return &Client{cfg: cfg, httpc: hc,
		api:    strings.TrimRight(api, "/") + "/v1/environments/" + cfg.EnvironmentID,
		tokURL: strings.TrimRight(auth, "/") + "/" + cfg.EnvironmentID + "/as/token"}, nil
}

// NewLocal is the back end of an in-process PingOne (the local platform's
// handler): the same REST client, its requests served by h without a
// network, with the hosts of the environment's region so links look as
// they do in the cloud.
func NewLocal(h http.Handler, envID, region, clientID, clientSecret string) (*Client, error) {
	return NewClient(Config{EnvironmentID: envID, Region: region, ClientID: clientID, ClientSecret: clientSecret,
		HTTPClient: &http.Client{Transport: httpclient.HandlerTransport(h)}})
}

// UserIDKey implements Backend.
func (c *Client) UserIDKey() string { return c.cfg.UserIDStateKey }

// Do implements Backend. A 401 answer drops the cached token and the
// request is sent once more with a new one.
func (c *Client) Do(ctx context.Context, method, path string, body []byte) (int, []byte, error) {
	for attempt := 0; ; attempt++ {
		tok, err := c.bearer(ctx)
		if err != nil {
			return 0, nil, err
		}
		status, resp, err := c.send(ctx, method, path, body, tok)
		if err != nil || status != http.StatusUnauthorized || attempt > 0 {
			return status, resp, err
		}
		c.mu.Lock()
		if c.token == tok {
			c.token = ""
		}
		c.mu.Unlock()
	}
}

func (c *Client) send(ctx context.Context, method, path string, body []byte, tok string) (int, []byte, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.api+path, rd)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.httpc.Do(req)
	if err != nil {
		return 0, nil, fmt.Errorf("PingOne %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return 0, nil, fmt.Errorf("PingOne %s %s: read answer: %w", method, path, err)
	}
	return resp.StatusCode, b, nil
}

// bearer returns a valid access token, fetching one when none is cached or
// the cached one is about to expire.
func (c *Client) bearer(ctx context.Context) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token != "" && c.cfg.Now().Before(c.expires) {
		return c.token, nil
	}
	id, secret, err := c.credentials(ctx)
	if err != nil {
		return "", err
	}
	form := url.Values{"grant_type": {"client_credentials"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.tokURL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	resp, err := c.httpc.Do(req)
	if err != nil {
		return "", fmt.Errorf("PingOne token: %w", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("PingOne token: %s answered %d: %s", c.tokURL, resp.StatusCode, strings.TrimSpace(string(b)))
	}
	var tok struct {
		AccessToken string  `json:"access_token"`
		ExpiresIn   float64 `json:"expires_in"`
	}
	if err := json.Unmarshal(b, &tok); err != nil || tok.AccessToken == "" {
		return "", fmt.Errorf("PingOne token: the answer has no access_token")
	}
	life := time.Duration(tok.ExpiresIn * float64(time.Second))
	// Renew a minute early (or half-way through a short life) so a token
	// never expires between the check and its use.
	margin := time.Minute
	if life < 2*margin {
		margin = life / 2
	}
	c.token, c.expires = tok.AccessToken, c.cfg.Now().Add(life-margin)
	return c.token, nil
}

func (c *Client) credentials(ctx context.Context) (id, secret string, err error) {
	id, secret = c.cfg.ClientID, c.cfg.ClientSecret
	if id != "" && secret != "" {
		return id, secret, nil
	}
	if c.cfg.Secrets == nil {
		return "", "", errors.New("PingOne token: no worker credentials: set ClientID/ClientSecret or a secret store")
	}
	read := func(label string) (string, error) {
		b, err := c.cfg.Secrets.GenericSecret(ctx, label)
		if err != nil {
			return "", fmt.Errorf("PingOne token: worker credentials: %w", err)
		}
		return strings.TrimSpace(string(b)), nil
	}
	if id == "" {
		if id, err = read(c.cfg.ClientIDLabel); err != nil {
			return "", "", err
		}
	}
	if secret == "" {
		if secret, err = read(c.cfg.ClientSecretLabel); err != nil {
			return "", "", err
		}
	}
	return id, secret, nil
}
