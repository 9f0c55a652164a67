package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/bindings/secrets"
	"github.com/journeyjs/journeyjs/bindings/systemenv"
	"github.com/journeyjs/journeyjs/emulator/idm"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
)

// A host creates one engine, runs scripts on it from any number of
// goroutines, and closes it when done.
func ExampleEngine_Run() {
	eng := runtime.New(runtime.Options{Timeout: 2 * time.Second})
	defer eng.Close()

	script := runtime.Script{Name: "check-user.js", Source: `
var user = nodeState.get("username");
nodeState.putShared("greeting", "hello " + user);
logger.info("checking {}", user);
action.goTo(user === "bjensen" ? "known" : "unknown");`}

	res, err := eng.Run(context.Background(), script, runtime.Input{
		SharedState: map[string]any{"username": "bjensen"},
		Realm:       "/alpha",
	})
	if err != nil {
		fmt.Println("failed:", err)
		return
	}
	fmt.Println("outcome:", res.Outcome)
	fmt.Println("greeting:", res.SharedState["greeting"])
	fmt.Println("log:", logger.Logs.Get(res.Outputs)[0].Level, logger.Logs.Get(res.Outputs)[0].Message)
	// Output:
	// outcome: known
	// greeting: hello bjensen
	// log: INFO checking bjensen
}

// Library scripts are registered once and required by name; each run gets
// its own module instances, so module state never leaks between runs.
func ExampleEngine_RegisterLibrary() {
	var eng runtime.Engine // the zero value uses the default Options
	defer eng.Close()

	if err := eng.RegisterLibrary("riskLib", `
exports.score = function (country) { return country === "FR" ? 10 : 80; };`); err != nil {
		fmt.Println(err)
		return
	}
	res, err := eng.Run(context.Background(), runtime.Script{Name: "risk.js", Source: `
var risk = require("riskLib");
action.goTo(risk.score(nodeState.get("country")) > 50 ? "high" : "low");`},
		runtime.Input{SharedState: map[string]any{"country": "BR"}})
	fmt.Println(res.Outcome, err)

	// A library that does not compile is refused with its position.
	err = eng.RegisterLibrary("broken", "exports.x = (;")
	fmt.Println(err)
	// Output:
	// high <nil>
	// broken:1:14: SyntaxError: Unexpected token ;
}

// Back ends are interfaces on Input: here in-memory secrets and ESVs. A host
// plugs its own vault or configuration service by implementing secrets.Store
// and systemenv.Source.
func ExampleInput_secretsAndESVs() {
	eng := runtime.New(runtime.Options{})
	defer eng.Close()

	in := runtime.Input{
		Backends: bindings.NewBackends(
			secrets.StoreKey.Value(secrets.MapStore{"scripted.node.api.key": "s3cr3t"}),
			systemenv.SourceKey.Value(systemenv.MapSource{"esv.max.attempts": "3", "esv.countries": `["FR","DE"]`}),
		),
	}
	res, err := eng.Run(context.Background(), runtime.Script{Name: "config.js", Source: `
var key = secrets.getGenericSecret("scripted.node.api.key").getAsUtf8();
var max = systemEnv.getProperty("esv.max.attempts", "1", java.lang.Integer);
var countries = systemEnv.getProperty("esv.countries", "[]", java.util.List);
try {
  secrets.getGenericSecret("am.services.oauth2.secret");
} catch (e) {
  logger.warn("refused: {}", e.message);
}
action.goTo(key.length + "/" + (max + 1) + "/" + countries.length);`}, in)
	fmt.Println(res.Outcome, err)
	fmt.Println("secrets read:", secrets.Read.Get(res.Outputs))
	// Output:
	// 6/4/2 <nil>
	// secrets read: [scripted.node.api.key]
}

// httpClient requests can be answered by in-process handlers (Hosts), so a
// host or a test needs no network. Every request is reported in HTTPCalls,
// with credentials masked.
func ExampleInput_httpClient() {
	eng := runtime.New(runtime.Options{})
	defer eng.Close()

	authService := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"authenticated": %t}`, string(body) == `{"username":"bjensen"}`)
	})
	in := runtime.Input{
		SharedState: map[string]any{"username": "bjensen"},
		Backends: bindings.NewBackends(
			httpclient.ConfigKey.Value(&httpclient.Config{
				Hosts: map[string]http.Handler{"auth.example.com": authService},
			}),
		),
	}
	res, err := eng.Run(context.Background(), runtime.Script{Name: "auth.js", Source: `
var resp = httpClient.send("https://auth.example.com/authenticate", {
  method: "POST", token: "t0k3n", body: {username: nodeState.get("username")}
}).get();
action.goTo(resp.ok && resp.json().authenticated ? "true" : "false");`}, in)
	fmt.Println(res.Outcome, err)
	c := httpclient.Calls.Get(res.Outputs)[0]
	fmt.Println(c.Method, c.URL, c.Status, c.RequestHeaders["Authorization"])
	// Output:
	// true <nil>
	// POST https://auth.example.com/authenticate 200 Bearer ****
}

// A failed run returns a *runtime.ScriptError: its kind, the position in the
// script (or library) and the JavaScript stack. The partial result (state,
// logs) comes back too.
func ExampleScriptError() {
	eng := runtime.New(runtime.Options{Timeout: 100 * time.Millisecond, PoolSize: 1})
	defer eng.Close()

	_, err := eng.Run(context.Background(), runtime.Script{Name: "lookup.js", Source: `function lookup(user) {
  return user.profile.mail;
}
action.goTo(lookup(nodeState.get("missing")));`}, runtime.Input{})
	var se *runtime.ScriptError
	if errors.As(err, &se) {
		fmt.Println(se.Kind, se.File, se.Line, se.Column)
		fmt.Println(se.Message)
		fmt.Println(se.Stack)
	}

	_, err = eng.Run(context.Background(), runtime.Script{Name: "spin.js", Source: "while (true) {}"}, runtime.Input{})
	if errors.As(err, &se) {
		fmt.Println(se.Kind, se.Line, se.Message)
	}
	// Output:
	// exception lookup.js 2 15
	// TypeError: Cannot read property "profile" from null
	// at lookup (lookup.js:2:15)
	// at <anonymous> (lookup.js:4:19)
	// timeout 1 script timed out after 100ms
}

// Stats are the engine's counters, for a host's metrics: runs, failures,
// timeouts, and the pool of runtimes.
func ExampleEngine_Stats() {
	eng := runtime.New(runtime.Options{PoolSize: 2})
	defer eng.Close()
	ctx := context.Background()
	for _, src := range []string{`action.goTo("a")`, `action.goTo("b")`, `throw new Error("no")`} {
		_, _ = eng.Run(ctx, runtime.Script{Name: "s.js", Source: src}, runtime.Input{})
	}
	st := eng.Stats()
	fmt.Printf("runs=%d failures=%d timeouts=%d\n", st.Runs, st.Failures, st.Timeouts)
	fmt.Printf("pool: inUse=%d capacity=%d fresh runtime per run=%v\n", st.InUse, st.PoolSize, st.RuntimesCreated >= st.Runs)
	fmt.Println("compiled programs:", st.CachedPrograms)
	// Output:
	// runs=3 failures=1 timeouts=0
	// pool: inUse=0 capacity=2 fresh runtime per run=true
	// compiled programs: 3
}

// Scripts registered by name are compiled once and run by name: the shape of
// an auth server that evaluates the scripts its journeys reference.
func ExampleEngine_RunNamed() {
	eng := runtime.New(runtime.Options{})
	defer eng.Close()
	if err := eng.RegisterScript(runtime.Script{Name: "mfa-required", Source: `
action.goTo(requestHeaders.get("x-risk") && requestHeaders.get("x-risk")[0] === "high" ? "mfa" : "skip");`}); err != nil {
		fmt.Println(err)
		return
	}
	res, err := eng.RunNamed(context.Background(), "mfa-required", runtime.Input{
		RequestHeaders: map[string][]string{"X-Risk": {"high"}},
	})
	fmt.Println(res.Outcome, err)
	_, err = eng.RunNamed(context.Background(), "nope", runtime.Input{})
	fmt.Println(errors.Is(err, runtime.ErrUnknownScript))
	// Output:
	// mfa <nil>
	// true
}

// The logger binding's sink (logger.SinkKey, set for every run in
// Options.Backends) receives every line scripts log: a zerolog sink, JSON to
// a file, a console writer, a log shipper. The lines also come back in the
// result's logger.Logs output.
func ExampleOptions_logger() {
	sink := zerolog.New(os.Stdout)
	eng := runtime.New(runtime.Options{Backends: bindings.NewBackends(logger.SinkKey.Value(&sink))})
	defer eng.Close()
	_, _ = eng.Run(context.Background(), runtime.Script{Name: "log.js", ID: "7e3b7a1c-0000-4000-8000-000000000001", Source: `
logger.warn("user {} locked out", nodeState.get("username"));
action.goTo("locked");`}, runtime.Input{SharedState: map[string]any{"username": "bjensen"}})
	// Output:
	// {"level":"warn","logger":"scripts.AUTHENTICATION_TREE_DECISION_NODE.7e3b7a1c-0000-4000-8000-000000000001.(log.js)","message":"user bjensen locked out"}
}

// The openidm binding talks to an openidm.Backend: the emulator in memory
// (idm.Memory, seeded here) or SQLite, or a real IDM over REST. The run
// reports the objects it changed.
func ExampleInput_openidm() {
	store, err := idm.NewMemory(idm.Seed{
		"managed/alpha_user": {{"_id": "u1", "userName": "bjensen", "mail": "bjensen@example.com"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	eng := runtime.New(runtime.Options{})
	defer eng.Close()
	res, err := eng.Run(context.Background(), runtime.Script{Name: "idm.js", Source: `
var found = openidm.query("managed/alpha_user", {_queryFilter: 'userName eq "bjensen"'});
var user = found.result[0];
openidm.patch("managed/alpha_user/" + user._id, null, [{operation: "replace", field: "/mail", value: "b@example.org"}]);
action.goTo(found.resultCount === 1 ? "found" : "missing");`}, runtime.Input{Backends: bindings.NewBackends(openidm.BackendKey.Value(store))})
	fmt.Println(res.Outcome, err)
	for _, c := range openidm.Changes.Get(res.Outputs) {
		fmt.Println(c.Action, c.Resource, c.ID)
	}
	// Output:
	// found <nil>
	// patched managed/alpha_user u1
}

// A fixtures file builds every back end at once, including an in-process
// PingOne platform: it answers httpClient on the PingOne hosts and backs
// verifyTransactionsHelper, which PingOne Verify Completion Decision scripts
// have (the fixtures' context). Build makes a fresh world; Close releases it.
func ExampleInput_pingOne() {
	fx, err := fixtures.Parse("verify.fixtures.yaml", []byte(`
context: verify-completion
pingone:
  now: "2024-12-09T13:55:34.882Z"
  environment: {id: abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6, region: NA}
  users:
    - {username: jamesjoyce, email: james@example.com}
  verifyTransactions:
    - user: jamesjoyce
      id: dd5a6d4f-0000-4819-b107-85a0a10138c6
      status: SUCCESS
      createdAt: "2024-12-09T13:40:00.000Z"
      updatedAt: "2024-12-09T13:45:34.882Z"
sharedState: {username: jamesjoyce}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	env, err := fx.Build(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer env.Close()

	eng := runtime.New(runtime.Options{})
	defer eng.Close()
	res, err := eng.Run(context.Background(), runtime.Script{Name: "verified.js", Source: `
var tx = verifyTransactionsHelper.getLastVerifyTransaction();
nodeState.putShared("verifyStatus", tx ? tx.transactionStatus.status : "NONE");`}, env.Input)
	fmt.Println(res.Context, res.SharedState["verifyStatus"], err)
	// Output:
	// verify-completion SUCCESS <nil>
}

// Passthrough requests go through Transport (here an in-memory one; nil
// means the network) and are limited by Policy, checked on every request and
// redirect whatever the transport.
func ExampleInput_httpPolicy() {
	eng := runtime.New(runtime.Options{})
	defer eng.Close()
	transport := roundTripper(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{}, Request: r,
			Body: io.NopCloser(strings.NewReader("pong from " + r.URL.Host))}, nil
	})
	in := runtime.Input{
		Backends: bindings.NewBackends(
			httpclient.ConfigKey.Value(&httpclient.Config{
				Passthrough: true,
				Transport:   transport,
				Policy:      httpclient.Policy{AllowHosts: []string{"api.example.com"}},
			}),
		),
	}
	res, err := eng.Run(context.Background(), runtime.Script{Name: "policy.js", Source: `
var out = [httpClient.send("https://api.example.com/ping").get().text()];
try {
  httpClient.send("https://evil.example.net/").get();
} catch (e) {
  out.push(e.message);
}
action.goTo(out.join(" | "));`}, in)
	fmt.Println(res.Outcome, err)
	// Output:
	// pong from api.example.com | httpClient: request to host evil.example.net denied: not in http.allowHosts; add the host to http.allowHosts <nil>
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
