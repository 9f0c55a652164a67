package harness

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
)

// Normalize returns v as plain JSON values (map[string]any, []any, string,
// float64, bool, nil) by a JSON round trip, so values decoded from YAML (int)
// compare equal to values a script produced (int64, float64).
func Normalize(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return v
	}
	return out
}

// Mismatch is one place where an actual value differs from the expected one.
type Mismatch struct {
	// Path locates the value: "sharedState.user.name", "headers[1]".
	Path string
	// Problem says what is wrong: "expected 40, got 90", "missing".
	Problem string
}

func (m Mismatch) String() string { return m.Path + ": " + m.Problem }

// MatchSubset compares got against want as a subset: every key of a map in
// want must be in got's map with a matching value (got may have more keys);
// lists must match element by element and have the same length; other
// values must be equal (numbers by value). root names the top in paths. Both
// values are normalized first.
func MatchSubset(root string, want, got any) []Mismatch {
	var ms []Mismatch
	matchSubset(root, Normalize(want), Normalize(got), &ms)
	return ms
}

func matchSubset(path string, want, got any, ms *[]Mismatch) {
	wm, ok := want.(map[string]any)
	if !ok {
		if !reflect.DeepEqual(want, got) {
			*ms = append(*ms, Mismatch{path, fmt.Sprintf("expected %s, got %s", short(want), short(got))})
		}
		return
	}
	gm, ok := got.(map[string]any)
	if !ok {
		*ms = append(*ms, Mismatch{path, fmt.Sprintf("expected an object, got %s", short(got))})
		return
	}
	for _, k := range slices.Sorted(maps.Keys(wm)) {
		gv, present := gm[k]
		p := joinPath(path, k)
		if !present {
			*ms = append(*ms, Mismatch{p, "missing"})
			continue
		}
		matchSubset(p, wm[k], gv, ms)
	}
}

// Project returns got cut down to the shape of want: maps keep only the keys
// want has, so a diff of want against the projection shows only what the
// subset compares. Both are normalized.
func Project(want, got any) any {
	return project(Normalize(want), Normalize(got))
}

func project(want, got any) any {
	wm, ok := want.(map[string]any)
	if !ok {
		return got
	}
	gm, ok := got.(map[string]any)
	if !ok {
		return got
	}
	out := make(map[string]any, len(wm))
	for k, wv := range wm {
		if gv, ok := gm[k]; ok {
			out[k] = project(wv, gv)
		}
	}
	return out
}

var identRe = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

func joinPath(path, key string) string {
	if identRe.MatchString(key) {
		if path == "" {
			return key
		}
		return path + "." + key
	}
	return path + "[" + strconv.Quote(key) + "]"
}

// short prints a value compactly for messages, cut at 120 characters.
func short(v any) string {
	b, err := json.Marshal(v)
	s := string(b)
	if err != nil {
		s = fmt.Sprint(v)
	}
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}
