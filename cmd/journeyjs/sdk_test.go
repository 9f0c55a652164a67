package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sdkDir holds the Node test that drives the journey server with the
// ForgeRock JavaScript SDK; `make test` installs its packages (npm ci).
const sdkDir = "../../testdata/sdk"

// TestForgeRockSDK walks the bundled InteractiveLogin journey with the
// ForgeRock JavaScript SDK (FRAuth.next) against `journeyjs journey serve`:
// NameCallback and PasswordCallback, then a script's own callbacks, to
// LoginSuccess; and a wrong password and a wrong code to LoginFailure.
func TestForgeRockSDK(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the ForgeRock SDK test needs Node 20 or later")
	}
	if _, err := os.Stat(filepath.Join(sdkDir, "node_modules", "@forgerock", "javascript-sdk")); err != nil {
		t.Skip("testdata/sdk/node_modules is missing: run `npm ci --prefix testdata/sdk` (make test does)")
	}
	addr, stop := startJourneyServe(t, "../../testdata/journeys/interactive-login.journey.json",
		"--fixtures", "../../testdata/journeys/interactive-login.fixtures.yaml")
	defer stop()

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "sdk-test.mjs", "http://"+addr)
	cmd.Dir = sdkDir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	t.Logf("node sdk-test.mjs:\n%s", out.String())
	require.NoError(t, err, out.String())
	assert.Contains(t, out.String(), "ok   NameCallback, PasswordCallback, scripted callbacks → LoginSuccess")
	assert.Contains(t, out.String(), "ok   wrong password → LoginFailure (401, Login failure)")
	assert.Contains(t, out.String(), "sdk: 3 passed, 0 failed")
}
