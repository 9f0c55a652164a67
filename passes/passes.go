// Package passes runs a node script pass after pass, as AM does when the
// script sends callbacks: the first pass sends them (or suspends the
// journey), the person answers, and the same script runs again from the
// top with the answers in `callbacks`. `journeyjs run`, `journeyjs test`
// and `journeyjs journey` share it.
//
// What carries from one pass to the next (spec §2.2):
//
//   - shared state: as the pass left it;
//   - transient state: nothing. AM drops transient state when a node sends
//     callbacks; the spec expects the same on AIC but has not measured it;
//   - `callbacks`: the callbacks the pass sent, with the reply's values
//     in their inputs (callbacks.Fill); empty after a suspension;
//   - `resumedFromSuspend`: true on the pass after a suspension;
//   - everything else (request, realm, back ends): as it was.
package passes

import (
	"context"
	"fmt"

	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/bindings/suspension"
	"github.com/journeyjs/journeyjs/runtime"
)

// Waiting reports whether a pass ended waiting for the user: it sent
// callbacks or suspended the journey, and so has no outcome.
func Waiting(res runtime.Result) bool {
	_, sent := callbacks.Sent.Lookup(res.Outputs)
	return sent && res.Error == nil
}

// Suspended reports whether the pass suspended the journey.
func Suspended(res runtime.Result) bool {
	_, s := suspension.Suspended.Lookup(res.Outputs)
	return s
}

// Next returns the input of the pass that follows res, a pass that is
// Waiting, when the person answers with reply (ignored after a
// suspension: the person follows the resume link).
func Next(in runtime.Input, res runtime.Result, reply callbacks.Reply) (runtime.Input, error) {
	in.SharedState = res.SharedState
	in.TransientState = nil
	be := in.Backends.Clone()
	if Suspended(res) {
		callbacks.Submitted.Set(&be, nil)
		suspension.Resumed.Set(&be, true)
	} else {
		sub, err := callbacks.Fill(callbacks.Sent.Get(res.Outputs), reply)
		if err != nil {
			return in, err
		}
		callbacks.Submitted.Set(&be, sub)
		suspension.Resumed.Set(&be, false)
	}
	in.Backends = be
	return in, nil
}

// Run runs script with in, then again with each reply while the pass before
// waits for the user. It returns every pass's result; it stops at the first
// pass that fails (returning its error), that takes an outcome, or that
// waits when no reply is left. A reply that does not fit the callbacks is
// an error, with the results so far. A reply left over is not an error:
// the caller can tell from len(results).
func Run(ctx context.Context, eng *runtime.Engine, script runtime.Script, in runtime.Input, replies callbacks.Replies) ([]runtime.Result, error) {
	var results []runtime.Result
	for pass := 0; ; pass++ {
		res, err := eng.Run(ctx, script, in)
		results = append(results, res)
		if err != nil || !Waiting(res) || pass >= len(replies) {
			return results, err
		}
		if in, err = Next(in, res, replies[pass]); err != nil {
			return results, fmt.Errorf("replies[%d] (for the callbacks of pass %d): %w", pass, pass+1, err)
		}
	}
}
