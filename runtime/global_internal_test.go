package runtime

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFailedHardeningReachesTheScript: when hardening a global fails (a
// stack overflow the script is in the middle of), the script gets the
// exception where it named the global, and the value is not cached as done.
func TestFailedHardeningReachesTheScript(t *testing.T) {
	rt := goja.New()
	base := rt.GlobalObject()
	calls := 0
	// Every global's hardening fails here, so the script below names no
	// other global.
	failing, ok := goja.AssertFunction(rt.ToValue(func(call goja.FunctionCall) goja.Value {
		calls++
		panic(rt.NewTypeError("hardening failed"))
	}))
	require.True(t, ok)
	g := newRunGlobal(rt, base, failing, nil, nil)
	obj := rt.NewDynamicObject(g)
	g.obj, g.proto = obj, obj.Prototype()
	rt.SetGlobalObject(obj)
	v, err := rt.RunString(`(function () {
		var out = [];
		for (var i = 0; i < 2; i++) {
			try { Map; out.push("no error"); } catch (e) { out.push("" + e); }
		}
		return out.join("|");
	})()`)
	require.NoError(t, err)
	assert.Equal(t, "TypeError: hardening failed|TypeError: hardening failed", v.String())
	assert.Equal(t, 2, calls, "a failed hardening is tried again, not cached")
}
