package main

import (
	"context"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/journeyjs/journeyjs/bindings/cachemanager"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/emulator/idm"
	"github.com/journeyjs/journeyjs/fixtures"
)

// worldFlags are the flags every command that runs scripts shares: where the
// scripts' world (fixtures, starting node state, realm, log level) comes from.
type worldFlags struct {
	fixtures string
	state    string
	realm    string
	logLevel string
	idmDB    string
}

func (w *worldFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&w.fixtures, "fixtures", "", "fixtures file (YAML or JSON)")
	fl.StringVar(&w.state, "state", "", "node state to start with: sharedState and transientState (YAML or JSON)")
	fl.StringVar(&w.realm, "realm", "", "realm, for example /alpha (overrides the fixtures)")
	fl.StringVar(&w.logLevel, "log-level", "", "script log level: trace, debug, info, warn, error (overrides the fixtures)")
	fl.StringVar(&w.idmDB, "idm-db", "", "keep IDM objects in this SQLite file across runs (seeded with the fixtures' idm objects it lacks), e.g. "+idm.DefaultDBPath)
}

// build loads the fixtures and state files, builds fresh back ends, and lays
// the flags' overrides over the input. The caller closes the Env. Every
// problem is a usage error (exit status 2) naming the file.
func (w worldFlags) build(ctx context.Context) (*fixtures.Env, error) {
	var lvl *logger.Level
	if w.logLevel != "" {
		l, err := logger.ParseLevel(w.logLevel)
		if err != nil {
			return nil, usageError("--log-level: %v", err)
		}
		lvl = &l
	}
	fx := &fixtures.File{}
	if w.fixtures != "" {
		var err error
		if fx, err = fixtures.Load(w.fixtures); err != nil {
			return nil, &exitError{code: exitUsage, err: err}
		}
	}
	var st *fixtures.State
	if w.state != "" {
		var err error
		if st, err = fixtures.LoadState(w.state); err != nil {
			return nil, &exitError{code: exitUsage, err: err}
		}
	}
	env, err := fx.Build(ctx)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	in := &env.Input
	if st != nil {
		in.SharedState = fixtures.Overlay(in.SharedState, st.SharedState)
		in.TransientState = fixtures.Overlay(in.TransientState, st.TransientState)
	}
	if w.realm != "" {
		in.Realm = w.realm
		// The fixtures' caches belong to the realm the runs are in.
		cachemanager.StoreKey.Set(&in.Backends, fx.CacheStore(w.realm))
	}
	if lvl != nil {
		logger.LevelKey.Set(&in.Backends, *lvl)
	}
	if w.idmDB != "" {
		store, err := openIDMStore(ctx, w.idmDB, fx.IDM)
		if err != nil {
			env.Close()
			return nil, &exitError{code: exitUsage, err: err}
		}
		env.OnClose(store.Close)
		openidm.BackendKey.Set(&in.Backends, store)
	}
	return env, nil
}

// openIDMStore opens (creating it if needed) the SQLite IDM store at path and
// adds the fixtures' objects it does not hold yet, so local runs build on
// what earlier runs changed.
func openIDMStore(ctx context.Context, path string, seed idm.Seed) (*idm.SQLite, error) {
	store, err := idm.OpenSQLite(path)
	if err != nil {
		return nil, fmt.Errorf("--idm-db %s: %w", path, err)
	}
	if err := store.Seed(ctx, seed); err != nil {
		store.Close()
		return nil, fmt.Errorf("--idm-db %s: seed from fixtures: %w", path, err)
	}
	return store, nil
}
