package cachemanager_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings/cachemanager"
)

func TestTheRealmsCachesShare20MBAndTheLeastRecentlyUsedGoFirst(t *testing.T) {
	s := cachemanager.NewStore()
	require.NoError(t, s.Define("/alpha", cachemanager.Config{Name: "a"}))
	require.NoError(t, s.Define("/alpha", cachemanager.Config{Name: "b"}))
	require.NoError(t, s.Define("/bravo", cachemanager.Config{Name: "a"}))
	value := strings.Repeat("x", 4000) // about 4 KB an entry
	key := func(i int) map[string]string { return map[string]string{"i": fmt.Sprint(i)} }

	_, _, err := s.Put("/bravo", "a", key(0), value)
	require.NoError(t, err)
	_, _, err = s.Put("/alpha", "b", key(0), value)
	require.NoError(t, err)
	evicted := 0
	n := 0
	for ; evicted == 0; n++ {
		kept, ev, err := s.Put("/alpha", "a", key(n), value)
		require.NoError(t, err)
		require.True(t, kept)
		evicted = ev
		// Reading the first entry keeps it recently used.
		if n > 0 {
			_, found, err := s.Lookup("/alpha", "a", key(0))
			require.NoError(t, err)
			require.Equal(t, cachemanager.Fresh, found)
		}
	}
	assert.Greater(t, n, 5000, "about 20 MB of 4 KB entries fit")
	_, bytesA := s.Size("/alpha", "a")
	assert.LessOrEqual(t, bytesA, cachemanager.MaxRealmBytes)

	_, found, _ := s.Lookup("/alpha", "b", key(0))
	assert.Equal(t, cachemanager.Missing, found, "the least recently used entry of the realm went, from another cache")
	_, found, _ = s.Lookup("/alpha", "a", key(0))
	assert.Equal(t, cachemanager.Fresh, found, "a recently read entry stays")
	_, found, _ = s.Lookup("/bravo", "a", key(0))
	assert.Equal(t, cachemanager.Fresh, found, "another realm has its own 20 MB")
}

func TestDefineChecksAndParsePolicy(t *testing.T) {
	s := cachemanager.NewStore()
	assert.Error(t, s.Define("/alpha", cachemanager.Config{}))
	assert.Error(t, s.Define("/alpha", cachemanager.Config{Name: "a", Period: -1}))
	for in, want := range map[string]cachemanager.Policy{
		"":                    cachemanager.ExpireAfterWrite,
		"Refresh after write": cachemanager.RefreshAfterWrite,
		"EXPIRE_AFTER_ACCESS": cachemanager.ExpireAfterAccess,
		"expire-after-write":  cachemanager.ExpireAfterWrite,
	} {
		p, err := cachemanager.ParsePolicy(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, p, in)
	}
	_, err := cachemanager.ParsePolicy("lru")
	assert.ErrorContains(t, err, `unknown eviction policy "lru"`)
	_, _, err = s.Lookup("/alpha", "none", nil)
	assert.ErrorContains(t, err, `no cache named "none" in realm /alpha`)
}
