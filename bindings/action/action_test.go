package action_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
)

func TestEveryMethodChainsAndReachesTheOutputs(t *testing.T) {
	r := bindingtest.New(t, action.Binding).Begin(bindings.Backends{})
	r.MustRun(`action.goTo("first").withHeader("h1").withHeader("h2")
		.withDescription("d").withErrorMessage("e").withLockoutMessage("l")
		.withIdentifiedUser("bjensen").withStage("s1")
		.putSessionProperty("k1", "v1").putSessionProperty("k2", "v2")
		.removeSessionProperty("k2").goTo("second")`)
	out := r.End()

	outcome, chose := r.Run.Outcome()
	assert.True(t, chose)
	assert.Equal(t, "second", outcome, "the last goTo wins")
	assert.Equal(t, []string{"h1", "h2"}, action.Headers.Get(out))
	assert.Equal(t, "d", action.Description.Get(out))
	assert.Equal(t, "e", action.ErrorMessage.Get(out))
	assert.Equal(t, "l", action.LockoutMessage.Get(out))
	assert.Equal(t, "bjensen", action.IdentifiedUser.Get(out))
	assert.Equal(t, "s1", action.Stage.Get(out))
	assert.Equal(t, map[string]string{"k1": "v1"}, action.SessionProperties.Get(out))
	assert.Equal(t, []string{"k2"}, action.RemovedSessionProperties.Get(out),
		"a removed property reaches the result, for a property an earlier node set")
}

func TestARunStartsClean(t *testing.T) {
	r := bindingtest.New(t, action.Binding).Begin(bindings.Backends{})
	r.MustRun(`action.goTo("x").withHeader("h").putSessionProperty("k", "v")`)
	r.End()

	r.Begin(bindings.Backends{})
	r.MustRun(`1`)
	out := r.End()
	_, chose := r.Run.Outcome()
	assert.False(t, chose)
	_, set := action.Headers.Lookup(out)
	assert.False(t, set)
	assert.Equal(t, []string{}, action.Headers.Get(out), "headers default to an empty list")
	_, set = action.SessionProperties.Lookup(out)
	assert.False(t, set)
}

func TestAnEmptyOutcomeIsStillAnOutcome(t *testing.T) {
	r := bindingtest.New(t, action.Binding).Begin(bindings.Backends{})
	r.MustRun(`action.goTo("")`)
	r.End()
	outcome, chose := r.Run.Outcome()
	assert.True(t, chose)
	assert.Equal(t, "", outcome)
}

func TestArgumentsAreRequired(t *testing.T) {
	r := bindingtest.New(t, action.Binding).Begin(bindings.Backends{})
	for _, call := range []string{"goTo()", "goTo(null)", "withHeader()", "putSessionProperty(undefined, 'v')", "removeSessionProperty()"} {
		_, err := r.RunScript("action." + call)
		require.Error(t, err, call)
		assert.Contains(t, err.Error(), "an argument is required", call)
	}
}

func TestTheObjectIsFrozen(t *testing.T) {
	r := bindingtest.New(t, action.Binding).Begin(bindings.Backends{})
	v := r.MustRun(`"use strict"; var out = Object.isFrozen(action);
		try { action.goTo = function () {}; out = "assigned"; } catch (e) { }
		out`)
	assert.Equal(t, true, v.Export())
}
