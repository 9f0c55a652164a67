// Package platform is PingOne's behaviour over a store: worker tokens,
// users, populations and groups, the credential issuer profile, credential
// types and their versions, issuance rules and staged changes, user and
// provisioned credentials, digital wallets, notifications, Verify
// transactions and YAML seeds. Every request runs as one unit of work
// (Platform.Run gives it an Op, whose methods are the API's operations);
// its changes are published after commit.
package platform

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// Options configure a Platform. The zero value is usable.
type Options struct {
	// Clock is the platform's notion of now; tests move it. Default time.Now.
	Clock func() time.Time
	// TokenTTL is the lifetime of worker access tokens. Default 1 hour.
	TokenTTL time.Duration
	// OnClaim, when set, receives every claim handed to a wallet, including
	// values that came from the ephemeral `data`. It plays the phone wallet's
	// receiving end; the platform keeps no copy.
	OnClaim func(Claim)
}

// Claim is what a wallet receives when a credential is provisioned to it.
type Claim struct {
	EnvironmentID           string
	UserID                  string
	CredentialID            string
	ProvisionedCredentialID string
	DigitalWalletID         string
	CredentialTypeID        string
	Title                   string
	// Fields maps field titles to the values shown on the card.
	Fields map[string]string
}

// Platform is one local PingOne: every environment in a Store.
// Several Platforms may share a process; nothing is global.
type Platform struct {
	store *store.Store
	opts  Options

	mu      sync.Mutex
	changes []Change
}

// NewPlatform wraps a store with PingOne's rules.
func NewPlatform(s *store.Store, opts Options) *Platform {
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = time.Hour
	}
	return &Platform{store: s, opts: opts}
}

// Store returns the platform's store (SQLite or memory).
func (p *Platform) Store() *store.Store { return p.store }

func (p *Platform) now() time.Time { return p.opts.Clock().UTC().Truncate(time.Millisecond) }

// Op is the unit of work of one request: its transaction, environment,
// instant and the changes it will report once committed.
type Op struct {
	p       *Platform
	tx      *store.Tx
	env     *store.Environment
	now     time.Time
	changes []Change
	claims  []Claim // handed to Options.OnClaim after commit
}

func (o *Op) record(kind, id, action string) {
	o.changes = append(o.changes, Change{EnvironmentID: o.env.ID, Kind: kind, ID: id, Action: action})
}

// inTx runs fn in one transaction: either everything fn did is committed
// or nothing is. A panic in fn rolls back too, so the store (which runs one
// transaction at a time) is not left locked.
func (p *Platform) inTx(ctx context.Context, fn func(t *store.Tx) error) error {
	t, err := p.store.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	committing := false
	defer func() {
		if !committing { // fn failed or panicked
			t.Rollback()
		}
	}()
	if err := fn(t); err != nil {
		return err
	}
	committing = true
	if err := t.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// Run executes fn for one environment in one transaction and publishes the
// changes only after a successful commit.
func (p *Platform) Run(ctx context.Context, envID string, fn func(o *Op) error) error {
	var o *Op
	err := p.inTx(ctx, func(t *store.Tx) error {
		env, err := loadEnvironment(t, envID)
		if err != nil {
			return err
		}
		o = &Op{p: p, tx: t, env: env, now: p.now()}
		return fn(o)
	})
	if err != nil {
		return err
	}
	p.committed(ctx, o)
	return nil
}

// committed reports what a committed unit of work did: its changes to the
// log and recorder, its claims to the wallet callback.
func (p *Platform) committed(ctx context.Context, o *Op) {
	p.publish(ctx, o.changes)
	if p.opts.OnClaim != nil {
		for _, c := range o.claims {
			p.opts.OnClaim(c)
		}
	}
}

func loadEnvironment(t *store.Tx, id string) (*store.Environment, error) {
	e, err := t.Environment(id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, model.NotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("load environment %s: %w", id, err)
	}
	return e, nil
}

func insertEnvironment(t *store.Tx, e *store.Environment) error {
	if err := t.InsertEnvironment(e); err != nil {
		return fmt.Errorf("create environment %s: %w", e.ID, err)
	}
	return nil
}

// Environments lists every environment in the store, oldest first.
func (p *Platform) Environments(ctx context.Context) ([]store.Environment, error) {
	out, err := p.store.Environments(ctx)
	if err != nil {
		return nil, fmt.Errorf("list environments: %w", err)
	}
	return out, nil
}
