package bindings_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
)

type point struct {
	X, Y int
}

var (
	testPoints = bindings.NewOutput[[]point]("testPoints")
	testNote   = bindings.NewOutputDefault("testNote", func() string { return "none" })
)

type core struct {
	Outcome string `json:"outcome"`
}

func TestOutputsJoinTheObjectAndComeBackTyped(t *testing.T) {
	var o bindings.Outputs
	o.MarkRan()
	testPoints.Set(&o, []point{{1, 2}})
	b, err := bindings.AppendJSON(core{"true"}, o)
	require.NoError(t, err)
	assert.JSONEq(t, `{"outcome":"true","testPoints":[{"X":1,"Y":2}],"testNote":"none"}`, string(b))

	var c core
	var back bindings.Outputs
	require.NoError(t, bindings.ReadJSON(b, &c, &back))
	assert.Equal(t, "true", c.Outcome)
	assert.Equal(t, []point{{1, 2}}, testPoints.Get(back), "decoded with its declared type")
	assert.Equal(t, "none", testNote.Get(back))
}

func TestOutputsOfNoRunShowNoDefaults(t *testing.T) {
	b, err := bindings.AppendJSON(core{"x"}, bindings.Outputs{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"outcome":"x"}`, string(b))

	b, err = bindings.AppendJSON(struct{}{}, bindings.Outputs{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))
}

func TestOutputJSONByName(t *testing.T) {
	var o bindings.Outputs
	testPoints.Set(&o, []point{{3, 4}})
	raw, ok, err := o.JSON("testPoints")
	require.NoError(t, err)
	require.True(t, ok)
	var got []map[string]int
	require.NoError(t, json.Unmarshal(raw, &got))
	assert.Equal(t, 3, got[0]["X"])
	_, ok, _ = o.JSON("testNote")
	assert.False(t, ok, "a default shows only in a run's outputs")
	assert.True(t, bindings.IsOutput("testNote"))
	assert.False(t, bindings.IsOutput("nothing"))
}

func TestADuplicateOrReservedOutputNamePanics(t *testing.T) {
	assert.Panics(t, func() { bindings.NewOutput[int]("testPoints") })
	assert.Panics(t, func() { bindings.NewOutput[int]("outcome") })
	assert.Panics(t, func() { bindings.Reserve("testNote") })
}

func TestBackendsFallBackToTheEngineDefaults(t *testing.T) {
	key := bindings.NewBackend[string]("test")
	other := bindings.NewBackend[string]("test")
	var run bindings.Run
	run.SetBackends(bindings.NewBackends(key.Value("own")), bindings.NewBackends(key.Value("default"), other.Value("engine")))
	assert.Equal(t, "own", key.From(&run))
	assert.Equal(t, "engine", other.From(&run), "keys of the same name are distinct")
	run.SetBackends(bindings.Backends{}, bindings.Backends{})
	assert.Equal(t, "", key.From(&run))
}

func TestStateCopiesOnFirstWrite(t *testing.T) {
	in := map[string]any{"a": 1}
	var s bindings.State
	s.Reset(in, nil)
	v, ok := s.Get("a")
	assert.True(t, ok)
	assert.Equal(t, 1, v)
	s.Put(true, "b", 2)
	s.Put(false, "a", "t")
	s.Delete(true, "a")
	assert.Equal(t, map[string]any{"a": 1}, in)
	assert.Equal(t, map[string]any{"b": 2}, s.Shared())
	v, _ = s.Get("a")
	assert.Equal(t, "t", v, "transient first")
}

func TestRegistry(t *testing.T) {
	b := bindings.Define("testRegistryBinding", func(*bindings.VM) bindings.Instance { return bindings.Value{} })
	bindings.Register(b)
	got, ok := bindings.Lookup("testRegistryBinding")
	require.True(t, ok)
	assert.Equal(t, "testRegistryBinding", got.Name())
	assert.Contains(t, bindings.Names(), "testRegistryBinding")
	assert.Panics(t, func() { bindings.Register(b) })
}

func TestSendsToUser(t *testing.T) {
	var run bindings.Run
	assert.False(t, run.Sends())
	run.SendsToUser()
	assert.True(t, run.Sends())
}
