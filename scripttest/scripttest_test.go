package scripttest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/runtime"
	"github.com/journeyjs/journeyjs/scripttest"
)

// recorder is a TB that keeps what the assertions report.
type recorder struct {
	mu       sync.Mutex
	errors   []string
	fatals   []string
	cleanups []func()
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fatals = append(r.fatals, fmt.Sprintf(format, args...))
}
func (r *recorder) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }

func (r *recorder) text() string { return strings.Join(r.errors, "\n") }

func TestRiskDecisionWithTestingT(t *testing.T) {
	for _, tc := range []struct{ country, outcome string }{{"FR", "low"}, {"BR", "high"}, {"US", "high"}} {
		t.Run(tc.country, func(t *testing.T) {
			t.Parallel()
			run := scripttest.New(t, "../scripts/risk-decision.js").
				WithFixtures("../scripts/risk-decision.fixtures.yaml").
				WithSharedState(map[string]any{"country": tc.country}).
				Run()
			run.AssertNoError()
			run.AssertOutcome(tc.outcome)
			run.AssertSharedState(map[string]any{"username": "bjensen"})
			run.AssertLogged("debug", "from "+tc.country)
			run.AssertNoLogsAbove("info")
			run.AssertHTTPCallCount(0)
		})
	}
}

func TestFailedAssertionsReportDiffs(t *testing.T) {
	rec := &recorder{}
	run := scripttest.NewSource(rec, "s.js", `nodeState.putShared("user", {name: "bjensen", roles: ["a"]}); logger.info("hi"); action.goTo("ok").withHeader("H")`).Run()
	assert.True(t, run.AssertOutcome("ok"))
	assert.False(t, run.AssertOutcome("ko"))
	assert.False(t, run.AssertSharedState(map[string]any{"user": map[string]any{"name": "bjensen", "roles": []any{"a", "b"}}}))
	assert.False(t, run.AssertLogged("warn", "hi"))
	assert.False(t, run.AssertHeaders("H", "I"))
	assert.False(t, run.AssertAbsent("user"))
	assert.False(t, run.AssertError("", ""))
	assert.False(t, run.AssertHTTPCall("GET", "https://x.test/*"))
	assert.True(t, run.AssertNoError())
	txt := rec.text()
	assert.Contains(t, txt, `scripttest: s.js: outcome: expected "ko", got "ok"`)
	assert.Contains(t, txt, `sharedState.user.roles: expected ["a","b"], got ["a"]`)
	assert.Contains(t, txt, "-      \"b\"")
	assert.Contains(t, txt, `no line WARN containing "hi"`)
	assert.Contains(t, txt, "INFO hi")
	assert.Contains(t, txt, `+  "H"`)
	assert.Contains(t, txt, `absent: "user" should not be in node state`)
	assert.Contains(t, txt, `expected the script to fail (any error), but it reached outcome "ok"`)
	assert.Contains(t, txt, "no request GET https://x.test/*")
	assert.Len(t, rec.errors, 7)
	assert.Empty(t, rec.fatals)
	assert.Len(t, rec.cleanups, 1, "the run's back ends are closed by the test's cleanup")
}

func TestAssertionsOnAFailedRun(t *testing.T) {
	rec := &recorder{}
	run := scripttest.NewSource(rec, "f.js", `nodeState.putShared("step", 1); throw new Error("boom")`).Run()
	assert.True(t, run.AssertError(runtime.KindException, "boom"))
	// The partial state can still be checked.
	assert.True(t, run.AssertSharedState(map[string]any{"step": 1}))
	assert.False(t, run.AssertOutcome("x"))
	assert.False(t, run.AssertNoError())
	assert.False(t, run.AssertError(runtime.KindTimeout, ""))
	txt := rec.text()
	assert.Contains(t, txt, `outcome: expected "x", but the script failed: f.js:1:`)
	assert.Contains(t, txt, "the script failed (exception)")
	assert.Contains(t, txt, `-  "kind": "timeout"`)
}

func TestSetUpProblemsAreFatal(t *testing.T) {
	rec := &recorder{}
	run := scripttest.New(rec, "does-not-exist.js").Run()
	assert.False(t, run.AssertOutcome("x"), "a broken run fails every assertion quietly")
	require.Len(t, rec.fatals, 1)
	assert.Contains(t, rec.fatals[0], "cannot read script does-not-exist.js")

	for name, s := range map[string]*scripttest.Script{
		"fixtures": scripttest.NewSource(rec, "a.js", "action.goTo('x')").WithFixtures("nope.yaml"),
		"secret":   scripttest.NewSource(rec, "a.js", "action.goTo('x')").WithSecret("bad", "x"),
		"esv":      scripttest.NewSource(rec, "a.js", "action.goTo('x')").WithESV("bad", "x"),
		"idm":      scripttest.NewSource(rec, "a.js", "action.goTo('x')").WithIDMObject("managed/user", map[string]any{"name": "no id"}),
	} {
		rec.fatals = nil
		s.Run()
		assert.Len(t, rec.fatals, 1, name)
	}
	assert.Empty(t, rec.errors)
}

func TestRunsGetFreshBackEnds(t *testing.T) {
	s := scripttest.NewSource(t, "create.js", `
		var n = openidm.query("managed/alpha_user", {_queryFilter: "true"}).resultCount;
		openidm.create("managed/alpha_user", "same-id", {userName: "u"});
		nodeState.putShared("before", n);
		action.goTo("ok");`).
		WithIDMObject("managed/alpha_user", map[string]any{"_id": "seed", "userName": "seed"})
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run := s.Run()
			run.AssertNoError()
			run.AssertSharedState(map[string]any{"before": 1})
			run.AssertIDMCount("managed/alpha_user", "", 2)
			run.AssertIDMObject("managed/alpha_user", `_id eq "same-id"`, map[string]any{"userName": "u"})
		}()
	}
	wg.Wait()
}

func TestOptionsLayOverFixtures(t *testing.T) {
	run := scripttest.New(t, "../scripts/risk-decision.js",
		scripttest.WithFixtures("../scripts/risk-decision.fixtures.yaml"),
		scripttest.WithESV("esv.risk.known.countries", []any{"BR"}),
		scripttest.WithRequestHeader("User-Agent"),
		scripttest.WithRealm("/bravo"),
	).Run()
	run.AssertOutcome("low")
	run.AssertSharedState(map[string]any{"riskScore": 40})
	run.AssertLogged("debug", "in realm /bravo")

	lib := scripttest.NewSource(t, "lib.js", `action.goTo(require("m").v + ":" + requestParameters.get("goto")[0])`).
		WithLibrary("m", "module.exports = {v: 'lib'}").
		WithRequestParameter("goto", "https://example.com").
		WithTransientState(map[string]any{"t": 1}).
		Run()
	lib.AssertOutcome("lib:https://example.com")
	lib.AssertTransientState(map[string]any{"t": 1})
}

func TestHTTPRoutesComeBeforeTheFixtures(t *testing.T) {
	run := scripttest.NewSource(t, "h.js", `
		var a = httpClient.send("http://auth.example.test/authenticate", {method: "POST", body: {username: "bjensen"}}).get();
		var b = httpClient.send("https://extra.example.test/x").get();
		action.goTo(a.status + "/" + b.status);`).
		WithFixtures("../testdata/fixtures/http-routes.yaml").
		WithHTTPRoute(httpclient.Route{Method: "POST", URL: "http://auth.example.test/authenticate", Status: 418}).
		WithHTTPRoute(httpclient.Route{URL: "https://extra.example.test/*", Status: 204}).
		Run()
	run.AssertOutcome("418/204")
	run.AssertHTTPCall("POST", "http://auth.example.test/authenticate")
	run.AssertHTTPCallCount(2)
}

func TestFixturesAreReadOnceUntilWith(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.yaml")
	require.NoError(t, os.WriteFile(path, []byte("sharedState: {o: from-file}\n"), 0o644))
	s := scripttest.NewSource(t, "o.js", `action.goTo(nodeState.get("o"))`).WithFixtures(path)
	s.Run().AssertOutcome("from-file")

	// Later runs reuse what the first one read.
	require.NoError(t, os.Remove(path))
	s.Run().AssertOutcome("from-file")

	// With starts over: the options are laid over the file, read again.
	require.NoError(t, os.WriteFile(path, []byte("sharedState: {o: rewritten}\n"), 0o644))
	s.WithTransientState(map[string]any{"t": 1}).Run().AssertOutcome("rewritten")
	s.WithSharedState(map[string]any{"o": "option"}).Run().AssertOutcome("option")
}

func TestWithScriptContext(t *testing.T) {
	run := scripttest.NewSource(t, "v.js", `nodeState.putShared("t", typeof action + "," + typeof verifyTransactionsHelper)`).
		WithScriptContext(runtime.VerifyCompletion).Run()
	run.AssertNoError()
	run.AssertSharedState(map[string]any{"t": "undefined,object"})

	rec := &recorder{}
	scripttest.NewSource(rec, "d.js", `verifyTransactionsHelper.getUser(); action.goTo("x")`).Run().AssertNoError()
	assert.Contains(t, rec.text(), `ReferenceError: "verifyTransactionsHelper" is not defined.`,
		"a Scripted Decision script has no verifyTransactionsHelper")
}
