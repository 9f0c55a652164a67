package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"time"

	"github.com/spf13/cobra"

	"github.com/journeyjs/journeyjs/harness"
	"github.com/journeyjs/journeyjs/runtime"
)

func init() { extraCommands = append(extraCommands, newTestCmd) }

type testFlags struct {
	run      string
	format   string
	junit    string
	parallel int
	timeout  time.Duration
	language runtime.Language
}

func newTestCmd() *cobra.Command {
	var f testFlags
	cmd := &cobra.Command{
		Use:   "test [PATH...]",
		Short: "Run the test cases of *.test.yaml files and check their expectations",
		Long: `Run the test cases in test files (*.test.yaml) and check each run against
its expectations: outcome, node state, headers, messages, logs, HTTP calls,
IDM objects, PingOne credentials, or an expected error.

PATH is a test file or a directory searched recursively for *.test.yaml
files (hidden directories, testdata, vendor and node_modules are skipped);
the default is the current directory. Cases run in parallel on one engine,
each with fresh back ends built from its fixtures.

The output has one line per case (PASS or FAIL, its name file/case/row and
its duration), a diff of expected against actual for each failure, and
ends with the line "N passed, N failed".

Exit status: 0 when every case passed, 1 when any failed, 2 for bad usage or
a bad test or fixtures file (the message names the file and line).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTests(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), args, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.run, "run", "", "run only the cases whose name (file/case/row) matches this regular expression")
	fl.StringVar(&f.format, "format", "text", "output format: text, or json (one document with every case's result)")
	fl.StringVar(&f.junit, "junit", "", "also write a JUnit XML report to this file")
	fl.IntVar(&f.parallel, "parallel", 0, "how many cases run at once (default GOMAXPROCS)")
	fl.DurationVar(&f.timeout, "timeout", runtime.DefaultTimeout, "time limit of each run, for cases that set none")
	registerLanguage(fl, &f.language)
	return cmd
}

func runTests(ctx context.Context, out, errOut io.Writer, paths []string, f testFlags) error {
	if f.format != "text" && f.format != "json" {
		return usageError("--format must be text or json, not %q", f.format)
	}
	var filter *regexp.Regexp
	if f.run != "" {
		re, err := regexp.Compile(f.run)
		if err != nil {
			return usageError("--run: %v", err)
		}
		filter = re
	}
	if f.parallel < 0 {
		return usageError("--parallel must not be negative")
	}
	files, err := harness.Discover(paths)
	if err != nil {
		return usageError("%v", err)
	}
	if len(files) == 0 {
		return usageError("no test files (*.test.yaml) found in %v", pathsOrDot(paths))
	}
	cases, err := harness.NewLoader().Load(files)
	if err != nil {
		return &exitError{code: exitUsage, err: flattenErrors(err)}
	}
	cases = harness.Select(cases, filter)
	if len(cases) == 0 && filter != nil {
		fmt.Fprintf(errOut, "journeyjs: no test case matches --run %q\n", f.run)
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	started := time.Now()
	var done func(*harness.Result)
	if f.format == "text" {
		done = func(r *harness.Result) { harness.WriteResult(out, r) }
	}
	sum := harness.Run(ctx, cases, harness.Options{Parallel: f.parallel, Timeout: f.timeout, Language: f.language}, done)
	if f.format == "json" {
		if err := harness.WriteJSON(out, sum); err != nil {
			return err
		}
	} else {
		harness.WriteSummary(out, sum)
	}
	if f.junit != "" {
		var b bytes.Buffer
		if err := harness.WriteJUnit(&b, sum, started); err != nil {
			return err
		}
		if err := os.WriteFile(f.junit, b.Bytes(), 0o644); err != nil {
			return usageError("--junit: %v", unwrapPathErr(err))
		}
	}
	if sum.Failed > 0 {
		return &exitError{code: exitFailed}
	}
	return nil
}

func pathsOrDot(paths []string) []string {
	if len(paths) == 0 {
		return []string{"."}
	}
	return paths
}

// flattenErrors puts each of a joined error's errors on its own line.
func flattenErrors(err error) error {
	var j interface{ Unwrap() []error }
	if errors.As(err, &j) {
		var b bytes.Buffer
		for i, e := range j.Unwrap() {
			if i > 0 {
				b.WriteString("\njourneyjs: ")
			}
			b.WriteString(e.Error())
		}
		return errors.New(b.String())
	}
	return err
}
