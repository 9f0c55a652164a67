package java_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/java"
)

// A Java list lives in Go, out of goja's sight: what enters it is charged
// to the run's allocation meter, so a script cannot grow one without bound.
func TestJavaCollectionsCountTowardsTheMemoryBudget(t *testing.T) {
	r := bindingtest.New(t, java.Binding).Begin(bindings.Backends{})
	r.RT.SetAllocLimit(1 << 20)
	r.RT.ResetAllocs()
	_, err := r.RunScript(`var l = new java.util.ArrayList(); while (true) { l.add("abcdefgh"); }`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "limit")
	assert.GreaterOrEqual(t, r.RT.Allocs(), int64(1<<20)-64)
}
