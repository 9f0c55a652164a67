package journey

import (
	"errors"
	"fmt"
	"strings"

	"github.com/journeyjs/journeyjs/bindings/verify"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
)

// The outcomes of a PingOne Verify Completion Decision node, as the ids an
// export writes in the node's connections. AIC's pages give only their
// labels (Success, Not Started, Not Completed, Expired, Failure); these ids
// are those of the marketplace node's own source (its OutcomeProvider), a
// copy of which is public. No export we have shows the node, so they are
// not confirmed by a tenant capture (UNCERTAIN in the spec).
const (
	VerifySuccess      = "successOutcome"
	VerifyNotStarted   = "notStartedOutcome"
	VerifyNotCompleted = "notCompletedOutcome"
	VerifyExpired      = "expiredOutcome"
	VerifyFailure      = "failureOutcome"
)

// VerifyTransactionIDKey is the shared state key where the node leaves the
// id of the user's transaction in progress (Not Completed), for a PingOne
// Verify Evaluation node to resume it.
const VerifyTransactionIDKey = "pingOneVerifyTransactionId"

// The node's settings journeyjs reads: useFilterScript ("Use a Script to
// process Verify Transactions") turns the script on, script names it. The
// names are those of the marketplace node's configuration (an assumption
// too: no export we have shows them).
const (
	verifyUseScriptKey = "useFilterScript"
	verifyScriptKey    = "script"
)

// verifyUsesScript reports whether a PingOne Verify Completion Decision node
// runs a script.
func verifyUsesScript(n *Node) bool {
	on, _ := n.Config[verifyUseScriptKey].(bool)
	return on
}

// VerifyOutcome is the outcome of a PingOne Verify Completion Decision node
// for the user's most recent Verify transaction (nil: the user has none):
//
//	no transaction                                         notStartedOutcome
//	SUCCESS, NOT_REQUIRED, APPROVED_NO_REQUEST,
//	APPROVED_MANUALLY (any APPROVED_*)                     successOutcome
//	REQUESTED, INITIATED, IN_PROGRESS, PARTIAL             notCompletedOutcome
//	EXPIRED, or FAIL with a check TIMED_OUT or EXPIRED     expiredOutcome
//	FAIL, and any other status                             failureOutcome
//
// PingOne fails a transaction that passes its expiresAt; the node reports
// such a failure as Expired. How PingOne marks it in verificationStatus is
// not documented: journeyjs takes a check whose status is TIMED_OUT or
// EXPIRED as the mark (an assumption), and an EXPIRED overall status too.
func VerifyOutcome(tx *verify.Transaction) string {
	if tx == nil {
		return VerifyNotStarted
	}
	switch s := strings.ToUpper(tx.Status); {
	case s == "SUCCESS", s == "NOT_REQUIRED", strings.HasPrefix(s, "APPROVED_"):
		return VerifySuccess
	case s == "REQUESTED", s == "INITIATED", s == "IN_PROGRESS", s == "PARTIAL":
		return VerifyNotCompleted
	case s == "EXPIRED":
		return VerifyExpired
	case s == "FAIL":
		for _, v := range tx.VerificationStatus {
			if v := strings.ToUpper(v); v == "TIMED_OUT" || v == "EXPIRED" {
				return VerifyExpired
			}
		}
	}
	return VerifyFailure
}

// verifyCompletion simulates a PingOne Verify Completion Decision node: it
// runs the node's script, when it has one, in the PingOne Verify Completion
// Decision context (verifyTransactionsHelper and nodeState, no action: the
// script adds to the journey's state, it does not choose the outcome); then
// reads the user's most recent Verify transaction through the run's Verify
// back end and takes the outcome VerifyOutcome gives, leaving the
// transaction's id in shared state under VerifyTransactionIDKey when it is
// Not Completed.
//
// The user is found as verifyTransactionsHelper finds it: shared state
// pingOneUserId (which AIC's node requires), else username.
func (w *walker) verifyCompletion(t *Tree, n *Node, idx int) (string, error) {
	if verifyUsesScript(n) {
		s, err := w.x.scriptOf(t, n, runtime.VerifyCompletion)
		if err != nil {
			return "", err
		}
		if _, err := w.run(t, n, idx, s, runtime.VerifyCompletion, nil); err != nil {
			return "", err
		}
	}
	be, _ := verify.BackendKey.In(w.in.Backends)
	if be == nil {
		return "", fmt.Errorf("journey %q: node %s reads the user's PingOne Verify transactions, but there is no PingOne Verify back end: add a pingone: section to the fixtures, or give the node's outcome in the answers file",
			t.Name, n.Label())
	}
	tx, err := verify.LastTransaction(w.ctx, be, w.stateGet)
	if err != nil {
		var noUser *verify.NoUserError
		if errors.As(err, &noUser) {
			return "", fmt.Errorf("journey %q: node %s needs the user's PingOne user id in shared state %q (or a %q to look it up by)",
				t.Name, n.Label(), noUser.Key, verify.UsernameKey)
		}
		return "", fmt.Errorf("journey %q: node %s: reading the user's PingOne Verify transactions: %w", t.Name, n.Label(), err)
	}
	outcome := VerifyOutcome(tx)
	if outcome == VerifyNotCompleted {
		w.shared = fixtures.Overlay(w.shared, map[string]any{VerifyTransactionIDKey: tx.ID})
	}
	return outcome, nil
}

// stateGet reads node state as nodeState.get does: transient first, then
// shared.
func (w *walker) stateGet(key string) (any, bool) {
	if v, ok := w.transient[key]; ok {
		return v, true
	}
	v, ok := w.shared[key]
	return v, ok
}
