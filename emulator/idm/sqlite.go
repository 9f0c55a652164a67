package idm

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/openidm"
)

// DefaultDBPath is where local runs keep a persistent IDM store.
const DefaultDBPath = ".journeyjs/idm.db"

// SQLite is the local store persisted in a SQLite file: one JSON document
// per (collection, _id), with its revision. Every call is one transaction,
// so a failed patch or a stale revision leaves the file unchanged.
type SQLite struct {
	engine
	db *sql.DB
	// Actions handles actions other than external/email; nil answers them
	// with a 501 error naming the action.
	Actions ActionHandler
}

const sqliteSchema = `CREATE TABLE IF NOT EXISTS idm_objects (
	collection TEXT NOT NULL,
	id         TEXT NOT NULL,
	rev        TEXT NOT NULL,
	doc        TEXT NOT NULL,
	PRIMARY KEY (collection, id)
) WITHOUT ROWID`

// OpenSQLite opens (creating it and its directory if needed) the store in
// the file at path.
func OpenSQLite(path string) (*SQLite, error) {
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("idm store: %w", err)
		}
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("idm store %s: %w", path, err)
	}
	// One connection: transactions in this process queue in Go rather than
	// fight over SQLite's lock.
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(sqliteSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("idm store %s: %w", path, err)
	}
	s := &SQLite{db: db}
	s.engine = engine{run: s.run, actions: func() ActionHandler { return s.Actions }}
	return s, nil
}

// SetIDGenerator replaces the UUID generator for new objects' _id.
func (s *SQLite) SetIDGenerator(f func() string) { s.newID = f }

// Close closes the file.
func (s *SQLite) Close() error { return s.db.Close() }

// Seed adds seed's objects that the store does not hold yet; objects already
// there (perhaps changed by earlier runs) are kept as they are.
func (s *SQLite) Seed(ctx context.Context, seed Seed) error {
	return s.run(ctx, func(t tx) error {
		return loadSeed(seed, func(collection, id string, obj map[string]any) error {
			if _, ok, err := t.get(collection, id); err != nil || ok {
				return err
			}
			return t.put(collection, id, obj)
		})
	})
}

func (s *SQLite) run(ctx context.Context, fn func(tx) error) error {
	t, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("idm store: %w", err)
	}
	if err := fn(sqlTx{ctx, t}); err != nil {
		_ = t.Rollback()
		return err
	}
	if err := t.Commit(); err != nil {
		return fmt.Errorf("idm store: commit: %w", err)
	}
	return nil
}

type sqlTx struct {
	ctx context.Context
	t   *sql.Tx
}

func decodeDoc(doc string) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader([]byte(doc)))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("idm store: corrupt document: %w", err)
	}
	return jsvalue.NormalizeMap(m), nil
}

func (t sqlTx) get(collection, id string) (map[string]any, bool, error) {
	var doc string
	err := t.t.QueryRowContext(t.ctx, `SELECT doc FROM idm_objects WHERE collection = ? AND id = ?`, collection, id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("idm store: %w", err)
	}
	m, err := decodeDoc(doc)
	return m, err == nil, err
}

func (t sqlTx) put(collection, id string, obj map[string]any) error {
	doc, err := json.Marshal(obj)
	if err != nil {
		return openidm.Errorf(openidm.CodeBadRequest, "the object is not JSON: %v", err)
	}
	_, err = t.t.ExecContext(t.ctx, `INSERT INTO idm_objects (collection, id, rev, doc) VALUES (?, ?, ?, ?)
		ON CONFLICT (collection, id) DO UPDATE SET rev = excluded.rev, doc = excluded.doc`,
		collection, id, openidm.RevOf(obj), string(doc))
	if err != nil {
		return fmt.Errorf("idm store: %w", err)
	}
	return nil
}

func (t sqlTx) del(collection, id string) error {
	if _, err := t.t.ExecContext(t.ctx, `DELETE FROM idm_objects WHERE collection = ? AND id = ?`, collection, id); err != nil {
		return fmt.Errorf("idm store: %w", err)
	}
	return nil
}

func (t sqlTx) list(collection string) ([]map[string]any, error) {
	rows, err := t.t.QueryContext(t.ctx, `SELECT doc FROM idm_objects WHERE collection = ? ORDER BY id`, collection)
	if err != nil {
		return nil, fmt.Errorf("idm store: %w", err)
	}
	defer rows.Close()
	var out []map[string]any
	for rows.Next() {
		var doc string
		if err := rows.Scan(&doc); err != nil {
			return nil, fmt.Errorf("idm store: %w", err)
		}
		m, err := decodeDoc(doc)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
