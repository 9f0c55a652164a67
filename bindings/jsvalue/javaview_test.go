package jsvalue_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// TestFrozenJavaView: every object and array of the value is frozen, at
// every depth, its Java methods work and cannot be replaced, and the data
// reads as before.
func TestFrozenJavaView(t *testing.T) {
	rt := goja.New()
	v := jsvalue.FrozenJavaView(rt, jsvalue.Freezer(rt), jsvalue.ToJS(rt, map[string]any{
		"mail": "b@example.com", "roles": []any{"a", map[string]any{"deep": []any{1}}},
	}))
	require.NoError(t, rt.Set("v", v))
	got, err := rt.RunString(`"use strict";
		var out = [Object.isFrozen(v), Object.isFrozen(v.roles), Object.isFrozen(v.roles[1]), Object.isFrozen(v.roles[1].deep),
			v.get("mail"), v.roles.get(0), v.roles.size(), v.keySet().toArray().join("+"), JSON.stringify(v)];
		try { v.get = function () { return "forged"; }; } catch (e) { out.push(e.name); }
		try { v.roles[1].deep.push(2); } catch (e) { out.push(e.name); }
		out.join(" ")`)
	require.NoError(t, err)
	assert.Equal(t, `true true true true b@example.com a 2 mail+roles {"mail":"b@example.com","roles":["a",{"deep":[1]}]} TypeError TypeError`, got.String())
}
