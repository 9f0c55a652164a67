package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// With --idm-db, IDM objects a run creates are there for the next run, and
// the fixtures' objects are added once, not again on every run.
func TestIDMDatabasePersistsAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "state", "idm.db")
	fx := writeFile(t, dir, "fx.yaml", "idm:\n  managed/alpha_user:\n    - {_id: seeded, userName: seeded}\n")
	script := writeFile(t, dir, "count.js", `
		var n = openidm.query("managed/alpha_user", {_queryFilter: "true"}).resultCount;
		openidm.create("managed/alpha_user", null, {userName: "run" + n});
		action.goTo(String(n));`)
	for want := 1; want <= 3; want++ {
		code, out, errOut := cli(t, "run", script, "--fixtures", fx, "--idm-db", db, "--format", "json")
		require.Equal(t, 0, code, errOut)
		var rep map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &rep))
		assert.Equal(t, string(rune('0'+want)), rep["outcome"], "run %d sees the objects of the runs before it", want)
	}
	// Without the flag every run starts from the fixtures alone.
	code, out, _ := cli(t, "run", script, "--fixtures", fx, "--format", "json")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"outcome": "1"`)

	code, _, errOut := cli(t, "run", script, "--idm-db", filepath.Join(fx, "not-a-dir", "x.db"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "--idm-db")
}
