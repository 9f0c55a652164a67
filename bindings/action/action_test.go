package action_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
)

func TestEveryMethodChainsAndReachesTheOutputs(t *testing.T) {
	r := bindingtest.New(t, action.Binding).Begin(bindings.Backends{})
	r.MustRun(`action.goTo("first").withHeader("h1").withHeader("h2").withHeader("")
		.withDescription("d").withErrorMessage("e").withLockoutMessage("l")
		.withIdentifiedUser("bjensen").withStage("s1")
		.withMaxSessionTime(120).withMaxIdleTime(30.9)
		.putSessionProperty("k1", "v1").putSessionProperty("k2", "v2")
		.removeSessionProperty("k2").goTo("second")`)
	out := r.End()

	outcome, chose := r.Run.Outcome()
	assert.True(t, chose)
	assert.Equal(t, "second", outcome, "the last goTo wins")
	assert.Equal(t, []string{"h2"}, action.Headers.Get(out), "the last non-empty header wins")
	assert.Equal(t, "d", action.Description.Get(out))
	assert.Equal(t, "e", action.ErrorMessage.Get(out))
	assert.Equal(t, "l", action.LockoutMessage.Get(out))
	assert.Equal(t, "bjensen", action.IdentifiedUser.Get(out))
	assert.Equal(t, "s1", action.Stage.Get(out))
	assert.Equal(t, 120, action.MaxSessionTime.Get(out))
	assert.Equal(t, 30, action.MaxIdleTime.Get(out), "an int parameter truncates")
	assert.Equal(t, map[string]string{"k1": "v1"}, action.SessionProperties.Get(out))
	assert.Equal(t, []string{"k2"}, action.RemovedSessionProperties.Get(out),
		"a removed property reaches the result, for a property an earlier node set")
}

// AM applies removals after puts: a property removed in a pass is gone even
// when the script put it again afterwards.
func TestARemovalWinsOverAPut(t *testing.T) {
	r := bindingtest.New(t, action.Binding).Begin(bindings.Backends{})
	r.MustRun(`action.removeSessionProperty("k").putSessionProperty("k", "v").putSessionProperty("other", "o").goTo("x")`)
	out := r.End()
	assert.Equal(t, map[string]string{"other": "o"}, action.SessionProperties.Get(out))
	assert.Equal(t, []string{"k"}, action.RemovedSessionProperties.Get(out))
}

// The identified identity is one: the last of withIdentifiedUser and
// withIdentifiedAgent names it and its type; a blank name sets none.
func TestTheLastIdentityWins(t *testing.T) {
	r := bindingtest.New(t, action.Binding)
	for src, want := range map[string][2]string{
		`action.withIdentifiedUser("bjensen").withIdentifiedAgent("ig-agent")`: {"", "ig-agent"},
		`action.withIdentifiedAgent("ig-agent").withIdentifiedUser("bjensen")`: {"bjensen", ""},
		`action.withIdentifiedUser("bjensen").withIdentifiedUser("  ")`:        {"", ""},
		`action.withIdentifiedAgent(null)`:                                     {"", ""},
	} {
		r.Begin(bindings.Backends{})
		r.MustRun(src)
		out := r.End()
		user, _ := action.IdentifiedUser.Lookup(out)
		agent, _ := action.IdentifiedAgent.Lookup(out)
		assert.Equal(t, want, [2]string{user, agent}, src)
	}
}

// withMaxSessionTime and withMaxIdleTime take an int of minutes, at least 1,
// with AM's messages; Rhino refuses what does not convert to an int.
func TestSessionTimesAreCheckedAsAMDoes(t *testing.T) {
	r := bindingtest.New(t, action.Binding).Begin(bindings.Backends{})
	for src, want := range map[string]string{
		`action.withMaxSessionTime(0)`:         "InternalError: maximumSessionTime must be greater than 0",
		`action.withMaxSessionTime(0.5)`:       "InternalError: maximumSessionTime must be greater than 0",
		`action.withMaxIdleTime(-3)`:           "InternalError: maximumIdleTime must be greater than 0",
		`action.withMaxIdleTime("x")`:          "InternalError: Cannot convert x to int",
		`action.withMaxIdleTime(undefined)`:    "InternalError: Cannot convert undefined to int",
		`action.withMaxSessionTime(1e12)`:      "InternalError: Cannot convert 1000000000000 to int",
		`action.withMaxSessionTime(null)`:      "InternalError: Can't find method org.forgerock.openam.auth.nodes.script.ActionWrapper.withMaxSessionTime(null).",
		`action.withMaxSessionTime()`:          "InternalError: Can't find method org.forgerock.openam.auth.nodes.script.ActionWrapper.withMaxSessionTime().",
		`action.withMaxIdleTime(5, "extra")`:   "InternalError: Can't find method org.forgerock.openam.auth.nodes.script.ActionWrapper.withMaxIdleTime(number,string).",
		`action.goTo()`:                        "InternalError: Can't find method org.forgerock.openam.auth.nodes.script.ActionWrapper.goTo().",
		`action.putSessionProperty("k")`:       "InternalError: Can't find method org.forgerock.openam.auth.nodes.script.ActionWrapper.putSessionProperty(string).",
		`action.putSessionProperty("k", null)`: "InternalError: action.putSessionProperty: the key and the value must not be null",
		`action.goTo(null)`:                    "InternalError: action.goTo: the outcome is null",
	} {
		v := r.MustRun(`(function () { try { ` + src + `; return "no error" } catch (e) { return String(e) } })()`)
		assert.Equal(t, want, v.String(), src)
	}
	r.MustRun(`action.withMaxSessionTime("45")`)
	out := r.End()
	assert.Equal(t, 45, action.MaxSessionTime.Get(out), "a numeric string converts")
}

// Strings convert as Rhino converts them: undefined is the text
// "undefined"; null clears a message.
func TestStringArgumentsConvertAsInRhino(t *testing.T) {
	r := bindingtest.New(t, action.Binding).Begin(bindings.Backends{})
	r.MustRun(`action.withErrorMessage("e").withErrorMessage(null).withLockoutMessage(42).goTo(undefined)`)
	out := r.End()
	outcome, _ := r.Run.Outcome()
	assert.Equal(t, "undefined", outcome)
	assert.Equal(t, "", action.ErrorMessage.Get(out))
	assert.Equal(t, "42", action.LockoutMessage.Get(out))
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

func TestTheObjectIsFrozen(t *testing.T) {
	r := bindingtest.New(t, action.Binding).Begin(bindings.Backends{})
	v := r.MustRun(`"use strict"; var out = Object.isFrozen(action);
		try { action.goTo = function () {}; out = "assigned"; } catch (e) { }
		out`)
	assert.Equal(t, true, v.Export())
}
