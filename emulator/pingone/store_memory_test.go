package pingone

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSeqListKeepsSeqOrder checks the ordered index against a plain sorted
// slice through random inserts (new documents, and old ones coming back as
// a rollback or a parent change brings them) and removals, with enough of
// them for holes to be squeezed out along the way.
func TestSeqListKeepsSeqOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var l seqList
	var want []int64 // seqs in the list, sorted
	objs := map[int64]*memObject{}
	var next int64
	for step := range 6000 {
		switch r := rng.IntN(10); {
		case r < 4 || len(want) == 0: // a new document
			next++
			o := &memObject{seq: next}
			objs[next] = o
			l.insert(o)
			want = append(want, next)
		case r < 8: // a removal
			i := rng.IntN(len(want))
			l.remove(objs[want[i]])
			want = slices.Delete(want, i, i+1)
		default: // an old document back at its place
			seq := 1 + rng.Int64N(next)
			if _, in := slices.BinarySearch(want, seq); !in {
				l.insert(objs[seq])
				i, _ := slices.BinarySearch(want, seq)
				want = slices.Insert(want, i, seq)
			}
		}
		var got []int64
		l.each(func(o *memObject) bool { got = append(got, o.seq); return true })
		if !slices.Equal(got, want) {
			t.Fatalf("step %d: list %v, want %v", step, got, want)
		}
		if l.live != len(want) {
			t.Fatalf("step %d: live %d, want %d", step, l.live, len(want))
		}
		// Holes never outnumber the documents by much (as they would
		// without squeezing, with removals this frequent): a walk costs
		// about what it yields.
		if holes := len(l.entries) - l.live; holes > max(l.live, minHolesToCompact) {
			t.Fatalf("step %d: %d holes for %d documents", step, holes, l.live)
		}
	}
}

// TestMemoryListsCostWhatTheyList: a list of one parent's documents walks
// only those, however many others the environment holds, and removing
// most of a list leaves it short.
func TestMemoryListsCostWhatTheyList(t *testing.T) {
	s := openStore(t, memoryStore)
	b := s.b.(*memoryBackend)
	err := inStoreTx(t, s, func(tx storeTx) error {
		if err := tx.insertEnvironment(&Environment{ID: "env"}); err != nil {
			return err
		}
		for i := range 3000 {
			if err := tx.putDoc(kindUserCredential, "env", "alice", fmt.Sprint("a", i), []byte(`{}`)); err != nil {
				return err
			}
		}
		return tx.putDoc(kindUserCredential, "env", "bob", "b0", []byte(`{"bob":true}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, len(b.lists[scopeKey{kindUserCredential, "env", "bob"}].entries), 1, "entries walked for bob's credentials")
	err = inStoreTx(t, s, func(tx storeTx) error {
		for i := range 2900 {
			if err := tx.deleteDoc(kindUserCredential, "env", fmt.Sprint("a", i)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	alice := b.lists[scopeKey{kindUserCredential, "env", "alice"}]
	eq(t, alice.live, 100, "alice's credentials left")
	if len(alice.entries) > 2*alice.live+minHolesToCompact {
		t.Fatalf("%d entries walked for %d credentials", len(alice.entries), alice.live)
	}
	// Deleting every document of a parent drops its list.
	err = inStoreTx(t, s, func(tx storeTx) error { return tx.deleteDoc(kindUserCredential, "env", "b0") })
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := b.lists[scopeKey{kindUserCredential, "env", "bob"}]; ok {
		t.Fatal("an emptied list was kept")
	}
}

// TestMemoryRollbackRestoresPlaces: a rolled-back transaction that deleted
// most of a list (squeezing its holes out), replaced and moved documents
// gives every document back its place.
func TestMemoryRollbackRestoresPlaces(t *testing.T) {
	s := openStore(t, memoryStore)
	list := func(parent string) []string {
		var out []string
		err := inStoreTx(t, s, func(tx storeTx) error {
			var err error
			out, err = rawDocs(tx, kindWallet, "env", parent)
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
			if err := tx.putDoc(kindWallet, "env", fmt.Sprint("p", i%2), fmt.Sprint("w", i), fmt.Append(nil, i)); err != nil {
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
			if err := tx.deleteDoc(kindWallet, "env", fmt.Sprint("w", i)); err != nil {
				return err
			}
		}
		if err := tx.putDoc(kindWallet, "env", "p1", "w2", []byte(`"moved"`)); err != nil {
			return err
		}
		if err := tx.deleteChildren(kindWallet, "env", "p0"); err != nil {
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
	err = inStoreTx(t, s, func(tx storeTx) error { return tx.putDoc(kindWallet, "env", "p1", "w2", []byte(`"moved"`)) })
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
	if _, _, err := s.b.lookupToken(context.Background(), "t5"); err != errNoObject {
		t.Fatalf("expired token t5: %v", err)
	}
	if env, exp, err := s.b.lookupToken(context.Background(), "t6"); err != nil || env != "env" || exp != 60 {
		t.Fatalf("live token t6: %s %d %v", env, exp, err)
	}
	eq(t, len(b.tokenExpiries), 4, "expiry heap size")
}
