package journey

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/verify"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
)

// A local PingOne whose users stand at every stage of PingOne Verify.
const verifyFixtures = `
realm: /alpha
pingone:
  now: "2024-12-09T14:00:00Z"
  environment: {id: 6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e, region: EU}
  users:
    - {username: done}
    - {username: approved}
    - {username: waiting}
    - {username: started}
    - {username: never}
    - {username: failed}
    - {username: late}
  verifyTransactions:
    - {user: done, status: FAIL, createdAt: "2024-12-09T12:00:00Z", updatedAt: "2024-12-09T12:05:00Z"}
    - {user: done, status: SUCCESS, verificationStatus: {GOVERNMENT_ID: SUCCESS}, createdAt: "2024-12-09T13:45:00Z", updatedAt: "2024-12-09T13:50:00Z"}
    - {user: approved, status: APPROVED_MANUALLY, createdAt: "2024-12-09T13:45:00Z", updatedAt: "2024-12-09T13:50:00Z"}
    - {user: waiting, id: 4c1d2e3f-0000-4a5b-8c7d-9e0f1a2b3c4d, status: IN_PROGRESS, createdAt: "2024-12-09T13:55:00Z", updatedAt: "2024-12-09T13:56:00Z"}
    - {user: started, id: 7a8b9c0d-0000-4e1f-8a2b-3c4d5e6f7a8b, status: REQUESTED, createdAt: "2024-12-09T13:58:00Z", updatedAt: "2024-12-09T13:58:00Z"}
    - {user: failed, status: FAIL, verificationStatus: {GOVERNMENT_ID: FAIL}, createdAt: "2024-12-09T13:45:00Z", updatedAt: "2024-12-09T13:50:00Z"}
    - {user: late, status: FAIL, verificationStatus: {GOVERNMENT_ID: TIMED_OUT}, createdAt: "2024-12-09T13:00:00Z", updatedAt: "2024-12-09T13:30:00Z"}
`

func verifyEnv(t *testing.T) *fixtures.Env {
	t.Helper()
	fx, err := fixtures.Parse("verify.fixtures.yaml", []byte(verifyFixtures))
	require.NoError(t, err)
	env, err := fx.Build(context.Background())
	require.NoError(t, err)
	t.Cleanup(func() { _ = env.Close() })
	return env
}

const (
	verifyNodeID   = "5e0d7a10-0000-4000-8000-000000000001"
	verifyScriptID = "5e0d7a10-0000-4000-8000-0000000000a1"
)

// verifyExport is a journey of one node of type nodeType whose outcomes all
// lead to Failure but success; config is the node's configuration, and the
// export holds one script of context scriptContext with source src (none
// when src is "").
func verifyExport(t *testing.T, nodeType string, config map[string]any, scriptContext, src string) *Export {
	t.Helper()
	conns := map[string]any{VerifySuccess: SuccessNodeID}
	for _, o := range []string{VerifyNotStarted, VerifyNotCompleted, VerifyExpired, VerifyFailure} {
		conns[o] = FailureNodeID
	}
	if nodeType == TypeScriptedDecision {
		conns = map[string]any{"true": SuccessNodeID}
	}
	cfg := map[string]any{"_id": verifyNodeID, "_type": map[string]any{"_id": nodeType}}
	for k, v := range config {
		cfg[k] = v
	}
	scripts := map[string]any{}
	if src != "" {
		scripts[verifyScriptID] = map[string]any{"_id": verifyScriptID, "name": "Verify script", "context": scriptContext,
			"evaluatorVersion": "2.0", "language": "JAVASCRIPT", "script": src}
	}
	doc := map[string]any{"trees": map[string]any{"Verify": map[string]any{
		"nodes":   map[string]any{verifyNodeID: cfg},
		"scripts": scripts,
		"tree": map[string]any{"_id": "Verify", "entryNodeId": verifyNodeID, "nodes": map[string]any{
			verifyNodeID: map[string]any{"displayName": "Check verify", "nodeType": nodeType, "connections": conns},
		}},
	}}}
	data, err := json.Marshal(doc)
	require.NoError(t, err)
	x, err := Parse("verify.journey.json", data)
	require.NoError(t, err)
	return x
}

func walkVerify(t *testing.T, x *Export, env *fixtures.Env, shared map[string]any, a *Answers) (*Result, error) {
	t.Helper()
	in := env.Input
	in.SharedState = shared
	return Walk(context.Background(), x, Options{Input: in, Answers: a})
}

// The node takes its outcome from the status of the user's most recent
// transaction, the user found by pingOneUserId or else by username.
func TestVerifyCompletionOutcomes(t *testing.T) {
	env := verifyEnv(t)
	x := verifyExport(t, TypeVerifyCompletion, nil, "", "")
	for _, tc := range []struct {
		user, outcome, txID string
	}{
		{"done", VerifySuccess, ""}, // the newest of two: SUCCESS after a FAIL
		{"approved", VerifySuccess, ""},
		{"never", VerifyNotStarted, ""},
		{"waiting", VerifyNotCompleted, "4c1d2e3f-0000-4a5b-8c7d-9e0f1a2b3c4d"},
		{"started", VerifyNotCompleted, "7a8b9c0d-0000-4e1f-8a2b-3c4d5e6f7a8b"},
		{"failed", VerifyFailure, ""},
		{"late", VerifyExpired, ""},
	} {
		for _, by := range []string{"id", "username"} {
			shared := map[string]any{"username": tc.user}
			if by == "id" {
				shared = map[string]any{"pingOneUserId": env.PingOneSeed.Users[tc.user]}
			}
			r, err := walkVerify(t, x, env, shared, nil)
			require.NoError(t, err, "%s by %s", tc.user, by)
			assert.Equal(t, tc.outcome, r.Path[0].Outcome, "%s by %s", tc.user, by)
			if tc.txID != "" {
				assert.Equal(t, tc.txID, r.SharedState[VerifyTransactionIDKey], "%s: the transaction to resume", tc.user)
			} else {
				assert.NotContains(t, r.SharedState, VerifyTransactionIDKey, tc.user)
			}
			want := ResultFailure
			if tc.outcome == VerifySuccess {
				want = ResultSuccess
			}
			assert.Equal(t, want, r.Result, tc.user)
		}
	}
}

func TestVerifyOutcomeMapping(t *testing.T) {
	for status, want := range map[string]string{
		"SUCCESS": VerifySuccess, "NOT_REQUIRED": VerifySuccess, "APPROVED_NO_REQUEST": VerifySuccess, "APPROVED_MANUALLY": VerifySuccess,
		"REQUESTED": VerifyNotCompleted, "INITIATED": VerifyNotCompleted, "IN_PROGRESS": VerifyNotCompleted, "PARTIAL": VerifyNotCompleted,
		"EXPIRED": VerifyExpired, "FAIL": VerifyFailure, "SOMETHING_NEW": VerifyFailure, "": VerifyFailure,
	} {
		assert.Equal(t, want, VerifyOutcome(&verify.Transaction{Status: status}), status)
	}
	assert.Equal(t, VerifyNotStarted, VerifyOutcome(nil))
	assert.Equal(t, VerifyExpired, VerifyOutcome(&verify.Transaction{Status: "FAIL", VerificationStatus: map[string]string{"LIVENESS": "EXPIRED"}}))
}

// The node's script runs in the PingOne Verify Completion Decision context:
// verifyTransactionsHelper and nodeState, no action; what it leaves in state
// carries on, its logs are the step's, and the node still picks the outcome.
func TestVerifyCompletionScriptContext(t *testing.T) {
	env := verifyEnv(t)
	src := `var tx = verifyTransactionsHelper.getLastVerifyTransaction();
nodeState.putShared("actionType", typeof action);
nodeState.putShared("helperType", typeof verifyTransactionsHelper);
nodeState.putShared("seenStatus", tx ? tx.transactionStatus.status : null);
logger.info("last transaction: {}", tx ? tx.id : "none");`
	x := verifyExport(t, TypeVerifyCompletion, map[string]any{"useFilterScript": true, "script": verifyScriptID}, ContextVerifyCompletion, src)
	r, err := walkVerify(t, x, env, map[string]any{"username": "failed"}, nil)
	require.NoError(t, err)
	assert.Equal(t, "undefined", r.SharedState["actionType"])
	assert.Equal(t, "object", r.SharedState["helperType"])
	assert.Equal(t, "FAIL", r.SharedState["seenStatus"])
	step := r.Path[0]
	assert.Equal(t, VerifyFailure, step.Outcome, "the node, not the script, picks the outcome")
	assert.Equal(t, "Verify script", step.Script)
	logs := logger.Logs.Get(step.Outputs)
	require.Len(t, logs, 1)
	assert.Contains(t, logs[0].Message, "last transaction: ")

	// The script can give the node the user it needs.
	src = `nodeState.putShared("pingOneUserId", "` + env.PingOneSeed.Users["done"] + `");`
	x = verifyExport(t, TypeVerifyCompletion, map[string]any{"useFilterScript": true, "script": verifyScriptID}, ContextVerifyCompletion, src)
	r, err = walkVerify(t, x, env, nil, nil)
	require.NoError(t, err)
	assert.Equal(t, VerifySuccess, r.Path[0].Outcome)

	// A script that reaches for action fails as it would in AIC.
	x = verifyExport(t, TypeVerifyCompletion, map[string]any{"useFilterScript": true, "script": verifyScriptID}, ContextVerifyCompletion,
		`action.goTo("success");`)
	r, err = walkVerify(t, x, env, map[string]any{"username": "done"}, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `ReferenceError: "action" is not defined.`)
	require.NotNil(t, r.Path[0].ScriptError)
	assert.Equal(t, ResultError, r.Result)

	// With the script switched off, it is not run (nor needed).
	x = verifyExport(t, TypeVerifyCompletion, map[string]any{"useFilterScript": false, "script": "not-in-the-export"}, "", "")
	r, err = walkVerify(t, x, env, map[string]any{"username": "done"}, nil)
	require.NoError(t, err)
	assert.Empty(t, r.Path[0].Script)
}

// A node and its script must be of the same kind: a Scripted Decision node
// cannot run a Verify Completion script, nor the reverse.
func TestVerifyScriptContextMismatch(t *testing.T) {
	x := verifyExport(t, TypeScriptedDecision, map[string]any{"script": verifyScriptID, "outcomes": []any{"true"}},
		ContextVerifyCompletion, `verifyTransactionsHelper.getUser();`)
	err := x.Check("Verify")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `runs script "Verify script" (`+verifyScriptID+`), which is a PingOne Verify Completion Decision script (context PINGONE_VERIFY_COMPLETION_DECISION_NODE); a ScriptedDecisionNode node runs a Scripted Decision script (context AUTHENTICATION_TREE_DECISION_NODE)`)

	x = verifyExport(t, TypeVerifyCompletion, map[string]any{"useFilterScript": true, "script": verifyScriptID},
		ContextDecisionNode, `action.goTo("true");`)
	err = x.Check("Verify")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `which is a Scripted Decision script (context AUTHENTICATION_TREE_DECISION_NODE); a PingOneVerifyCompletionDecisionNode node runs a PingOne Verify Completion Decision script (context PINGONE_VERIFY_COMPLETION_DECISION_NODE)`)

	// Enabled but naming no script.
	x = verifyExport(t, TypeVerifyCompletion, map[string]any{"useFilterScript": true}, "", "")
	assert.ErrorContains(t, x.Check("Verify"), "names no script")
}

func TestVerifyCompletionNeedsABackEndAndAUser(t *testing.T) {
	x := verifyExport(t, TypeVerifyCompletion, nil, "", "")
	_, err := Walk(context.Background(), x, Options{Input: runtime.Input{SharedState: map[string]any{"username": "done"}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "there is no PingOne Verify back end: add a pingone: section to the fixtures")

	env := verifyEnv(t)
	_, err = walkVerify(t, x, env, nil, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `needs the user's PingOne user id in shared state "pingOneUserId"`)
}

// An answer decides the node as any other: no PingOne needed, no script run.
func TestVerifyCompletionAnswered(t *testing.T) {
	x := verifyExport(t, TypeVerifyCompletion, map[string]any{"useFilterScript": true, "script": verifyScriptID}, ContextVerifyCompletion,
		`throw new Error("not run")`)
	a, err := ParseAnswers("a.yaml", []byte("nodes:\n  Check verify: {outcome: notCompletedOutcome, state: {pingOneVerifyTransactionId: tx-1}}\n"))
	require.NoError(t, err)
	r, err := Walk(context.Background(), x, Options{Answers: a})
	require.NoError(t, err)
	assert.True(t, r.Path[0].Answered)
	assert.Equal(t, VerifyNotCompleted, r.Path[0].Outcome)
	assert.Equal(t, "tx-1", r.SharedState[VerifyTransactionIDKey])
}
