package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/journey"
	"github.com/journeyjs/journeyjs/runtime"
)

func init() { extraCommands = append(extraCommands, newJourneyCmd) }

type journeyFlags struct {
	worldFlags
	answers  string
	tree     string
	format   string
	maxSteps int
	timeout  time.Duration
	language runtime.Language
}

func newJourneyCmd() *cobra.Command {
	var f journeyFlags
	cmd := &cobra.Command{
		Use:   "journey EXPORT",
		Short: "Walk a whole journey export, running its scripts, to Success or Failure",
		Long: `Walk a journey exported from PingOne Advanced Identity Cloud or PingAM (the
admin UI's or frodo's JSON) from its entry node to Success or Failure. Every
Scripted Decision node runs its next-generation script with the node state
carried from node to node; page nodes with username and password collectors
take their values from the answers file; Data Store Decision and Identify
Existing User query the IDM fixtures; inner journeys are walked from the same
export. Any other node needs its outcome in the answers file.

The answers file (YAML or JSON):

  username: bjensen
  password: Ch4ng3it!
  nodes:                          # node id or display name
    "Push Sender": {outcome: SENT, state: {pushSent: true}}

Exit status: 0 when the journey reached Success, 1 when it reached Failure or
stopped on an error (a script failed, an unknown node, an outcome with no
connection, too many steps), 2 for bad usage or a bad export, answers,
fixtures or state file.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runJourney(cmd.Context(), cmd.OutOrStdout(), args[0], f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.answers, "answers", "", "answers file: username, password, per-node outcomes (YAML or JSON)")
	f.worldFlags.register(fl)
	fl.StringVar(&f.tree, "tree", "", "journey to walk when the export holds several")
	fl.StringVar(&f.format, "format", "pretty", "output format: pretty or json")
	fl.IntVar(&f.maxSteps, "max-steps", journey.DefaultMaxSteps, "most node visits before the walk is taken for an endless loop")
	fl.DurationVar(&f.timeout, "timeout", runtime.DefaultTimeout, "time limit for each script")
	registerLanguage(fl, &f.language)
	cmd.AddCommand(newJourneyServeCmd())
	return cmd
}

func runJourney(ctx context.Context, out io.Writer, path string, f journeyFlags) error {
	if f.format != "pretty" && f.format != "json" {
		return usageError("--format must be pretty or json, not %q", f.format)
	}
	if f.maxSteps <= 0 {
		return usageError("--max-steps must be at least 1, not %d", f.maxSteps)
	}
	exp, err := journey.Read(path)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	var answers *journey.Answers
	if f.answers != "" {
		if answers, err = journey.LoadAnswers(f.answers); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
	}
	env, err := f.worldFlags.build(ctx)
	if err != nil {
		return err
	}
	defer env.Close()

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	res, walkErr := journey.Walk(ctx, exp, journey.Options{
		Tree:     f.tree,
		Timeout:  f.timeout,
		Language: f.language,
		Input:    env.Input,
		Answers:  answers,
		MaxSteps: f.maxSteps,
		AfterStep: func(s *journey.Step) {
			s.PingOneChanges = env.PingOneChanges()
		},
	})
	var bad *journey.Error
	if errors.As(walkErr, &bad) {
		// The export or the answers cannot be walked at all.
		return &exitError{code: exitUsage, err: walkErr}
	}
	if f.format == "json" {
		if err := writeJSON(out, res); err != nil {
			return err
		}
	} else {
		printJourney(out, path, res)
	}
	if res.Result != journey.ResultSuccess {
		// Failure, or an error already printed: exit 1 without repeating it.
		return &exitError{code: exitFailed}
	}
	return nil
}

// prettyPathMax is how many steps the pretty output shows in full.
const prettyPathMax = 40

func printJourney(w io.Writer, path string, r *journey.Result) {
	fmt.Fprintf(w, "journey:     %s (%s)\n", r.Tree, path)
	// The type column is as wide as the longest type on the path (at least
	// 28), so PingOneVerifyCompletionDecisionNode keeps the arrows aligned.
	typeWidth := 28
	for _, s := range r.Path {
		typeWidth = max(typeWidth, len(s.Type))
	}
	for i, s := range r.Path {
		// A walk that looped shows its start and its end, not every lap.
		if n := len(r.Path); n > prettyPathMax && i >= prettyPathMax/2 && i < n-prettyPathMax/2 {
			if i == prettyPathMax/2 {
				fmt.Fprintf(w, "     … %d more steps (--format json lists them all)\n", n-prettyPathMax)
			}
			continue
		}
		indent := strings.Repeat("  ", s.Depth)
		name := indent + s.Name
		line := fmt.Sprintf("  %-32s %-*s", name, typeWidth, s.Type)
		switch {
		case s.Error != "":
			line += " ✗ error"
		case s.Type == journey.TypeSuccess || s.Type == journey.TypeFailure:
		case s.Pass > 0 && s.Outcome == "":
			line += fmt.Sprintf(" ⋯ pass %d waits for the user", s.Pass)
		default:
			line += " → " + s.Outcome
			if s.Answered {
				line += " (answers)"
			}
		}
		if s.Script != "" {
			line += fmt.Sprintf("  [%s, %.1f ms]", s.Script, s.DurationMs)
		}
		fmt.Fprintf(w, "%3d%s\n", i+1, strings.TrimRight(line, " "))
		pad := strings.Repeat(" ", 7) + indent
		out := s.Outputs
		if s.Reply != nil {
			b, _ := json.Marshal(s.Reply)
			fmt.Fprintf(w, "%sreply %s (answers)\n", pad, b)
		}
		for _, l := range logger.Logs.Get(out) {
			fmt.Fprintf(w, "%s%-5s %s\n", pad, l.Level, l.Message)
		}
		for i, cb := range callbacks.Sent.Get(out) {
			fmt.Fprintf(w, "%scallback %d  %s\n", pad, i+1, cb.Summary())
		}
		for _, c := range httpclient.Calls.Get(out) {
			fmt.Fprintf(w, "%shttp  %s\n", pad, c.Summary())
		}
		for _, c := range openidm.Changes.Get(out) {
			fmt.Fprintf(w, "%sidm   %s %s/%s (rev %s)\n", pad, c.Action, c.Resource, c.ID, c.Rev)
		}
		for _, e := range openidm.Emails.Get(out) {
			fmt.Fprintf(w, "%semail to %s %q\n", pad, e.To, e.Subject)
		}
		for _, c := range s.PingOneChanges {
			fmt.Fprintf(w, "%spingone %s %s/%s\n", pad, c.Action, c.Kind, c.ID)
		}
		printWarnings(w, pad+"warning ", "", s.Warnings)
		if s.ScriptError != nil && s.ScriptError.Stack != "" {
			for _, l := range strings.Split(s.ScriptError.Stack, "\n") {
				fmt.Fprintf(w, "%s  %s\n", pad, l)
			}
		}
	}
	fmt.Fprintf(w, "shared:      %s\n", compactJSON(r.SharedState))
	fmt.Fprintf(w, "transient:   %s\n", compactJSON(r.TransientState))
	if r.Error != "" {
		fmt.Fprintf(w, "error:       %s\n", r.Error)
	}
	fmt.Fprintf(w, "result:      %s\n", r.Result)
}
