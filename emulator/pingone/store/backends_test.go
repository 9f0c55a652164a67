package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

// The tests here drive the back ends through the storeTx interface directly: the same
// script against SQLite and memory, which must give the same answers.

// inStoreTx runs fn in a transaction of s and commits, or rolls back when
// fn fails.
func inStoreTx(t *testing.T, s *Store, fn func(tx storeTx) error) error {
	t.Helper()
	tx, err := s.b.begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := fn(tx); err != nil {
		if rerr := tx.rollback(); rerr != nil {
			t.Fatal(rerr)
		}
		return err
	}
	return tx.commit()
}

// rawDocs lists documents as their JSON text.
func rawDocs(tx storeTx, kind, envID, parentID string) ([]string, error) {
	var out []string
	err := tx.eachDoc(kind, envID, parentID, func() any { return new(json.RawMessage) }, func(v any) error {
		out = append(out, string(*v.(*json.RawMessage)))
		return nil
	})
	return out, err
}

// storeWorld is the names the tests below use, so a snapshot can look at
// everything they may have written.
type storeWorld struct {
	envs, kinds, ids, parents, tokens []string
}

func newStoreWorld() *storeWorld {
	w := &storeWorld{kinds: []string{model.KindUser, model.KindWallet}, parents: []string{"", "p1", "p2"}}
	for i := range 12 {
		w.ids = append(w.ids, fmt.Sprintf("id%02d", i))
	}
	return w
}

// snapshot describes all a store shows of the world: every list (by
// Environment and by parent), every document, environment, token,
// username and notification, and what Find sees.
func (w *storeWorld) snapshot(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	envs, err := s.b.environments(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range envs {
		fmt.Fprintf(&b, "env %s %s %s\n", e.ID, e.Name, e.CreatedAt.Format(time.RFC3339Nano))
	}
	for _, h := range w.tokens {
		env, exp, err := s.b.lookupToken(context.Background(), h)
		fmt.Fprintf(&b, "token %s %s %d %v\n", h, env, exp, err)
	}
	err = inStoreTx(t, s, func(tx storeTx) error {
		for _, env := range w.envs {
			for _, kind := range w.kinds {
				for _, parent := range w.parents {
					docs, err := rawDocs(tx, kind, env, parent)
					if err != nil {
						return err
					}
					fmt.Fprintf(&b, "list %s %s %q: %v\n", env, kind, parent, docs)
					// The same read as another type.
					err = tx.eachDoc(kind, env, parent, func() any { return new(map[string]any) }, func(v any) error {
						fmt.Fprintf(&b, " %v", *v.(*map[string]any))
						return nil
					})
					if err != nil {
						return err
					}
					b.WriteString("\n")
				}
				for _, id := range w.ids {
					var doc json.RawMessage
					err := tx.getDoc(kind, env, id, &doc)
					fmt.Fprintf(&b, "get %s %s %s %s %v\n", env, kind, id, doc, err)
				}
			}
			var names []string // in no particular order
			if err := tx.eachUsername(env, func(id, name string) bool {
				names = append(names, id+"="+name)
				return true
			}); err != nil {
				return err
			}
			slices.Sort(names)
			fmt.Fprintf(&b, "usernames %s: %v", env, names)
			msgs, err := tx.outbox(env)
			if err != nil {
				return err
			}
			for _, m := range msgs {
				fmt.Fprintf(&b, "\noutbox %s %+v %s", env, m, m.CreatedAt.Location())
			}
			b.WriteString("\n")
		}
		for _, kind := range w.kinds {
			for _, id := range w.ids {
				env, err := tx.envOf(kind, id)
				fmt.Fprintf(&b, "envOf %s %s %s %v\n", kind, id, env, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{`"n":1`, "user", "p1", "EMAIL"} {
		found, err := s.Find(context.Background(), text)
		fmt.Fprintf(&b, "find %s %v %v\n", text, found, err)
	}
	return b.String()
}

// randomOp applies one random write and says what it did and whether it
// failed; the same rng state does the same thing to any back end.
func (w *storeWorld) randomOp(rng *rand.Rand, tx storeTx, n int) string {
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	// Now and then an environment that does not exist: both refuse it.
	env := func() string {
		if rng.IntN(8) == 0 {
			return "nowhere"
		}
		return pick(w.envs)
	}
	base := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	instant := func() time.Time { return base.Add(time.Duration(rng.IntN(4)) * time.Second) }
	var what string
	var err error
	switch rng.IntN(10) {
	case 0, 1, 2:
		kind, env, parent, id := pick(w.kinds), env(), pick(w.parents), pick(w.ids)
		doc := fmt.Sprintf(`{"n":%d,"username":"U%d"}`, n, n%3)
		what, err = "put "+kind+" "+env+" "+parent+" "+id, tx.putDoc(kind, env, parent, id, []byte(doc))
	case 3:
		kind, env, id := pick(w.kinds), pick(w.envs), pick(w.ids)
		what, err = "del "+kind+" "+env+" "+id, tx.deleteDoc(kind, env, id)
	case 4:
		kind, env, parent := pick(w.kinds), pick(w.envs), pick(w.parents)
		what, err = "delChildren "+kind+" "+env+" "+parent, tx.deleteChildren(kind, env, parent)
	case 5:
		h := fmt.Sprintf("tok%d", n)
		if rng.IntN(5) == 0 && len(w.tokens) > 0 {
			h = pick(w.tokens) // a duplicate: both must refuse it
		} else {
			w.tokens = append(w.tokens, h)
		}
		what, err = "token "+h, tx.insertToken(h, env(), int64(rng.IntN(100)))
	case 6:
		before := int64(rng.IntN(100))
		what, err = fmt.Sprint("prune ", before), tx.pruneTokens(before)
	case 7, 8:
		m := &model.OutboxMessage{ID: fmt.Sprintf("msg%d", n), UserID: pick(w.ids), CredentialID: "c", Event: "credential_issued",
			Method: "EMAIL", Recipient: "a@example.com", CreatedAt: model.NewTime(instant())}
		what, err = "outbox "+m.ID, tx.insertOutbox(env(), m)
	case 9:
		id := fmt.Sprintf("env%d", rng.IntN(len(w.envs)+2))
		e := &Environment{ID: id, Name: "n" + id, Region: "EU", ClientID: "c", ClientSecret: "s", CreatedAt: instant().Add(123456 * time.Nanosecond)}
		what, err = "env "+id, tx.insertEnvironment(e)
		if err == nil {
			w.envs = append(w.envs, id)
		}
	}
	return fmt.Sprintf("%s: failed=%v", what, err != nil)
}

// TestStoreBackendsAgree applies the same random transactions, committed
// or rolled back, to a SQLite and a memory store and compares everything
// they show after each one. SQLite is the reference: lists in insertion
// order, upserts keeping their place, unique keys, token pruning, outbox
// order, Find, and all-or-nothing transactions.
func TestStoreBackendsAgree(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			sqlite, memory := openStore(t, sqliteStore), openStore(t, memoryStore)
			worlds := map[*Store]*storeWorld{sqlite: newStoreWorld(), memory: newStoreWorld()}
			for _, s := range []*Store{sqlite, memory} {
				w := worlds[s]
				w.envs = []string{"env0", "env1"}
				err := inStoreTx(t, s, func(tx storeTx) error {
					for i, id := range w.envs {
						e := &Environment{ID: id, Region: "NA", ClientID: "c", ClientSecret: "s", CreatedAt: time.Date(2030, 1, 1, 0, 0, i, 0, time.UTC)}
						if err := tx.insertEnvironment(e); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			rollbacks := 0
			for round := range 30 {
				var logs [2]string
				var snaps [2]string
				commit := rand.New(rand.NewPCG(seed, uint64(round))).IntN(3) > 0
				for i, s := range []*Store{sqlite, memory} {
					w := worlds[s]
					envsBefore := len(w.envs)
					rng := rand.New(rand.NewPCG(seed, uint64(round)+1000))
					err := inStoreTx(t, s, func(tx storeTx) error {
						for n := range 1 + rng.IntN(8) {
							logs[i] += w.randomOp(rng, tx, round*100+n) + "\n"
						}
						if !commit {
							return errors.New("roll back")
						}
						return nil
					})
					if commit && err != nil {
						t.Fatal(err)
					}
					if !commit {
						// Its environments are gone (later writes must not
						// use them); its tokens are still looked for.
						w.envs = w.envs[:envsBefore]
					}
					snaps[i] = w.snapshot(t, s)
				}
				if !commit {
					rollbacks++
				}
				if logs[0] != logs[1] {
					t.Fatalf("round %d: the back ends answered the writes differently:\nsqlite:\n%s\nmemory:\n%s", round, logs[0], logs[1])
				}
				if snaps[0] != snaps[1] {
					t.Fatalf("round %d (commit=%v) after\n%s\nthe back ends differ:\n%s", round, commit, logs[0], firstDiff(snaps[0], snaps[1]))
				}
			}
			if rollbacks == 0 {
				t.Fatal("no transaction was rolled back")
			}
		})
	}
}

// firstDiff shows the first differing line of two snapshots.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d\nsqlite: %s\nmemory: %s", i+1, x, y)
		}
	}
	return "(same)"
}
