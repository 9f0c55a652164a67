package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/runtime"
)

// greeter is a binding this test file adds, as an embedder would: its
// JavaScript surface (greeter.greet(name)), its back end (the greeting) and
// its output (everyone greeted). Registering it is the one line in init;
// nothing else in journeyjs changes for it to reach scripts, the Go API's
// result, the CLI's JSON, test expectations and journey steps.
var (
	greeterBackend = bindings.NewBackend[string]("greeter")
	greeted        = bindings.NewOutput[[]string]("greeted")
	greeterBinding = bindings.Define("greeter", func(vm *bindings.VM) bindings.Instance {
		g := &greeter{obj: vm.Runtime.NewObject()}
		_ = g.obj.Set("greet", func(name string) string {
			g.names = append(g.names, name)
			return g.greeting + ", " + name
		})
		return g
	})
)

func init() { bindings.Register(greeterBinding) }

type greeter struct {
	obj      *goja.Object
	greeting string
	names    []string
}

func (g *greeter) Value() goja.Value { return g.obj }

func (g *greeter) Begin(run *bindings.Run) {
	g.greeting, g.names = greeterBackend.From(run), nil
	if g.greeting == "" {
		g.greeting = "Hello"
	}
}

func (g *greeter) End(run *bindings.Run) {
	if len(g.names) > 0 {
		greeted.Set(run.Outputs, g.names)
	}
}

const greeterScript = `nodeState.putShared("said", greeter.greet(nodeState.get("username") || "world")); action.goTo("true");`

func TestAnAddedBindingReachesEveryLayer(t *testing.T) {
	// The Go API: the back end arrives from the run's input, the output
	// comes back typed and in the result's JSON.
	eng := runtime.New(runtime.Options{})
	defer eng.Close()
	res, err := eng.Run(context.Background(), runtime.Script{Name: "g.js", Source: greeterScript}, runtime.Input{
		SharedState: map[string]any{"username": "bjensen"},
		Backends:    bindings.NewBackends(greeterBackend.Value("Kia ora")),
	})
	require.NoError(t, err)
	assert.Equal(t, "Kia ora, bjensen", res.SharedState["said"])
	assert.Equal(t, []string{"bjensen"}, greeted.Get(res.Outputs))
	b, err := json.Marshal(res)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"greeted":["bjensen"]`)
	var back runtime.Result
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, []string{"bjensen"}, greeted.Get(back.Outputs), "read back with its type")

	// Every context offers it: AIC knows no binding by that name.
	res, err = eng.Run(context.Background(), runtime.Script{Name: "l.js", Source: `greeter.greet("lib")`},
		runtime.Input{Context: runtime.Library})
	require.NoError(t, err)
	assert.Equal(t, []string{"lib"}, greeted.Get(res.Outputs))

	dir := t.TempDir()
	script := writeFile(t, dir, "greet.js", greeterScript)

	// journeyjs run --format json.
	code, out, errOut := cli(t, "run", script, "--format", "json")
	require.Equal(t, 0, code, errOut)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, []any{"world"}, rep["greeted"])

	// journeyjs test: the output is an expectation by its JSON name.
	writeFile(t, dir, "greet.test.yaml", `script: greet.js
cases:
  - name: greets
    sharedState: {username: bjensen}
    expect: {outcome: "true", greeted: [bjensen]}
  - name: wrong
    sharedState: {username: bjensen}
    expect: {greeted: [somebody]}
`)
	code, out, _ = cli(t, "test", filepath.Join(dir, "greet.test.yaml"))
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "1 passed, 1 failed")
	assert.Contains(t, out, "greeted")

	// journeyjs journey: the step of the scripted node carries it.
	x, err := os.ReadFile("../../testdata/journeys/single-tree.journey.json")
	require.NoError(t, err)
	src, _ := json.Marshal(greeterScript)
	journey := strings.Replace(string(x), `"nodeState.putShared(\"format\", \"single-tree\");\naction.goTo(\"true\");\n"`, string(src), 1)
	require.NotEqual(t, string(x), journey)
	path := writeFile(t, dir, "greet.journey.json", journey)
	code, out, errOut = cli(t, "journey", path, "--format", "json")
	require.Equal(t, 0, code, errOut)
	var walk struct {
		Path []map[string]any `json:"path"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &walk))
	require.NotEmpty(t, walk.Path)
	assert.Equal(t, []any{"world"}, walk.Path[0]["greeted"])
}
