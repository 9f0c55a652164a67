package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
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
