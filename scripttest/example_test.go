package scripttest_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/bindings/secrets"
	"github.com/journeyjs/journeyjs/harness"
	"github.com/journeyjs/journeyjs/runtime"
	"github.com/journeyjs/journeyjs/scripttest"
)

// exampleT stands in for *testing.T in these examples: it prints what a test
// would report, so the Output blocks show the failure messages.
type exampleT struct{}

func (exampleT) Helper() {}
func (exampleT) Errorf(format string, args ...any) {
	fmt.Println("FAIL: " + strings.TrimSpace(fmt.Sprintf(format, args...)))
}
func (exampleT) Fatalf(format string, args ...any) {
	fmt.Println("FATAL: " + strings.TrimSpace(fmt.Sprintf(format, args...)))
}

var t exampleT

// A test of the bundled risk-decision script, as it would appear in a
// _test.go file (with t a *testing.T).
func Example() {
	run := scripttest.New(t, "../scripts/risk-decision.js").
		WithFixtures("../scripts/risk-decision.fixtures.yaml").
		WithSharedState(map[string]any{"country": "FR"}).
		Run()
	run.AssertNoError()
	run.AssertOutcome("low")
	run.AssertSharedState(map[string]any{"username": "bjensen", "riskScore": 0})
	fmt.Println("outcome:", run.Result.Outcome)
	// Output:
	// outcome: low
}

func ExampleNew() {
	// Options can be given to New instead of chained.
	run := scripttest.New(t, "../scripts/risk-decision.js",
		scripttest.WithFixtures("../scripts/risk-decision.fixtures.yaml"),
		scripttest.WithSharedState(map[string]any{"username": "mallory"}),
	).Run()
	run.AssertOutcome("blocked")
	run.AssertErrorMessage("This account is locked. Contact the help desk.")
	fmt.Println(action.LockoutMessage.Get(run.Result.Outputs))
	// Output:
	// Locked after fraud report 2291
}

func ExampleNewSource() {
	run := scripttest.NewSource(t, "greet.js", `action.goTo("done").withHeader("Hello " + nodeState.get("username"))`).
		WithSharedState(map[string]any{"username": "bjensen"}).
		Run()
	run.AssertHeaders("Hello bjensen")
	fmt.Println(run.Result.Outcome, action.Headers.Get(run.Result.Outputs))
	// Output:
	// done [Hello bjensen]
}

func ExampleScript_WithFixtures() {
	// The fixtures file gives realm, ESVs, libraries and state; options are
	// laid over it.
	run := scripttest.New(t, "../scripts/risk-decision.js").
		WithFixtures("../scripts/risk-decision.fixtures.yaml").
		WithESV("esv.risk.threshold", 90).
		Run()
	run.AssertOutcome("low")
	run.AssertSharedState(map[string]any{"riskScore": 50})
	// Output:
}

func ExampleScript_WithSharedState() {
	run := scripttest.NewSource(t, "copy.js", `
		nodeState.putShared("copy", nodeState.get("profile").name);
		action.goTo("ok");`).
		WithSharedState(map[string]any{"profile": map[string]any{"name": "Barbara"}}).
		WithTransientState(map[string]any{"otp": "123456"}).
		Run()
	run.AssertSharedState(map[string]any{"copy": "Barbara", "profile": map[string]any{"name": "Barbara"}})
	run.AssertTransientState(map[string]any{"otp": "123456"})
	// Output:
}

func ExampleScript_WithSecret() {
	run := scripttest.NewSource(t, "secret.js", `
		var key = secrets.getGenericSecret("scripted.node.api.key").getAsUtf8();
		action.goTo(key.length > 0 ? "configured" : "missing");`).
		WithSecret("scripted.node.api.key", "s3cr3t").
		Run()
	run.AssertOutcome("configured")
	fmt.Println(secrets.Read.Get(run.Result.Outputs))
	// Output:
	// [scripted.node.api.key]
}

func ExampleScript_WithESV() {
	run := scripttest.NewSource(t, "esv.js", `
		var hosts = systemEnv.getProperty("esv.allowed.hosts", "[]", java.util.List);
		var max = systemEnv.getProperty("esv.max.tries", "3", java.lang.Integer);
		nodeState.putShared("hosts", hosts.length).putShared("max", max);
		action.goTo("ok");`).
		WithESV("esv.allowed.hosts", []any{"a.example.com", "b.example.com"}).
		WithESV("esv.max.tries", 5).
		Run()
	run.AssertSharedState(map[string]any{"hosts": 2, "max": 5})
	// Output:
}

func ExampleScript_WithHTTPRoute() {
	run := scripttest.NewSource(t, "http.js", `
		var r = httpClient.send("https://risk.example.com/score?user=bjensen").get();
		nodeState.putShared("score", r.json().score);
		action.goTo(r.status === 200 ? "ok" : "error");`).
		WithHTTPRoute(httpclient.Route{Method: "GET", URL: "https://risk.example.com/score", Body: map[string]any{"score": 12}}).
		Run()
	run.AssertOutcome("ok")
	run.AssertSharedState(map[string]any{"score": 12})
	run.AssertHTTPCall("GET", "https://risk.example.com/*")
	// Output:
}

func ExampleScript_WithIDMObject() {
	run := scripttest.NewSource(t, "idm.js", `
		var u = openidm.query("managed/alpha_user", {_queryFilter: 'userName eq "bjensen"'}).result[0];
		openidm.patch("managed/alpha_user/" + u._id, null, [{operation: "replace", field: "/mail", value: "new@example.com"}]);
		action.goTo("updated");`).
		WithIDMObject("managed/alpha_user", map[string]any{"_id": "u1", "userName": "bjensen", "mail": "old@example.com"}).
		Run()
	run.AssertOutcome("updated")
	run.AssertIDMObject("managed/alpha_user", `userName eq "bjensen"`, map[string]any{"mail": "new@example.com"})
	fmt.Println(openidm.Changes.Get(run.Result.Outputs)[0].Action, openidm.Changes.Get(run.Result.Outputs)[0].ID)
	// Output:
	// patched u1
}

func ExampleRun_AssertOutcome() {
	run := scripttest.NewSource(t, "low.js", `action.goTo("low")`).Run()
	run.AssertOutcome("low")
	run.AssertOutcome("high") // fails, and says what it got
	// Output:
	// FAIL: scripttest: low.js: outcome: expected "high", got "low"
}

func ExampleRun_AssertSharedState() {
	run := scripttest.NewSource(t, "score.js", `nodeState.putShared("score", 90).putShared("level", "high"); action.goTo("x")`).
		WithSharedState(map[string]any{"username": "bjensen"}).
		Run()
	// Extra keys in the state are fine: the expectation is a subset.
	run.AssertSharedState(map[string]any{"score": 90})
	// A wrong value fails with a diff of the compared keys.
	run.AssertSharedState(map[string]any{"score": 40, "level": "high"})
	// Output:
	// FAIL: scripttest: score.js: sharedState: does not match
	//   sharedState.score: expected 40, got 90
	//   --- expected
	//   +++ actual
	//   @@ -1,4 +1,4 @@
	//    {
	//      "level": "high",
	//   -  "score": 40
	//   +  "score": 90
	//    }
}

func ExampleRun_AssertLogged() {
	run := scripttest.NewSource(t, "log.js", `logger.info("Risk {} for {}", 90, "bjensen"); action.goTo("x")`).Run()
	run.AssertLogged("info", "Risk 90")
	run.AssertLoggedMatch("INFO", `Risk \d+ for \w+`)
	run.AssertNoLogsAbove("info")
	run.AssertLogged("warn", "Risk")
	// Output:
	// FAIL: scripttest: log.js: logs[0]: no line WARN containing "Risk"; the run logged:
	//   INFO Risk 90 for bjensen
}

func ExampleRun_AssertNoError() {
	run := scripttest.NewSource(t, "oops.js", "var x = 1;\nmissing.call();").Run()
	run.AssertNoError()
	// Output:
	// FAIL: scripttest: oops.js: the script failed (exception): oops.js:2:1: ReferenceError: "missing" is not defined.
	//   at <anonymous> (oops.js:2:1)
}

func ExampleRun_AssertError() {
	run := scripttest.NewSource(t, "throws.js", `throw new Error("no user in node state")`).Run()
	run.AssertError(runtime.KindException, "no user")
	fmt.Println(run.Result.Error.Kind)

	loop := scripttest.NewSource(t, "loop.js", `while (true) {}`).WithTimeout(50 * time.Millisecond).Run()
	loop.AssertError(runtime.KindTimeout, "timed out")
	// Output:
	// exception
}

func ExampleRun_AssertHTTPCall() {
	run := scripttest.NewSource(t, "audit.js", `
		httpClient.send("https://audit.example.com/events", {method: "POST", body: {user: "bjensen"}}).get();
		action.goTo("ok");`).
		WithHTTPRoute(httpclient.Route{Method: "POST", URL: "https://audit.example.com/*", Status: 202}).
		Run()
	run.AssertHTTPCall("POST", "https://audit.example.com/events")
	run.AssertHTTPCallCount(1)
	run.AssertHTTPCalls(harness.HTTPCallExpect{Method: "GET", URL: "https://audit.example.com/*"})
	// Output:
	// FAIL: scripttest: audit.js: httpCalls.calls[0]: no request GET https://audit.example.com/*
	//   --- expected
	//   +++ actual
	//   @@ -1,3 +1,3 @@
	//    [
	//   -  "GET https://audit.example.com/*"
	//   +  "POST https://audit.example.com/events → 202"
	//    ]
}

func ExampleRun_AssertIDMCount() {
	run := scripttest.NewSource(t, "create.js", `
		openidm.create("managed/alpha_user", null, {userName: nodeState.get("username")});
		action.goTo("created");`).
		WithSharedState(map[string]any{"username": "akovacs"}).
		Run()
	run.AssertIDMCount("managed/alpha_user", `userName eq "akovacs"`, 1)
	run.AssertIDMCount("managed/alpha_user", "", 1)
	// Output:
}

func ExampleRun_Expect() {
	// Expect takes any expectation a test file can state.
	run := scripttest.NewSource(t, "desc.js", `action.goTo("high").withDescription("step-up")`).Run()
	outcome, desc := "high", "step-up"
	run.Expect(harness.Expect{Outcome: &outcome, Description: &desc, Absent: []string{"riskScore"}})
	// Output:
}

func ExampleRun_AssertAbsent() {
	run := scripttest.NewSource(t, "clean.js", `nodeState.remove("password"); action.goTo("ok")`).
		WithSharedState(map[string]any{"username": "bjensen", "password": "hunter2"}).
		Run()
	run.AssertAbsent("password")
	run.AssertAbsent("username")
	// Output:
	// FAIL: scripttest: clean.js: absent: "username" should not be in node state, but sharedState has it: "bjensen"
}

func ExampleRun_AssertPingOneCredentials() {
	// The fixtures' pingone: section gives the run a local PingOne; the
	// assertion reads it after the run.
	run := scripttest.New(t, "../scripts/issue-credential.js").
		WithFixtures("../scripts/issue-credential.fixtures.yaml").
		Run()
	run.AssertOutcome("issued")
	run.AssertPingOneCredentials("bjensen", "ISSUED", 1)
	run.AssertHTTPCall("POST", "https://api.pingone.eu/v1/environments/*/users/*/credentials")
	for _, c := range run.PingOneChanges {
		fmt.Println(c.Action, c.Kind)
	}
	// Output:
	// created provisionedCredential
	// created userCredential
}
