package cachemanager_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/cachemanager"
	"github.com/journeyjs/journeyjs/bindings/nodestate"
)

// A loader that counts its loads in the value, so a test can tell a cached
// value from a fresh one.
const countingLoader = `var loads = 0;
function load(key) {
    loads = loads + 1;
    return {user: key.user, n: Number(key.n || 0) + 1, loads: loads, at: key.at};
}
function reload(key, oldValue) {
    return {user: key.user, reloadedFrom: oldValue.loads};
}
`

type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newStore(t *testing.T, cfg cachemanager.Config) (*cachemanager.Store, *clock) {
	t.Helper()
	c := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s := cachemanager.NewStore()
	s.Now = c.now
	if cfg.LoaderSource == "" {
		cfg.LoaderSource = countingLoader
	}
	cfg.LoaderName = "counting.js"
	require.NoError(t, s.Define("/alpha", cfg))
	return s, c
}

func begin(t *testing.T, s *cachemanager.Store, bs ...bindings.Binding) *bindingtest.Runtime {
	r := bindingtest.New(t, append([]bindings.Binding{cachemanager.Binding}, bs...)...)
	return r.BeginWith(bindings.NewBackends(cachemanager.StoreKey.Value(s)), func(run *bindings.Run) { run.Realm = "/alpha" })
}

func kinds(evs []cachemanager.Event) string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Kind)
	}
	return strings.Join(out, ",")
}

func TestGetLoadsOnAMissAndKeepsTheValueForLaterRuns(t *testing.T) {
	s, _ := newStore(t, cachemanager.Config{Name: "tokens"})
	r := begin(t, s)
	v := r.MustRun(`var c = cacheManager.named("tokens");
		var a = c.get({user: "bjensen", n: 1});
		var b = c.get({n: "1", user: "bjensen"}); // same pairs, other order, number as text
		[a.loads, b.loads, a.n, typeof a.n].join(" ")`)
	assert.Equal(t, "1 1 2 number", v.String(), "the second get is a hit: the loader ran once")
	assert.Equal(t, "miss,load,hit", kinds(cachemanager.Events.Get(r.End())))

	// A later run on the same store (another node, another journey) hits.
	r2 := begin(t, s)
	assert.Equal(t, int64(1), r2.MustRun(`cacheManager.named("tokens").get({user: "bjensen", n: 1}).loads`).ToInteger())
	// The loader runs from the top for each load: its top-level var starts
	// again at 0.
	assert.Equal(t, int64(1), r2.MustRun(`cacheManager.named("tokens").get({user: "scarter"}).loads`).ToInteger())
	entries, _ := s.Size("/alpha", "tokens")
	assert.Equal(t, 2, entries)
}

func TestAValueReturnedIsACopy(t *testing.T) {
	s, _ := newStore(t, cachemanager.Config{Name: "tokens"})
	r := begin(t, s)
	v := r.MustRun(`var c = cacheManager.named("tokens");
		c.get({user: "a"}).user = "changed";
		c.get({user: "a"}).user`)
	assert.Equal(t, "a", v.String())
}

func TestExistsAndNamed(t *testing.T) {
	s, _ := newStore(t, cachemanager.Config{Name: "tokens"})
	r := begin(t, s)
	assert.Equal(t, "true false", r.MustRun(`cacheManager.exists("tokens") + " " + cacheManager.exists("other")`).String())
	_, err := r.RunScript(`cacheManager.named("other")`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `no cache named "other" is configured in realm /alpha`)

	// Another realm has caches of its own.
	r2 := bindingtest.New(t, cachemanager.Binding).BeginWith(bindings.NewBackends(cachemanager.StoreKey.Value(s)),
		func(run *bindings.Run) { run.Realm = "/bravo" })
	assert.False(t, r2.MustRun(`cacheManager.exists("tokens")`).ToBoolean())

	// Without a store the realm has no cache at all.
	r3 := bindingtest.New(t, cachemanager.Binding).Begin(bindings.Backends{})
	assert.False(t, r3.MustRun(`cacheManager.exists("tokens")`).ToBoolean())
}

func TestBadKeysAreRefused(t *testing.T) {
	s, _ := newStore(t, cachemanager.Config{Name: "tokens"})
	r := begin(t, s)
	for _, src := range []string{`c.get()`, `c.get(null)`, `c.get("user")`, `c.get(["a"])`, `c.invalidate(42)`} {
		_, err := r.RunScript(`var c = cacheManager.named("tokens"); ` + src)
		require.Error(t, err, src)
		assert.Contains(t, err.Error(), "the key must be a map of strings", src)
	}
}

func TestExpireAfterWrite(t *testing.T) {
	s, c := newStore(t, cachemanager.Config{Name: "tokens", Policy: cachemanager.ExpireAfterWrite, Period: time.Hour})
	r := begin(t, s)
	r.MustRun(`var c = cacheManager.named("tokens"); c.get({user: "a"})`)
	c.advance(59 * time.Minute)
	assert.Equal(t, int64(1), r.MustRun(`c.get({user: "a"}).loads`).ToInteger(), "still fresh")
	c.advance(time.Minute)
	assert.Equal(t, "miss,load,hit,miss,load", func() string {
		r.MustRun(`c.get({user: "a"})`)
		return kinds(cachemanager.Events.Get(r.End()))
	}(), "an hour after the write the entry has expired, reads or not")
}

func TestExpireAfterAccess(t *testing.T) {
	s, c := newStore(t, cachemanager.Config{Name: "tokens", Policy: cachemanager.ExpireAfterAccess, Period: time.Hour})
	r := begin(t, s)
	r.MustRun(`var c = cacheManager.named("tokens"); c.get({user: "a"})`)
	for i := 0; i < 3; i++ {
		c.advance(50 * time.Minute)
		r.MustRun(`c.get({user: "a"})`)
	}
	c.advance(time.Hour)
	r.MustRun(`c.get({user: "a"})`)
	assert.Equal(t, "miss,load,hit,hit,hit,miss,load", kinds(cachemanager.Events.Get(r.End())),
		"each read keeps the entry another hour; an hour unread drops it")
}

func TestRefreshAfterWriteRunsReloadWithTheOldValue(t *testing.T) {
	s, c := newStore(t, cachemanager.Config{Name: "tokens", Policy: cachemanager.RefreshAfterWrite, Period: time.Hour})
	r := begin(t, s)
	r.MustRun(`var c = cacheManager.named("tokens"); c.get({user: "a"})`)
	c.advance(2 * time.Hour)
	v := r.MustRun(`JSON.stringify(c.get({user: "a"}))`)
	assert.JSONEq(t, `{"user": "a", "reloadedFrom": 1}`, v.String())
	assert.JSONEq(t, `{"user":"a","reloadedFrom":1}`, r.MustRun(`JSON.stringify(c.get({user: "a"}))`).String(), "the reloaded value is kept")
	assert.Equal(t, "miss,load,reload,hit", kinds(cachemanager.Events.Get(r.End())))
}

func TestAFailedReloadKeepsTheOldValue(t *testing.T) {
	loader := `function load(key) { return {v: "first"}; }
function reload(key, oldValue) { throw new Error("token endpoint down"); }`
	s, c := newStore(t, cachemanager.Config{Name: "tokens", Policy: cachemanager.RefreshAfterWrite, LoaderSource: loader})
	r := begin(t, s)
	r.MustRun(`var c = cacheManager.named("tokens"); c.get({k: "1"})`)
	c.advance(2 * time.Hour)
	assert.Equal(t, "first", r.MustRun(`c.get({k: "1"}).v`).String())
	assert.Equal(t, "miss,load,reload,reloadFailed", kinds(cachemanager.Events.Get(r.End())))
}

func TestRefreshWithoutReloadRunsLoad(t *testing.T) {
	loader := `var n = 0; function load(key) { return {v: key.k + "-loaded"}; }`
	s, _ := newStore(t, cachemanager.Config{Name: "tokens", LoaderSource: loader})
	r := begin(t, s)
	v := r.MustRun(`var c = cacheManager.named("tokens"); c.refresh({k: "x"}); c.get({k: "x"}).v`)
	assert.Equal(t, "x-loaded", v.String())
	assert.Equal(t, "refresh,hit", kinds(cachemanager.Events.Get(r.End())))
}

func TestInvalidate(t *testing.T) {
	s, _ := newStore(t, cachemanager.Config{Name: "tokens"})
	r := begin(t, s)
	r.MustRun(`var c = cacheManager.named("tokens");
		c.get({user: "a"}); c.get({user: "b"});
		c.invalidate({user: "a"});`)
	entries, _ := s.Size("/alpha", "tokens")
	assert.Equal(t, 1, entries)
	r.MustRun(`c.invalidateAll()`)
	entries, bytes := s.Size("/alpha", "tokens")
	assert.Equal(t, 0, entries)
	assert.Equal(t, 0, bytes)
	r.MustRun(`c.get({user: "a"})`)
	assert.Equal(t, "miss,load,miss,load,invalidate,invalidateAll,miss,load", kinds(cachemanager.Events.Get(r.End())))
}

func TestLoaderFailures(t *testing.T) {
	cases := []struct{ name, loader, want string }{
		{"throws", `function load(key) { throw new Error("Bad response from https://idp"); }`, "Bad response from https://idp"},
		{"returns null", `function load(key) { return null; }`, "the cache loader returned null for key"},
		{"returns undefined", `function load(key) { }`, "the cache loader returned null for key"},
		{"defines no load", `function fetch(key) { return 1; }`, "defines no load(key) function"},
		{"does not compile", `function load(key) { return {a: 1 }`, "does not compile"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := newStore(t, cachemanager.Config{Name: "tokens", LoaderSource: tc.loader})
			r := begin(t, s)
			_, err := r.RunScript(`cacheManager.named("tokens").get({k: "1"})`)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			entries, _ := s.Size("/alpha", "tokens")
			assert.Equal(t, 0, entries, "nothing is cached")
		})
	}
}

func TestTheLoaderSeesNoNodeBindings(t *testing.T) {
	loader := `function load(key) { return {nodeState: typeof nodeState, action: typeof action, key: typeof key}; }`
	s, _ := newStore(t, cachemanager.Config{Name: "tokens", LoaderSource: loader})
	r := begin(t, s, nodestate.Binding)
	v := r.MustRun(`typeof nodeState + " " + JSON.stringify(cacheManager.named("tokens").get({k: "1"}))`)
	assert.Equal(t, `object {"action":"undefined","key":"object","nodeState":"undefined"}`, v.String())
}

func TestAnEntryOver5KBIsReturnedButNotKept(t *testing.T) {
	loader := `function load(key) { return {blob: "x".repeat(Number(key.size))}; }`
	s, _ := newStore(t, cachemanager.Config{Name: "blobs", LoaderSource: loader})
	r := begin(t, s)
	v := r.MustRun(`var c = cacheManager.named("blobs"); c.get({size: "6000"}).blob.length + c.get({size: "6000"}).blob.length`)
	assert.Equal(t, int64(12000), v.ToInteger())
	assert.Equal(t, "miss,load,notKept,miss,load,notKept", kinds(cachemanager.Events.Get(r.End())))
	r.BeginWith(bindings.NewBackends(cachemanager.StoreKey.Value(s)), func(run *bindings.Run) { run.Realm = "/alpha" })
	r.MustRun(`cacheManager.named("blobs").get({size: "4000"}); cacheManager.named("blobs").get({size: "4000"})`)
	assert.Equal(t, "miss,load,hit", kinds(cachemanager.Events.Get(r.End())))
}
