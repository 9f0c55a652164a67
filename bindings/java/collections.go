package java

import (
	"slices"
	"sort"

	"github.com/dop251/goja"
)

// list is a java.util.ArrayList or LinkedList (or an unmodifiable list of
// Collections).
type list struct {
	cls      string
	items    []any
	readOnly bool
	js       *goja.Object // its JavaScript object, once made
}

// setKind is how a set orders its elements.
type setKind int

const (
	hashOrder      setKind = iota // HashSet: Java's HashMap bucket order
	insertionOrder                // LinkedHashSet (and Collections' sets)
	sortedOrder                   // TreeSet: natural order
)

// set is a java.util.HashSet, LinkedHashSet or TreeSet. items are kept in
// insertion order (sorted for a TreeSet); ordered gives iteration order.
type set struct {
	cls      string
	kind     setKind
	items    []any
	capacity int // a HashSet's table size: it never shrinks
	readOnly bool
	js       *goja.Object
}

// jmap is one of Collections' read-only maps (emptyMap, singletonMap).
type jmap struct {
	cls  string
	keys []any
	vals []any
	js   *goja.Object
}

func (l *list) indexOf(x any) int {
	for i, e := range l.items {
		if javaEquals(x, e) {
			return i
		}
	}
	return -1
}

func (s *set) indexOf(x any) int {
	for i, e := range s.items {
		if javaEquals(x, e) {
			return i
		}
	}
	return -1
}

func (m *jmap) indexOf(k any) int {
	for i, e := range m.keys {
		if javaEquals(k, e) {
			return i
		}
	}
	return -1
}

// add adds x unless the set has it; it reports whether it did.
func (s *set) add(x any) (bool, *javaError) {
	if s.kind == sortedOrder {
		// TreeMap.put compares even the first key with itself.
		if len(s.items) == 0 {
			if _, err := javaCompare(x, x); err != nil {
				return false, err
			}
		}
		i, found, err := s.search(x)
		if err != nil || found {
			return false, err
		}
		s.items = slices.Insert(s.items, i, x)
		return true, nil
	}
	if s.indexOf(x) >= 0 {
		return false, nil
	}
	s.items = append(s.items, x)
	if s.kind == hashOrder {
		if s.capacity == 0 {
			s.capacity = 16
		}
		// HashMap doubles its table once it holds more than ¾ of it.
		for len(s.items) > s.capacity*3/4 {
			s.capacity *= 2
		}
	}
	return true, nil
}

// search finds x in a TreeSet by binary search.
func (s *set) search(x any) (int, bool, *javaError) {
	lo, hi := 0, len(s.items)
	for lo < hi {
		mid := (lo + hi) / 2
		c, err := javaCompare(x, s.items[mid])
		if err != nil {
			return 0, false, err
		}
		switch {
		case c == 0:
			return mid, true, nil
		case c < 0:
			hi = mid
		default:
			lo = mid + 1
		}
	}
	return lo, false, nil
}

func (s *set) find(x any) (int, *javaError) {
	if s.kind == sortedOrder {
		if len(s.items) == 0 {
			return -1, nil
		}
		i, found, err := s.search(x)
		if !found {
			i = -1
		}
		return i, err
	}
	return s.indexOf(x), nil
}

func (s *set) remove(x any) (bool, *javaError) {
	i, err := s.find(x)
	if err != nil || i < 0 {
		return false, err
	}
	s.items = slices.Delete(s.items, i, i+1)
	return true, nil
}

// ordered is the set's iteration order. A HashSet iterates its table's
// buckets in turn, a bucket's entries in the order they were added: the
// entries sorted stably by bucket, (h ^ h>>>16) & (capacity-1).
func (s *set) ordered() []any {
	if s.kind != hashOrder || len(s.items) < 2 {
		return s.items
	}
	out := slices.Clone(s.items)
	mask := uint32(s.capacity - 1)
	bucket := func(x any) uint32 {
		h := uint32(javaHash(x))
		return (h ^ h>>16) & mask
	}
	sort.SliceStable(out, func(i, j int) bool { return bucket(out[i]) < bucket(out[j]) })
	return out
}

// newHashSet is a HashSet sized for n elements, as HashSet(Collection)
// sizes it.
func newHashSet(n int) *set {
	s := &set{cls: "java.util.HashSet", kind: hashOrder, capacity: 16}
	want := int(float32(n)/0.75) + 1
	for s.capacity < want {
		s.capacity *= 2
	}
	return s
}

func newSet(cls string) *set {
	switch cls {
	case "java.util.TreeSet":
		return &set{cls: cls, kind: sortedOrder}
	case "java.util.HashSet":
		return newHashSet(0)
	}
	return &set{cls: cls, kind: insertionOrder}
}

// elements is what a Java collection holds, for addAll and the copying
// constructors; ok is false for a value that is not a collection.
func elements(x any) ([]any, bool) {
	switch x := x.(type) {
	case *list:
		return x.items, true
	case *set:
		return x.ordered(), true
	case []any: // a JavaScript array, converted
		return x, true
	}
	return nil, false
}

// sortItems sorts items in natural order (Collections.sort, List.sort(null)):
// stable, failing on the first pair that does not compare.
func sortItems(items []any) *javaError {
	var failed *javaError
	sort.SliceStable(items, func(i, j int) bool {
		if failed != nil {
			return false
		}
		c, err := javaCompare(items[i], items[j])
		if err != nil {
			failed = err
		}
		return c < 0
	})
	return failed
}
