package deviceprofiles_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/deviceprofiles"
)

func TestProfilesAreReadAndSaved(t *testing.T) {
	store := deviceprofiles.NewMemory(map[string]map[string][]map[string]any{
		"/alpha": {"bjensen": {{"identifier": "dev-1", "metadata": map[string]any{"platform": "ios"}}}},
	})
	r := bindingtest.New(t, deviceprofiles.Binding).Begin(bindings.NewBackends(deviceprofiles.StoreKey.Value(deviceprofiles.Store(store))))
	v := r.MustRun(`var ps = deviceProfilesDao.getDeviceProfiles("bjensen", "/alpha");
		var none = deviceProfilesDao.getDeviceProfiles("scarter", "/alpha");
		var p = ps.get(0);
		p.lastSelectedDate = 1700000000000;
		deviceProfilesDao.saveDeviceProfiles("bjensen", "/alpha", [p, {identifier: "dev-2"}]);
		[ps.size(), ps[0].identifier, ps.get(0).metadata.platform, none.size()].join(" ")`)
	assert.Equal(t, "1 dev-1 ios 0", v.String())
	saved := deviceprofiles.Saved.Get(r.End())
	require.Len(t, saved, 1)
	got, err := store.Profiles(context.Background(), "bjensen", "/alpha")
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, int64(1700000000000), got[0]["lastSelectedDate"])
	assert.Equal(t, "dev-2", got[1]["identifier"])
}

func TestBadSavesAndNoStore(t *testing.T) {
	r := bindingtest.New(t, deviceprofiles.Binding).Begin(bindings.Backends{})
	assert.Equal(t, int64(0), r.MustRun(`deviceProfilesDao.getDeviceProfiles("a", "/alpha").size()`).ToInteger())
	for src, want := range map[string]string{
		`deviceProfilesDao.saveDeviceProfiles("a", "/alpha", "x")`:  "the profiles must be a list of maps",
		`deviceProfilesDao.saveDeviceProfiles("a", "/alpha", [1])`:  "profile 0 is not a map",
		`deviceProfilesDao.saveDeviceProfiles("a", "/alpha", [{}])`: "no device profile store is configured",
	} {
		_, err := r.RunScript(src)
		require.Error(t, err, src)
		assert.Contains(t, err.Error(), "Error saving device profiles: "+want, src)
	}
}
