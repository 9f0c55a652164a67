package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunShowsTheCallbacksAPassSends(t *testing.T) {
	code, out, errOut := cli(t, "run", "../../scripts/ask-name.js")
	require.Equal(t, 0, code, "a pass that waits for the user is no failure: %s", errOut)
	assert.Contains(t, out, "callbacks:   the pass waits for the user's input (3 callback(s)")
	assert.Contains(t, out, `  2  NameCallback  "What is your name?"  [IDToken2=""]`)
	assert.Contains(t, out, `choices ["Formally","Casually"]`)
	assert.NotContains(t, out, "outcome:")

	code, out, errOut = cli(t, "run", "../../scripts/ask-name.js", "--format", "json")
	require.Equal(t, 0, code, errOut)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.NotContains(t, rep, "passes", "one pass: the single-pass JSON")
	assert.Equal(t, "", rep["outcome"])
	cbs := rep["callbacks"].([]any)
	require.Len(t, cbs, 3)
	assert.Equal(t, map[string]any{"type": "NameCallback", "output": []any{map[string]any{"name": "prompt", "value": "What is your name?"}},
		"input": []any{map[string]any{"name": "IDToken2", "value": ""}}}, cbs[1])
}

func TestRunTakesRepliesPassAfterPass(t *testing.T) {
	code, out, errOut := cli(t, "run", "../../scripts/ask-name.js", "--replies", "../../scripts/ask-name.replies.yaml")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "== pass 1\n")
	assert.Contains(t, out, "== pass 2\nreply:       {\"IDToken2\":\"Babs Jensen\",\"IDToken3\":1}\noutcome:     true\n")

	// The fixtures' replies, JSON output.
	code, out, errOut = cli(t, "run", "../../scripts/ask-name.js", "--fixtures", "../../scripts/ask-name.fixtures.yaml", "--format", "json")
	require.Equal(t, 0, code, errOut)
	var rep struct {
		Passes  []map[string]any `json:"passes"`
		Outcome string           `json:"outcome"`
		Waiting bool             `json:"waiting"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	require.Len(t, rep.Passes, 2)
	assert.Equal(t, "true", rep.Outcome)
	assert.False(t, rep.Waiting)
	assert.Contains(t, rep.Passes[0], "callbacks")
	assert.NotContains(t, rep.Passes[1], "callbacks")
	assert.Equal(t, map[string]any{"askedFor": "name", "username": "bjensen", "greeting": "Good day, bjensen"}, rep.Passes[1]["sharedState"])
}

func TestRunRepliesCarrySharedStateNotTransient(t *testing.T) {
	dir := t.TempDir()
	script := writeFile(t, dir, "s.js", `
if (resumedFromSuspend) {
  action.goTo(callbacks.isEmpty() ? "resumed" : "no");
} else if (callbacks.isEmpty()) {
  nodeState.putShared("s", 1); nodeState.putTransient("t", 1);
  callbacksBuilder.passwordCallback("Password", false);
} else if (callbacks.getPasswordCallbacks().get(0) === "pw") {
  nodeState.putShared("t seen", nodeState.get("t"));
  action.suspend("Follow {0}");
} else {
  action.goTo("no");
}`)
	replies := writeFile(t, dir, "r.yaml", "- pw\n- []\n")
	code, out, errOut := cli(t, "run", script, "--replies", replies, "--format", "json")
	require.Equal(t, 0, code, errOut)
	var rep struct {
		Passes  []map[string]any `json:"passes"`
		Outcome string           `json:"outcome"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	require.Len(t, rep.Passes, 3)
	assert.Equal(t, map[string]any{"s": float64(1), "t seen": nil}, rep.Passes[1]["sharedState"], "transient state does not survive the round trip")
	susp := rep.Passes[1]["suspended"].(map[string]any)
	assert.Contains(t, susp["message"], "Follow http://localhost:8080/am/XUI/?realm=")
	assert.Equal(t, "resumed", rep.Outcome)

	// Replies that run out leave the journey waiting; a reply that does not
	// fit is a usage error.
	code, out, _ = cli(t, "run", script, "--replies", writeFile(t, dir, "one.yaml", "[pw]\n"), "--format", "json")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"waiting": true`)
	code, _, errOut = cli(t, "run", script, "--replies", writeFile(t, dir, "bad.yaml", "- [a, b]\n"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "2 value(s) for 1 callback(s) that take input (PasswordCallback)")
}
