package main

import (
	"encoding/json"
	"fmt"

	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/emulator/pingone"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
)

// runReport is the CLI's JSON output: the run's result plus what the
// local PingOne recorded during the run.
type runReport struct {
	runtime.Result
	// PingOneChanges are the local PingOne objects the run created,
	// updated, revoked or deleted (fixtures with a pingone: section), as
	// `journey` and `test` report them too.
	PingOneChanges []pingone.Change
}

func newRunReport(res runtime.Result, env *fixtures.Env) runReport {
	r := runReport{Result: res}
	if env != nil {
		r.PingOneChanges = env.PingOneChanges()
	}
	return r
}

// MarshalJSON writes the result's JSON with pingoneChanges added when the
// run changed anything there.
func (r runReport) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(r.Result)
	if err != nil || len(r.PingOneChanges) == 0 {
		return b, err
	}
	changes, err := json.Marshal(r.PingOneChanges)
	if err != nil {
		return nil, err
	}
	out := append(b[:len(b)-1:len(b)-1], `,"pingoneChanges":`...)
	out = append(out, changes...)
	return append(out, '}'), nil
}

// pretty lists extra lines for the pretty output.
func (r runReport) pretty() []string {
	var lines []string
	out := r.Outputs
	lines = append(lines, idmLines(openidm.Changes.Get(out), openidm.Emails.Get(out))...)
	lines = append(lines, httpLines(httpclient.Calls.Get(out))...)
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
