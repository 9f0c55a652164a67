package idm

import (
	"fmt"
	"sort"

	"gopkg.in/yaml.v3"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/openidm"
)

// Seed is the initial content of a local store, as the `idm:` section of a
// fixtures file gives it: collection path → objects.
//
//	idm:
//	  managed/alpha_user:
//	    - {_id: u1, userName: bjensen, mail: bjensen@example.com}
type Seed map[string][]map[string]any

// UnmarshalYAML decodes and checks a seed, reporting problems with their
// line (as yaml.TypeError lines, so fixtures reports them with the file).
func (s *Seed) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		*s = nil
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return lineError(n, "idm: expected a map of collection paths (managed/alpha_user) to lists of objects")
	}
	out := Seed{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		coll, err := openidm.CleanCollection(k.Value)
		if err != nil || k.Kind != yaml.ScalarNode {
			msg := "not a collection path"
			if e, ok := err.(*openidm.Error); ok {
				msg = e.Message
			}
			return lineError(k, "idm: %s", msg)
		}
		if _, dup := out[coll]; dup {
			return lineError(k, "idm: collection %s is listed twice", coll)
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			out[coll] = nil
			continue
		}
		if v.Kind != yaml.SequenceNode {
			return lineError(v, "idm: %s: expected a list of objects", coll)
		}
		ids := map[string]int{}
		objs := make([]map[string]any, 0, len(v.Content))
		for _, item := range v.Content {
			if item.Kind != yaml.MappingNode {
				return lineError(item, "idm: %s: each object must be a map of fields", coll)
			}
			var raw map[string]any
			if err := item.Decode(&raw); err != nil {
				return lineError(item, "idm: %s: %v", coll, err)
			}
			obj := jsvalue.NormalizeMap(raw)
			if obj == nil {
				obj = map[string]any{}
			}
			idNode := fieldNode(item, "_id")
			if idNode == nil {
				return lineError(item, "idm: %s: the object has no _id", coll)
			}
			id, ok := obj["_id"].(string)
			if !ok || id == "" {
				if idNode.Kind == yaml.ScalarNode && idNode.Value != "" && idNode.Tag != "!!null" {
					id, ok = idNode.Value, true
					obj["_id"] = id
				}
			}
			if !ok || id == "" {
				return lineError(idNode, "idm: %s: _id must be a non-empty string", coll)
			}
			if line, dup := ids[id]; dup {
				return lineError(idNode, "idm: %s: _id %q is used twice (first on line %d)", coll, id, line)
			}
			ids[id] = idNode.Line
			if r, ok := obj["_rev"]; ok && r != nil {
				obj["_rev"] = fmt.Sprint(r)
			}
			objs = append(objs, obj)
		}
		out[coll] = objs
	}
	*s = out
	return nil
}

func fieldNode(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func lineError(n *yaml.Node, format string, args ...any) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %s", n.Line, fmt.Sprintf(format, args...))}}
}

// loadSeed checks a seed built in Go (or decoded) and hands each object to
// put, as a fresh copy, collections in sorted order.
func loadSeed(seed Seed, put func(collection, id string, obj map[string]any) error) error {
	colls := make([]string, 0, len(seed))
	for c := range seed {
		colls = append(colls, c)
	}
	sort.Strings(colls)
	for _, c := range colls {
		coll, err := openidm.CleanCollection(c)
		if err != nil {
			return fmt.Errorf("idm seed: %w", err)
		}
		seen := map[string]bool{}
		for i, o := range seed[c] {
			obj := jsvalue.NormalizeMap(o)
			id, _ := obj["_id"].(string)
			if id == "" {
				return fmt.Errorf("idm seed: %s[%d]: _id must be a non-empty string", coll, i)
			}
			if seen[id] {
				return fmt.Errorf("idm seed: %s: _id %q is used twice", coll, id)
			}
			seen[id] = true
			// NormalizeMap built obj afresh: it is already put's private copy.
			if r, ok := obj["_rev"]; !ok || r == nil || r == "" {
				obj["_rev"] = "1"
			} else {
				obj["_rev"] = fmt.Sprint(r)
			}
			if err := put(coll, id, obj); err != nil {
				return err
			}
		}
	}
	return nil
}
