// Package harness runs test cases written in YAML test files (*.test.yaml)
// against decision scripts: it is `journeyjs test`, and the checks behind
// package scripttest.
//
// A test file is a case. A case names a script (or holds its source), its
// fixtures (a fixtures file and inline fixtures merged over it), the node
// state and request, and its expectations (Expect). A case with `cases:` is
// a group: its rows inherit what it sets and override what they set, to any
// depth; only the leaves run. Loader turns files into Cases (reporting
// problems with file and line), Run runs them in parallel on one engine with
// fresh back ends per case, and WriteResult, WriteSummary, WriteJSON and
// WriteJUnit report the results.
//
// Expect.Check compares one run with its expectations and returns Failures
// that say what differs, with a unified diff (Diff) of expected against
// actual JSON.
package harness
