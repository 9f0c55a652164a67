package pingone

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"
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
	store *Store
	opts  Options

	mu      sync.Mutex
	changes []Change
}

// NewPlatform wraps a store with PingOne's rules.
func NewPlatform(s *Store, opts Options) *Platform {
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = time.Hour
	}
	return &Platform{store: s, opts: opts}
}

// Store returns the platform's database.
func (p *Platform) Store() *Store { return p.store }

func (p *Platform) now() time.Time { return p.opts.Clock().UTC().Truncate(time.Millisecond) }

// op is the unit of work of one request: its transaction, environment,
// instant and the changes it will report once committed.
type op struct {
	p       *Platform
	tx      *dbtx
	env     *Environment
	now     time.Time
	changes []Change
	claims  []Claim // handed to Options.OnClaim after commit
}

func (o *op) record(kind, id, action string) {
	o.changes = append(o.changes, Change{EnvironmentID: o.env.ID, Kind: kind, ID: id, Action: action})
}

// inTx runs fn in one transaction: either everything fn did is committed
// or nothing is.
func (p *Platform) inTx(ctx context.Context, fn func(t *dbtx) error) error {
	p.store.prepareWanted(ctx)
	sqlTx, err := p.store.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	t := &dbtx{ctx: ctx, tx: sqlTx, store: p.store}
	if err := fn(t); err != nil {
		sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// run executes fn for one environment in one transaction and publishes the
// changes only after a successful commit.
func (p *Platform) run(ctx context.Context, envID string, fn func(o *op) error) error {
	var o *op
	err := p.inTx(ctx, func(t *dbtx) error {
		env, err := loadEnvironment(t, envID)
		if err != nil {
			return err
		}
		o = &op{p: p, tx: t, env: env, now: p.now()}
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
func (p *Platform) committed(ctx context.Context, o *op) {
	p.publish(ctx, o.changes)
	if p.opts.OnClaim != nil {
		for _, c := range o.claims {
			p.opts.OnClaim(c)
		}
	}
}

// Environment is one PingOne environment and its worker application.
type Environment struct {
	ID           string
	Name         string
	Region       string
	ClientID     string
	ClientSecret string
	CreatedAt    time.Time
}

const environmentColumns = `id, name, region, client_id, client_secret, created_at`

// scanEnvironment reads one row of environmentColumns.
func scanEnvironment(row interface{ Scan(...any) error }) (*Environment, error) {
	e := &Environment{}
	var created string
	if err := row.Scan(&e.ID, &e.Name, &e.Region, &e.ClientID, &e.ClientSecret, &created); err != nil {
		return nil, err
	}
	e.CreatedAt, _ = time.Parse(timeLayout, created)
	return e, nil
}

func loadEnvironment(t *dbtx, id string) (*Environment, error) {
	e, err := scanEnvironment(t.queryRow(`SELECT `+environmentColumns+` FROM environments WHERE id=?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound()
	}
	if err != nil {
		return nil, fmt.Errorf("load environment %s: %w", id, err)
	}
	return e, nil
}

func insertEnvironment(t *dbtx, e *Environment) error {
	_, err := t.exec(`INSERT INTO environments(id,name,region,client_id,client_secret,created_at) VALUES (?,?,?,?,?,?)`,
		e.ID, e.Name, e.Region, e.ClientID, e.ClientSecret, newTime(e.CreatedAt).String())
	if err != nil {
		return fmt.Errorf("create environment %s: %w", e.ID, err)
	}
	return nil
}

// Environments lists every environment in the store, in one query.
func (p *Platform) Environments(ctx context.Context) ([]Environment, error) {
	rows, err := p.store.db.QueryContext(ctx, `SELECT `+environmentColumns+` FROM environments ORDER BY created_at`)
	if err != nil {
		return nil, fmt.Errorf("list environments: %w", err)
	}
	defer rows.Close()
	var out []Environment
	for rows.Next() {
		e, err := scanEnvironment(rows)
		if err != nil {
			return nil, fmt.Errorf("list environments: %w", err)
		}
		out = append(out, *e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list environments: %w", err)
	}
	return out, nil
}
