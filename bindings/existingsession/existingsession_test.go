package existingsession_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	_ "github.com/journeyjs/journeyjs/bindings/all"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/existingsession"
	"github.com/journeyjs/journeyjs/runtime"
)

func session(props map[string]string) bindings.Backends {
	return bindings.NewBackends(existingsession.PropertiesKey.Value(props))
}

func TestTheSessionIsAFrozenJavaMap(t *testing.T) {
	r := bindingtest.New(t, existingsession.Binding).Begin(session(map[string]string{"AMCtxId": "ctx-1", "level": "2"}))
	v := r.MustRun(`"use strict"; var changed = "no";
		try { existingSession.level = "9"; changed = "yes"; } catch (e) {}
		[existingSession.get("AMCtxId"), existingSession.level, existingSession.containsKey("level"),
		 existingSession.get("absent"), existingSession.size(), changed].join()`)
	assert.Equal(t, "ctx-1,2,true,,2,no", v.String())
	r.End()
}

func TestEachRunHasItsOwnSession(t *testing.T) {
	r := bindingtest.New(t, existingsession.Binding).Begin(session(map[string]string{"k": "1"}))
	assert.Equal(t, "1", r.MustRun(`existingSession.get("k")`).String())
	r.End()
	inst := r.Instance("existingSession").(bindings.PerRun)
	r.Begin(bindings.Backends{})
	assert.Nil(t, inst.RunValue(), "without a session the name is not bound")
	r.End()
}

func run(t *testing.T, src string, in runtime.Input) (runtime.Result, error) {
	t.Helper()
	e := runtime.New(runtime.Options{})
	t.Cleanup(e.Close)
	return e.Run(context.Background(), runtime.Script{Name: "session.js", Source: src}, in)
}

// Without a session, as in AM, the name is unbound: typeof is safe and any
// other read is a ReferenceError.
func TestWithoutASessionTheNameIsUnbound(t *testing.T) {
	res, err := run(t, `action.goTo(typeof existingSession)`, runtime.Input{})
	require.NoError(t, err)
	assert.Equal(t, "undefined", res.Outcome)

	_, err = run(t, `if (existingSession) { action.goTo("x") }`, runtime.Input{})
	var se *runtime.ScriptError
	require.ErrorAs(t, err, &se)
	assert.Contains(t, se.Message, "ReferenceError")
	assert.Contains(t, se.Message, "existingSession")

	res, err = run(t, `action.goTo(existingSession.get("UserToken"))`,
		runtime.Input{Backends: session(map[string]string{"UserToken": "bjensen"})})
	require.NoError(t, err)
	assert.Equal(t, "bjensen", res.Outcome)
}
