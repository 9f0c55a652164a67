package main

import (
	"fmt"
	"net"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/journeyjs/journeyjs/runtime"
	"github.com/journeyjs/journeyjs/server"
)

func init() { extraCommands = append(extraCommands, newServeCmd) }

type serveFlags struct {
	dir           string
	addr          string
	timeout       time.Duration
	poolSize      int
	maxConcurrent int
	maxMemory     int64
	maxBody       int64
	grace         time.Duration
	language      runtime.Language
}

func newServeCmd() *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve --dir DIR",
		Short: "Serve a directory of decision scripts over HTTP (a reference auth-server front)",
		Long: `Load a directory of decision scripts and evaluate them over HTTP on one pooled
engine.

  DIR/NAME.js               a script, evaluated at POST /v1/scripts/NAME/evaluate
  DIR/NAME.fixtures.yaml    its fixtures (optional): secrets, ESVs, IDM, HTTP
                            routes… built afresh for every request
  DIR/lib/LIB.js            a library script any script can require("LIB")

The request body is JSON: {sharedState, transientState, requestHeaders,
requestParameters, realm}, every field optional, laid over the fixtures. The
answer is the run's report (as 'journeyjs run --format json' prints it): 200
when the script reached an outcome, 422 when it failed.

Also: GET /v1/scripts, GET /healthz, GET /metrics (Prometheus text format).
SIGINT or SIGTERM stops accepting connections, lets running scripts finish,
and exits.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return serve(cmd, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.dir, "dir", "", "directory of scripts (*.js), fixtures (NAME.fixtures.yaml) and libraries (lib/*.js)")
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fl.DurationVar(&f.timeout, "timeout", runtime.DefaultTimeout, "time limit for one evaluation")
	registerLanguage(fl, &f.language)
	fl.IntVar(&f.poolSize, "pool-size", 0, "idle runtimes kept for reuse (0: 2 × GOMAXPROCS)")
	fl.IntVar(&f.maxConcurrent, "max-concurrent", 0, "evaluations running at once; more wait (0: GOMAXPROCS − 1, at least 1, leaving a CPU for HTTP)")
	fl.Int64Var(&f.maxMemory, "max-memory", 0, "memory budget of one run in bytes (0: 256 MiB; negative: none)")
	fl.Int64Var(&f.maxBody, "max-body", server.DefaultMaxBodyBytes, "largest request body in bytes (413 beyond)")
	fl.DurationVar(&f.grace, "grace", 30*time.Second, "how long shutdown waits for running evaluations (0: as long as they take)")
	_ = cmd.MarkFlagRequired("dir")
	return cmd
}

func serve(cmd *cobra.Command, f serveFlags) error {
	if st, err := os.Stat(f.dir); err != nil || !st.IsDir() {
		return usageError("--dir %s: not a readable directory", f.dir)
	}
	srv, err := server.Load(f.dir, server.Options{
		Engine: runtime.Options{
			Timeout:   f.timeout,
			PoolSize:  f.poolSize,
			MaxMemory: f.maxMemory,
			Language:  f.language,
		},
		MaxBodyBytes:  f.maxBody,
		MaxConcurrent: f.maxConcurrent,
	})
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	return serveUntilSignal(cmd, srv, f.addr, f.grace, func(a net.Addr) string {
		return fmt.Sprintf("serving %d scripts from %s on http://%s", len(srv.Scripts()), f.dir, a)
	})
}
