package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/suspension"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/passes"
	"github.com/journeyjs/journeyjs/runtime"
)

type runFlags struct {
	worldFlags
	context  string
	format   string
	timeout  time.Duration
	replies  string
	language runtime.Language
}

func newRunCmd() *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run SCRIPT",
		Short: "Run one decision script with fixtures and node state, and show its outcome",
		Long: `Run one next-generation decision script as a Scripted Decision node would,
with the world described by a fixtures file (realm, secrets, ESVs, library
scripts, node state, HTTP routes, PingOne and IDM data) and print the outcome,
the node state after the run, and the script's log lines.

The script runs in the Scripted Decision context unless --context (or the
fixtures' context: key) names another: verify-completion, device-match,
config-provider, library or cache-loader (AIC's ids, such as
PINGONE_VERIFY_COMPLETION_DECISION_NODE, work too). Each context offers only
the bindings AIC gives that script type.

A script that sends callbacks (callbacksBuilder) or suspends the journey
(action.suspend) ends its pass waiting for the user: the output lists the
callbacks, in AM's /json/authenticate JSON shape with --format json. Replies
(--replies FILE, or the fixtures' replies: key) answer them: the same script
runs again from the top with the answers in callbacks, the shared state
carried over and the transient state dropped, pass after pass until it takes
an outcome or the replies run out. A replies file is a list, one reply per
pass after the first, each the values for the callbacks that take input, in
order, or a map by input name:

  - [bjensen]                       # answers pass 1's NameCallback
  - {IDToken1: "s3cret", IDToken2: 0}

After a suspension any reply ([]) resumes the journey (resumedFromSuspend is
true on the next pass). With more than one pass, the JSON output is
{"passes": [<each pass's result>], "outcome": …, "waiting": …} and the pretty
output a numbered block per pass.

Exit status: 0 when the script reached an outcome, or ended its last pass
waiting for the user (or, in a context where the node picks the outcome,
finished), 1 when it failed, 2 for bad usage or a bad fixtures, state or
replies file (or a reply that does not fit the callbacks).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScript(cmd.Context(), cmd.OutOrStdout(), args[0], f)
		},
	}
	fl := cmd.Flags()
	f.worldFlags.register(fl)
	fl.StringVar(&f.context, "context", "", "script context: scripted-decision (default), verify-completion, device-match, config-provider, library, cache-loader (overrides the fixtures)")
	fl.StringVar(&f.format, "format", "pretty", "output format: pretty or json")
	fl.DurationVar(&f.timeout, "timeout", runtime.DefaultTimeout, "time limit for the run")
	fl.StringVar(&f.replies, "replies", "", "replies to the callbacks the script sends, one per pass (YAML or JSON; overrides the fixtures' replies)")
	registerLanguage(fl, &f.language)
	return cmd
}

func runScript(ctx context.Context, out io.Writer, path string, f runFlags) error {
	if f.format != "pretty" && f.format != "json" {
		return usageError("--format must be pretty or json, not %q", f.format)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return usageError("cannot read script %s: %v", path, unwrapPathErr(err))
	}
	env, err := f.worldFlags.build(ctx)
	if err != nil {
		return err
	}
	defer env.Close()
	in := env.Input
	if f.context != "" {
		c, err := runtime.LookupContext(f.context)
		if err != nil {
			return usageError("--context: %v", err)
		}
		in.Context = c
	}

	replies := env.Replies
	if f.replies != "" {
		if replies, err = fixtures.LoadReplies(f.replies); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	eng := runtime.New(runtime.Options{Timeout: f.timeout, PoolSize: 1, Language: f.language})
	defer eng.Close()
	script := runtime.Script{Name: filepath.Base(path), Source: string(src)}
	results, runErr := passes.Run(ctx, eng, script, in, replies)
	var se *runtime.ScriptError
	replyErr := runErr != nil && !errors.As(runErr, &se)

	if len(results) == 1 {
		rep := newRunReport(results[0], env)
		if f.format == "json" {
			if err := writeJSON(out, rep); err != nil {
				return err
			}
		} else {
			printPretty(out, path, rep)
		}
	} else {
		reps := make([]runReport, len(results))
		for i, res := range results {
			reps[i] = runReport{Result: res}
		}
		// What the local PingOne recorded is the whole run's: the last
		// pass shows it.
		reps[len(reps)-1] = newRunReport(results[len(results)-1], env)
		last := results[len(results)-1]
		if f.format == "json" {
			if err := writeJSON(out, passesReport{Passes: reps, Outcome: last.Outcome, Waiting: passes.Waiting(last)}); err != nil {
				return err
			}
		} else {
			for i, rep := range reps {
				if i > 0 {
					fmt.Fprintln(out)
				}
				fmt.Fprintf(out, "== pass %d\n", i+1)
				if i > 0 {
					b, _ := json.Marshal(replies[i-1])
					fmt.Fprintf(out, "reply:       %s\n", b)
				}
				printPretty(out, path, rep)
			}
		}
	}
	if replyErr {
		return &exitError{code: exitUsage, err: runErr}
	}
	if runErr != nil {
		return &exitError{code: exitFailed}
	}
	if left := len(replies) - (len(results) - 1); left > 0 && f.format != "json" {
		fmt.Fprintf(out, "note:        %d reply(ies) left unused: the script took an outcome first\n", left)
	}
	return nil
}

// passesReport is the JSON output of a run of several passes.
type passesReport struct {
	Passes []runReport `json:"passes"`
	// Outcome is the last pass's outcome; Waiting says whether the last
	// pass ended waiting for the user (callbacks or a suspension).
	Outcome string `json:"outcome"`
	Waiting bool   `json:"waiting"`
}

func printPretty(w io.Writer, path string, r runReport) {
	if r.Error != nil {
		fmt.Fprintf(w, "error:       %s\n", prettyError(path, r.Error))
		if r.Error.Hint != "" {
			fmt.Fprintf(w, "               hint: %s\n", r.Error.Hint)
		}
		for _, m := range r.Error.More {
			fmt.Fprintf(w, "error:       %s\n", prettyError(path, m))
			if m.Hint != "" {
				fmt.Fprintf(w, "               hint: %s\n", m.Hint)
			}
		}
		if r.Error.Stack != "" {
			for _, line := range strings.Split(r.Error.Stack, "\n") {
				fmt.Fprintf(w, "               %s\n", line)
			}
		}
	} else if r.Value != nil {
		b, _ := json.Marshal(r.Value)
		fmt.Fprintf(w, "value:       %s\n", b)
	} else if !passes.Waiting(r.Result) {
		fmt.Fprintf(w, "outcome:     %s\n", r.Outcome)
	}
	printWarnings(w, "warning:     ", path, r.Warnings)
	out := r.Outputs
	if s, ok := suspension.Suspended.Lookup(out); ok {
		fmt.Fprintf(w, "suspended:   the journey waits for the user to follow %s\n", s.ResumeURI)
	} else if sent := callbacks.Sent.Get(out); len(sent) > 0 && r.Error == nil {
		fmt.Fprintf(w, "callbacks:   the pass waits for the user's input (%d callback(s); answer with --replies)\n", len(sent))
		for i, cb := range sent {
			fmt.Fprintf(w, "  %d  %s\n", i+1, cb.Summary())
		}
	}
	if headers := action.Headers.Get(out); len(headers) > 0 {
		fmt.Fprintf(w, "headers:     %s\n", strings.Join(headers, " | "))
	}
	for _, kv := range [][2]string{
		{"description", action.Description.Get(out)}, {"error msg", action.ErrorMessage.Get(out)},
		{"lockout msg", action.LockoutMessage.Get(out)},
		{"user", action.IdentifiedUser.Get(out)}, {"agent", action.IdentifiedAgent.Get(out)}, {"stage", action.Stage.Get(out)},
	} {
		if kv[1] != "" {
			fmt.Fprintf(w, "%-12s %s\n", kv[0]+":", kv[1])
		}
	}
	fmt.Fprintf(w, "shared:      %s\n", compactJSON(r.SharedState))
	if len(r.TransientState) > 0 {
		fmt.Fprintf(w, "transient:   %s\n", compactJSON(r.TransientState))
	}
	for _, p := range r.pretty() {
		fmt.Fprintln(w, p)
	}
	if logs := logger.Logs.Get(out); len(logs) > 0 {
		fmt.Fprintln(w, "logs:")
		for _, l := range logs {
			fmt.Fprintf(w, "  %-5s %s\n", l.Level, l.Message)
		}
	}
	fmt.Fprintf(w, "duration:    %.3f ms\n", float64(r.Duration.Microseconds())/1000)
}

func prettyError(path string, e *runtime.ScriptError) string {
	file := e.File
	if file == filepath.Base(path) {
		file = path
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", file, e.Line, e.Column, e.Message)
	}
	if file != "" {
		return file + ": " + e.Message
	}
	return e.Message
}

// writeJSON is the --format json output: indented, without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func compactJSON(v any) string {
	// encoding/json sorts map keys, so the output is stable.
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
