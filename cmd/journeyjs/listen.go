package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/spf13/cobra"
)

// httpServer is what serve and journey serve run: both share the HTTP front of
// server/httpfront.
type httpServer interface {
	Serve(ctx context.Context, ln net.Listener, grace time.Duration) error
	Close()
}

// serveUntilSignal listens on addr, announces the server (announce gets the
// address) and serves until SIGINT or SIGTERM, then shuts down gracefully
// within grace. Signals are caught before the address is announced: whoever
// waits for the announcement may signal right after it.
func serveUntilSignal(cmd *cobra.Command, srv httpServer, addr string, grace time.Duration, announce func(net.Addr) string) error {
	tuneGC()
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		srv.Close()
		return usageError("listen on %s: %v", addr, err)
	}
	fmt.Fprintln(cmd.ErrOrStderr(), "journeyjs: "+announce(ln.Addr()))
	if err := srv.Serve(ctx, ln, grace); err != nil {
		return &exitError{code: exitFailed, err: err}
	}
	fmt.Fprintln(cmd.ErrOrStderr(), "journeyjs: stopped")
	return nil
}

// serveGCPercent is the garbage collector's target a server runs with,
// unless GOGC says otherwise. Every evaluation builds a runtime of its own
// on a heap whose live part stays small, so at Go's default of 100 the
// collector runs all the time: 400 more than doubles the rate of sustained
// trivial evaluations (BENCHMARKS.md) for a heap a few megabytes larger.
const serveGCPercent = 400

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
}
