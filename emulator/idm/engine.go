package idm

import (
	"context"
	"strconv"

	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/bindings/openidm"
)

// ActionHandler runs the actions a local store does not know itself (every
// action but external/email send and sendTemplate). Register one on Memory
// or SQLite to emulate custom endpoints or managed-object actions.
type ActionHandler interface {
	Action(ctx context.Context, resource, action string, content any, o openidm.Opts) (any, error)
}

// ActionFunc adapts a function to ActionHandler.
type ActionFunc func(ctx context.Context, resource, action string, content any, o openidm.Opts) (any, error)

// Action implements ActionHandler.
func (f ActionFunc) Action(ctx context.Context, resource, action string, content any, o openidm.Opts) (any, error) {
	return f(ctx, resource, action, content, o)
}

// EmailSent is what IDM answers to a successful external/email send.
func EmailSent() map[string]any { return map[string]any{"status": "OK", "message": "Email sent"} }

// tx is one transaction on a local store's objects. Objects go in and come
// out as private copies.
type tx interface {
	get(collection, id string) (map[string]any, bool, error)
	put(collection, id string, obj map[string]any) error
	del(collection, id string) error
	list(collection string) ([]map[string]any, error)
}

// engine is the CREST behaviour Memory and SQLite share: revisions, patch,
// query, projection, actions. run executes fn as one transaction.
type engine struct {
	run     func(ctx context.Context, fn func(tx) error) error
	newID   func() string
	actions func() ActionHandler
}

func (e *engine) id() string {
	if e.newID != nil {
		return e.newID()
	}
	return uuid.NewString()
}

func notFound(collection, id string) *openidm.Error {
	return openidm.Errorf(openidm.CodeNotFound, "Object %s not found in %s", id, collection)
}

func nextRev(obj map[string]any) string {
	n, _ := strconv.ParseInt(openidm.RevOf(obj), 10, 64)
	return strconv.FormatInt(n+1, 10)
}

func checkRev(obj map[string]any, rev, collection, id string) error {
	if rev == "" || rev == "*" {
		return nil
	}
	if cur := openidm.RevOf(obj); cur != rev {
		return openidm.Errorf(openidm.CodePreconditionFailed, "revision %q of %s/%s is stale: the current revision is %q", rev, collection, id, cur)
	}
	return nil
}

func (e *engine) Create(ctx context.Context, collection, id string, content map[string]any, o openidm.Opts) (map[string]any, error) {
	obj := copyMap(content)
	if id == "" {
		if s, ok := obj["_id"].(string); ok && s != "" {
			id = s
		} else {
			id = e.id()
		}
	}
	obj["_id"] = id
	obj["_rev"] = "1"
	err := e.run(ctx, func(t tx) error {
		if _, exists, err := t.get(collection, id); err != nil {
			return err
		} else if exists {
			return openidm.Errorf(openidm.CodePreconditionFailed, "an object with _id %q already exists in %s", id, collection)
		}
		return t.put(collection, id, obj)
	})
	return projected(obj, err, o.Fields)
}

func (e *engine) Read(ctx context.Context, collection, id string, o openidm.Opts) (map[string]any, error) {
	var obj map[string]any
	err := e.run(ctx, func(t tx) error {
		got, ok, err := t.get(collection, id)
		if err != nil {
			return err
		}
		if !ok {
			return notFound(collection, id)
		}
		obj = got
		return nil
	})
	return projected(obj, err, o.Fields)
}

// current reads an object that must exist and checks the caller's revision
// against it.
func current(t tx, collection, id, rev string) (map[string]any, error) {
	cur, ok, err := t.get(collection, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, notFound(collection, id)
	}
	if err := checkRev(cur, rev, collection, id); err != nil {
		return nil, err
	}
	return cur, nil
}

// write reads the current object, checks rev, and stores what change makes
// of it with the next revision.
func (e *engine) write(ctx context.Context, collection, id, rev string, change func(cur map[string]any) (map[string]any, error)) (map[string]any, error) {
	var obj map[string]any
	err := e.run(ctx, func(t tx) error {
		cur, err := current(t, collection, id, rev)
		if err != nil {
			return err
		}
		next, err := change(cur)
		if err != nil {
			return err
		}
		next["_id"] = id
		next["_rev"] = nextRev(cur)
		obj = next
		return t.put(collection, id, next)
	})
	return obj, err
}

func (e *engine) Update(ctx context.Context, collection, id, rev string, content map[string]any, o openidm.Opts) (map[string]any, error) {
	obj, err := e.write(ctx, collection, id, rev, func(map[string]any) (map[string]any, error) {
		return copyMap(content), nil
	})
	return projected(obj, err, o.Fields)
}

func (e *engine) Patch(ctx context.Context, collection, id, rev string, ops []openidm.PatchOperation, o openidm.Opts) (map[string]any, error) {
	obj, err := e.write(ctx, collection, id, rev, func(cur map[string]any) (map[string]any, error) {
		return ApplyPatch(cur, ops)
	})
	return projected(obj, err, o.Fields)
}

func (e *engine) Delete(ctx context.Context, collection, id, rev string, o openidm.Opts) (map[string]any, error) {
	var obj map[string]any
	err := e.run(ctx, func(t tx) error {
		cur, err := current(t, collection, id, rev)
		if err != nil {
			return err
		}
		obj = cur
		return t.del(collection, id)
	})
	return projected(obj, err, o.Fields)
}

func (e *engine) Query(ctx context.Context, collection string, q openidm.Query, o openidm.Opts) (*openidm.QueryResult, error) {
	var objs []map[string]any
	err := e.run(ctx, func(t tx) error {
		var err error
		objs, err = t.list(collection)
		return err
	})
	if err != nil {
		return nil, err
	}
	return RunQuery(objs, q, o.Fields)
}

func (e *engine) Action(ctx context.Context, resource, action string, content any, o openidm.Opts) (any, error) {
	if resource == openidm.EmailResource && (action == "send" || action == "sendTemplate") {
		return EmailSent(), nil
	}
	var h ActionHandler
	if e.actions != nil {
		h = e.actions()
	}
	if h == nil {
		return nil, openidm.Errorf(openidm.CodeNotSupported, "no handler for action %q on %s: journeyjs handles external/email send itself; register an idm.ActionHandler for others", action, resource)
	}
	return h.Action(ctx, resource, action, content, o)
}

// projected is a call's answer: obj projected on fields, unless it failed.
func projected(obj map[string]any, err error, fields []string) (map[string]any, error) {
	if err != nil {
		return nil, err
	}
	return Project(obj, fields), nil
}
