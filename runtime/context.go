package runtime

import (
	"fmt"
	"slices"
	"strings"
)

// Context is an AIC script type: the set of bindings its scripts see and how
// a run's result is read. Every run has one; ScriptedDecision is the
// default. A binding the context does not offer is not defined for its
// scripts: naming it is the ReferenceError AIC gives.
type Context struct {
	// Name is journeyjs's name for the context, as --context and the
	// fixtures' context: key take it: "scripted-decision".
	Name string
	// ID is AIC's script context id, e.g. SCRIPTED_DECISION_NODE; the CLI
	// accepts it too.
	ID string
	// LoggerID is the context's part of a script's logger name,
	// scripts.<LoggerID>.<id>.(<name>). For next-generation decision
	// scripts AIC still writes AUTHENTICATION_TREE_DECISION_NODE
	// (measured).
	LoggerID string
	// Bindings are the globals the context offers, by name. A name that no
	// registered binding provides is simply not defined. A registered
	// binding that no context names is an embedder's own, and every
	// context offers it.
	Bindings []string
	// NeedsOutcome makes a run that chose no outcome (action.goTo) fail with
	// KindNoOutcome.
	NeedsOutcome bool
	// ResultGlobal names the global variable AM reads the run's result
	// from once the script has run (a Configuration Provider's config
	// object); it lands in Result.Value. A run that leaves it unset, or not
	// an object, fails with KindNoOutcome.
	ResultGlobal string
	set          map[string]bool
}

// The bindings every next-generation context has (spec §12, "common").
var commonBindings = []string{
	"logger", "httpClient", "openidm", "utils", "systemEnv", "java", "JavaImporter",
	"realm", "scriptName", "cookieName", "policy", "secrets",
}

// The bindings of a node script (Scripted Decision and Device Match share
// AM's BaseScriptedDecisionNodeBindings).
var nodeBindings = []string{
	"action", "nodeState", "callbacks", "callbacksBuilder",
	"requestHeaders", "requestParameters", "requestCookies",
	"idRepository", "resumedFromSuspend", "existingSession",
	"jwtAssertion", "jwtValidator", "locales", "journey", "cacheManager",
}

// The contexts journeyjs runs (spec §12). Where the spec marks a binding's
// presence UNCERTAIN, the comment says which way journeyjs went.
var (
	// ScriptedDecision is a Scripted Decision node's script: it picks the
	// node's outcome with action.goTo.
	ScriptedDecision = newContext(Context{
		Name: "scripted-decision", ID: "SCRIPTED_DECISION_NODE", LoggerID: "AUTHENTICATION_TREE_DECISION_NODE",
		Bindings:     concat(commonBindings, nodeBindings, []string{"samlApplication", "oauthApplication"}),
		NeedsOutcome: true,
	}, true)
	// VerifyCompletion is the script of a PingOne Verify Completion Decision
	// node: it reads the user's Verify transactions through
	// verifyTransactionsHelper; the node, not the script, picks the
	// outcome. AIC's page lists the common bindings and the helper; the
	// node reads its script inputs from shared state, so journeyjs also
	// gives it nodeState (UNCERTAIN in the spec).
	VerifyCompletion = newContext(Context{
		Name: "verify-completion", ID: "PINGONE_VERIFY_COMPLETION_DECISION_NODE", LoggerID: "PINGONE_VERIFY_COMPLETION_DECISION_NODE",
		Bindings: concat(commonBindings, []string{"verifyTransactionsHelper", "nodeState"}),
	}, false)
	// DeviceMatch is a Device Match node's script: the node bindings of a
	// Scripted Decision plus deviceProfilesDao.
	DeviceMatch = newContext(Context{
		Name: "device-match", ID: "DEVICE_MATCH_NODE", LoggerID: "DEVICE_MATCH_NODE",
		Bindings:     concat(commonBindings, nodeBindings, []string{"deviceProfilesDao"}),
		NeedsOutcome: true,
	}, true)
	// ConfigProvider is a Configuration Provider node's script: its result
	// is the object it leaves in the global variable config (AM's
	// ConfigProviderNode reads it as a Map), not an outcome.
	ConfigProvider = newContext(Context{
		Name: "config-provider", ID: "CONFIG_PROVIDER_NODE_NEXT_GEN", LoggerID: "CONFIG_PROVIDER_NODE_NEXT_GEN",
		Bindings: concat(commonBindings, []string{"nodeState", "idRepository", "requestHeaders", "requestParameters",
			"existingSession", "locales", "journey"}),
		ResultGlobal: "config",
	}, true)
	// Library is a library script loaded with require(): the common
	// bindings only; node bindings must be passed in as arguments.
	Library = newContext(Context{
		Name: "library", ID: "LIBRARY", LoggerID: "LIBRARY",
		Bindings: commonBindings,
	}, true)
	// CacheLoader is a Cache Loader script: it defines load(key) and maybe
	// reload(key, oldValue), which the cache manager calls (package
	// cachemanager runs them); its top level only defines them. AIC's page
	// gives it the common bindings; whether it has require() is not said,
	// and journeyjs gives it none.
	CacheLoader = newContext(Context{
		Name: "cache-loader", ID: "CACHE_LOADER", LoggerID: "CACHE_LOADER",
		Bindings: commonBindings,
	}, false)
)

// Contexts lists every context, ScriptedDecision first.
var Contexts = []*Context{ScriptedDecision, VerifyCompletion, DeviceMatch, ConfigProvider, Library, CacheLoader}

// LookupContext finds a context by journeyjs name or AIC id, in any case.
// The empty name is ScriptedDecision.
func LookupContext(name string) (*Context, error) {
	if name == "" {
		return ScriptedDecision, nil
	}
	for _, c := range Contexts {
		if strings.EqualFold(name, c.Name) || strings.EqualFold(name, c.ID) {
			return c, nil
		}
	}
	names := make([]string, len(Contexts))
	for i, c := range Contexts {
		names[i] = c.Name
	}
	return nil, fmt.Errorf("unknown script context %q (want one of %s)", name, strings.Join(names, ", "))
}

// Has reports whether the context offers the binding called name: one of its
// Bindings, or a binding that no context names (an embedder's own, which
// AIC does not know), offered everywhere.
func (c *Context) Has(name string) bool { return c.set[name] || !aicNames[name] }

// aicNames are the bindings some context names: AIC's.
var aicNames = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range Contexts {
		for _, b := range c.Bindings {
			m[b] = true
		}
	}
	return m
}()

// String is the context's name.
func (c *Context) String() string { return c.Name }

// MarshalText writes the context's name.
func (c *Context) MarshalText() ([]byte, error) { return []byte(c.Name), nil }

// newContext makes a context; require says whether it has require() for
// library scripts.
func newContext(c Context, require bool) *Context {
	if require {
		c.Bindings = concat(c.Bindings, []string{"require"})
	}
	c.set = make(map[string]bool, len(c.Bindings))
	for _, b := range c.Bindings {
		c.set[b] = true
	}
	return &c
}

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
