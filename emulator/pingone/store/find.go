package store

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
	out, err := s.b.find(ctx, text)
	if err != nil {
		return nil, fmt.Errorf("find: %w", err)
	}
	return out, nil
}
