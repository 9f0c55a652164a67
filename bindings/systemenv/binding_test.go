package systemenv_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/java"
	"github.com/journeyjs/journeyjs/bindings/systemenv"
)

func TestGetPropertyReadsTheRunsESVs(t *testing.T) {
	esvs := systemenv.MapSource{"esv.n": "42", "esv.list": `["a","b"]`}
	r := bindingtest.New(t, systemenv.Binding, java.Binding).Begin(bindings.NewBackends(systemenv.SourceKey.Value(esvs)))
	v := r.MustRun(`[systemEnv.getProperty("esv.n"), systemEnv.getProperty("esv.n", 0, java.lang.Integer) + 1,
		systemEnv.getProperty("esv.list", "[]", java.util.List).get(1), systemEnv.getProperty("esv.none"),
		systemEnv.getProperty("esv.none", "d")].join()`)
	assert.Equal(t, "42,43,b,,d", v.String())
	_, err := r.RunScript(`systemEnv.getProperty("esv.n", null)`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "the default value must not be null")
	r.End()

	r.Begin(bindings.Backends{})
	assert.Equal(t, "null", r.MustRun(`String(systemEnv.getProperty("esv.n"))`).String(), "no source, no ESV")
}

func TestTheReturnTypesAreJavasClasses(t *testing.T) {
	r := bindingtest.New(t, systemenv.Binding, java.Binding).Begin(bindings.Backends{})
	assert.Equal(t, "[JavaClass java.lang.Boolean]", r.MustRun(`String(java.lang.Boolean)`).String())
	assert.Equal(t, "true", r.MustRun(`String(systemEnv.getProperty("esv.x", "true", java.lang.Boolean))`).String())
	_, err := r.RunScript(`systemEnv.getProperty("esv.x", "1", java.util.ArrayList)`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "the return type must be one of")
}
