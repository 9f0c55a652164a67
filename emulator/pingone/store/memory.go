package store

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

// NewMemoryStore returns an empty Store kept in process memory: the same
// tables and rules as a SQLite store (see Open), without a database. It suits platforms that
// live and die with the process, such as test fixtures; its data is gone
// once it is closed or dropped. Like a SQLite store it runs one unit of
// work at a time, each all-or-nothing, and is safe for concurrent use.
func NewMemoryStore() *Store {
	return &Store{b: &memoryBackend{
		envs:      make(map[string]*memEnvironment),
		tokens:    make(map[string]memToken),
		docs:      make(map[docKey]*memObject),
		lists:     make(map[scopeKey][]*memObject),
		outbox:    make(map[string][]*memOutboxMessage),
		outboxIDs: make(map[string]bool),
	}}
}

// memoryBackend holds a memory store. mu is held from the beginning of a
// transaction to its end, and by every read outside one, as the single
// connection of a SQLite store serialises them.
type memoryBackend struct {
	mu     sync.Mutex
	closed bool

	envs     map[string]*memEnvironment
	envCount int64 // insertions so far: orders environments created at the same instant

	tokens map[string]memToken // by token hash

	docs  map[docKey]*memObject
	lists map[scopeKey][]*memObject // each scope's documents in seq order
	seq   int64                     // the last document seq handed out; never reused, like AUTOINCREMENT

	outbox      map[string][]*memOutboxMessage // by environment, in listing order
	outboxIDs   map[string]bool
	outboxCount int64 // insertions so far
}

// memEnvironment is a stored environment with its insertion number, which
// orders those created at the same instant.
type memEnvironment struct {
	env   Environment
	order int64
}

type memToken struct {
	envID     string
	expiresAt int64
}

// memOutboxMessage is a stored notification with its insertion number.
type memOutboxMessage struct {
	msg   model.OutboxMessage
	order int64
}

var errNoEnvironment = errors.New("no such environment")

func (b *memoryBackend) lock(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return errStoreClosed
	}
	return nil
}

func (b *memoryBackend) begin(ctx context.Context) (storeTx, error) {
	if err := b.lock(ctx); err != nil {
		return nil, err
	}
	return &memoryTx{b: b}, nil
}

func (b *memoryBackend) close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		b.envs, b.tokens, b.docs, b.lists, b.outbox, b.outboxIDs = nil, nil, nil, nil, nil, nil
	}
	return nil
}

func (b *memoryBackend) schemaVersion(context.Context) (int, error) { return len(migrations), nil }

func (b *memoryBackend) lookupToken(ctx context.Context, hash string) (string, int64, error) {
	if err := b.lock(ctx); err != nil {
		return "", 0, err
	}
	defer b.mu.Unlock()
	tok, ok := b.tokens[hash]
	if !ok {
		return "", 0, ErrNotFound
	}
	return tok.envID, tok.expiresAt, nil
}

func (b *memoryBackend) environments(ctx context.Context) ([]Environment, error) {
	if err := b.lock(ctx); err != nil {
		return nil, err
	}
	defer b.mu.Unlock()
	all := slices.SortedFunc(maps.Values(b.envs), func(a, b *memEnvironment) int {
		return cmp.Or(a.env.CreatedAt.Compare(b.env.CreatedAt), cmp.Compare(a.order, b.order))
	})
	var out []Environment
	for _, e := range all {
		out = append(out, e.env)
	}
	return out, nil
}

// find looks through the documents in seq order, then the notifications in
// insertion order, as the SQLite query's table scans do. A notification is
// searched as the concatenation of its text columns, as there.
func (b *memoryBackend) find(ctx context.Context, text string) ([]string, error) {
	if err := b.lock(ctx); err != nil {
		return nil, err
	}
	defer b.mu.Unlock()
	docs := slices.SortedFunc(maps.Values(b.docs), func(a, b *memObject) int { return cmp.Compare(a.seq, b.seq) })
	var out []string
	for _, o := range docs {
		if bytes.Contains(o.doc, []byte(text)) {
			out = append(out, o.kind+"/"+o.id)
		}
	}
	var msgs []*memOutboxMessage
	for _, list := range b.outbox {
		msgs = append(msgs, list...)
	}
	slices.SortFunc(msgs, func(a, b *memOutboxMessage) int { return cmp.Compare(a.order, b.order) })
	for _, s := range msgs {
		m := s.msg
		if strings.Contains(m.UserID+m.CredentialID+m.Event+m.Method+m.Recipient+m.TemplateVariant+m.TemplateLocale, text) {
			out = append(out, "outbox/"+m.ID)
		}
	}
	return out, nil
}

// memoryTx is a transaction of a memory store. Writes change the store in
// place, each noting in undo how to take it back; rollback runs those in
// reverse order, which restores every map and list exactly (a removed
// document even gets its old place back).
type memoryTx struct {
	b    *memoryBackend
	undo []func()
	done bool
}

var errTxDone = errors.New("transaction already committed or rolled back")

func (t *memoryTx) commit() error {
	if t.done {
		return errTxDone
	}
	t.done, t.undo = true, nil
	t.b.mu.Unlock()
	return nil
}

func (t *memoryTx) rollback() error {
	if t.done {
		return errTxDone
	}
	for i := len(t.undo) - 1; i >= 0; i-- {
		t.undo[i]()
	}
	t.done, t.undo = true, nil
	t.b.mu.Unlock()
	return nil
}

// onRollback notes how to undo a write that was just made.
func (t *memoryTx) onRollback(fn func()) { t.undo = append(t.undo, fn) }

// usable guards against use after the end, when the store is no longer
// locked for this transaction.
func (t *memoryTx) usable() error {
	if t.done {
		return errTxDone
	}
	return nil
}

func (t *memoryTx) environment(id string) (*Environment, error) {
	if err := t.usable(); err != nil {
		return nil, err
	}
	e, ok := t.b.envs[id]
	if !ok {
		return nil, ErrNotFound
	}
	env := e.env
	return &env, nil
}

// insertEnvironment keeps CreatedAt as SQLite would give it back: at
// millisecond precision, in UTC (model.NewTime).
func (t *memoryTx) insertEnvironment(e *Environment) error {
	if err := t.usable(); err != nil {
		return err
	}
	b := t.b
	if _, ok := b.envs[e.ID]; ok {
		return fmt.Errorf("environment %s already exists", e.ID)
	}
	stored := &memEnvironment{env: *e, order: b.envCount}
	stored.env.CreatedAt = model.NewTime(e.CreatedAt).Time
	b.envCount++
	b.envs[e.ID] = stored
	t.onRollback(func() { delete(b.envs, e.ID) })
	return nil
}

func (t *memoryTx) insertToken(hash, envID string, expiresAt int64) error {
	if err := t.usable(); err != nil {
		return err
	}
	b := t.b
	if _, ok := b.envs[envID]; !ok {
		return fmt.Errorf("token of environment %s: %w", envID, errNoEnvironment)
	}
	if _, ok := b.tokens[hash]; ok {
		return errors.New("token already exists")
	}
	b.tokens[hash] = memToken{envID: envID, expiresAt: expiresAt}
	t.onRollback(func() { delete(b.tokens, hash) })
	return nil
}

// pruneTokens drops the tokens that expired before the instant.
func (t *memoryTx) pruneTokens(before int64) error {
	if err := t.usable(); err != nil {
		return err
	}
	b := t.b
	for hash, tok := range b.tokens {
		if tok.expiresAt < before {
			delete(b.tokens, hash)
			t.onRollback(func() { b.tokens[hash] = tok })
		}
	}
	return nil
}

// insertOutbox places the message after those created at the same instant
// or earlier, so a list is already in (created, insertion) order.
func (t *memoryTx) insertOutbox(envID string, m *model.OutboxMessage) error {
	if err := t.usable(); err != nil {
		return err
	}
	b := t.b
	if _, ok := b.envs[envID]; !ok {
		return fmt.Errorf("notification of environment %s: %w", envID, errNoEnvironment)
	}
	if b.outboxIDs[m.ID] {
		return fmt.Errorf("notification %s already exists", m.ID)
	}
	s := &memOutboxMessage{msg: *m, order: b.outboxCount}
	// What a SQLite store gives back: millisecond precision, in UTC.
	s.msg.CreatedAt = model.NewTime(m.CreatedAt.Time)
	b.outboxCount++
	list := b.outbox[envID]
	i, _ := slices.BinarySearchFunc(list, s.msg.CreatedAt, func(e *memOutboxMessage, created model.Time) int {
		if e.msg.CreatedAt.Compare(created.Time) <= 0 {
			return -1
		}
		return 1
	})
	b.outbox[envID] = slices.Insert(list, i, s)
	b.outboxIDs[m.ID] = true
	t.onRollback(func() {
		list := b.outbox[envID]
		b.outbox[envID] = slices.DeleteFunc(list, func(e *memOutboxMessage) bool { return e == s })
		delete(b.outboxIDs, s.msg.ID)
	})
	return nil
}

func (t *memoryTx) outbox(envID string) ([]model.OutboxMessage, error) {
	if err := t.usable(); err != nil {
		return nil, err
	}
	list := t.b.outbox[envID]
	out := make([]model.OutboxMessage, 0, len(list))
	for _, s := range list {
		out = append(out, s.msg)
	}
	return out, nil
}
