package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

// Open opens (creating if needed) the SQLite database at path and applies
// pending migrations. path may be ":memory:".
//
// The pool is limited to one connection: that keeps an in-memory database
// alive for the life of the Store (each new connection to :memory: would be
// a new, empty database) and serialises write transactions, which SQLite
// would otherwise answer with SQLITE_BUSY under concurrent requests.
func Open(path string) (*Store, error) {
	dsn := path
	if path != ":memory:" {
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("open store: create directory: %w", err)
			}
		}
		dsn = "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if path == ":memory:" {
		// The file DSN's pragma, on the one connection an in-memory
		// database lives in: documents and tokens of an unknown
		// Environment are refused there too.
		if _, err := db.Exec("PRAGMA foreign_keys = ON"); err != nil {
			db.Close()
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
	}
	b := &sqliteBackend{db: db}
	if err := b.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &Store{b: b, path: path}, nil
}

// sqliteBackend keeps a Store in a SQLite database.
type sqliteBackend struct {
	db *sql.DB
}

func (b *sqliteBackend) close() error { return b.db.Close() }

// migrations are applied in order; each index+1 is its version number.
// Never edit a released migration: append a new one.
var migrations = []string{
	// 1: environments, worker tokens and the resource documents.
	`CREATE TABLE environments (
		id TEXT PRIMARY KEY,
		name TEXT NOT NULL DEFAULT '',
		region TEXT NOT NULL,
		client_id TEXT NOT NULL,
		client_secret TEXT NOT NULL,
		created_at TEXT NOT NULL
	);
	CREATE TABLE tokens (
		token_hash TEXT PRIMARY KEY,
		env_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
		expires_at INTEGER NOT NULL
	);
	CREATE TABLE objects (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		kind TEXT NOT NULL,
		id TEXT NOT NULL,
		env_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
		parent_id TEXT NOT NULL DEFAULT '',
		doc TEXT NOT NULL,
		UNIQUE (kind, id)
	);
	CREATE INDEX objects_by_parent ON objects (env_id, kind, parent_id);`,
	// 2: notifications that would have been e-mailed or texted.
	`CREATE TABLE outbox (
		id TEXT PRIMARY KEY,
		env_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
		user_id TEXT NOT NULL,
		credential_id TEXT NOT NULL,
		event TEXT NOT NULL,
		method TEXT NOT NULL,
		recipient TEXT NOT NULL,
		template_variant TEXT NOT NULL DEFAULT '',
		template_locale TEXT NOT NULL DEFAULT '',
		created_at TEXT NOT NULL
	);
	CREATE INDEX outbox_by_env ON outbox (env_id, created_at);`,
	// 3: every token issue prunes the expired tokens; by expiry that is a
	// seek to the first live token instead of a scan of them all.
	`CREATE INDEX tokens_by_expiry ON tokens (expires_at);`,
}

func (b *sqliteBackend) migrate(ctx context.Context) error {
	if _, err := b.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))`); err != nil {
		return fmt.Errorf("migrate: create schema_migrations: %w", err)
	}
	current, err := b.schemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	for i := current; i < len(migrations); i++ {
		tx, err := b.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version) VALUES (?)`, i+1); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate %d: record: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate %d: commit: %w", i+1, err)
		}
	}
	return nil
}

func (b *sqliteBackend) schemaVersion(ctx context.Context) (int, error) {
	var v int
	err := b.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version),0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func (b *sqliteBackend) begin(ctx context.Context) (storeTx, error) {
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &sqliteTx{ctx: ctx, tx: tx}, nil
}

func (b *sqliteBackend) lookupToken(ctx context.Context, hash string) (string, int64, error) {
	row := b.db.QueryRowContext(ctx, `SELECT env_id, expires_at FROM tokens WHERE token_hash=?`, hash)
	var envID string
	var expires int64
	err := row.Scan(&envID, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, ErrNotFound
	}
	return envID, expires, err
}

const environmentColumns = `id, name, region, client_id, client_secret, created_at`

// scanEnvironment reads one row of environmentColumns.
func scanEnvironment(row interface{ Scan(...any) error }) (*Environment, error) {
	e := &Environment{}
	var created string
	if err := row.Scan(&e.ID, &e.Name, &e.Region, &e.ClientID, &e.ClientSecret, &created); err != nil {
		return nil, err
	}
	e.CreatedAt, _ = time.Parse(model.TimeLayout, created)
	return e, nil
}

func (b *sqliteBackend) environments(ctx context.Context) ([]Environment, error) {
	rows, err := b.db.QueryContext(ctx, `SELECT `+environmentColumns+` FROM environments ORDER BY created_at`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Environment
	for rows.Next() {
		e, err := scanEnvironment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *e)
	}
	return out, rows.Err()
}

func (b *sqliteBackend) find(ctx context.Context, text string) ([]string, error) {
	const q = `SELECT kind || '/' || id FROM objects WHERE instr(doc, ?1) > 0
		UNION ALL
		SELECT 'outbox/' || id FROM outbox WHERE instr(user_id || credential_id || event || method ||
			recipient || template_variant || template_locale, ?1) > 0`
	rows, err := b.db.QueryContext(ctx, q, text)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var where string
		if err := rows.Scan(&where); err != nil {
			return nil, err
		}
		out = append(out, where)
	}
	return out, rows.Err()
}

// sqliteTx is one SQLite transaction.
type sqliteTx struct {
	ctx context.Context
	tx  *sql.Tx
}

func (t *sqliteTx) commit() error   { return t.tx.Commit() }
func (t *sqliteTx) rollback() error { return t.tx.Rollback() }

func (t *sqliteTx) exec(q string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(t.ctx, q, args...)
}

func (t *sqliteTx) queryRow(q string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(t.ctx, q, args...)
}

func (t *sqliteTx) query(q string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(t.ctx, q, args...)
}

func (t *sqliteTx) environment(id string) (*Environment, error) {
	e, err := scanEnvironment(t.queryRow(`SELECT `+environmentColumns+` FROM environments WHERE id=?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return e, err
}

func (t *sqliteTx) insertEnvironment(e *Environment) error {
	_, err := t.exec(`INSERT INTO environments(id,name,region,client_id,client_secret,created_at) VALUES (?,?,?,?,?,?)`,
		e.ID, e.Name, e.Region, e.ClientID, e.ClientSecret, model.NewTime(e.CreatedAt).String())
	return err
}

func (t *sqliteTx) insertToken(hash, envID string, expiresAt int64) error {
	_, err := t.exec(`INSERT INTO tokens(token_hash, env_id, expires_at) VALUES (?,?,?)`, hash, envID, expiresAt)
	return err
}

func (t *sqliteTx) pruneTokens(before int64) error {
	_, err := t.exec(`DELETE FROM tokens WHERE expires_at < ?`, before)
	return err
}

func (t *sqliteTx) putDoc(kind, envID, parentID, id string, doc []byte) error {
	_, err := t.exec(`INSERT INTO objects(kind,id,env_id,parent_id,doc) VALUES (?,?,?,?,?)
		ON CONFLICT(kind,id) DO UPDATE SET doc=excluded.doc, parent_id=excluded.parent_id`,
		kind, id, envID, parentID, string(doc))
	return err
}

func (t *sqliteTx) deleteDoc(kind, envID, id string) error {
	_, err := t.exec(`DELETE FROM objects WHERE kind=? AND env_id=? AND id=?`, kind, envID, id)
	return err
}

func (t *sqliteTx) deleteChildren(kind, envID, parentID string) error {
	_, err := t.exec(`DELETE FROM objects WHERE kind=? AND env_id=? AND parent_id=?`, kind, envID, parentID)
	return err
}

func (t *sqliteTx) getDoc(kind, envID, id string, v any) error {
	var doc []byte
	err := t.queryRow(`SELECT doc FROM objects WHERE kind=? AND env_id=? AND id=?`, kind, envID, id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := json.Unmarshal(doc, v); err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	return nil
}

func (t *sqliteTx) eachDoc(kind, envID, parentID string, newValue func() any, fn func(v any) error) error {
	q := `SELECT doc FROM objects WHERE kind=? AND env_id=?`
	args := []any{kind, envID}
	if parentID != "" {
		q += ` AND parent_id=?`
		args = append(args, parentID)
	}
	rows, err := t.query(q+` ORDER BY seq`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var doc []byte
		if err := rows.Scan(&doc); err != nil {
			return err
		}
		v := newValue()
		if err := json.Unmarshal(doc, v); err != nil {
			return fmt.Errorf("decode: %w", err)
		}
		if err := fn(v); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (t *sqliteTx) envOf(kind, id string) (string, error) {
	var env string
	err := t.queryRow(`SELECT env_id FROM objects WHERE kind=? AND id=?`, kind, id).Scan(&env)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return env, err
}

// eachUsername reads only the usernames, not every user document.
func (t *sqliteTx) eachUsername(envID string, fn func(id, username string) bool) error {
	rows, err := t.query(`SELECT id, json_extract(doc, '$.username') FROM objects WHERE kind=? AND env_id=?`, model.KindUser, envID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, username string
		if err := rows.Scan(&id, &username); err != nil {
			return err
		}
		if !fn(id, username) {
			return nil
		}
	}
	return rows.Err()
}

func (t *sqliteTx) insertOutbox(envID string, m *model.OutboxMessage) error {
	_, err := t.exec(`INSERT INTO outbox(id, env_id, user_id, credential_id, event, method, recipient, template_variant, template_locale, created_at)
			VALUES (?,?,?,?,?,?,?,?,?,?)`, m.ID, envID, m.UserID, m.CredentialID, m.Event, m.Method, m.Recipient,
		m.TemplateVariant, m.TemplateLocale, m.CreatedAt.String())
	return err
}

func (t *sqliteTx) outbox(envID string) ([]model.OutboxMessage, error) {
	rows, err := t.query(`SELECT id, user_id, credential_id, event, method, recipient, template_variant, template_locale, created_at
			FROM outbox WHERE env_id=? ORDER BY created_at, rowid`, envID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.OutboxMessage{}
	for rows.Next() {
		var m model.OutboxMessage
		var created string
		if err := rows.Scan(&m.ID, &m.UserID, &m.CredentialID, &m.Event, &m.Method, &m.Recipient, &m.TemplateVariant, &m.TemplateLocale, &created); err != nil {
			return nil, err
		}
		if err := m.CreatedAt.Parse(created); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
