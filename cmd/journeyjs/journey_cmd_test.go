package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const journeys = "../../testdata/journeys/"

func TestJourneyPrettySuccess(t *testing.T) {
	code, out, errOut := cli(t, "journey", journeys+"login.journey.json",
		"--fixtures", journeys+"users.fixtures.yaml", "--answers", journeys+"login-ok.answers.yaml")
	require.Equal(t, 0, code, errOut+out)
	assert.Contains(t, out, "journey:     Login (")
	assert.Regexp(t, `Sign in\s+PageNode\s+→ outcome`, out)
	assert.Regexp(t, `Check credentials\s+DataStoreDecisionNode\s+→ true`, out)
	assert.Contains(t, out, "result:      Success")
	assert.Contains(t, out, `shared:      {"objectAttributes":{"userName":"bjensen"},"username":"bjensen"}`)
	assert.Empty(t, errOut)
}

func TestJourneyPrettyShowsScriptLogs(t *testing.T) {
	code, out, _ := cli(t, "journey", journeys+"linear.journey.json")
	require.Equal(t, 0, code, out)
	assert.Regexp(t, `Set greeting\s+ScriptedDecisionNode\s+→ true\s+\[Set greeting, [0-9.]+ ms\]\n\s+INFO\s+greeting set for stranger`, out)
	assert.Contains(t, out, `transient:   {"secretNote":"kept for the next node"}`)
}

func TestJourneyFailureExitsOne(t *testing.T) {
	code, out, errOut := cli(t, "journey", journeys+"login.journey.json",
		"--fixtures", journeys+"users.fixtures.yaml", "--answers", journeys+"login-wrong-password.answers.yaml")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "result:      Failure")
	assert.Empty(t, errOut)
}

func TestJourneyJSON(t *testing.T) {
	code, out, errOut := cli(t, "journey", journeys+"identify-user.journey.json", "--format", "json",
		"--fixtures", journeys+"users.fixtures.yaml", "--answers", journeys+"login-ok.answers.yaml")
	require.Equal(t, 0, code, errOut)
	var rep map[string]any
	dec := json.NewDecoder(bytes.NewReader([]byte(out)))
	require.NoError(t, dec.Decode(&rep))
	assert.False(t, dec.More(), "exactly one JSON value")
	assert.Equal(t, "Success", rep["result"])
	assert.Equal(t, "Identify", rep["tree"])
	assert.NotContains(t, rep, "error")
	shared := rep["sharedState"].(map[string]any)
	assert.Equal(t, "u-bjensen", shared["_id"])
	assert.Equal(t, map[string]any{}, rep["transientState"])
	path := rep["path"].([]any)
	require.Len(t, path, 5)
	var types []string
	for _, p := range path {
		step := p.(map[string]any)
		for _, k := range []string{"nodeId", "name", "type", "outcome", "durationMs"} {
			assert.Contains(t, step, k)
		}
		types = append(types, step["type"].(string))
	}
	assert.Equal(t, []string{"PageNode", "UsernameCollectorNode", "IdentifyExistingUserNode", "ScriptedDecisionNode", "SuccessNode"}, types)
	greet := path[3].(map[string]any)
	assert.Equal(t, "true", greet["outcome"])
	logs := greet["logs"].([]any)
	require.Len(t, logs, 1)
	assert.Equal(t, "found bjensen (u-bjensen)", logs[0].(map[string]any)["message"])
}

func TestJourneyJSONOnScriptError(t *testing.T) {
	code, out, errOut := cli(t, "journey", journeys+"script-error.journey.json", "--format", "json")
	assert.Equal(t, 1, code)
	assert.Empty(t, errOut, "the error is in the JSON, not repeated on stderr")
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, "Error", rep["result"])
	assert.Contains(t, rep["error"], `script "Throws" failed`)
	step := rep["path"].([]any)[0].(map[string]any)
	assert.Contains(t, step["error"], "TypeError")
	assert.EqualValues(t, 3, step["scriptError"].(map[string]any)["line"])
}

func TestJourneyLoopGuard(t *testing.T) {
	code, out, _ := cli(t, "journey", journeys+"infinite-loop.journey.json", "--max-steps", "60")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, `within 60 steps (--max-steps): it keeps going round "Ping" → "Pong" → "Ping"`)
	assert.Contains(t, out, "… 20 more steps")

	code, out, _ = cli(t, "journey", journeys+"retry-loop.journey.json", "--fixtures", journeys+"users.fixtures.yaml")
	assert.Equal(t, 0, code, out)
}

func TestJourneyUnknownNodeAndAnswers(t *testing.T) {
	code, out, _ := cli(t, "journey", journeys+"unknown-node.journey.json")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, `node "Push Sender" (PushAuthenticationSenderNode 00000015-0000-4000-8000-000000000015) is a PushAuthenticationSenderNode node`)

	code, out, _ = cli(t, "journey", journeys+"unknown-node.journey.json", "--answers", journeys+"push.answers.yaml")
	assert.Equal(t, 0, code, out)
	assert.Regexp(t, `Push Sender\s+PushAuthenticationSenderNode\s+→ SENT \(answers\)`, out)
}

func TestJourneyInnerTreeAndTreeFlag(t *testing.T) {
	code, out, _ := cli(t, "journey", journeys+"inner-tree.journey.json")
	require.Equal(t, 0, code, out)
	assert.Regexp(t, `\n  3 {4}Success\s+SuccessNode\n`, out)
	code, out, _ = cli(t, "journey", journeys+"inner-tree.journey.json", "--tree", "Inner")
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "journey:     Inner (")
	code, _, errOut := cli(t, "journey", journeys+"inner-tree.journey.json", "--tree", "Nope")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `no journey "Nope" in the export (it holds Inner, Outer)`)
}

func TestJourneyBadInputsExitTwo(t *testing.T) {
	dir := t.TempDir()
	badAnswers := writeFile(t, dir, "a.yaml", "usernme: x\n")
	unknownNode := writeFile(t, dir, "b.yaml", "nodes:\n  Nobody: {outcome: x}\n")
	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"malformed export":  {[]string{journeys + "malformed.journey.json"}, "malformed.journey.json:5:49: invalid JSON"},
		"legacy script":     {[]string{journeys + "legacy-script.journey.json"}, `legacy-script.journey.json:48:7: script "Old rhino script"`},
		"missing export":    {[]string{filepath.Join(dir, "none.json")}, "cannot read journey export"},
		"bad answers":       {[]string{journeys + "linear.journey.json", "--answers", badAnswers}, "a.yaml:1: unknown key \"usernme\""},
		"answer for nobody": {[]string{journeys + "linear.journey.json", "--answers", unknownNode}, `b.yaml:2: nodes: no node of`},
		"bad format":        {[]string{journeys + "linear.journey.json", "--format", "xml"}, "--format must be pretty or json"},
		"bad max steps":     {[]string{journeys + "linear.journey.json", "--max-steps", "0"}, "--max-steps must be at least 1"},
		"no argument":       {nil, "accepts 1 arg"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, errOut := cli(t, append([]string{"journey"}, tc.args...)...)
			assert.Equal(t, 2, code, out)
			assert.Contains(t, errOut, tc.want)
		})
	}
}

func TestJourneyStateFile(t *testing.T) {
	dir := t.TempDir()
	state := writeFile(t, dir, "state.yaml", "sharedState: {username: scarter}\n")
	code, out, _ := cli(t, "journey", journeys+"linear.journey.json", "--state", state, "--format", "json")
	require.Equal(t, 0, code, out)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, "Hello, scarter", rep["sharedState"].(map[string]any)["greeting"])
}

func TestJourneyExampleIssuesACredential(t *testing.T) {
	code, out, errOut := cli(t, "journey", journeys+"IssueVerifiedCredential.journey.json", "--format", "json",
		"--answers", journeys+"IssueVerifiedCredential.answers.yaml", "--fixtures", journeys+"IssueVerifiedCredential.fixtures.yaml")
	require.Equal(t, 0, code, errOut+out)
	var rep struct {
		Result string
		Path   []struct {
			Name, Outcome  string
			PingOneChanges []struct{ Kind, Action string } `json:"pingoneChanges"`
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, "Success", rep.Result)
	require.Len(t, rep.Path, 6)
	check := rep.Path[3]
	assert.Equal(t, "Check verify", check.Name)
	assert.Equal(t, "successOutcome", check.Outcome)
	issue := rep.Path[4]
	assert.Equal(t, "Issue credential", issue.Name)
	assert.Equal(t, "issued", issue.Outcome)
	assert.Contains(t, issue.PingOneChanges, struct{ Kind, Action string }{"userCredential", "created"})

	code, out, _ = cli(t, "journey", journeys+"IssueVerifiedCredential.journey.json",
		"--answers", journeys+"IssueVerifiedCredential-not-verified.answers.yaml", "--fixtures", journeys+"IssueVerifiedCredential.fixtures.yaml")
	assert.Equal(t, 1, code)
	assert.Regexp(t, `Check verify\s+PingOneVerifyCompletionDecisionNode\s+→ failure`, out)
	assert.Contains(t, out, "result:      Failure")
}
