package runtime

import (
	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/bindings/secrets"
	"github.com/journeyjs/journeyjs/bindings/systemenv"
	"github.com/journeyjs/journeyjs/bindings/verify"
)

// Input is everything one run sees: the journey's state, the request, and the
// back ends the bindings talk to. The zero value is a run with empty state, no
// secrets, no ESVs and no libraries beyond the engine's.
type Input struct {
	// SharedState and TransientState are the node state before the run. They
	// are never modified; the run's changes come back in Result.
	SharedState    map[string]any
	TransientState map[string]any

	// Realm is the `realm` binding, for example "/alpha".
	Realm string
	// CookieName is the `cookieName` binding.
	CookieName string
	// RequestHeaders, RequestParameters and RequestCookies describe the HTTP
	// request that drove the journey.
	RequestHeaders    map[string][]string
	RequestParameters map[string][]string
	RequestCookies    map[string]string

	// Secrets backs the `secrets` binding; nil means no secret is mapped.
	Secrets secrets.Store
	// ESVs backs the `systemEnv` binding; nil means no ESV is defined.
	ESVs systemenv.Source
	// IDM backs the `openidm` binding; nil makes every openidm call throw
	// "openidm: no IDM back end configured".
	IDM openidm.Backend
	// HTTP backs the `httpClient` binding: routes, in-process hosts, the
	// network transport, the outbound policy and the named clients. nil
	// means no routes and no passthrough: every request fails and says which
	// route to add.
	HTTP *httpclient.Config
	// Verify backs the `verifyTransactionsHelper` binding: the PingOne
	// environment holding the journey user's Verify transactions and
	// account. nil makes every call throw "no PingOne Verify back end
	// configured".
	Verify verify.Backend
	// Libraries are library scripts (name → source) that require() can load in
	// this run, in addition to those registered on the engine.
	Libraries map[string]string
	// LogLevel overrides the engine's script log level for this run.
	LogLevel *logger.Level
}
