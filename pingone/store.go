package pingone

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// Store is the SQLite database behind one or more Platforms.
type Store struct {
	db   *sql.DB
	path string
	// stmts holds prepared statements by their text. SQLite parses and
	// plans a statement each time it is prepared, which was a fifth of
	// the work of a credential issuance. The store has one connection, so
	// a statement cannot be prepared while a transaction holds it: a text
	// first seen inside one runs unprepared and is noted in wanted, and
	// prepareWanted prepares it before the next transaction begins. The
	// texts come from this package, so the cache stays small (maxStmts
	// bounds it all the same).
	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt
	wanted map[string]bool
}

const maxStmts = 256

// cached returns q's prepared statement, or notes q to be prepared.
func (s *Store) cached(q string) (*sql.Stmt, bool) {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if st, ok := s.stmts[q]; ok {
		return st, true
	}
	if len(s.stmts)+len(s.wanted) < maxStmts {
		if s.wanted == nil {
			s.wanted = make(map[string]bool)
		}
		s.wanted[q] = true
	}
	return nil, false
}

// prepareWanted prepares the noted texts; call it with no transaction open
// on this goroutine. A failure only leaves a text unprepared.
func (s *Store) prepareWanted(ctx context.Context) {
	s.stmtMu.Lock()
	want := s.wanted
	s.wanted = nil
	s.stmtMu.Unlock()
	for q := range want {
		st, err := s.db.PrepareContext(ctx, q)
		if err != nil {
			continue
		}
		s.stmtMu.Lock()
		if _, ok := s.stmts[q]; ok {
			st.Close()
		} else {
			if s.stmts == nil {
				s.stmts = make(map[string]*sql.Stmt)
			}
			s.stmts[q] = st
		}
		s.stmtMu.Unlock()
	}
}

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
	s := &Store{db: db, path: path}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// Close releases the database.
func (s *Store) Close() error {
	s.stmtMu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.stmtMu.Unlock()
	return s.db.Close()
}

// Path is the file the store was opened with.
func (s *Store) Path() string { return s.path }

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
}

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))`); err != nil {
		return fmt.Errorf("migrate: create schema_migrations: %w", err)
	}
	current, err := s.SchemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	for i := current; i < len(migrations); i++ {
		tx, err := s.db.BeginTx(ctx, nil)
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

// SchemaVersion is the highest applied migration.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version),0) FROM schema_migrations`).Scan(&v)
	return v, err
}
