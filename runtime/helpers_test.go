package runtime_test

import (
	"context"
	"errors"
	"testing"

	_ "github.com/journeyjs/journeyjs/bindings/all"

	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/runtime"
)

// run runs src on e and fails the test on an error.
func run(t *testing.T, e *runtime.Engine, src string, in runtime.Input) runtime.Result {
	t.Helper()
	res, err := e.Run(context.Background(), runtime.Script{Name: "test.js", Source: src}, in)
	require.NoError(t, err)
	return res
}

// runErr runs src on e and returns its ScriptError, failing if there is none.
func runErr(t *testing.T, e *runtime.Engine, src string, in runtime.Input) (runtime.Result, *runtime.ScriptError) {
	t.Helper()
	res, err := e.Run(context.Background(), runtime.Script{Name: "test.js", Source: src}, in)
	require.Error(t, err)
	var se *runtime.ScriptError
	require.True(t, errors.As(err, &se), "want *ScriptError, got %T: %v", err, err)
	return res, se
}

func newEngine(t *testing.T, opts runtime.Options) *runtime.Engine {
	t.Helper()
	e := runtime.New(opts)
	t.Cleanup(e.Close)
	return e
}
