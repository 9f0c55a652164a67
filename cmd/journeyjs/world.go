package main

import (
	"context"

	"github.com/spf13/pflag"

	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/fixtures"
)

// worldFlags are the flags every command that runs scripts shares: where the
// scripts' world (fixtures, starting node state, realm, log level) comes from.
type worldFlags struct {
	fixtures string
	state    string
	realm    string
	logLevel string
}

func (w *worldFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&w.fixtures, "fixtures", "", "fixtures file (YAML or JSON)")
	fl.StringVar(&w.state, "state", "", "node state to start with: sharedState and transientState (YAML or JSON)")
	fl.StringVar(&w.realm, "realm", "", "realm, for example /alpha (overrides the fixtures)")
	fl.StringVar(&w.logLevel, "log-level", "", "script log level: trace, debug, info, warn, error (overrides the fixtures)")
}

// build loads the fixtures and state files, builds fresh back ends, and lays
// the flags' overrides over the input. The caller closes the Env. Every
// problem is a usage error (exit status 2) naming the file.
func (w worldFlags) build(ctx context.Context) (*runEnv, error) {
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
	env, err := buildEnv(ctx, fx)
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
	}
	if lvl != nil {
		in.LogLevel = lvl
	}
	return env, nil
}
