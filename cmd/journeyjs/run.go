package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/runtime"
)

type runFlags struct {
	worldFlags
	context  string
	format   string
	timeout  time.Duration
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
config-provider or library (AIC's ids, such as
PINGONE_VERIFY_COMPLETION_DECISION_NODE, work too). Each context offers only
the bindings AIC gives that script type.

Exit status: 0 when the script reached an outcome (or, in a context where the
node picks the outcome, finished), 1 when it failed, 2 for bad usage or a bad
fixtures or state file.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScript(cmd.Context(), cmd.OutOrStdout(), args[0], f)
		},
	}
	fl := cmd.Flags()
	f.worldFlags.register(fl)
	fl.StringVar(&f.context, "context", "", "script context: scripted-decision (default), verify-completion, device-match, config-provider, library (overrides the fixtures)")
	fl.StringVar(&f.format, "format", "pretty", "output format: pretty or json")
	fl.DurationVar(&f.timeout, "timeout", runtime.DefaultTimeout, "time limit for the run")
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

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	eng := runtime.New(runtime.Options{Timeout: f.timeout, PoolSize: 1, Language: f.language})
	defer eng.Close()
	script := runtime.Script{Name: filepath.Base(path), Source: string(src)}
	res, runErr := eng.Run(ctx, script, in)
	rep := newRunReport(res, env)

	if f.format == "json" {
		if err := writeJSON(out, rep); err != nil {
			return err
		}
	} else {
		printPretty(out, path, rep)
	}
	if runErr != nil {
		return &exitError{code: exitFailed}
	}
	return nil
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
	} else {
		fmt.Fprintf(w, "outcome:     %s\n", r.Outcome)
	}
	printWarnings(w, "warning:     ", path, r.Warnings)
	out := r.Outputs
	if headers := action.Headers.Get(out); len(headers) > 0 {
		fmt.Fprintf(w, "headers:     %s\n", strings.Join(headers, " | "))
	}
	for _, kv := range [][2]string{
		{"description", action.Description.Get(out)}, {"error msg", action.ErrorMessage.Get(out)},
		{"lockout msg", action.LockoutMessage.Get(out)},
		{"user", action.IdentifiedUser.Get(out)}, {"stage", action.Stage.Get(out)},
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
