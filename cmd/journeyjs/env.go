package main

import (
	"context"

	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
)

// runEnv is the world a CLI run executes in: the runtime input built from the
// fixtures, and whatever back ends must be closed afterwards.
type runEnv struct {
	Input   runtime.Input
	closers []func() error
}

// Close releases the back ends.
func (e *runEnv) Close() {
	for i := len(e.closers) - 1; i >= 0; i-- {
		_ = e.closers[i]()
	}
}

func buildEnv(_ context.Context, fx *fixtures.File) (*runEnv, error) {
	return &runEnv{Input: fx.Input()}, nil
}

// runReport is the CLI's JSON output: the runtime report plus what the
// back ends recorded during the run.
type runReport struct {
	runtime.Report
}

func newRunReport(res runtime.Result, err error, _ *runEnv) runReport {
	return runReport{Report: runtime.NewReport(res, err)}
}

// pretty lists extra lines for the pretty output.
func (r runReport) pretty() []string { return nil }
