package idm

import (
	"errors"
	"fmt"
	"strings"

	"github.com/journeyjs/journeyjs/bindings/openidm"
)

// ApplyPatch applies IDM patch operations to obj in order. It works on a
// copy: obj is unchanged when an operation fails, so a patch is all or
// nothing. The semantics are CREST's:
//
//   - add sets a single-valued field (creating parent objects) and appends
//     to an array field; field "/list/-" appends and "/list/2" inserts.
//   - remove deletes a field; with a value it removes only that value (or
//     those values) from an array, or the field when it holds that value.
//   - replace sets a field; a null or absent value removes it.
//   - increment adds a number to a numeric field.
//   - copy and move take the value at from and add it at field; move first
//     removes it from from.
func ApplyPatch(obj map[string]any, ops []openidm.PatchOperation) (map[string]any, error) {
	out := copyMap(obj)
	for i, op := range ops {
		if err := applyOne(out, op); err != nil {
			var e *openidm.Error
			if errors.As(err, &e) {
				return nil, openidm.Errorf(e.Code, "patch operation %d (%s %s): %s", i, op.Operation, op.Field, e.Message)
			}
			return nil, err
		}
	}
	return out, nil
}

var errNoPath = errors.New("no such field")

type editFn func(old any, exists bool) (v any, remove bool, err error)

func applyOne(root map[string]any, op openidm.PatchOperation) error {
	field := parsePointer(op.Field)
	if len(field) == 0 {
		return openidm.Errorf(openidm.CodeBadRequest, "a field is required")
	}
	if field[0] == "_id" {
		return openidm.Errorf(openidm.CodeBadRequest, "the _id field cannot be patched")
	}
	switch strings.ToLower(op.Operation) {
	case "add":
		if !op.HasValue {
			return openidm.Errorf(openidm.CodeBadRequest, "add needs a value")
		}
		return add(root, field, deepCopy(op.Value))
	case "replace":
		return edit(root, field, true, false, func(any, bool) (any, bool, error) {
			if !op.HasValue || op.Value == nil {
				return nil, true, nil
			}
			return deepCopy(op.Value), false, nil
		})
	case "remove":
		err := edit(root, field, false, false, func(old any, exists bool) (any, bool, error) {
			if !exists || !op.HasValue || op.Value == nil {
				return nil, true, nil
			}
			if arr, ok := old.([]any); ok {
				drop := []any{op.Value}
				if vs, ok := op.Value.([]any); ok {
					drop = vs
				}
				kept := make([]any, 0, len(arr))
				for _, e := range arr {
					if !containsJSON(drop, e) {
						kept = append(kept, e)
					}
				}
				return kept, false, nil
			}
			if jsonEqual(old, op.Value) {
				return nil, true, nil
			}
			return old, false, nil
		})
		if errors.Is(err, errNoPath) {
			return nil
		}
		return err
	case "increment":
		inc, ok := toFloat(op.Value)
		if !ok {
			return openidm.Errorf(openidm.CodeBadRequest, "increment needs a numeric value")
		}
		err := edit(root, field, false, false, func(old any, exists bool) (any, bool, error) {
			if !exists {
				return nil, false, errNoPath
			}
			n, ok := toFloat(old)
			if !ok {
				return nil, false, openidm.Errorf(openidm.CodeBadRequest, "the field is not a number")
			}
			a, aInt := old.(int64)
			b, bInt := op.Value.(int64)
			if aInt && bInt {
				return a + b, false, nil
			}
			return n + inc, false, nil
		})
		if errors.Is(err, errNoPath) {
			return openidm.Errorf(openidm.CodeBadRequest, "the field does not exist")
		}
		return err
	case "copy", "move":
		from := parsePointer(op.From)
		if op.From == "" || len(from) == 0 {
			return openidm.Errorf(openidm.CodeBadRequest, "%s needs a from field", op.Operation)
		}
		v, ok := from.get(root)
		if !ok {
			return openidm.Errorf(openidm.CodeBadRequest, "the from field %s does not exist", from)
		}
		v = deepCopy(v)
		if strings.EqualFold(op.Operation, "move") {
			if from[0] == "_id" {
				return openidm.Errorf(openidm.CodeBadRequest, "the _id field cannot be moved")
			}
			if err := edit(root, from, false, false, func(any, bool) (any, bool, error) { return nil, true, nil }); err != nil {
				return err
			}
		}
		return add(root, field, v)
	case "":
		return openidm.Errorf(openidm.CodeBadRequest, "an operation is required")
	case "transform":
		return openidm.Errorf(openidm.CodeNotSupported, "the transform operation is not supported by journeyjs")
	}
	return openidm.Errorf(openidm.CodeBadRequest, "unknown operation %q: expected add, remove, replace, increment, copy or move", op.Operation)
}

func add(root map[string]any, field pointer, value any) error {
	return edit(root, field, true, true, func(old any, exists bool) (any, bool, error) {
		if arr, ok := old.([]any); ok && exists {
			if vs, ok := value.([]any); ok {
				return append(arr, vs...), false, nil
			}
			return append(arr, value), false, nil
		}
		return value, false, nil
	})
}

// edit replaces the value at toks under root with fn's answer. create makes
// missing parent objects; insert makes a final array index insert (and "-"
// append) rather than address an element.
func edit(root map[string]any, toks pointer, create, insert bool, fn editFn) error {
	_, err := editIn(root, toks, create, insert, fn)
	return err
}

func editIn(cur any, toks pointer, create, insert bool, fn editFn) (any, error) {
	tok, last := toks[0], len(toks) == 1
	switch c := cur.(type) {
	case map[string]any:
		old, ok := c[tok]
		if last {
			v, remove, err := fn(old, ok)
			if err != nil {
				return nil, err
			}
			if remove {
				delete(c, tok)
			} else {
				c[tok] = v
			}
			return c, nil
		}
		if !ok || old == nil {
			if !create {
				return nil, errNoPath
			}
			if toks[1] == "-" {
				old = []any{}
			} else {
				old = map[string]any{}
			}
		}
		v, err := editIn(old, toks[1:], create, insert, fn)
		if err != nil {
			return nil, err
		}
		c[tok] = v
		return c, nil
	case []any:
		if last {
			if tok == "-" {
				if !insert {
					return nil, openidm.Errorf(openidm.CodeBadRequest, `"-" (the end of an array) is only valid for add`)
				}
				v, _, err := fn(nil, false)
				if err != nil {
					return nil, err
				}
				return append(c, v), nil
			}
			if insert {
				i, ok := arrayIndex(tok, len(c)+1)
				if !ok {
					return nil, openidm.Errorf(openidm.CodeBadRequest, "index %q is outside the array (length %d)", tok, len(c))
				}
				v, _, err := fn(nil, false)
				if err != nil {
					return nil, err
				}
				c = append(c, nil)
				copy(c[i+1:], c[i:])
				c[i] = v
				return c, nil
			}
			i, ok := arrayIndex(tok, len(c))
			if !ok {
				return nil, errNoPath
			}
			v, remove, err := fn(c[i], true)
			if err != nil {
				return nil, err
			}
			if remove {
				return append(c[:i:i], c[i+1:]...), nil
			}
			c[i] = v
			return c, nil
		}
		i, ok := arrayIndex(tok, len(c))
		if !ok {
			return nil, errNoPath
		}
		v, err := editIn(c[i], toks[1:], create, insert, fn)
		if err != nil {
			return nil, err
		}
		c[i] = v
		return c, nil
	case nil:
		if !create {
			return nil, errNoPath
		}
		return editIn(map[string]any{}, toks, create, insert, fn)
	}
	return nil, openidm.Errorf(openidm.CodeBadRequest, "cannot reach %q inside a %s", tok, kindOf(cur))
}

func kindOf(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case bool:
		return "boolean"
	case nil:
		return "null"
	}
	if _, ok := toFloat(v); ok {
		return "number"
	}
	return fmt.Sprintf("%T", v)
}

func jsonEqual(a, b any) bool {
	if fa, ok := toFloat(a); ok {
		fb, ok := toFloat(b)
		return ok && fa == fb
	}
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !jsonEqual(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}

func containsJSON(list []any, v any) bool {
	for _, e := range list {
		if jsonEqual(e, v) {
			return true
		}
	}
	return false
}
