package journey

import (
	"context"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/journeyjs/journeyjs/bindings/all"
	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/openidm"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
)

const dir = "../testdata/journeys"

// input builds the world of the test journeys: the users and ESVs of
// users.fixtures.yaml, with a fresh IDM store.
func input(t *testing.T) runtime.Input {
	t.Helper()
	fx, err := fixtures.Load(filepath.Join(dir, "users.fixtures.yaml"))
	require.NoError(t, err)
	env, err := fx.Build(context.Background())
	require.NoError(t, err)
	t.Cleanup(func() { _ = env.Close() })
	return env.Input
}

func answers(t *testing.T, name string) *Answers {
	t.Helper()
	a, err := LoadAnswers(filepath.Join(dir, name))
	require.NoError(t, err)
	return a
}

func walk(t *testing.T, file string, opts Options) (*Result, error) {
	t.Helper()
	x, err := Read(filepath.Join(dir, file))
	require.NoError(t, err)
	if opts.Input.Realm == "" {
		opts.Input = input(t)
	}
	return Walk(context.Background(), x, opts)
}

// names lists the path as "name:outcome" items, indented by depth.
func names(r *Result) []string {
	out := make([]string, len(r.Path))
	for i, s := range r.Path {
		out[i] = strings.Repeat(">", s.Depth) + s.Name + ":" + s.Outcome
	}
	return out
}

func TestLinearJourneyCarriesSharedAndTransientState(t *testing.T) {
	r, err := walk(t, "linear.journey.json", Options{})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, r.Result)
	assert.Equal(t, "Linear", r.Tree)
	assert.Equal(t, []string{"Set greeting:true", "Check greeting:ok", "Success:"}, names(r))
	// The library came from the export's own scripts (context LIBRARY).
	assert.Equal(t, "Hello, stranger", r.SharedState["greeting"])
	// Transient state set by the first node was seen by the second.
	assert.Equal(t, "kept for the next node", r.TransientState["secretNote"])
	require.Len(t, logger.Logs.Get(r.Path[1].Outputs), 1)
	assert.Contains(t, logger.Logs.Get(r.Path[1].Outputs)[0].Message, "transient note: kept for the next node")
	assert.Equal(t, "Check greeting", r.Path[1].Script)
	assert.Equal(t, TypeSuccess, r.Path[2].Type)
	assert.Equal(t, SuccessNodeID, r.Path[2].NodeID)
}

func TestStartingStateIsUsed(t *testing.T) {
	in := input(t)
	in.SharedState = map[string]any{"username": "bjensen"}
	r, err := walk(t, "linear.journey.json", Options{Input: in})
	require.NoError(t, err)
	assert.Equal(t, "Hello, bjensen", r.SharedState["greeting"])
	assert.Equal(t, map[string]any{"username": "bjensen"}, in.SharedState, "the input is not modified")
}

func TestFailurePath(t *testing.T) {
	r, err := walk(t, "failure.journey.json", Options{})
	require.NoError(t, err)
	assert.Equal(t, ResultFailure, r.Result)
	assert.Equal(t, []string{"Risk check:deny", "Failure:"}, names(r))
	assert.Equal(t, FailureNodeID, r.Path[1].NodeID)
	assert.EqualValues(t, 90, r.SharedState["riskScore"])
}

func TestRetryLoopExitsAfterN(t *testing.T) {
	r, err := walk(t, "retry-loop.journey.json", Options{})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, r.Result)
	assert.Equal(t, []string{
		"Count attempt:retry", "Wait:true", "Count attempt:retry", "Wait:true", "Count attempt:done", "Success:",
	}, names(r))
	assert.EqualValues(t, 3, r.SharedState["retries"])
}

func TestRetryLoopWithinMaxSteps(t *testing.T) {
	// Three visits of Count and two of Wait: five steps are enough, four
	// are not.
	_, err := walk(t, "retry-loop.journey.json", Options{MaxSteps: 5})
	require.NoError(t, err)
	r, err := walk(t, "retry-loop.journey.json", Options{MaxSteps: 4})
	require.Error(t, err)
	assert.Equal(t, ResultError, r.Result)
}

func TestInfiniteLoopGuardShowsTheCycle(t *testing.T) {
	r, err := walk(t, "infinite-loop.journey.json", Options{MaxSteps: 10})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "within 10 steps")
	assert.Contains(t, err.Error(), `"Ping" → "Pong" → "Ping"`)
	assert.Equal(t, ResultError, r.Result)
	assert.Equal(t, err.Error(), r.Error)
	assert.Len(t, r.Path, 10)
	var je *Error
	assert.False(t, errors.As(err, &je), "a loop is a walk failure, not a bad file")
}

func TestDefaultMaxSteps(t *testing.T) {
	r, err := walk(t, "infinite-loop.journey.json", Options{})
	require.Error(t, err)
	assert.Len(t, r.Path, DefaultMaxSteps)
}

func TestInnerTree(t *testing.T) {
	// Two journeys, no --tree: Outer is the one no other journey runs.
	r, err := walk(t, "inner-tree.journey.json", Options{})
	require.NoError(t, err)
	assert.Equal(t, "Outer", r.Tree)
	assert.Equal(t, ResultSuccess, r.Result)
	assert.Equal(t, []string{"Run inner:true", ">Inner work:true", ">Success:", "After inner:true", "Success:"}, names(r))
	assert.Equal(t, "Inner", r.Path[1].Tree)
	assert.Equal(t, "hello", r.SharedState["fromInner"])
}

func TestInnerTreeWalkedAlone(t *testing.T) {
	r, err := walk(t, "inner-tree.journey.json", Options{Tree: "Inner"})
	require.NoError(t, err)
	assert.Equal(t, []string{"Inner work:true", "Success:"}, names(r))
}

func TestInnerTreeFailureIsFalse(t *testing.T) {
	x, err := Read(filepath.Join(dir, "inner-tree.journey.json"))
	require.NoError(t, err)
	// Make the inner journey end in Failure.
	x.Trees["Inner"].Nodes[x.Trees["Inner"].EntryNodeID].Connections["true"] = FailureNodeID
	r, err := Walk(context.Background(), x, Options{Input: input(t)})
	require.NoError(t, err)
	assert.Equal(t, []string{"Run inner:false", ">Inner work:true", ">Failure:", "Failure:"}, names(r))
}

func TestPageAndDataStoreDecision(t *testing.T) {
	r, err := walk(t, "login.journey.json", Options{Answers: answers(t, "login-ok.answers.yaml")})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, r.Result)
	assert.Equal(t, []string{"Sign in:outcome", ">Username:outcome", ">Password:outcome", "Check credentials:true", "Success:"}, names(r))
	assert.Equal(t, "bjensen", r.SharedState["username"])
	assert.Equal(t, map[string]any{"userName": "bjensen"}, r.SharedState["objectAttributes"])
	assert.Equal(t, "Ch4ng3it!", r.TransientState["password"])
	assert.NotContains(t, r.SharedState, "password", "passwords stay in transient state")

	r, err = walk(t, "login.journey.json", Options{Answers: answers(t, "login-wrong-password.answers.yaml")})
	require.NoError(t, err)
	assert.Equal(t, ResultFailure, r.Result)
	assert.Equal(t, "Check credentials:false", names(r)[3])
}

func TestIdentityStoreDecision(t *testing.T) {
	x, err := Read(filepath.Join(dir, "login.journey.json"))
	require.NoError(t, err)
	for _, n := range x.Trees["Login"].Nodes {
		if n.Type == TypeDataStoreDecision {
			n.Type = TypeIdentityStore
			n.Connections = map[string]string{"TRUE": SuccessNodeID, "FALSE": FailureNodeID}
		}
	}
	r, err := Walk(context.Background(), x, Options{Input: input(t), Answers: answers(t, "login-ok.answers.yaml")})
	require.NoError(t, err)
	assert.Equal(t, "Check credentials:TRUE", names(r)[3])
	r, err = Walk(context.Background(), x, Options{Input: input(t), Answers: answers(t, "login-wrong-password.answers.yaml")})
	require.NoError(t, err)
	assert.Equal(t, "Check credentials:FALSE", names(r)[3])
}

func TestDataStoreDecisionUnknownUser(t *testing.T) {
	pw := "x"
	a := answers(t, "unknown-user.answers.yaml")
	a.Password = &pw
	r, err := walk(t, "login.journey.json", Options{Answers: a})
	require.NoError(t, err)
	assert.Equal(t, ResultFailure, r.Result)
}

func TestPageWithoutAnswers(t *testing.T) {
	r, err := walk(t, "login.journey.json", Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `node "Username" (ValidatedUsernameNode`)
	assert.Contains(t, err.Error(), "username: …")
	assert.Equal(t, "Sign in", r.Path[0].Name)
	assert.NotEmpty(t, r.Path[0].Error)
}

func TestDataStoreDecisionNeedsIDM(t *testing.T) {
	in := input(t)
	openidm.BackendKey.Set(&in.Backends, nil)
	_, err := walk(t, "login.journey.json", Options{Input: in, Answers: answers(t, "login-ok.answers.yaml")})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no IDM back end")
}

func TestIdentityCollectionFromRealm(t *testing.T) {
	x, err := Read(filepath.Join(dir, "login.journey.json"))
	require.NoError(t, err)
	x.Trees["Login"].IdentityResource = ""
	in := input(t)
	in.Realm = "/bravo" // no managed/bravo_user in the fixtures
	r, err := Walk(context.Background(), x, Options{Input: in, Answers: answers(t, "login-ok.answers.yaml")})
	require.NoError(t, err)
	assert.Equal(t, ResultFailure, r.Result)
	in.Realm = "/alpha"
	r, err = Walk(context.Background(), x, Options{Input: in, Answers: answers(t, "login-ok.answers.yaml")})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, r.Result)
}

func TestIdentifyExistingUser(t *testing.T) {
	r, err := walk(t, "identify-user.journey.json", Options{Answers: answers(t, "login-ok.answers.yaml")})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, r.Result)
	assert.Equal(t, []string{"Who are you:outcome", ">Username:outcome", "Identify user:true", "Greet user:true", "Success:"}, names(r))
	assert.Equal(t, "u-bjensen", r.SharedState["_id"])
	assert.Equal(t, "Barbara", r.SharedState["givenName"], "the script read the user IDM identified")

	r, err = walk(t, "identify-user.journey.json", Options{Answers: answers(t, "unknown-user.answers.yaml")})
	require.NoError(t, err)
	assert.Equal(t, ResultFailure, r.Result)
	assert.Equal(t, "Identify user:false", names(r)[2])
	assert.NotContains(t, r.SharedState, "_id")
}

func TestIdentifyExistingUserByMail(t *testing.T) {
	x, err := Read(filepath.Join(dir, "identify-user.journey.json"))
	require.NoError(t, err)
	for _, n := range x.Trees["Identify"].Nodes {
		if n.Type == TypeIdentifyExisting {
			n.Config["identityAttribute"] = "mail"
		}
	}
	in := input(t)
	in.SharedState = map[string]any{"objectAttributes": map[string]any{"mail": "scarter@example.com"}}
	a := &Answers{Nodes: map[string]NodeAnswer{"Who are you": {Outcome: "outcome"}}}
	r, err := Walk(context.Background(), x, Options{Input: in, Answers: a})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, r.Result)
	assert.Equal(t, "u-scarter", r.SharedState["_id"])
	assert.Equal(t, "scarter", r.SharedState["username"], "the identifier attribute becomes the username")
	assert.True(t, r.Path[0].Answered)
}

func TestUnknownNodeTypeIsNamed(t *testing.T) {
	r, err := walk(t, "unknown-node.journey.json", Options{})
	require.Error(t, err)
	for _, want := range []string{"PushAuthenticationSenderNode", `"Push Sender"`, "00000015-0000-4000-8000-000000000015", "SENT, NOT_REGISTERED"} {
		assert.Contains(t, err.Error(), want)
	}
	assert.Equal(t, ResultError, r.Result)
	assert.Equal(t, []string{"Prepare:true", "Push Sender:"}, names(r))
}

func TestUnknownNodeTypeAnswered(t *testing.T) {
	r, err := walk(t, "unknown-node.journey.json", Options{Answers: answers(t, "push.answers.yaml")})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, r.Result)
	assert.Equal(t, []string{"Prepare:true", "Push Sender:SENT", "Success:"}, names(r))
	assert.True(t, r.Path[1].Answered)
	assert.Equal(t, true, r.SharedState["pushSent"])
}

func TestAnswerByNodeIDWins(t *testing.T) {
	a := &Answers{Nodes: map[string]NodeAnswer{
		"Push Sender":                          {Outcome: "SENT"},
		"00000015-0000-4000-8000-000000000015": {Outcome: "NOT_REGISTERED"},
	}}
	r, err := walk(t, "unknown-node.journey.json", Options{Answers: a})
	require.NoError(t, err)
	assert.Equal(t, ResultFailure, r.Result)
}

func TestAnswersNamingNoNodeAreRejected(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.yaml")
	require.NoError(t, os.WriteFile(p, []byte("username: u\nnodes:\n  Push Sender: {outcome: SENT}\n  Psuh Sender: {outcome: SENT}\n"), 0o644))
	a, err := LoadAnswers(p)
	require.NoError(t, err)
	_, err = walk(t, "unknown-node.journey.json", Options{Answers: a})
	var je *Error
	require.ErrorAs(t, err, &je)
	assert.Equal(t, p, je.Path)
	assert.Equal(t, 4, je.Line)
	assert.Contains(t, je.Msg, `"Psuh Sender"`)
}

func TestAnswersFileErrors(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.yaml")
	require.NoError(t, os.WriteFile(p, []byte("username: u\nnodes:\n  X: {outcom: SENT}\n"), 0o644))
	_, err := LoadAnswers(p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), p+":3:")
	assert.Contains(t, err.Error(), `unknown key "outcom"`)

	_, err = LoadAnswers(filepath.Join(t.TempDir(), "missing.yaml"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cannot read answers")
}

func TestScriptOutcomeMustBeConnected(t *testing.T) {
	r, err := walk(t, "missing-connection.journey.json", Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `node "Maybe" (ScriptedDecisionNode 00000018-0000-4000-8000-000000000018) took outcome "maybe", which is connected to nothing`)
	assert.Equal(t, "maybe", r.Path[0].Outcome)
}

func TestScriptOutcomeMustBeDeclared(t *testing.T) {
	x, err := Read(filepath.Join(dir, "missing-connection.journey.json"))
	require.NoError(t, err)
	for _, n := range x.Trees["Dangling"].Nodes {
		n.Config["outcomes"] = []any{"yes", "no"}
	}
	_, err = Walk(context.Background(), x, Options{Input: input(t)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `chose outcome "maybe", which is not one of the node's outcomes (yes, no)`)
}

func TestScriptErrorStopsTheWalk(t *testing.T) {
	r, err := walk(t, "script-error.journey.json", Options{})
	require.Error(t, err)
	var se *runtime.ScriptError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 3, se.Line)
	require.Len(t, r.Path, 1)
	st := r.Path[0]
	assert.NotEmpty(t, st.Error)
	require.NotNil(t, st.ScriptError)
	assert.Equal(t, 3, st.ScriptError.Line)
	require.Len(t, logger.Logs.Get(st.Outputs), 1, "logs up to the failure are kept")
	assert.Equal(t, "about to fail", logger.Logs.Get(st.Outputs)[0].Message)
}

func TestLegacyScriptIsRefused(t *testing.T) {
	// The older single-tree format: tree, nodes and scripts at the top.
	x, err := Read(filepath.Join(dir, "legacy-script.journey.json"))
	require.NoError(t, err)
	r, err := Walk(context.Background(), x, Options{})
	var je *Error
	require.ErrorAs(t, err, &je)
	assert.Contains(t, je.Msg, `script "Old rhino script"`)
	assert.Contains(t, je.Msg, "legacy")
	assert.Positive(t, je.Line)
	assert.Empty(t, r.Path)
	assert.Equal(t, ResultError, r.Result)
}

func TestLegacyScriptNodeCanBeAnswered(t *testing.T) {
	a := &Answers{Nodes: map[string]NodeAnswer{"Old script": {Outcome: "true"}}}
	r, err := walk(t, "legacy-script.journey.json", Options{Answers: a})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, r.Result)
	assert.True(t, r.Path[0].Answered)
	assert.Empty(t, r.Path[0].Script, "the script did not run")
}

func TestSingleTreeFormat(t *testing.T) {
	r, err := walk(t, "single-tree.journey.json", Options{})
	require.NoError(t, err)
	assert.Equal(t, "SingleTree", r.Tree)
	assert.Equal(t, "single-tree", r.SharedState["format"])
}

func TestMalformedJSONHasLineAndColumn(t *testing.T) {
	_, err := Read(filepath.Join(dir, "malformed.journey.json"))
	var je *Error
	require.ErrorAs(t, err, &je)
	assert.Equal(t, 5, je.Line)
	assert.Equal(t, 49, je.Column)
	assert.Contains(t, err.Error(), "malformed.journey.json:5:49: invalid JSON")
}

func TestTruncatedJSON(t *testing.T) {
	_, err := Parse("x.json", []byte("{\n  \"trees\": {\n"))
	var je *Error
	require.ErrorAs(t, err, &je)
	assert.Equal(t, 3, je.Line)
}

func TestNotAnExport(t *testing.T) {
	for body, want := range map[string]string{
		`[1]`:                            "not a journey export",
		`{"meta": {}}`:                   `neither "trees" nor "tree"`,
		`{"trees": {}}`:                  "holds no journey",
		`{"trees": {"A": {}}}`:           `journey "A" has no tree object`,
		`{"trees": {"A": {"tree": {}}}}`: `journey "A" has no entryNodeId`,
	} {
		_, err := Parse("x.json", []byte(body))
		require.Error(t, err, body)
		assert.Contains(t, err.Error(), want, body)
	}
}

func TestConnectionToNowhereIsLocated(t *testing.T) {
	body := `{"trees": {"A": {"tree": {"_id": "A", "entryNodeId": "n1",
  "nodes": {"n1": {"nodeType": "ScriptedDecisionNode", "displayName": "One",
    "connections": {"true": "n2"}}}}}}}`
	_, err := Parse("x.json", []byte(body))
	var je *Error
	require.ErrorAs(t, err, &je)
	assert.Equal(t, 3, je.Line)
	assert.Contains(t, je.Msg, `outcome "true" of node "One" (ScriptedDecisionNode n1) leads to n2, which is not a node of the journey`)

	_, err = Parse("x.json", []byte(`{"tree": {"_id": "A", "entryNodeId": "zz", "nodes": {}}}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "entryNodeId zz is not a node")
}

func TestMissingScriptAndInnerTree(t *testing.T) {
	body := `{"trees": {"A": {"tree": {"_id": "A", "entryNodeId": "n1",
  "nodes": {"n1": {"nodeType": "ScriptedDecisionNode", "displayName": "One", "connections": {}}}},
  "nodes": {"n1": {"script": "s-missing"}}, "scripts": {}}}}`
	x, err := Parse("x.json", []byte(body))
	require.NoError(t, err)
	err = x.Check("A")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "runs script s-missing, which is not in the export")

	body = `{"trees": {"A": {"tree": {"_id": "A", "entryNodeId": "n1",
  "nodes": {"n1": {"nodeType": "InnerTreeEvaluatorNode", "displayName": "Sub", "connections": {}}}},
  "nodes": {"n1": {"tree": "B"}}}}}`
	x, err = Parse("x.json", []byte(body))
	require.NoError(t, err)
	err = x.Check("A")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `runs journey "B", which is not in the export`)
	assert.Contains(t, x.Check("Nope").Error(), `no journey "Nope" in the export (it holds A)`)
}

func TestDefaultTreeChoice(t *testing.T) {
	two := `{%s"trees": {
  "A": {"tree": {"_id": "A", "entryNodeId": "` + SuccessNodeID + `", "nodes": {}}},
  "B": {"tree": {"_id": "B", "entryNodeId": "` + FailureNodeID + `", "nodes": {}}}}}`
	x, err := Parse("x.json", []byte(strings.Replace(two, "%s", "", 1)))
	require.NoError(t, err)
	_, err = x.DefaultTree()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "several journeys (A, B): choose one with --tree")
	r, err := Walk(context.Background(), x, Options{})
	require.Error(t, err)
	assert.Equal(t, ResultError, r.Result)

	x, err = Parse("x.json", []byte(strings.Replace(two, "%s", `"meta": {"treesSelectedForExport": ["B"]}, `, 1)))
	require.NoError(t, err)
	name, err := x.DefaultTree()
	require.NoError(t, err)
	assert.Equal(t, "B", name)
	r, err = Walk(context.Background(), x, Options{})
	require.NoError(t, err)
	assert.Equal(t, ResultFailure, r.Result)
	assert.Equal(t, []string{"Failure:"}, names(r))
}

func TestScriptBodies(t *testing.T) {
	src := "action.goTo(\"true\");\nvar s = \"a \\\"quoted\\\" word\";"
	d := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(d, "s.js"), []byte(src), 0o644))
	x := &Export{Path: filepath.Join(d, "export.json")}
	quoted := `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(src) + `"`
	for name, body := range map[string]any{
		"plain":  src,
		"base64": base64.StdEncoding.EncodeToString([]byte(src)),
		"lines":  []any{`action.goTo("true");`, `var s = "a \"quoted\" word";`},
		"json":   quoted,
		"file":   "file://s.js",
	} {
		got, err := x.scriptSource(body)
		require.NoError(t, err, name)
		assert.Equal(t, src, got, name)
	}
	for _, body := range []any{nil, 12.0, []any{"a", 1.0}, "file://missing.js"} {
		_, err := x.scriptSource(body)
		assert.Error(t, err, "%v", body)
	}
	// Short words that happen to be base64 are decoded only when they make
	// text; source code never looks like base64.
	got, err := x.scriptSource("action.goTo('true')")
	require.NoError(t, err)
	assert.Equal(t, "action.goTo('true')", got)
}

func TestEvaluatorVersionForms(t *testing.T) {
	for v, legacy := range map[string]bool{"1.0": true, "1": true, " 1.0 ": true, "2.0": false, "": false} {
		assert.Equal(t, legacy, (&Script{EvaluatorVersion: v}).Legacy(), v)
	}
}

func TestPageChildScriptAndAnswers(t *testing.T) {
	// A page whose last node is a Scripted Decision node: the page takes the
	// script's outcome; an answer for a page node replaces it.
	body := `{"trees": {"P": {
  "tree": {"_id": "P", "entryNodeId": "page", "nodes": {
    "page": {"nodeType": "PageNode", "displayName": "Page", "connections": {"yes": "` + SuccessNodeID + `", "no": "` + FailureNodeID + `"}}}},
  "nodes": {"page": {"_type": {"_id": "PageNode"}, "nodes": [
    {"_id": "c1", "displayName": "Choice", "nodeType": "ChoiceCollectorNode"},
    {"_id": "c2", "displayName": "Decide", "nodeType": "ScriptedDecisionNode"}]}},
  "innerNodes": {"c2": {"_type": {"_id": "ScriptedDecisionNode"}, "script": "s", "outcomes": ["yes", "no"]}},
  "scripts": {"s": {"_id": "s", "name": "decide", "evaluatorVersion": "2.0",
    "script": ["action.goTo(nodeState.get('choice') === 'a' ? 'yes' : 'no');"]}}}}}`
	x, err := Parse("p.json", []byte(body))
	require.NoError(t, err)
	a := &Answers{Nodes: map[string]NodeAnswer{"Choice": {Outcome: "outcome", State: map[string]any{"choice": "a"}}}}
	r, err := Walk(context.Background(), x, Options{Answers: a})
	require.NoError(t, err)
	assert.Equal(t, []string{"Page:yes", ">Choice:outcome", ">Decide:yes", "Success:"}, names(r))

	_, err = Walk(context.Background(), x, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"Choice" (ChoiceCollectorNode c1) is a ChoiceCollectorNode node`)
}

func TestContextCancelled(t *testing.T) {
	x, err := Read(filepath.Join(dir, "infinite-loop.journey.json"))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Walk(ctx, x, Options{})
	require.ErrorIs(t, err, context.Canceled)
}

func TestLocate(t *testing.T) {
	data := []byte("{\n  \"a\": [\n    {\"b\": 1},\n    {\"c\": {\"d\": true}}\n  ]\n}")
	l, c := locate(data, "a", "1", "c", "d")
	assert.Equal(t, 4, l)
	assert.Equal(t, 12, c)
	l, _ = locate(data, "a", "0")
	assert.Equal(t, 3, l)
	l, _ = locate(data, "zz")
	assert.Equal(t, 0, l)
}

func TestScriptedNodeThatSendsCallbacksTakesRepliesFromTheAnswers(t *testing.T) {
	ans := answers(t, "ask-name.answers.yaml")
	res, err := walk(t, "ask-name.journey.json", Options{Answers: ans})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, res.Result)
	require.Len(t, res.Path, 5)
	assert.Equal(t, 1, res.Path[0].Pass)
	assert.Equal(t, "", res.Path[0].Outcome, "the asking pass has no outcome")
	assert.Len(t, callbacks.Sent.Get(res.Path[0].Outputs), 3)
	assert.Equal(t, 2, res.Path[1].Pass)
	assert.Equal(t, "true", res.Path[1].Outcome)
	require.NotNil(t, res.Path[1].Reply)
	assert.Equal(t, []any{"bjensen", int64(1)}, res.Path[1].Reply.List)
	assert.Equal(t, "Hi, bjensen", res.SharedState["greeting"])
	assert.Equal(t, "true", res.Path[3].Outcome)

	// Without a reply for Confirm, the walk stops there, naming its callbacks.
	delete(ans.Nodes, "Confirm")
	res, err = walk(t, "ask-name.journey.json", Options{Answers: ans})
	require.Error(t, err)
	assert.Equal(t, ResultError, res.Result)
	assert.Contains(t, err.Error(), `node "Confirm" (ScriptedDecisionNode 00000002-0000-4000-8000-000000000002) waits for the user's input`)
	assert.Contains(t, err.Error(), `ConfirmationCallback  "Continue as bjensen?"  options ["Yes","No"]`)
}
