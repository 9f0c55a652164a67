package pingone

import (
	"context"
	"fmt"
)

// Find lists where text occurs in the stored state: "kind/id" for every
// resource document holding it and "outbox/id" for every recorded
// notification. Tests use it to prove that something (the ephemeral data
// of a credential, say) was never persisted.
func (s *Store) Find(ctx context.Context, text string) ([]string, error) {
	if text == "" {
		return nil, fmt.Errorf("find: empty text")
	}
	const q = `SELECT kind || '/' || id FROM objects WHERE instr(doc, ?1) > 0
		UNION ALL
		SELECT 'outbox/' || id FROM outbox WHERE instr(user_id || credential_id || event || method ||
			recipient || template_variant || template_locale, ?1) > 0`
	rows, err := s.db.QueryContext(ctx, q, text)
	if err != nil {
		return nil, fmt.Errorf("find: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var where string
		if err := rows.Scan(&where); err != nil {
			return nil, fmt.Errorf("find: %w", err)
		}
		out = append(out, where)
	}
	return out, rows.Err()
}
