package journey

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
)

// interactive builds the world of interactive-login.journey.json.
func interactive(t *testing.T) (*Export, runtime.Input) {
	t.Helper()
	x, err := Read(filepath.Join(dir, "interactive-login.journey.json"))
	require.NoError(t, err)
	fx, err := fixtures.Load(filepath.Join(dir, "interactive-login.fixtures.yaml"))
	require.NoError(t, err)
	env, err := fx.Build(context.Background())
	require.NoError(t, err)
	t.Cleanup(func() { _ = env.Close() })
	return x, env.Input
}

func byName(kv ...any) callbacks.Reply {
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return callbacks.Reply{ByName: m}
}

func types(cbs []callbacks.Callback) []string {
	var out []string
	for _, cb := range cbs {
		out = append(out, cb.Type)
	}
	return out
}

func TestSessionStopsAtCollectorsAndScriptCallbacks(t *testing.T) {
	x, in := interactive(t)
	ctx := context.Background()
	s, err := Start(ctx, x, Options{Input: in})
	require.NoError(t, err)
	defer s.Close()
	require.False(t, s.Done())

	p := s.Prompt()
	require.NotNil(t, p)
	assert.Equal(t, []string{"NameCallback", "PasswordCallback"}, types(p.Callbacks))
	assert.Equal(t, "IDToken1", p.Callbacks[0].Input[0].Name)
	assert.Equal(t, "IDToken2", p.Callbacks[1].Input[0].Name)
	prompt, _ := p.Callbacks[0].OutputValue("prompt")
	assert.Equal(t, "User Name", prompt)
	assert.Equal(t, "Sign in", p.Header)
	assert.Equal(t, "Use your Example Corp account", p.Description)
	assert.Equal(t, "signIn", p.Stage)
	assert.Equal(t, TypePage, p.NodeType)

	require.NoError(t, s.Next(ctx, byName("IDToken1", "bjensen", "IDToken2", "Ch4ng3it!")))
	p = s.Prompt()
	require.NotNil(t, p)
	assert.Equal(t, "One-time code", p.NodeName)
	assert.Equal(t, []string{"TextOutputCallback", "PasswordCallback"}, types(p.Callbacks))
	msg, _ := p.Callbacks[0].OutputValue("message")
	assert.Equal(t, "Hello bjensen, enter the one-time code we sent you", msg)

	// A reply that does not fit: the session keeps waiting.
	var re *ReplyError
	require.ErrorAs(t, s.Next(ctx, byName("IDToken9", "x")), &re)
	require.NotNil(t, s.Prompt())

	require.NoError(t, s.Next(ctx, callbacks.Reply{List: []any{"424242"}}))
	require.True(t, s.Done())
	res := s.Result()
	assert.Equal(t, ResultSuccess, res.Result)
	assert.Equal(t, true, res.SharedState["otpVerified"])
	assert.Equal(t, "bjensen", res.SharedState["username"])
	assert.Equal(t, []string{"Sign in:", "Sign in:outcome", ">User Name:outcome", ">Password:outcome",
		"Check credentials:true", "One-time code:", "One-time code:true", "Success:"}, names(res))
	assert.Equal(t, 1, res.Path[5].Pass)
	assert.Equal(t, 2, res.Path[6].Pass)
	assert.Nil(t, s.Prompt())
	assert.ErrorIs(t, s.Next(ctx, callbacks.Reply{}), ErrEnded)
}

func TestSessionWrongPasswordFails(t *testing.T) {
	x, in := interactive(t)
	ctx := context.Background()
	s, err := Start(ctx, x, Options{Input: in})
	require.NoError(t, err)
	require.NoError(t, s.Next(ctx, byName("IDToken1", "bjensen", "IDToken2", "wrong")))
	require.True(t, s.Done())
	assert.Equal(t, ResultFailure, s.Result().Result)
}

func TestSessionWrongCodeFails(t *testing.T) {
	x, in := interactive(t)
	ctx := context.Background()
	s, err := Start(ctx, x, Options{Input: in})
	require.NoError(t, err)
	require.NoError(t, s.Next(ctx, byName("IDToken1", "bjensen", "IDToken2", "Ch4ng3it!")))
	require.NoError(t, s.Next(ctx, byName("IDToken2", "000000")))
	assert.Equal(t, ResultFailure, s.Result().Result)
	assert.Equal(t, false, s.Result().SharedState["otpVerified"])
}

// The interactive journey walked with the answers file takes the same path,
// in one go: Walk is a session that reads the answers file.
func TestWalkInteractiveLoginWithAnswers(t *testing.T) {
	x, in := interactive(t)
	res, err := Walk(context.Background(), x, Options{Input: in, Answers: answers(t, "interactive-login.answers.yaml")})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, res.Result)
	assert.Equal(t, []string{"Sign in:outcome", ">User Name:outcome", ">Password:outcome",
		"Check credentials:true", "One-time code:", "One-time code:true", "Success:"}, names(res))
}

// A session stopped inside an inner journey resumes there, and the outer
// journey goes on from the inner journey's end.
func TestSessionResumesInsideInnerJourney(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(dir, "login.journey.json"))
	require.NoError(t, err)
	var exp map[string]any
	require.NoError(t, json.Unmarshal(data, &exp))
	trees := exp["trees"].(map[string]any)
	const inner = "000000f1-0000-4000-8000-0000000000f1"
	trees["Outer"] = map[string]any{
		"nodes": map[string]any{inner: map[string]any{
			"_id": inner, "_type": map[string]any{"_id": TypeInnerTree}, "tree": "Login",
		}},
		"tree": map[string]any{"_id": "Outer", "entryNodeId": inner, "nodes": map[string]any{
			inner: map[string]any{"nodeType": TypeInnerTree, "displayName": "Sign in first",
				"connections": map[string]any{"true": SuccessNodeID, "false": FailureNodeID}},
		}},
	}
	data, err = json.Marshal(exp)
	require.NoError(t, err)
	x, err := Parse("outer.json", data)
	require.NoError(t, err)

	ctx := context.Background()
	s, err := Start(ctx, x, Options{Tree: "Outer", Input: input(t)})
	require.NoError(t, err)
	p := s.Prompt()
	require.NotNil(t, p)
	assert.Equal(t, "Login", p.Tree)
	assert.Equal(t, []string{"ValidatedCreateUsernameCallback", "ValidatedCreatePasswordCallback"}, types(p.Callbacks))
	assert.Equal(t, "IDToken2validateOnly", p.Callbacks[1].Input[1].Name)

	// validateOnly asks again, with the values.
	require.NoError(t, s.Next(ctx, byName("IDToken1", "bjensen", "IDToken1validateOnly", true)))
	p = s.Prompt()
	require.NotNil(t, p)
	assert.Equal(t, "bjensen", p.Callbacks[0].Input[0].Value)

	reply, err := p.ReplyFrom([]callbacks.Callback{
		{Type: "ValidatedCreateUsernameCallback", Input: []callbacks.NameValue{{Name: "IDToken1", Value: "bjensen"}, {Name: "IDToken1validateOnly", Value: false}}},
		{Type: "ValidatedCreatePasswordCallback", Input: []callbacks.NameValue{{Name: "IDToken2", Value: "Ch4ng3it!"}}},
	})
	require.NoError(t, err)
	require.NoError(t, s.Next(ctx, reply))
	require.True(t, s.Done())
	res := s.Result()
	assert.Equal(t, ResultSuccess, res.Result, res.Error)
	assert.Equal(t, []string{">Success:", "Success:"}, names(res)[len(res.Path)-2:])
	assert.Contains(t, names(res), "Sign in first:true")
	assert.Equal(t, map[string]any{"userName": "bjensen", "password": "Ch4ng3it!"}, mergeOA(res))
}

func mergeOA(r *Result) map[string]any {
	out := map[string]any{}
	for _, st := range []map[string]any{r.SharedState, r.TransientState} {
		oa, _ := st["objectAttributes"].(map[string]any)
		for k, v := range oa {
			out[k] = v
		}
	}
	return out
}

func TestPromptReplyFromChecksTheCallbacks(t *testing.T) {
	x, in := interactive(t)
	s, err := Start(context.Background(), x, Options{Input: in})
	require.NoError(t, err)
	defer s.Close()
	p := s.Prompt()
	_, err = p.ReplyFrom(nil)
	var re *ReplyError
	require.True(t, errors.As(err, &re))
	assert.Contains(t, err.Error(), "0 callback(s) submitted for the 2 sent")
	_, err = p.ReplyFrom([]callbacks.Callback{{Type: "NameCallback"}, {Type: "TextInputCallback"}})
	assert.Contains(t, err.Error(), "callback 2: TextInputCallback submitted for the PasswordCallback sent")
}
