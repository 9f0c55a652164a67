package nodestate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/nodestate"
)

func begin(t *testing.T, shared, transient map[string]any) *bindingtest.Runtime {
	r := bindingtest.New(t, nodestate.Binding)
	return r.BeginWith(bindings.Backends{}, func(run *bindings.Run) { run.State.Reset(shared, transient) })
}

func TestGetReadsTransientFirstThenShared(t *testing.T) {
	r := begin(t, map[string]any{"a": "shared", "b": "onlyShared"}, map[string]any{"a": "transient"})
	v := r.MustRun(`[nodeState.get("a"), nodeState.get("b"), nodeState.get("none"), nodeState.isDefined("b"), nodeState.isDefined("none")].join()`)
	assert.Equal(t, "transient,onlyShared,,true,false", v.String())
}

func TestWritesLandInTheRunStateAndLeaveTheInputAlone(t *testing.T) {
	shared := map[string]any{"keep": "k", "gone": 1}
	r := begin(t, shared, nil)
	r.MustRun(`nodeState.putShared("s", 1).putTransient("t", "x"); nodeState.remove("gone")`)
	r.End()
	assert.Equal(t, map[string]any{"keep": "k", "s": int64(1)}, r.State.Shared())
	assert.Equal(t, map[string]any{"t": "x"}, r.State.Transient())
	assert.Equal(t, map[string]any{"keep": "k", "gone": 1}, shared, "the caller's map is copied on first write")
}

func TestMergeOverwritesEverywhereAndMergesContainers(t *testing.T) {
	r := begin(t, map[string]any{"objectAttributes": map[string]any{"a": "1"}}, map[string]any{"x": "old"})
	r.MustRun(`nodeState.mergeShared({x: "new", objectAttributes: {b: "2"}})`)
	assert.Equal(t, map[string]any{"x": "new", "objectAttributes": map[string]any{"a": "1", "b": "2"}}, r.State.Shared())
	assert.Empty(t, r.State.Transient(), "a merged key leaves the other state")

	_, err := r.RunScript(`nodeState.mergeTransient({profile: {tier: "gold"}})`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"profile" holds an object; only state containers (objectAttributes) may be nested`)
}

func TestGetObjectCombinesAndIsImmutable(t *testing.T) {
	r := begin(t, map[string]any{"o": map[string]any{"a": "s", "b": "s"}}, map[string]any{"o": map[string]any{"b": "t"}})
	v := r.MustRun(`"use strict"; var o = nodeState.getObject("o"), frozen = false;
		try { o.a = "changed"; } catch (e) { frozen = true; }
		[o.a, o.b, frozen].join()`)
	assert.Equal(t, "s,t,true", v.String())
}

func TestKeysAreAJavaListOfEveryState(t *testing.T) {
	r := begin(t, map[string]any{"b": 1, "a": 2}, map[string]any{"c": 3, "a": 4})
	v := r.MustRun(`var k = nodeState.keys(); [k.size(), k.get(0), k.get(2)].join()`)
	assert.Equal(t, "3,a,c", v.String())
}

func TestAKeyIsRequired(t *testing.T) {
	r := begin(t, nil, nil)
	_, err := r.RunScript(`nodeState.get()`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nodeState.get: a key is required")
}
