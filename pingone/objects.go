package pingone

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// Resource kinds stored in the objects table.
const (
	kindPopulation            = "population"
	kindGroup                 = "group"
	kindUser                  = "user"
	kindIssuerProfile         = "credentialIssuerProfile"
	kindCredentialType        = "credentialType"
	kindCredentialTypeVersion = "credentialTypeVersion"
	kindIssuanceRule          = "issuanceRule"
	kindStagedChange          = "stagedChange"
	kindWalletApp             = "digitalWalletApplication"
	kindWallet                = "digitalWallet"
	kindUserCredential        = "userCredential"
	kindProvisionedCredential = "provisionedCredential"
	kindVerifyTransaction     = "verifyTransaction"
	kindVerifyMetaData        = "verifyMetaData"
	kindVerifiedData          = "verifiedData"
)

var errNoObject = errors.New("object not found")

// dbtx is the transaction every request runs in. Its statements are the
// store's prepared ones (with one connection, the transaction's own).
type dbtx struct {
	ctx   context.Context
	tx    *sql.Tx
	store *Store
}

func (t *dbtx) exec(q string, args ...any) (sql.Result, error) {
	if st, ok := t.store.cached(q); ok {
		return t.tx.StmtContext(t.ctx, st).ExecContext(t.ctx, args...)
	}
	return t.tx.ExecContext(t.ctx, q, args...)
}

func (t *dbtx) queryRow(q string, args ...any) *sql.Row {
	if st, ok := t.store.cached(q); ok {
		return t.tx.StmtContext(t.ctx, st).QueryRowContext(t.ctx, args...)
	}
	return t.tx.QueryRowContext(t.ctx, q, args...)
}

func (t *dbtx) query(q string, args ...any) (*sql.Rows, error) {
	if st, ok := t.store.cached(q); ok {
		return t.tx.StmtContext(t.ctx, st).QueryContext(t.ctx, args...)
	}
	return t.tx.QueryContext(t.ctx, q, args...)
}

// put inserts or replaces a document; the original insertion order (seq) is
// kept so lists stay in creation order.
func (t *dbtx) put(kind, envID, parentID, id string, v any) error {
	doc, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s %s: %w", kind, id, err)
	}
	_, err = t.exec(`INSERT INTO objects(kind,id,env_id,parent_id,doc) VALUES (?,?,?,?,?)
		ON CONFLICT(kind,id) DO UPDATE SET doc=excluded.doc, parent_id=excluded.parent_id`,
		kind, id, envID, parentID, string(doc))
	if err != nil {
		return fmt.Errorf("store %s %s: %w", kind, id, err)
	}
	return nil
}

func (t *dbtx) del(kind, envID, id string) error {
	if _, err := t.exec(`DELETE FROM objects WHERE kind=? AND env_id=? AND id=?`, kind, envID, id); err != nil {
		return fmt.Errorf("delete %s %s: %w", kind, id, err)
	}
	return nil
}

// getObj loads one document of an environment; errNoObject when absent.
func getObj[T any](t *dbtx, kind, envID, id string) (*T, error) {
	var doc string
	err := t.queryRow(`SELECT doc FROM objects WHERE kind=? AND env_id=? AND id=?`, kind, envID, id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoObject
	}
	if err != nil {
		return nil, fmt.Errorf("load %s %s: %w", kind, id, err)
	}
	v := new(T)
	if err := json.Unmarshal([]byte(doc), v); err != nil {
		return nil, fmt.Errorf("decode %s %s: %w", kind, id, err)
	}
	return v, nil
}

// listObj loads the documents of one kind in an environment, optionally
// restricted to a parent, in creation order.
func listObj[T any](t *dbtx, kind, envID, parentID string) ([]*T, error) {
	q := `SELECT doc FROM objects WHERE kind=? AND env_id=?`
	args := []any{kind, envID}
	if parentID != "" {
		q += ` AND parent_id=?`
		args = append(args, parentID)
	}
	rows, err := t.query(q+` ORDER BY seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", kind, err)
	}
	defer rows.Close()
	var out []*T
	for rows.Next() {
		var doc string
		if err := rows.Scan(&doc); err != nil {
			return nil, fmt.Errorf("list %s: %w", kind, err)
		}
		v := new(T)
		if err := json.Unmarshal([]byte(doc), v); err != nil {
			return nil, fmt.Errorf("list %s: decode: %w", kind, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// findEnvOf returns the environment holding an object of a kind, for
// callers (like the card CLI) that know an id but not its environment.
func findEnvOf(t *dbtx, kind, id string) (string, error) {
	var env string
	err := t.queryRow(`SELECT env_id FROM objects WHERE kind=? AND id=?`, kind, id).Scan(&env)
	if errors.Is(err, sql.ErrNoRows) {
		return "", errNoObject
	}
	return env, err
}
