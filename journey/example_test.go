package journey

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/fixtures"
)

// The bundled example: sign in, identify the user, check the last PingOne
// Verify transaction (a PingOne Verify Completion Decision node whose script
// gathers the credential's data), issue a credential to the paired wallet.
func walkExample(t *testing.T, answersFile string) (*Result, *fixtures.Env) {
	t.Helper()
	x, err := Read(filepath.Join(dir, "IssueVerifiedCredential.journey.json"))
	require.NoError(t, err)
	fx, err := fixtures.Load(filepath.Join(dir, "IssueVerifiedCredential.fixtures.yaml"))
	require.NoError(t, err)
	env, err := fx.Build(context.Background())
	require.NoError(t, err)
	t.Cleanup(func() { _ = env.Close() })
	r, err := Walk(context.Background(), x, Options{
		Input:     env.Input,
		Answers:   answers(t, answersFile),
		AfterStep: func(s *Step) { s.PingOneChanges = env.PingOneChanges() },
	})
	require.NoError(t, err)
	return r, env
}

func TestExampleIssuesTheCredential(t *testing.T) {
	r, env := walkExample(t, "IssueVerifiedCredential.answers.yaml")
	assert.Equal(t, ResultSuccess, r.Result)
	assert.Equal(t, []string{"Sign in:outcome", ">Username:outcome", "Find account:true",
		"Check verify:successOutcome", "Issue credential:issued", "Success:"}, names(r))
	assert.Equal(t, map[string]any{"Member Name": "Barbara Jensen-Smith", "Member Number": "M-2291-0042"},
		r.SharedState["credentialData"], "the name comes from the verified government ID")
	check := r.Path[3]
	assert.Equal(t, TypeVerifyCompletion, check.Type)
	assert.Equal(t, "Check verify", check.Script)
	require.NotEmpty(t, logger.Logs.Get(check.Outputs), "the node's script logged")
	assert.Contains(t, logger.Logs.Get(check.Outputs)[0].Message, "bjensen verified by transaction")
	credID, _ := r.SharedState["pingOneCredentialId"].(string)
	require.NotEmpty(t, credID)

	issue := r.Path[4]
	require.NotEmpty(t, httpclient.Calls.Get(issue.Outputs))
	var kinds []string
	for _, c := range issue.PingOneChanges {
		kinds = append(kinds, c.Action+" "+c.Kind)
	}
	assert.Contains(t, kinds, "created userCredential")
	// The credential is really in the local PingOne.
	card, err := env.PingOne.CredentialCard(context.Background(), env.PingOneSeed.EnvironmentID, credID)
	require.NoError(t, err)
	assert.NotNil(t, card)
}

func TestExampleNotVerified(t *testing.T) {
	r, _ := walkExample(t, "IssueVerifiedCredential-not-verified.answers.yaml")
	assert.Equal(t, ResultFailure, r.Result)
	// Sam's last transaction is FAIL: the node takes Failure, and its
	// script leaves no credential data.
	assert.Equal(t, []string{"Sign in:outcome", ">Username:outcome", "Find account:true",
		"Check verify:failureOutcome", "Failure:"}, names(r))
	assert.NotContains(t, r.SharedState, "credentialData")
	assert.NotContains(t, r.SharedState, VerifyTransactionIDKey)
}

func TestExampleNoWallet(t *testing.T) {
	r, _ := walkExample(t, "IssueVerifiedCredential-no-wallet.answers.yaml")
	assert.Equal(t, ResultFailure, r.Result)
	assert.Equal(t, "Check verify:successOutcome", names(r)[3])
	assert.Equal(t, "Issue credential:noWallet", names(r)[4])
	assert.Empty(t, r.Path[4].PingOneChanges)
}

var update = flag.Bool("update", false, "rewrite the example export's scripts from their sources")

var exampleSources = map[string]string{
	"Check verify":     filepath.Join(dir, "scripts", "check-verify.js"),
	"Issue credential": filepath.Join("..", "scripts", "issue-credential.js"),
}

// The export embeds its scripts; they must stay the same as the readable
// sources they were made from. After changing a source:
//
//	go test ./journey -run TestExampleScriptsMatchTheirSources -update
func TestExampleScriptsMatchTheirSources(t *testing.T) {
	path := filepath.Join(dir, "IssueVerifiedCredential.journey.json")
	if *update {
		updateExampleScripts(t, path)
	}
	x, err := Read(path)
	require.NoError(t, err)
	for name, file := range exampleSources {
		want, err := os.ReadFile(file)
		require.NoError(t, err)
		var found bool
		for _, s := range x.Scripts {
			if s.Name == name {
				found = true
				assert.Equal(t, string(want), s.Source+"\n", "%s differs from %s: run this test with -update", name, file)
			}
		}
		assert.True(t, found, name)
	}
}

// updateExampleScripts writes the sources into the export, as arrays of
// lines (frodo's form), keeping everything else.
func updateExampleScripts(t *testing.T, path string) {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc map[string]any
	require.NoError(t, dec.Decode(&doc))
	for _, te := range doc["trees"].(map[string]any) {
		for _, sv := range te.(map[string]any)["scripts"].(map[string]any) {
			s := sv.(map[string]any)
			file, ok := exampleSources[s["name"].(string)]
			if !ok {
				continue
			}
			src, err := os.ReadFile(file)
			require.NoError(t, err)
			lines := strings.Split(strings.TrimRight(string(src), "\n"), "\n")
			s["script"] = lines
		}
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(doc))
	require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
}
