package pingone

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// memObject is a stored document: a row of the SQLite objects table. doc
// holds encoded JSON; readers get their own copy of what it decodes to, or,
// through view, a shared value they only read.
type memObject struct {
	seq    int64
	kind   string
	id     string
	envID  string
	parent string
	doc    []byte
	// decoded holds what doc decoded to, by type (a document is read as
	// one or two types): a deep copy of it is several times cheaper than
	// decoding again. Readers get copies of it, or with view the value
	// itself, which they only read; a new doc clears it.
	decoded []reflect.Value
}

// decodedCheck, when set (by the tests), is shown each kept value before it
// is handed out or copied, with its document, so that every test checks
// that nobody changed a value it was lent.
var decodedCheck func(doc []byte, v reflect.Value)

// cached is the kept value of type typ, if there is one.
func (o *memObject) cached(typ reflect.Type) (reflect.Value, bool) {
	for _, d := range o.decoded {
		if d.Type() == typ {
			if decodedCheck != nil {
				decodedCheck(o.doc, d)
			}
			return d, true
		}
	}
	return reflect.Value{}, false
}

// maxDecodedTypes bounds the decoded values kept per document.
const maxDecodedTypes = 2

// decodeInto fills v, a pointer to a zero value, with the document.
func (o *memObject) decodeInto(v any) error {
	rv := reflect.ValueOf(v)
	if d, ok := o.cached(rv.Type()); ok {
		cloneInto(rv.Elem(), d.Elem())
		return nil
	}
	if err := json.Unmarshal(o.doc, v); err != nil {
		return fmt.Errorf("decode: %w", err) // the caller names the document
	}
	if cloneable(rv.Type()) { // v is a pointer: Unmarshal refuses anything else
		o.keepDecoded(cloneValue(rv))
	}
	return nil
}

// view returns the document decoded as typ, a pointer type, without the
// copy decodeInto makes: the value it copies from when there is one, else
// a new decode, then kept as that value. Callers only read it (see
// viewObj); so does every other holder, which is why it can be shared.
func (o *memObject) view(typ reflect.Type) (reflect.Value, error) {
	if d, ok := o.cached(typ); ok {
		return d, nil
	}
	v := reflect.New(typ.Elem())
	if err := json.Unmarshal(o.doc, v.Interface()); err != nil {
		return reflect.Value{}, fmt.Errorf("decode: %w", err) // the caller names the document
	}
	if cloneable(typ) {
		o.keepDecoded(v)
	}
	return v, nil
}

// keepDecoded adds a decoded value, dropping the oldest beyond the bound.
func (o *memObject) keepDecoded(v reflect.Value) {
	if len(o.decoded) == maxDecodedTypes {
		o.decoded = o.decoded[1:]
	}
	o.decoded = append(o.decoded, v)
}

// setDoc replaces the document, and with it what it decoded to.
func (o *memObject) setDoc(doc []byte, decoded []reflect.Value) {
	o.doc, o.decoded = doc, decoded
}

// docKey is the unique key of a document.
type docKey struct{ kind, id string }

// scopeKey names a seqList: the documents of a kind in an environment when
// parent is empty, else only those with that parent.
type scopeKey struct{ kind, envID, parent string }

// index adds o to the lists of its scopes.
func (b *memoryBackend) index(o *memObject) {
	b.list(scopeKey{o.kind, o.envID, ""}).insert(o)
	if o.parent != "" {
		b.list(scopeKey{o.kind, o.envID, o.parent}).insert(o)
	}
}

// unindex takes o out of the lists of its scopes, dropping emptied lists
// so that short-lived parents leave nothing behind.
func (b *memoryBackend) unindex(o *memObject) {
	b.unlist(scopeKey{o.kind, o.envID, ""}, o)
	if o.parent != "" {
		b.unlist(scopeKey{o.kind, o.envID, o.parent}, o)
	}
}

func (b *memoryBackend) list(k scopeKey) *seqList {
	l, ok := b.lists[k]
	if !ok {
		l = &seqList{}
		b.lists[k] = l
	}
	return l
}

func (b *memoryBackend) unlist(k scopeKey, o *memObject) {
	if l, ok := b.lists[k]; ok {
		l.remove(o)
		if l.live == 0 {
			delete(b.lists, k)
		}
	}
}

// reparent moves o to another parent's list, at its seq's place.
func (b *memoryBackend) reparent(o *memObject, parent string) {
	if o.parent != "" {
		b.unlist(scopeKey{o.kind, o.envID, o.parent}, o)
	}
	o.parent = parent
	if parent != "" {
		b.list(scopeKey{o.kind, o.envID, parent}).insert(o)
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
		oldDoc, oldDecoded, oldParent := o.doc, o.decoded, o.parent
		o.setDoc(doc, nil)
		if parentID != oldParent {
			b.reparent(o, parentID)
		}
		t.onRollback(func() {
			if o.parent != oldParent {
				b.reparent(o, oldParent)
			}
			o.setDoc(oldDoc, oldDecoded)
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
		return nil, errNoObject
	}
	return o, nil
}

// eachObject calls fn with each document of a scope, in order, until fn
// fails.
func (t *memoryTx) eachObject(kind, envID, parentID string, fn func(o *memObject) error) error {
	if err := t.usable(); err != nil {
		return err
	}
	l, ok := t.b.lists[scopeKey{kind, envID, parentID}]
	if !ok {
		return nil
	}
	var err error
	l.each(func(o *memObject) bool {
		err = fn(o)
		return err == nil
	})
	return err
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

// viewDoc is getDoc for a reader: see viewObj.
func (t *memoryTx) viewDoc(kind, envID, id string, typ reflect.Type) (any, error) {
	o, err := t.object(kind, envID, id)
	if err != nil {
		return nil, err
	}
	v, err := o.view(typ)
	if err != nil {
		return nil, err
	}
	return v.Interface(), nil
}

// eachDocView is eachDoc for a reader: see viewObjs.
func (t *memoryTx) eachDocView(kind, envID, parentID string, typ reflect.Type, fn func(v any) error) error {
	return t.eachObject(kind, envID, parentID, func(o *memObject) error {
		v, err := o.view(typ)
		if err != nil {
			return err
		}
		return fn(v.Interface())
	})
}

func (t *memoryTx) envOf(kind, id string) (string, error) {
	if err := t.usable(); err != nil {
		return "", err
	}
	o, ok := t.b.docs[docKey{kind, id}]
	if !ok {
		return "", errNoObject
	}
	return o.envID, nil
}

// eachUsername gives fn the username of each user document, until fn
// says stop.
func (t *memoryTx) eachUsername(envID string, fn func(id, username string) bool) error {
	err := t.eachObject(kindUser, envID, "", func(o *memObject) error {
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

// username is a user document's username: from the User it decoded to,
// kept, or else by decoding that field alone.
func (o *memObject) username() (string, error) {
	if d, ok := o.cached(reflect.TypeFor[*User]()); ok {
		return d.Interface().(*User).Username, nil
	}
	var u struct {
		Username string `json:"username"`
	}
	err := json.Unmarshal(o.doc, &u)
	return u.Username, err
}
