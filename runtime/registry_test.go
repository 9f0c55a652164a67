package runtime_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/runtime"
)

func TestRegisterScriptAndRunNamed(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	ctx := context.Background()

	require.NoError(t, e.RegisterScript(runtime.Script{Name: "b.js", Source: `action.goTo("b:" + nodeState.get("x"))`}))
	require.NoError(t, e.RegisterScript(runtime.Script{Name: "a.js", Source: `action.goTo("a")`}))
	assert.Equal(t, []string{"a.js", "b.js"}, e.ScriptNames())

	res, err := e.RunNamed(ctx, "b.js", runtime.Input{SharedState: map[string]any{"x": 1}})
	require.NoError(t, err)
	assert.Equal(t, "b:1", res.Outcome)

	// Unknown names run nothing.
	_, err = e.RunNamed(ctx, "nope.js", runtime.Input{})
	assert.True(t, errors.Is(err, runtime.ErrUnknownScript), "%v", err)
	assert.Equal(t, int64(1), e.Stats().Runs)

	// A syntax error is reported with its position and keeps the old script.
	err = e.RegisterScript(runtime.Script{Name: "a.js", Source: "action.goTo(\n  'x'"})
	var se *runtime.ScriptError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, runtime.KindSyntax, se.Kind)
	assert.Greater(t, se.Line, 0)
	res, err = e.RunNamed(ctx, "a.js", runtime.Input{})
	require.NoError(t, err)
	assert.Equal(t, "a", res.Outcome)

	// Replacing a script takes effect on the next run.
	require.NoError(t, e.RegisterScript(runtime.Script{Name: "a.js", Source: `action.goTo("a2")`}))
	res, err = e.RunNamed(ctx, "a.js", runtime.Input{})
	require.NoError(t, err)
	assert.Equal(t, "a2", res.Outcome)

	s, ok := e.LookupScript("a.js")
	assert.True(t, ok)
	assert.Equal(t, `action.goTo("a2")`, s.Source)

	assert.True(t, e.UnregisterScript("a.js"))
	assert.False(t, e.UnregisterScript("a.js"))
	_, err = e.RunNamed(ctx, "a.js", runtime.Input{})
	assert.ErrorIs(t, err, runtime.ErrUnknownScript)

	require.Error(t, e.RegisterScript(runtime.Script{Source: `action.goTo("x")`}), "a name is required")
}

func TestRegistryZeroEngineAndConcurrency(t *testing.T) {
	var e runtime.Engine // the zero value is usable
	defer e.Close()
	assert.Empty(t, e.ScriptNames())
	require.NoError(t, e.RegisterScript(runtime.Script{Name: "x.js", Source: `action.goTo("x")`}))
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				res, err := e.RunNamed(context.Background(), "x.js", runtime.Input{})
				assert.NoError(t, err)
				assert.Equal(t, "x", res.Outcome)
				_ = e.RegisterScript(runtime.Script{Name: "y.js", Source: `action.goTo("y")`})
				_ = e.ScriptNames()
			}
		}()
	}
	wg.Wait()
}
