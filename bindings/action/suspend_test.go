package action_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/bindings/callbacksbuilder"
	"github.com/journeyjs/journeyjs/bindings/suspension"
)

func suspendRuntime(t *testing.T) (*bindingtest.Runtime, bindings.Backends) {
	r := bindingtest.New(t, action.Binding, callbacksbuilder.Binding, suspension.Binding)
	be := bindings.NewBackends(suspension.ConfigKey.Value(suspension.Config{BaseURL: "https://tenant.example.com/am", NewID: func() string { return "abc123" }}))
	return r, be
}

func TestSuspendSendsTheResumeURIAndWins(t *testing.T) {
	r, be := suspendRuntime(t)
	r.BeginWith(be, func(run *bindings.Run) { run.Realm = "/alpha" })
	r.MustRun(`var seen;
		callbacksBuilder.nameCallback("User");
		action.goTo("true").suspend("Go to {0} (it''s for you) '{1}' {1}", function (uri) { seen = String(uri) }, 10);
		seen`)
	assert.Equal(t, "https://tenant.example.com/am/XUI/?realm=/alpha&suspendedId=abc123", r.MustRun(`seen`).String())
	out := r.End()
	assert.True(t, r.Run.Sends())
	s, ok := suspension.Suspended.Lookup(out)
	require.True(t, ok)
	assert.Equal(t, suspension.Suspension{ID: "abc123", ResumeURI: "https://tenant.example.com/am/XUI/?realm=/alpha&suspendedId=abc123",
		Message: "Go to https://tenant.example.com/am/XUI/?realm=/alpha&suspendedId=abc123 (it's for you) {1} {1}", MaxMinutes: 10}, s)
	sent := callbacks.Sent.Get(out)
	require.Len(t, sent, 1, "the suspension wins over the queued NameCallback")
	assert.Equal(t, "SuspendedTextOutputCallback", sent[0].Type)
	msg, _ := sent[0].OutputValue("message")
	assert.Equal(t, s.Message, msg)
	mt, _ := sent[0].OutputValue("messageType")
	assert.Equal(t, "0", mt)
}

func TestSuspendChecks(t *testing.T) {
	for src, want := range map[string]string{
		`action.suspend("x", null, 0)`:                      "maximumSuspendDuration must be greater than 0",
		`action.suspend("x", function () {}, -5)`:           "maximumSuspendDuration must be greater than 0",
		`action.suspend("x", function () { throw "boom" })`: "java.lang.RuntimeException: Failed to execute additional logic",
		`action.suspend(null)`:                              "IllegalArgumentException",
		`action.suspend("{0")`:                              "Unmatched braces in the pattern.",
		`action.suspend()`:                                  "Can't find method",
	} {
		t.Run(src, func(t *testing.T) {
			r, be := suspendRuntime(t)
			r.Begin(be)
			_, err := r.RunScript(src)
			r.End()
			require.Error(t, err)
			assert.Contains(t, err.Error(), want)
		})
	}
}

func TestResumedFromSuspendIsTheRunsOwn(t *testing.T) {
	r, _ := suspendRuntime(t)
	r.Begin(bindings.NewBackends(suspension.Resumed.Value(true)))
	assert.Equal(t, true, r.MustRun(`resumedFromSuspend`).Export())
	r.End()
	r.Begin(bindings.Backends{})
	assert.Equal(t, false, r.MustRun(`resumedFromSuspend`).Export())
	r.End()
}

func TestDefaultResumeURI(t *testing.T) {
	s := suspension.Config{}.NewSuspension("")
	assert.Regexp(t, `^http://localhost:8080/am/XUI/\?realm=/&suspendedId=[0-9a-f]{32}$`, s.ResumeURI)
}
