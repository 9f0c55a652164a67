package platform

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// docsJSON lists the documents of a kind in an environment as JSON text.
func docsJSON(tx *store.Tx, kind, envID string) ([]string, error) {
	docs, err := store.List[json.RawMessage](tx, kind, envID, "")
	var out []string
	for _, d := range docs {
		out = append(out, string(*d))
	}
	return out, err
}

// TestFailedRequestLeavesNoTrace: a request that writes and then fails
// leaves nothing behind, on either back end.
func TestFailedRequestLeavesNoTrace(t *testing.T) { forEachStore(t, testFailedRequestLeavesNoTrace) }

func testFailedRequestLeavesNoTrace(t *testing.T, kind storeKind) {
	h := newSeeded(t, kind)
	h.p.DrainChanges()
	// contents is what the request below may change.
	contents := func(tx *store.Tx) (string, error) {
		var all strings.Builder
		for _, kind := range []string{model.KindUser, model.KindUserCredential, model.KindProvisionedCredential, model.KindWallet} {
			docs, err := docsJSON(tx, kind, h.env)
			if err != nil {
				return "", err
			}
			fmt.Fprintln(&all, docs)
		}
		msgs, err := tx.Outbox(h.env)
		fmt.Fprint(&all, msgs)
		return all.String(), err
	}
	snap := func() string {
		var s string
		err := h.p.inTx(context.Background(), func(tx *store.Tx) error {
			var err error
			s, err = contents(tx)
			return err
		})
		if err != nil {
			t.Error(err) // not Fatal: it may run on another goroutine
		}
		return s
	}
	start := snap()
	boom := errors.New("boom")
	err := h.p.Run(context.Background(), h.env, func(o *Op) error {
		// Everything a credential issue writes, then a failure.
		u, err := o.GetUser(h.user("alice"))
		if err != nil {
			return err
		}
		ct, err := o.GetCredentialType(h.seed.CredentialTypes["Membership"])
		if err != nil {
			return err
		}
		if _, err := o.issueCredential(issueInput{user: u, ct: ct, notification: &model.Notification{Methods: []string{"EMAIL"}}}); err != nil {
			return err
		}
		u.Username = "changed"
		if err := o.tx.Put(model.KindUser, h.env, "", u.ID, u); err != nil {
			return err
		}
		wallets, err := store.List[model.DigitalWallet](o.tx, model.KindWallet, h.env, "")
		if err != nil || len(wallets) == 0 {
			return fmt.Errorf("wallets: %v, %w", wallets, err)
		}
		if err := o.tx.Del(model.KindWallet, h.env, wallets[0].ID); err != nil {
			return err
		}
		if now, err := contents(o.tx); err != nil || now == start {
			return fmt.Errorf("nothing was written (%v)", err)
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("run = %v", err)
	}
	if got := withinSeconds(t, 10, snap); got != start {
		t.Fatalf("a failed request left changes:\nbefore: %s\nafter:  %s", start, got)
	}
	eq(t, len(h.p.DrainChanges()), 0, "changes reported by a failed request")
}

// TestPanicRollsBackAndUnlocks: a unit of work that panics leaves no trace
// and does not leave the store locked.
func TestPanicRollsBackAndUnlocks(t *testing.T) { forEachStore(t, testPanicRollsBackAndUnlocks) }

func testPanicRollsBackAndUnlocks(t *testing.T, kind storeKind) {
	s := openStore(t, kind)
	p := NewPlatform(s, Options{})
	res, err := p.ApplySeed(context.Background(), &Seed{})
	if err != nil {
		t.Fatal(err)
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("no panic")
			}
		}()
		_ = p.Run(context.Background(), res.EnvironmentID, func(o *Op) error {
			if err := o.tx.Put(model.KindGroup, o.env.ID, "", "g1", &model.Group{ID: "g1"}); err != nil {
				return err
			}
			panic("boom")
		})
	}()
	err = withinSeconds(t, 10, func() error {
		return p.Run(context.Background(), res.EnvironmentID, func(o *Op) error {
			if _, err := store.Get[model.Group](o.tx, model.KindGroup, o.env.ID, "g1"); err != store.ErrNotFound {
				return fmt.Errorf("group after the panic: %v", err)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// withinSeconds returns what fn returns, failing the test if that takes
// longer than the limit (the store was left locked).
func withinSeconds[T any](t *testing.T, limit int, fn func() T) T {
	t.Helper()
	done := make(chan T, 1)
	go func() { done <- fn() }()
	select {
	case v := <-done:
		return v
	case <-time.After(time.Duration(limit) * time.Second):
		t.Fatal("the store stayed locked after a failed unit of work")
		panic("unreachable")
	}
}

// TestStoreIsolatesDocuments: changing what a read returned does not
// change the store.
func TestStoreIsolatesDocuments(t *testing.T) { forEachStore(t, testStoreIsolatesDocuments) }

func testStoreIsolatesDocuments(t *testing.T, kind storeKind) {
	h := newSeeded(t, kind)
	alice := h.user("alice")
	stored := func() *model.User {
		var u *model.User
		err := h.p.Run(context.Background(), h.env, func(o *Op) error {
			var err error
			u, err = o.GetUser(alice)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	population := stored().Population.ID
	err := h.p.Run(context.Background(), h.env, func(o *Op) error {
		u, err := o.GetUser(alice)
		if err != nil {
			return err
		}
		// Through a pointer the store might share, then the field itself.
		u.Population.ID = "stolen"
		u.Username, u.Name = "mallory", &model.UserName{Given: "Mallory"}
		all, err := o.ListUsers()
		if err != nil {
			return err
		}
		for _, u := range all {
			u.Population.ID = "stolen"
			u.Username = "mallory"
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := stored()
	eq(t, got.Username, "alice", "stored username")
	eq(t, got.Population.ID, population, "stored population, behind a pointer")
}

// TestStoreConcurrentUse: transactions and token checks from many
// goroutines (run it with -race); every committed write is there after.
func TestStoreConcurrentUse(t *testing.T) { forEachStore(t, testStoreConcurrentUse) }

func testStoreConcurrentUse(t *testing.T, kind storeKind) {
	h := newSeeded(t, kind)
	tok, err := h.p.IssueToken(context.Background(), h.env, h.seed.ClientID, h.seed.ClientSecret)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				id := fmt.Sprintf("g%d-%d", g, i)
				err := h.p.Run(context.Background(), h.env, func(o *Op) error {
					return o.tx.Put(model.KindGroup, o.env.ID, "", id, &model.Group{ID: id, Name: id})
				})
				if err != nil {
					t.Error(err)
				}
				if err := h.p.CheckToken(context.Background(), h.env, tok.AccessToken); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	err = h.p.Run(context.Background(), h.env, func(o *Op) error {
		groups, err := store.List[model.Group](o.tx, model.KindGroup, o.env.ID, "")
		if err != nil {
			return err
		}
		n := 0
		for _, g := range groups {
			if strings.HasPrefix(g.ID, "g") && strings.Contains(g.ID, "-") {
				n++
			}
		}
		if n != 8*20 {
			return fmt.Errorf("%d groups stored, want %d", n, 8*20)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestClosedStoreRefusesWork: after Close, nothing runs.
func TestClosedStoreRefusesWork(t *testing.T) { forEachStore(t, testClosedStoreRefusesWork) }

func testClosedStoreRefusesWork(t *testing.T, kind storeKind) {
	s := openStore(t, kind)
	p := NewPlatform(s, Options{})
	if _, err := p.ApplySeed(context.Background(), &Seed{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Environments(context.Background()); err == nil {
		t.Fatal("a closed store listed environments")
	}
	if _, err := p.ApplySeed(context.Background(), &Seed{}); err == nil {
		t.Fatal("a closed store took a seed")
	}
}
