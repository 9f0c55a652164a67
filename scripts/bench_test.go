package scripts

import (
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	_ "github.com/journeyjs/journeyjs/bindings/all"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
)

func loadIssueCredential(tb testing.TB) (runtime.Script, *fixtures.File) {
	tb.Helper()
	src, err := os.ReadFile("issue-credential.js")
	if err != nil {
		tb.Fatal(err)
	}
	fx, err := fixtures.Load("issue-credential.fixtures.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	return runtime.Script{Name: "issue-credential.js", Source: string(src)}, fx
}

// issueCredentialWorld loads the script, builds one fixtures Env for it and
// makes an engine; both are closed when tb ends.
func issueCredentialWorld(tb testing.TB) (runtime.Script, *fixtures.Env, *runtime.Engine) {
	tb.Helper()
	script, fx := loadIssueCredential(tb)
	env, err := fx.Build(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = env.Close() })
	e := runtime.New(runtime.Options{})
	tb.Cleanup(e.Close)
	return script, env, e
}

// BenchmarkIssueCredential runs scripts/issue-credential.js against the
// in-process PingOne platform of its fixtures: a worker token (client
// credentials), a user lookup, the wallet and credential type lookups and
// the credential creation, each an httpClient call served in-process. One
// fixtures Env serves every run (each run adds a credential to the user).
// Target: ≤ 150 µs/op.
func BenchmarkIssueCredential(b *testing.B) {
	script, env, e := issueCredentialWorld(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := e.Run(ctx, script, env.Input)
		if err != nil || res.Outcome != "issued" {
			b.Fatalf("outcome %q, error %v", res.Outcome, err)
		}
	}
	b.ReportMetric(float64(len(httpclient.Calls.Get(mustRun(b, e, script, env.Input).Outputs))), "http-calls/op")
}

// BenchmarkIssueCredentialFreshEnv adds building and closing a fresh fixtures
// Env (a new in-memory PingOne platform seeded from the fixtures) to every
// run: the cost `journeyjs serve` pays per request for this script.
func BenchmarkIssueCredentialFreshEnv(b *testing.B) {
	script, fx := loadIssueCredential(b)
	ctx := context.Background()
	e := runtime.New(runtime.Options{})
	defer e.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		env, err := fx.Build(ctx)
		if err != nil {
			b.Fatal(err)
		}
		res, err := e.Run(ctx, script, env.Input)
		if err != nil || res.Outcome != "issued" {
			b.Fatalf("outcome %q, error %v", res.Outcome, err)
		}
		if err := env.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func mustRun(tb testing.TB, e *runtime.Engine, s runtime.Script, in runtime.Input) runtime.Result {
	tb.Helper()
	res, err := e.Run(context.Background(), s, in)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// TestIssueCredentialBenchmarkWorld keeps the benchmark honest: the script
// really issues a credential in the emulator.
func TestIssueCredentialBenchmarkWorld(t *testing.T) {
	script, env, e := issueCredentialWorld(t)
	res := mustRun(t, e, script, env.Input)
	if res.Outcome != "issued" {
		t.Fatalf("outcome %q; logs %v", res.Outcome, logger.Logs.Get(res.Outputs))
	}
	if len(httpclient.Calls.Get(res.Outputs)) < 3 {
		t.Fatalf("only %d HTTP calls", len(httpclient.Calls.Get(res.Outputs)))
	}
	created := false
	for _, c := range env.PingOneChanges() {
		if c.Kind == "userCredential" && c.Action == "created" {
			created = true
		}
	}
	if !created {
		t.Fatal("the emulator recorded no credential creation")
	}
}

// BenchmarkIssueCredentialCannedResponses runs the same script with the same
// five HTTP exchanges, but answered from memory with the bodies the emulator
// gave on a first run: the runtime's share of BenchmarkIssueCredential
// (script, bindings, httpClient, JSON), without the emulator's work.
func BenchmarkIssueCredentialCannedResponses(b *testing.B) {
	script, env, e := issueCredentialWorld(b)
	ctx := context.Background()

	in := env.Input
	in.Backends = in.Backends.Clone()
	canned, _ := recordHosts(b, e, script, in)
	httpclient.ConfigKey.Set(&in.Backends, canned)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := e.Run(ctx, script, in)
		if err != nil || res.Outcome != "issued" {
			b.Fatalf("outcome %q, error %v", res.Outcome, err)
		}
	}
}

type exchange struct {
	status int
	header http.Header
	body   []byte
}

// recordHosts runs script once with in, records what each in-process host
// answered, and returns a config whose hosts replay those answers by method
// and path, and the answers in the order they were given.
func recordHosts(tb testing.TB, e *runtime.Engine, script runtime.Script, in runtime.Input) (*httpclient.Config, []exchange) {
	tb.Helper()
	var mu sync.Mutex
	seen := map[string]exchange{}
	var order []exchange
	cfg, _ := httpclient.ConfigKey.In(in.Backends)
	rec := *cfg
	rec.Hosts = map[string]http.Handler{}
	for host, h := range cfg.Hosts {
		rec.Hosts[host] = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rr := httptest.NewRecorder()
			h.ServeHTTP(rr, r)
			x := exchange{rr.Code, rr.Header().Clone(), rr.Body.Bytes()}
			mu.Lock()
			seen[r.Method+" "+r.Host+r.URL.Path] = x
			order = append(order, x)
			mu.Unlock()
			maps.Copy(w.Header(), rr.Header())
			w.WriteHeader(rr.Code)
			_, _ = w.Write(rr.Body.Bytes())
		})
	}
	in.Backends = in.Backends.Clone()
	httpclient.ConfigKey.Set(&in.Backends, &rec)
	mustRun(tb, e, script, in)
	replay := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		x, ok := seen[r.Method+" "+r.Host+r.URL.Path]
		if !ok {
			http.Error(w, "not recorded", http.StatusNotFound)
			return
		}
		maps.Copy(w.Header(), x.header)
		w.WriteHeader(x.status)
		_, _ = w.Write(x.body)
	})
	out := *cfg
	out.Hosts = map[string]http.Handler{}
	for host := range rec.Hosts {
		out.Hosts[host] = replay
	}
	return &out, order
}

// BenchmarkIssueCredentialResponsesAsJS turns the five response bodies of
// the script (PingOne's JSON, about 8 KB with its HAL links) into
// JavaScript values on a bare goja runtime: with the parser response.json()
// uses (jsvalue), and for comparison with goja's own JSON.parse. The first
// is a floor under any run of the script, whatever the runtime and the
// PingOne emulator do around it.
func BenchmarkIssueCredentialResponsesAsJS(b *testing.B) {
	script, env, e := issueCredentialWorld(b)
	_, answers := recordHosts(b, e, script, env.Input)
	if len(answers) != 5 {
		b.Fatalf("%d answers, want the script's 5", len(answers))
	}
	size := 0
	for _, x := range answers {
		size += len(x.body)
	}
	rt := goja.New()
	parse, ok := goja.AssertFunction(rt.Get("JSON").ToObject(rt).Get("parse"))
	if !ok {
		b.Fatal("JSON.parse is not a function")
	}
	parsers := []struct {
		name  string
		parse func(text string) error
	}{
		{"jsvalue", func(text string) error {
			_, err := jsvalue.ParseJSON(rt, text, jsvalue.MaxJSONNesting)
			return err
		}},
		{"goja-JSON.parse", func(text string) error {
			_, err := parse(goja.Undefined(), rt.ToValue(text))
			return err
		}},
	}
	for _, p := range parsers {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, x := range answers {
					if err := p.parse(string(x.body)); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(size), "body-bytes/op")
		})
	}
}
