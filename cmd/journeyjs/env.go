package main

import (
	"fmt"

	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/emulator/pingone"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
)

// runReport is the CLI's JSON output: the runtime report plus what the
// back ends recorded during the run.
type runReport struct {
	runtime.Report
	// PingOneChanges are the local PingOne objects the run created,
	// updated, revoked or deleted (fixtures with a pingone: section), as
	// `journey` and `test` report them too.
	PingOneChanges []pingone.Change `json:"pingoneChanges,omitempty"`
}

func newRunReport(res runtime.Result, err error, env *fixtures.Env) runReport {
	r := runReport{Report: runtime.NewReport(res, err)}
	if env != nil {
		r.PingOneChanges = env.PingOneChanges()
	}
	return r
}

// pretty lists extra lines for the pretty output.
func (r runReport) pretty() []string {
	var lines []string
	lines = append(lines, idmLines(r.IDMChanges, r.Emails)...)
	lines = append(lines, httpLines(r.HTTPCalls)...)
	for _, c := range r.PingOneChanges {
		lines = append(lines, fmt.Sprintf("%-12s %s %s/%s", "pingone:", c.Action, c.Kind, c.ID))
	}
	return lines
}

// httpLines shows one line per HTTP request the run sent.
func httpLines(calls []httpclient.Call) []string {
	lines := make([]string, 0, len(calls))
	for _, c := range calls {
		lines = append(lines, fmt.Sprintf("%-12s %s", "http:", c.Summary()))
	}
	return lines
}

// idmLines shows the IDM objects a run changed and the emails it sent.
func idmLines(changes []openidm.Change, emails []openidm.Email) []string {
	var lines []string
	for _, c := range changes {
		lines = append(lines, fmt.Sprintf("%-12s %s %s/%s (rev %s)", "idm:", c.Action, c.Resource, c.ID, c.Rev))
	}
	for _, e := range emails {
		line := fmt.Sprintf("%-12s to %s", "email:", e.To)
		if e.From != "" {
			line += " from " + e.From
		}
		if e.Template != "" {
			line += " template " + e.Template
		}
		if e.Subject != "" {
			line += fmt.Sprintf(" %q", e.Subject)
		}
		lines = append(lines, line)
	}
	return lines
}
