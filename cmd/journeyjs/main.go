// Command journeyjs runs PingOne Advanced Identity Cloud next-generation
// journey scripts outside the tenant: one script with fixtures, test suites,
// whole journeys, a local PingOne platform, and a reference evaluation server.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	// Every binding journeyjs provides.
	_ "github.com/journeyjs/journeyjs/bindings/all"

	"github.com/spf13/cobra"
)

// Exit statuses, the same for every subcommand.
const (
	exitOK     = 0
	exitFailed = 1 // the script (or a test, or the journey) failed
	exitUsage  = 2 // bad usage, or a bad fixture or input file
)

// exitError carries an exit status out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "journeyjs",
		Short:         "Run and test PingOne AIC next-generation journey scripts anywhere",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())}
	})
	root.AddCommand(newRunCmd())
	for _, extra := range extraCommands {
		root.AddCommand(extra())
	}
	return root
}

// extraCommands are subcommands defined in other files of this package
// (pingone, test, journey, serve); each file adds itself in an init func.
var extraCommands []func() *cobra.Command

func main() {
	os.Exit(execute(os.Args[1:], os.Stdout, os.Stderr))
}

// execute runs the CLI with args and returns the exit status.
func execute(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, "journeyjs:", ee.err)
		}
		return ee.code
	}
	// Errors cobra itself raises (unknown command, wrong argument count) are
	// usage errors.
	fmt.Fprintln(stderr, "journeyjs:", err)
	return exitUsage
}
