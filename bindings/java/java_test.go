package java_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/java"
)

func run(t *testing.T) *bindingtest.Runtime {
	return bindingtest.New(t, java.Binding, java.Importer).Begin(bindings.Backends{})
}

func TestSmoke(t *testing.T) {
	r := run(t)
	assert.Equal(t, "[a, 1.0]", r.MustRun(`var l = new java.util.ArrayList(); l.add("a"); l.add(1); String(l)`).String())
}
