package runtime_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/runtime"
)

func TestMemoryBombsAreStopped(t *testing.T) {
	// Each bomb allocates a few KiB per step so that it crosses the budget
	// quickly even under the race detector, where goja runs many times slower.
	e := newEngine(t, runtime.Options{MaxMemory: 32 << 20, PoolSize: 1, Timeout: 60 * time.Second})
	bombs := map[string]string{
		"string doubling":  `var s = "xxxxxxxxxxxxxxxx"; for (;;) { s += s; }`,
		"huge array":       `var a = []; for (var i = 0; ; i++) { a.push(new Array(256).fill(i)); }`,
		"huge object":      `var o = {}; for (var i = 0; ; i++) { o["k" + i] = new Array(256).fill(i); }`,
		"array of strings": `var a = []; for (var i = 0; ; i++) { a.push(String(i).repeat(4096)); }`,
	}
	for name, src := range bombs {
		_, se := runErr(t, e, src, runtime.Input{})
		assert.Equal(t, runtime.KindMemory, se.Kind, name)
		assert.Contains(t, se.Message, "allocated more than its memory budget of 32 MiB", name)
		assert.Equal(t, "ok", run(t, e, `action.goTo("ok")`, runtime.Input{}).Outcome, name)
	}
	oneShot := map[string]string{
		"repeat":     `"x".repeat(1e9)`,
		"padStart":   `"".padStart(2e9, "ab")`,
		"fill":       `new Array(1e9).fill(0)`,
		"join":       `new Array(5e8).join("--")`,
		"Array.from": `Array.from({length: 1e9})`,
	}
	// Each single native call that would allocate past the budget is
	// charged before it allocates: the run stops, uncatchably, and
	// nothing huge is ever allocated.
	for name, src := range oneShot {
		_, se := runErr(t, e, "try { "+src+" } catch (e) {}", runtime.Input{})
		assert.Equal(t, runtime.KindMemory, se.Kind, name)
	}
	// Ordinary sizes are untouched.
	res := run(t, e, `action.goTo(["ab".repeat(3), "7".padStart(3, "0"), [1, 2].join("-"), new Array(3).fill(1).length,
		Array.from("abc").length].join(","))`, runtime.Input{})
	assert.Equal(t, "ababab,007,1-2,3,3", res.Outcome)
}

// TestMemoryBudgetIsPerRun runs a memory bomb beside innocent runs on the
// same engine: the bomb stops as memory, and the innocent runs, which
// allocate far less than their own budget, all finish. (Before the
// allocation meter, the watchdog judged the process heap and stopped every
// run active while it grew.)
func TestMemoryBudgetIsPerRun(t *testing.T) {
	e := newEngine(t, runtime.Options{MaxMemory: 16 << 20, PoolSize: 4, Timeout: 60 * time.Second})
	const innocent = `var a = [];
		for (var i = 0; i < 20000; i++) { a.push({i: i, s: "v" + i}); if (a.length > 100) { a = []; } }
		action.goTo("ok")`
	bombStarted := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		close(bombStarted)
		_, err := e.Run(context.Background(), runtime.Script{Name: "bomb.js",
			Source: `var a = []; for (var i = 0; ; i++) { a.push("x".repeat(4096) + i); }`}, runtime.Input{})
		done <- err
	}()
	<-bombStarted
	for i := 0; i < 20; i++ {
		assert.Equal(t, "ok", run(t, e, innocent, runtime.Input{}).Outcome)
	}
	err := <-done
	var se *runtime.ScriptError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, runtime.KindMemory, se.Kind)
	assert.Equal(t, "script stopped: it allocated more than its memory budget of 16 MiB", se.Message)
	assert.Equal(t, "ok", run(t, e, `action.goTo("ok")`, runtime.Input{}).Outcome)
}
