package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/journeyjs/journeyjs/emulator/pingone"
	"github.com/journeyjs/journeyjs/emulator/pingone/card"
)

func init() { extraCommands = append(extraCommands, newPingOneCmd) }

// defaultPingOneDB is where the local platform keeps its state.
var defaultPingOneDB = filepath.Join(".journeyjs", "pingone.db")

// newPingOneCmd groups the local PingOne platform commands.
func newPingOneCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "pingone",
		Short: "Run a local PingOne (users, credentials, wallets, Verify) backed by SQLite",
	}
	cmd.AddCommand(newPingOneServeCmd(), newPingOneSeedCmd(), newPingOneCardCmd())
	return cmd
}

func openPlatform(db string) (*pingone.Store, *pingone.Platform, error) {
	store, err := pingone.Open(db)
	if err != nil {
		return nil, nil, err
	}
	return store, pingone.NewPlatform(store, pingone.Options{}), nil
}

func newPingOneServeCmd() *cobra.Command {
	var addr, db, seedPath string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the PingOne REST API, token endpoint and wallet emulator",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var seed *pingone.Seed
			if seedPath != "" {
				var err error
				if seed, err = pingone.LoadSeed(seedPath); err != nil {
					return usageError("%v", err)
				}
			}
			store, p, err := openPlatform(db)
			if err != nil {
				return err
			}
			defer store.Close()
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			out := cmd.OutOrStdout()
			if seed != nil {
				res, err := p.ApplySeed(ctx, seed)
				switch {
				case errors.Is(err, pingone.ErrEnvironmentExists):
					fmt.Fprintf(out, "seed: environment %s already in %s, not seeded again\n", seed.Environment.ID, db)
				case err != nil:
					return usageError("%v", err)
				default:
					printSeedResult(out, res)
				}
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("pingone serve: %w", err)
			}
			base := "http://" + ln.Addr().String()
			envs, err := p.Environments(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "PingOne local platform on %s (database %s)\n", base, db)
			fmt.Fprintf(out, "  API:      %s/v1/environments/{envID}/...\n", base)
			fmt.Fprintf(out, "  tokens:   %s/{envID}/as/token (client credentials)\n", base)
			fmt.Fprintf(out, "  emulator: %s/emulator/environments/{envID}/...\n", base)
			if len(envs) == 0 {
				fmt.Fprintln(out, "  no environment yet: use --seed FILE or 'journeyjs pingone seed FILE'")
			}
			for _, e := range envs {
				fmt.Fprintf(out, "  environment %s  region %s  client id %s\n", e.ID, e.Region, e.ClientID)
			}
			srv := &http.Server{Handler: pingone.NewHandler(p, pingone.HandlerOptions{}), ReadHeaderTimeout: 10 * time.Second}
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return fmt.Errorf("pingone serve: %w", err)
			case <-ctx.Done():
			}
			fmt.Fprintln(out, "shutting down")
			shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			return srv.Shutdown(shutdownCtx)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8790", "listen address")
	cmd.Flags().StringVar(&db, "db", defaultPingOneDB, "SQLite database file (\":memory:\" for a throwaway one)")
	cmd.Flags().StringVar(&seedPath, "seed", "", "seed YAML applied before serving (skipped if its environment exists)")
	return cmd
}

func newPingOneSeedCmd() *cobra.Command {
	var db string
	cmd := &cobra.Command{
		Use:   "seed FILE",
		Short: "Create the environment a seed YAML describes",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			seed, err := pingone.LoadSeed(args[0])
			if err != nil {
				return usageError("%v", err)
			}
			store, p, err := openPlatform(db)
			if err != nil {
				return err
			}
			defer store.Close()
			res, err := p.ApplySeed(cmd.Context(), seed)
			if err != nil {
				return usageError("%v", err)
			}
			printSeedResult(cmd.OutOrStdout(), res)
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", defaultPingOneDB, "SQLite database file")
	return cmd
}

func printSeedResult(w io.Writer, r *pingone.SeedResult) {
	domain := pingone.RegionDomain(r.Region)
	fmt.Fprintf(w, "environment %s (region %s, cloud hosts api.pingone.%s / auth.pingone.%s)\n", r.EnvironmentID, r.Region, domain, domain)
	fmt.Fprintf(w, "  client id %s\n  client secret %s\n", r.ClientID, r.ClientSecret)
	section := func(title string, m map[string]string) {
		if len(m) == 0 {
			return
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(w, "  %s:\n", title)
		for _, k := range keys {
			fmt.Fprintf(w, "    %-24s %s\n", k, m[k])
		}
	}
	section("users", r.Users)
	section("credential types", r.CredentialTypes)
	section("issuance rules", r.IssuanceRules)
	section("digital wallet applications", r.DigitalWalletApplications)
	section("wallets", r.Wallets)
	if len(r.VerifyTransactions) > 0 {
		fmt.Fprintf(w, "  verify transactions: %s\n", strings.Join(r.VerifyTransactions, ", "))
	}
}

func newPingOneCardCmd() *cobra.Command {
	var db, env, credential, outPath string
	var width int
	cmd := &cobra.Command{
		Use:   "card --credential ID --out card.png",
		Short: "Render a user credential's card to SVG or PNG (by the --out extension)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if credential == "" || outPath == "" {
				return usageError("pingone card: --credential and --out are required")
			}
			ext := strings.ToLower(filepath.Ext(outPath))
			if ext != ".png" && ext != ".svg" {
				return usageError("pingone card: --out must end in .png or .svg")
			}
			store, p, err := openPlatform(db)
			if err != nil {
				return err
			}
			defer store.Close()
			c, err := p.CredentialCard(cmd.Context(), env, credential)
			if err != nil {
				return err
			}
			data := []byte(card.SVG(c))
			if ext == ".png" {
				if data, err = card.PNG(string(data), width); err != nil {
					return err
				}
			}
			if err := os.WriteFile(outPath, data, 0o644); err != nil {
				return fmt.Errorf("pingone card: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", outPath)
			return nil
		},
	}
	cmd.Flags().StringVar(&db, "db", defaultPingOneDB, "SQLite database file")
	cmd.Flags().StringVar(&env, "env", "", "environment id (default: whichever holds the credential)")
	cmd.Flags().StringVar(&credential, "credential", "", "user credential id")
	cmd.Flags().StringVar(&outPath, "out", "", "output file, .png or .svg")
	cmd.Flags().IntVar(&width, "width", 740, "PNG width in pixels")
	return cmd
}
