package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

// TestMemoryRollbackRestoresPlaces: a rolled-back transaction that deleted
// most of a list (squeezing its holes out), replaced and moved documents
// gives every document back its place.
func TestMemoryRollbackRestoresPlaces(t *testing.T) {
	s := openStore(t, memoryStore)
	list := func(parent string) []string {
		var out []string
		err := inStoreTx(t, s, func(tx storeTx) error {
			var err error
			out, err = rawDocs(tx, model.KindWallet, "env", parent)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	err := inStoreTx(t, s, func(tx storeTx) error {
		if err := tx.insertEnvironment(&Environment{ID: "env"}); err != nil {
			return err
		}
		for i := range 200 {
			if err := tx.putDoc(model.KindWallet, "env", fmt.Sprint("p", i%2), fmt.Sprint("w", i), fmt.Append(nil, i)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	all, p0, p1 := list(""), list("p0"), list("p1")
	err = inStoreTx(t, s, func(tx storeTx) error {
		for i := 10; i < 190; i++ {
			if err := tx.deleteDoc(model.KindWallet, "env", fmt.Sprint("w", i)); err != nil {
				return err
			}
		}
		if err := tx.putDoc(model.KindWallet, "env", "p1", "w2", []byte(`"moved"`)); err != nil {
			return err
		}
		if err := tx.deleteChildren(model.KindWallet, "env", "p0"); err != nil {
			return err
		}
		return fmt.Errorf("roll back")
	})
	if err == nil {
		t.Fatal("no rollback")
	}
	if got := list(""); !slices.Equal(got, all) {
		t.Fatalf("after rollback: %v\nwant %v", got, all)
	}
	if !slices.Equal(list("p0"), p0) || !slices.Equal(list("p1"), p1) {
		t.Fatal("a parent's list changed after rollback")
	}
	// The same, committed: a moved document takes its place in the new
	// parent's list by insertion order, not at the end.
	err = inStoreTx(t, s, func(tx storeTx) error { return tx.putDoc(model.KindWallet, "env", "p1", "w2", []byte(`"moved"`)) })
	if err != nil {
		t.Fatal(err)
	}
	eq(t, fmt.Sprint(list("p1")[:3]), `[1 "moved" 3]`, "w2 among p1's wallets")
}

// TestMemoryStoreTokensPruned: expired tokens go on the next issue, live
// ones stay, a rollback brings pruned ones back.
func TestMemoryStoreTokensPruned(t *testing.T) {
	s := openStore(t, memoryStore)
	b := s.b.(*memoryBackend)
	err := inStoreTx(t, s, func(tx storeTx) error {
		if err := tx.insertEnvironment(&Environment{ID: "env"}); err != nil {
			return err
		}
		for i := range 10 {
			if err := tx.insertToken(fmt.Sprint("t", i), "env", int64(i*10)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = inStoreTx(t, s, func(tx storeTx) error {
		if err := tx.pruneTokens(55); err != nil {
			return err
		}
		eq(t, len(b.tokens), 4, "tokens left inside the transaction")
		return fmt.Errorf("roll back")
	})
	eq(t, len(b.tokens), 10, "tokens after rollback")
	if err := inStoreTx(t, s, func(tx storeTx) error { return tx.pruneTokens(55) }); err != nil {
		t.Fatal(err)
	}
	eq(t, len(b.tokens), 4, "tokens after prune")
	if _, _, err := s.b.lookupToken(context.Background(), "t5"); err != ErrNotFound {
		t.Fatalf("expired token t5: %v", err)
	}
	if env, exp, err := s.b.lookupToken(context.Background(), "t6"); err != nil || env != "env" || exp != 60 {
		t.Fatalf("live token t6: %s %d %v", env, exp, err)
	}
}
