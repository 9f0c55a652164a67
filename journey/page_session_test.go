package journey

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings/callbacks"
)

// pageScript is page-script.journey.json: a page holding a Username
// Collector, a Password Collector and a Scripted Decision node that sends a
// TextInputCallback, in the world of interactive-login.
func pageScript(t *testing.T) *Export {
	t.Helper()
	x, err := Read(filepath.Join(dir, "page-script.journey.json"))
	require.NoError(t, err)
	return x
}

// A page holding a scripted node sends the callbacks of all its nodes in
// one prompt, numbered across the page; one reply answers them all, the
// script reading its own slice from `callbacks`.
func TestSessionPageWithScriptAsksOnce(t *testing.T) {
	_, in := interactive(t)
	x := pageScript(t)
	ctx := context.Background()
	s, err := Start(ctx, x, Options{Input: in})
	require.NoError(t, err)
	defer s.Close()

	p := s.Prompt()
	require.NotNil(t, p)
	assert.Equal(t, TypePage, p.NodeType)
	assert.Equal(t, "Sign in", p.NodeName)
	assert.Equal(t, "signInColour", p.Stage)
	assert.Equal(t, []string{"NameCallback", "PasswordCallback", "TextInputCallback"}, types(p.Callbacks))
	for i, want := range []string{"IDToken1", "IDToken2", "IDToken3"} {
		assert.Equal(t, want, p.Callbacks[i].Input[0].Name)
	}
	prompt, _ := p.Callbacks[2].OutputValue("prompt")
	assert.Equal(t, "Favourite colour", prompt)

	// A reply as the client submits it: the prompt's callbacks, filled in.
	sub := cloneCallbacks(p.Callbacks)
	sub[0].Input[0].Value, sub[1].Input[0].Value, sub[2].Input[0].Value = "bjensen", "Ch4ng3it!", "blue"
	reply, err := p.ReplyFrom(sub)
	require.NoError(t, err)
	require.NoError(t, s.Next(ctx, reply))
	require.True(t, s.Done(), "one reply answers the whole page")
	res := s.Result()
	assert.Equal(t, ResultSuccess, res.Result, res.Error)
	assert.Equal(t, []string{"Sign in:", ">Colour:", "Sign in:true", ">User Name:outcome", ">Password:outcome",
		">Colour:true", "Check credentials:true", "Success:"}, names(res))
	assert.Equal(t, 1, res.Path[1].Pass)
	assert.Equal(t, 2, res.Path[5].Pass)
	require.NotNil(t, res.Path[5].Reply)
	assert.Equal(t, map[string]any{"IDToken1": "blue"}, res.Path[5].Reply.ByName)
	assert.Equal(t, "blue", res.SharedState["colour"])
	assert.Equal(t, "bjensen", res.SharedState["colourBy"], "the collectors ran before the script")
	assert.Equal(t, "bjensen", res.SharedState["username"])
}

// The script's answer picks the page's outcome.
func TestSessionPageWithScriptTakesTheScriptsOutcome(t *testing.T) {
	_, in := interactive(t)
	ctx := context.Background()
	s, err := Start(ctx, pageScript(t), Options{Input: in})
	require.NoError(t, err)
	require.NoError(t, s.Next(ctx, byName("IDToken1", "bjensen", "IDToken2", "Ch4ng3it!", "IDToken3", "red")))
	require.True(t, s.Done())
	res := s.Result()
	assert.Equal(t, ResultFailure, res.Result)
	assert.Equal(t, "red", res.SharedState["colour"])
	assert.Contains(t, names(res), "Sign in:false")
}

// A scripted node of a page that sends callbacks again asks again, in one
// prompt for the page. Every node of the page runs on each request, with
// its own part of the reply: the collectors, which took their values, ask
// for them again.
func TestSessionPageScriptAsksAgain(t *testing.T) {
	_, in := interactive(t)
	x := pageScript(t)
	x.Scripts["00000134-0000-4000-8000-000000000134"].Source = `
if (callbacks.isEmpty()) {
  callbacksBuilder.textInputCallback("Favourite colour");
} else {
  var c = String(callbacks.getTextInputCallbacks().get(0));
  if (c === "") {
    callbacksBuilder.textInputCallback("Favourite colour, please");
  } else {
    nodeState.putShared("colour", c);
    action.goTo(c === "blue" ? "true" : "false");
  }
}`
	ctx := context.Background()
	s, err := Start(ctx, x, Options{Input: in})
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Next(ctx, callbacks.Reply{List: []any{"bjensen", "Ch4ng3it!"}}))
	p := s.Prompt()
	require.NotNil(t, p, "the script asks again")
	assert.Equal(t, "Sign in", p.NodeName)
	assert.Equal(t, []string{"NameCallback", "PasswordCallback", "TextInputCallback"}, types(p.Callbacks))
	assert.Equal(t, "IDToken3", p.Callbacks[2].Input[0].Name)
	prompt, _ := p.Callbacks[2].OutputValue("prompt")
	assert.Equal(t, "Favourite colour, please", prompt)

	require.NoError(t, s.Next(ctx, byName("IDToken1", "bjensen", "IDToken2", "Ch4ng3it!", "IDToken3", "blue")))
	require.True(t, s.Done())
	res := s.Result()
	assert.Equal(t, ResultSuccess, res.Result, res.Error)
	assert.Equal(t, "blue", res.SharedState["colour"])
	assert.Equal(t, []string{"Sign in:", ">Colour:", "Sign in:", ">User Name:outcome", ">Password:outcome", ">Colour:",
		"Sign in:true", ">User Name:outcome", ">Password:outcome", ">Colour:true", "Check credentials:true", "Success:"}, names(res))
	assert.Equal(t, []int{1, 2, 3}, []int{res.Path[1].Pass, res.Path[5].Pass, res.Path[9].Pass})
}

// Walk, reading the answers file, takes the same path in one go.
func TestWalkPageWithScriptAndAnswers(t *testing.T) {
	_, in := interactive(t)
	u, pw := "bjensen", "Ch4ng3it!"
	a := &Answers{Username: &u, Password: &pw, Nodes: map[string]NodeAnswer{"Colour": {Replies: callbacks.Replies{{List: []any{"blue"}}}}}}
	res, err := Walk(context.Background(), pageScript(t), Options{Input: in, Answers: a})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, res.Result)
	assert.Equal(t, []string{"Sign in:true", ">User Name:outcome", ">Password:outcome", ">Colour:", ">Colour:true",
		"Check credentials:true", "Success:"}, names(res))
	assert.Equal(t, "blue", res.SharedState["colour"])
}
