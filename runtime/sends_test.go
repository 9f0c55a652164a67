package runtime_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/runtime"
)

// testAsk is a binding a test registers: ask() makes the pass send
// something to the user, as callbacksBuilder will.
type testAsk struct {
	obj   *goja.Object
	asked bool
}

func init() {
	bindings.Register(bindings.Define("testAsk", func(vm *bindings.VM) bindings.Instance {
		a := &testAsk{obj: vm.Runtime.NewObject()}
		_ = a.obj.Set("ask", func() { a.asked = true })
		return a
	}))
}

func (a *testAsk) Value() goja.Value   { return a.obj }
func (a *testAsk) Begin(*bindings.Run) { a.asked = false }
func (a *testAsk) End(run *bindings.Run) {
	if a.asked {
		run.SendsToUser()
	}
}

func TestAPassThatSendsHasNoOutcomeAndNeedsNone(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	res := run(t, e, `testAsk.ask(); action.goTo("ignored")`, runtime.Input{})
	assert.Equal(t, "", res.Outcome, "what the pass sends wins over action.goTo")
	res = run(t, e, `testAsk.ask()`, runtime.Input{})
	assert.Equal(t, "", res.Outcome)
	_, se := runErr(t, e, `1`, runtime.Input{})
	assert.Equal(t, runtime.KindNoOutcome, se.Kind, "a pass that sends nothing still needs an outcome")
}
