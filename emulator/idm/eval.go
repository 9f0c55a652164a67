package idm

import (
	"strconv"
	"strings"
)

// The filter AST and its evaluator. A comparison holds when any value its
// pointer reaches holds (pointer.values fans out over arrays). Strings compare
// without regard to case, as the directory behind AIC's managed objects
// compares them; numbers compare numerically whatever their Go type.

type andFilter []Filter

func (f andFilter) Match(obj map[string]any) bool {
	for _, t := range f {
		if !t.Match(obj) {
			return false
		}
	}
	return true
}

func (f andFilter) String() string { return joinFilters([]Filter(f), " and ") }

type orFilter []Filter

func (f orFilter) Match(obj map[string]any) bool {
	for _, t := range f {
		if t.Match(obj) {
			return true
		}
	}
	return false
}

func (f orFilter) String() string { return joinFilters([]Filter(f), " or ") }

func joinFilters(fs []Filter, sep string) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.String()
	}
	return "(" + strings.Join(parts, sep) + ")"
}

type notFilter struct{ f Filter }

func (f notFilter) Match(obj map[string]any) bool { return !f.f.Match(obj) }

func (f notFilter) String() string {
	s := f.f.String()
	if !strings.HasPrefix(s, "(") {
		s = "(" + s + ")"
	}
	return "!" + s
}

type literalFilter bool

func (f literalFilter) Match(map[string]any) bool { return bool(f) }

func (f literalFilter) String() string { return strconv.FormatBool(bool(f)) }

type presentFilter struct{ field pointer }

func (f presentFilter) Match(obj map[string]any) bool {
	for _, v := range f.field.values(obj, nil) {
		if v != nil {
			return true
		}
	}
	return false
}

func (f presentFilter) String() string { return f.field.String() + " pr" }

type cmpFilter struct {
	field pointer
	op    string
	value any
}

func (f cmpFilter) String() string {
	return f.field.String() + " " + f.op + " " + literalText(f.value)
}

func literalText(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return "null"
}

func (f cmpFilter) Match(obj map[string]any) bool {
	for _, v := range f.field.values(obj, nil) {
		if f.test(v) {
			return true
		}
	}
	return false
}

func (f cmpFilter) test(v any) bool {
	if v == nil {
		return false
	}
	switch f.op {
	case "co", "sw":
		s, ok1 := v.(string)
		a, ok2 := f.value.(string)
		if !ok1 || !ok2 {
			c, ok := compareScalars(v, f.value)
			return ok && c == 0
		}
		s, a = strings.ToLower(s), strings.ToLower(a)
		if f.op == "co" {
			return strings.Contains(s, a)
		}
		return strings.HasPrefix(s, a)
	}
	c, ok := compareScalars(v, f.value)
	if !ok {
		return false
	}
	switch f.op {
	case "eq":
		return c == 0
	case "gt":
		return c > 0
	case "ge":
		return c >= 0
	case "lt":
		return c < 0
	case "le":
		return c <= 0
	}
	return false
}

// complexFilter is Pointer[Expr]: the sub-filter must hold for some object
// element of the array (or the object) at the pointer.
type complexFilter struct {
	field pointer
	sub   Filter
}

func (f complexFilter) Match(obj map[string]any) bool {
	for _, v := range f.field.values(obj, nil) {
		if m, ok := v.(map[string]any); ok && f.sub.Match(m) {
			return true
		}
	}
	return false
}

func (f complexFilter) String() string { return f.field.String() + "[" + f.sub.String() + "]" }

func toFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int32:
		return float64(n), true
	case float32:
		return float64(n), true
	case uint64:
		return float64(n), true
	}
	return 0, false
}

// compareScalars orders two scalars of the same kind; ok is false when they
// cannot be compared (different kinds, objects, arrays).
func compareScalars(a, b any) (int, bool) {
	if fa, ok := toFloat(a); ok {
		fb, ok := toFloat(b)
		if !ok {
			return 0, false
		}
		switch {
		case fa < fb:
			return -1, true
		case fa > fb:
			return 1, true
		}
		return 0, true
	}
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		if !ok {
			return 0, false
		}
		return strings.Compare(strings.ToLower(x), strings.ToLower(y)), true
	case bool:
		y, ok := b.(bool)
		if !ok {
			return 0, false
		}
		switch {
		case x == y:
			return 0, true
		case !x:
			return -1, true
		}
		return 1, true
	}
	return 0, false
}

// sortRank orders values of different kinds: booleans, numbers, strings,
// then anything else. Missing values rank above everything, so they come
// last in ascending order and first in descending order, as a directory's
// server-side sort puts them.
func sortRank(v any, present bool) int {
	if !present || v == nil {
		return 4
	}
	if _, ok := toFloat(v); ok {
		return 1
	}
	switch v.(type) {
	case bool:
		return 0
	case string:
		return 2
	}
	return 3
}

func compareForSort(a any, aok bool, b any, bok bool) int {
	ra, rb := sortRank(a, aok), sortRank(b, bok)
	if ra != rb {
		return ra - rb
	}
	if c, ok := compareScalars(a, b); ok {
		return c
	}
	return 0
}
