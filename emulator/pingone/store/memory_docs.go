package store

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

// memObject is a stored document: a row of the SQLite objects table. doc
// holds encoded JSON; every read decodes it again, so what a reader gets
// shares nothing with the store.
type memObject struct {
	seq    int64
	kind   string
	id     string
	envID  string
	parent string
	doc    []byte
}

// decodeInto fills v, a pointer to a zero value, with the document.
func (o *memObject) decodeInto(v any) error {
	if err := json.Unmarshal(o.doc, v); err != nil {
		return fmt.Errorf("decode: %w", err) // the caller names the document
	}
	return nil
}

// docKey is the unique key of a document.
type docKey struct{ kind, id string }

// scopeKey names a list: the documents of a kind in an environment when
// parent is empty, else only those with that parent.
type scopeKey struct{ kind, envID, parent string }

// index adds o to the lists of its scopes.
func (b *memoryBackend) index(o *memObject) {
	b.listInsert(scopeKey{o.kind, o.envID, ""}, o)
	if o.parent != "" {
		b.listInsert(scopeKey{o.kind, o.envID, o.parent}, o)
	}
}

// unindex takes o out of the lists of its scopes.
func (b *memoryBackend) unindex(o *memObject) {
	b.listRemove(scopeKey{o.kind, o.envID, ""}, o)
	if o.parent != "" {
		b.listRemove(scopeKey{o.kind, o.envID, o.parent}, o)
	}
}

// listInsert puts o in a scope's list at its seq's place: at the end for
// a new document, in the middle when a removal is undone or a document
// moves to another parent.
func (b *memoryBackend) listInsert(k scopeKey, o *memObject) {
	l := b.lists[k]
	i, found := slices.BinarySearchFunc(l, o.seq, func(e *memObject, seq int64) int { return cmp.Compare(e.seq, seq) })
	if !found {
		b.lists[k] = slices.Insert(l, i, o)
	}
}

// listRemove takes o out of a scope's list, dropping an emptied list so
// that short-lived parents leave nothing behind.
func (b *memoryBackend) listRemove(k scopeKey, o *memObject) {
	l := slices.DeleteFunc(b.lists[k], func(e *memObject) bool { return e == o })
	if len(l) == 0 {
		delete(b.lists, k)
	} else {
		b.lists[k] = l
	}
}

// reparent moves o to another parent's list, at its seq's place.
func (b *memoryBackend) reparent(o *memObject, parent string) {
	if o.parent != "" {
		b.listRemove(scopeKey{o.kind, o.envID, o.parent}, o)
	}
	o.parent = parent
	if parent != "" {
		b.listInsert(scopeKey{o.kind, o.envID, parent}, o)
	}
}

// putDoc keeps doc (the caller hands it over). Like the SQLite upsert, a
// replaced document keeps its seq and environment and takes the new parent.
func (t *memoryTx) putDoc(kind, envID, parentID, id string, doc []byte) error {
	if err := t.usable(); err != nil {
		return err
	}
	b := t.b
	if o, ok := b.docs[docKey{kind, id}]; ok {
		oldDoc, oldParent := o.doc, o.parent
		o.doc = doc
		if parentID != oldParent {
			b.reparent(o, parentID)
		}
		t.onRollback(func() {
			if o.parent != oldParent {
				b.reparent(o, oldParent)
			}
			o.doc = oldDoc
		})
		return nil
	}
	if _, ok := b.envs[envID]; !ok {
		return fmt.Errorf("%s %s: %w", kind, id, errNoEnvironment)
	}
	b.seq++
	o := &memObject{seq: b.seq, kind: kind, id: id, envID: envID, parent: parentID, doc: doc}
	b.docs[docKey{kind, id}] = o
	b.index(o)
	t.onRollback(func() { t.b.drop(o) })
	return nil
}

// drop removes a document from the map and its lists.
func (b *memoryBackend) drop(o *memObject) {
	delete(b.docs, docKey{o.kind, o.id})
	b.unindex(o)
}

// restore puts a dropped document back, at its old place.
func (b *memoryBackend) restore(o *memObject) {
	b.docs[docKey{o.kind, o.id}] = o
	b.index(o)
}

func (t *memoryTx) deleteDoc(kind, envID, id string) error {
	if err := t.usable(); err != nil {
		return err
	}
	if o, ok := t.b.docs[docKey{kind, id}]; ok && o.envID == envID {
		t.deleteObject(o)
	}
	return nil
}

func (t *memoryTx) deleteObject(o *memObject) {
	t.b.drop(o)
	t.onRollback(func() { t.b.restore(o) })
}

func (t *memoryTx) deleteChildren(kind, envID, parentID string) error {
	var doomed []*memObject
	err := t.eachObject(kind, envID, parentID, func(o *memObject) error {
		// The list of an empty parent is every document of the kind; only
		// the parentless ones match parent_id=''.
		if o.parent == parentID {
			doomed = append(doomed, o)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, o := range doomed {
		t.deleteObject(o)
	}
	return nil
}

// object is the stored document kind/id of environment envID.
func (t *memoryTx) object(kind, envID, id string) (*memObject, error) {
	if err := t.usable(); err != nil {
		return nil, err
	}
	o, ok := t.b.docs[docKey{kind, id}]
	if !ok || o.envID != envID {
		return nil, ErrNotFound
	}
	return o, nil
}

// eachObject calls fn with each document of a scope, in order, until fn
// fails.
func (t *memoryTx) eachObject(kind, envID, parentID string, fn func(o *memObject) error) error {
	if err := t.usable(); err != nil {
		return err
	}
	// A copy of the list: fn may add or remove documents.
	for _, o := range slices.Clone(t.b.lists[scopeKey{kind, envID, parentID}]) {
		if err := fn(o); err != nil {
			return err
		}
	}
	return nil
}

func (t *memoryTx) getDoc(kind, envID, id string, v any) error {
	o, err := t.object(kind, envID, id)
	if err != nil {
		return err
	}
	return o.decodeInto(v)
}

func (t *memoryTx) eachDoc(kind, envID, parentID string, newValue func() any, fn func(v any) error) error {
	return t.eachObject(kind, envID, parentID, func(o *memObject) error {
		v := newValue()
		if err := o.decodeInto(v); err != nil {
			return err
		}
		return fn(v)
	})
}

func (t *memoryTx) envOf(kind, id string) (string, error) {
	if err := t.usable(); err != nil {
		return "", err
	}
	o, ok := t.b.docs[docKey{kind, id}]
	if !ok {
		return "", ErrNotFound
	}
	return o.envID, nil
}

// eachUsername gives fn the username of each user document, until fn
// says stop.
func (t *memoryTx) eachUsername(envID string, fn func(id, username string) bool) error {
	err := t.eachObject(model.KindUser, envID, "", func(o *memObject) error {
		name, err := o.username()
		if err != nil {
			return fmt.Errorf("user %s: %w", o.id, err)
		}
		if !fn(o.id, name) {
			return errStopWalk
		}
		return nil
	})
	if err == errStopWalk {
		return nil
	}
	return err
}

// errStopWalk ends an eachObject walk early; it is not a failure.
var errStopWalk = errors.New("stop")

// username is a user document's username.
func (o *memObject) username() (string, error) {
	var u struct {
		Username string `json:"username"`
	}
	err := json.Unmarshal(o.doc, &u)
	return u.Username, err
}
