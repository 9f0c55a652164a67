package cachemanager

import (
	"container/list"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// AIC's limits (cache-manager page): every cache of a realm shares 20 MB, and
// one entry may hold at most 5 KB.
const (
	MaxRealmBytes = 20 << 20
	MaxEntryBytes = 5 << 10
)

// Policy is a cache's eviction policy, as the Cache Manager service's
// secondary configuration sets it.
type Policy int

const (
	// ExpireAfterWrite drops an entry Period after it was loaded: the next
	// get loads it again.
	ExpireAfterWrite Policy = iota
	// ExpireAfterAccess drops an entry Period after it was last read or
	// loaded.
	ExpireAfterAccess
	// RefreshAfterWrite keeps an entry, but the first get Period after it
	// was loaded runs the loader's reload(key, oldValue) (load(key) when the
	// loader has no reload), as Guava's refreshAfterWrite does.
	RefreshAfterWrite
)

var policyNames = map[Policy]string{
	ExpireAfterWrite:  "expire-after-write",
	ExpireAfterAccess: "expire-after-access",
	RefreshAfterWrite: "refresh-after-write",
}

func (p Policy) String() string { return policyNames[p] }

// ParsePolicy reads a policy name: expire-after-write, expire-after-access or
// refresh-after-write, in any case, with dashes, underscores or spaces (AM's
// console writes "Refresh after write", its JSON REFRESH_AFTER_WRITE).
func ParsePolicy(s string) (Policy, error) {
	norm := strings.ToLower(strings.NewReplacer("_", "-", " ", "-").Replace(strings.TrimSpace(s)))
	if norm == "" {
		return ExpireAfterWrite, nil
	}
	for p, name := range policyNames {
		if name == norm {
			return p, nil
		}
	}
	return 0, fmt.Errorf("unknown eviction policy %q (want expire-after-write, expire-after-access or refresh-after-write)", s)
}

// DefaultPeriod is the eviction period AM's console proposes: 1 hour.
const DefaultPeriod = time.Hour

// Config describes one cache of a realm: a Cache Manager service secondary
// configuration.
type Config struct {
	// Name is the name scripts pass to cacheManager.named.
	Name string
	// Policy and Period say when an entry expires or is refreshed; a zero
	// Period is DefaultPeriod.
	Policy Policy
	Period time.Duration
	// LoaderName names the Cache Loader script, in messages and stack
	// traces; LoaderSource is its text, which defines load(key) and may
	// define reload(key, oldValue).
	LoaderName   string
	LoaderSource string
}

// Store holds the caches of every realm of a tenant. It outlives runs: the
// engine or the fixtures give the same Store to every run that shares the
// tenant, and runs may use it concurrently.
type Store struct {
	// Now is the clock; nil means time.Now. Tests set it to move time.
	Now func() time.Time

	mu     sync.Mutex
	realms map[string]*realm
}

type realm struct {
	caches map[string]*cache
	bytes  int
	// lru orders the realm's entries, least recently used at the front: the
	// ones evicted when the realm is over MaxRealmBytes.
	lru *list.List
}

type cache struct {
	cfg     Config
	entries map[string]*entry
}

type entry struct {
	cache    *cache
	key      string
	value    any
	size     int
	written  time.Time
	accessed time.Time
	elem     *list.Element
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{realms: map[string]*realm{}} }

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Define adds (or replaces, emptying it) the cache cfg.Name in realm.
func (s *Store) Define(realmName string, cfg Config) error {
	if strings.TrimSpace(cfg.Name) == "" {
		return fmt.Errorf("cache manager: a cache needs a name")
	}
	if cfg.Period < 0 {
		return fmt.Errorf("cache manager: cache %q: the eviction period must not be negative", cfg.Name)
	}
	if cfg.Period == 0 {
		cfg.Period = DefaultPeriod
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.realms == nil {
		s.realms = map[string]*realm{}
	}
	r := s.realms[realmName]
	if r == nil {
		r = &realm{caches: map[string]*cache{}, lru: list.New()}
		s.realms[realmName] = r
	}
	if old := r.caches[cfg.Name]; old != nil {
		r.dropAll(old)
	}
	r.caches[cfg.Name] = &cache{cfg: cfg, entries: map[string]*entry{}}
	return nil
}

// Exists reports whether realm has a cache called name.
func (s *Store) Exists(realmName, name string) bool {
	_, ok := s.Config(realmName, name)
	return ok
}

// Config returns the configuration of the cache called name in realm.
func (s *Store) Config(realmName, name string) (Config, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.cache(realmName, name)
	if c == nil {
		return Config{}, false
	}
	return c.cfg, true
}

func (s *Store) cache(realmName, name string) *cache {
	r := s.realms[realmName]
	if r == nil {
		return nil
	}
	return r.caches[name]
}

// Found says what Lookup found for a key.
type Found int

const (
	// Missing: no entry, or one that expired; the caller loads.
	Missing Found = iota
	// Fresh: the entry is current; its value is returned.
	Fresh
	// Stale: the entry is due for a refresh (RefreshAfterWrite); the caller
	// reloads, with the value returned as the old value.
	Stale
)

// Lookup finds key in the cache; a Fresh read counts as an access. An
// expired entry is dropped. Values are JSON-shaped Go values (see Put).
func (s *Store) Lookup(realmName, name string, key map[string]string) (any, Found, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.cache(realmName, name)
	if c == nil {
		return nil, Missing, fmt.Errorf("no cache named %q in realm %s", name, realmName)
	}
	e := c.entries[canonicalKey(key)]
	if e == nil {
		return nil, Missing, nil
	}
	now := s.now()
	r := s.realms[realmName]
	switch c.cfg.Policy {
	case ExpireAfterWrite:
		if !now.Before(e.written.Add(c.cfg.Period)) {
			r.drop(e)
			return nil, Missing, nil
		}
	case ExpireAfterAccess:
		if !now.Before(e.accessed.Add(c.cfg.Period)) {
			r.drop(e)
			return nil, Missing, nil
		}
	case RefreshAfterWrite:
		if !now.Before(e.written.Add(c.cfg.Period)) {
			return e.value, Stale, nil
		}
	}
	e.accessed = now
	r.lru.MoveToBack(e.elem)
	return e.value, Fresh, nil
}

// Put stores value under key and reports whether it was kept: a value whose
// JSON is over MaxEntryBytes is not (the caller still gets it, and the next
// get loads again). To stay within MaxRealmBytes the realm's least recently
// used entries are evicted; evicted reports how many.
func (s *Store) Put(realmName, name string, key map[string]string, value any) (kept bool, evicted int, err error) {
	text, err := json.Marshal(value)
	if err != nil {
		return false, 0, fmt.Errorf("the value cannot be stored: %w", err)
	}
	ck := canonicalKey(key)
	size := len(text) + len(ck)
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.cache(realmName, name)
	if c == nil {
		return false, 0, fmt.Errorf("no cache named %q in realm %s", name, realmName)
	}
	r := s.realms[realmName]
	if old := c.entries[ck]; old != nil {
		r.drop(old)
	}
	if size > MaxEntryBytes {
		return false, 0, nil
	}
	now := s.now()
	e := &entry{cache: c, key: ck, value: value, size: size, written: now, accessed: now}
	e.elem = r.lru.PushBack(e)
	c.entries[ck] = e
	r.bytes += size
	for r.bytes > MaxRealmBytes {
		oldest := r.lru.Front().Value.(*entry)
		r.drop(oldest)
		evicted++
	}
	return true, evicted, nil
}

// Invalidate drops key's entry, if any.
func (s *Store) Invalidate(realmName, name string, key map[string]string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.cache(realmName, name)
	if c == nil {
		return fmt.Errorf("no cache named %q in realm %s", name, realmName)
	}
	if e := c.entries[canonicalKey(key)]; e != nil {
		s.realms[realmName].drop(e)
	}
	return nil
}

// InvalidateAll empties the cache (AM's REST _action=clear does the same).
func (s *Store) InvalidateAll(realmName, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.cache(realmName, name)
	if c == nil {
		return fmt.Errorf("no cache named %q in realm %s", name, realmName)
	}
	s.realms[realmName].dropAll(c)
	return nil
}

// Size is the number of entries the cache holds and their bytes, for tests
// and reports.
func (s *Store) Size(realmName, name string) (entries, bytes int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.cache(realmName, name)
	if c == nil {
		return 0, 0
	}
	for _, e := range c.entries {
		entries++
		bytes += e.size
	}
	return entries, bytes
}

func (r *realm) drop(e *entry) {
	r.lru.Remove(e.elem)
	delete(e.cache.entries, e.key)
	r.bytes -= e.size
	// AIC zeroises an evicted value's memory; here the value is only
	// unreferenced, which no script can tell apart.
	e.value = nil
}

func (r *realm) dropAll(c *cache) {
	for _, e := range c.entries {
		r.drop(e)
	}
}

// canonicalKey is the key map as sorted JSON: two maps with the same pairs
// are the same key, whatever their order.
func canonicalKey(key map[string]string) string {
	names := make([]string, 0, len(key))
	for k := range key {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range names {
		if i > 0 {
			b.WriteByte(',')
		}
		kj, _ := json.Marshal(k)
		vj, _ := json.Marshal(key[k])
		b.Write(kj)
		b.WriteByte(':')
		b.Write(vj)
	}
	b.WriteByte('}')
	return b.String()
}
