package goja

import (
	"math"
	"math/bits"
)

// journeyjs patch: Array.prototype.sort in Rhino mode is Rhino 1.7.14's:
// its hybrid sort (quicksort partitions with a median of three, insertion
// sort below 17 elements or past a depth of 2·log2(n)), which is not stable
// past 17 elements, and its reading of the comparator's answer
// (Double.compare with 0: NaN counts as greater, -0 as less). Comparators
// that answer a boolean, common in old scripts, sort short arrays in Rhino
// because insertion sort only asks "greater than 0?"; upstream's stable
// sort asks "less than 0?" and leaves such arrays unsorted. Matching the
// algorithm makes every comparator, consistent or not, give Rhino's order.

// jjRhinoSortSmall is Rhino's threshold for insertion sort.
const jjRhinoSortSmall = 16

// jjRhinoSort sorts o's elements 0 … length-1 as Rhino does: holes sort
// last and are deleted, undefined values sort just before them.
func (r *Runtime) jjRhinoSort(o *Object, compareFn func(FunctionCall) Value) Value {
	length := toLength(o.self.getStr("length", nil))
	if length > math.MaxInt32 {
		panic(r.newErrorf(r.getRangeError(), "Array length %d exceeds supported capacity limit.", length))
	}
	r.chargeN(length, allocValueSize)
	items := make([]Value, length) // nil: a hole
	for i := range items {
		r.checkInterrupt()
		idx := valueInt(int64(i))
		if o.self.hasPropertyIdx(idx) {
			items[i] = nilSafe(o.self.getIdx(idx, nil))
		}
	}
	s := jjRhinoSorter{r: r, items: items, compareFn: compareFn}
	if n := len(items); n > 1 {
		s.hybridSort(0, n-1, 2*(bits.Len(uint(n))-1))
	}
	for i, v := range items {
		r.checkInterrupt()
		if v == nil {
			o.self.deleteIdx(valueInt(int64(i)), true)
		} else {
			o.self.setOwnIdx(valueInt(int64(i)), v, true)
		}
	}
	return o
}

type jjRhinoSorter struct {
	r         *Runtime
	items     []Value
	compareFn func(FunctionCall) Value
}

// compare is Rhino's element comparator: -1, 0 or 1.
func (s *jjRhinoSorter) compare(x, y Value) int {
	s.r.checkInterrupt()
	switch {
	case x == nil:
		if y == nil {
			return 0
		}
		return 1
	case y == nil:
		return -1
	case x == _undefined:
		if y == _undefined {
			return 0
		}
		return 1
	case y == _undefined:
		return -1
	case s.compareFn == nil:
		return x.toString().CompareTo(y.toString())
	}
	d := s.compareFn(FunctionCall{This: _undefined, Arguments: []Value{x, y}}).ToFloat()
	switch {
	case math.IsNaN(d) || d > 0:
		return 1
	case d < 0 || math.Signbit(d):
		return -1
	}
	return 0
}

func (s *jjRhinoSorter) hybridSort(start, end, maxDepth int) {
	if start >= end {
		return
	}
	if maxDepth == 0 || end-start <= jjRhinoSortSmall {
		s.insertionSort(start, end)
		return
	}
	p := s.partition(start, end)
	s.hybridSort(start, p, maxDepth-1)
	s.hybridSort(p+1, end, maxDepth-1)
}

func (s *jjRhinoSorter) insertionSort(start, end int) {
	a := s.items
	for i := start; i <= end; i++ {
		x := a[i]
		j := i - 1
		for j >= start && s.compare(a[j], x) > 0 {
			a[j+1] = a[j]
			j--
		}
		a[j+1] = x
	}
}

// partition is Hoare's scheme around the median of three, as Rhino codes it.
func (s *jjRhinoSorter) partition(start, end int) int {
	a := s.items
	p := s.median(start, end)
	pivot := a[p]
	a[p] = a[start]
	a[start] = pivot
	i, j := start, end+1
	for {
		for i++; s.compare(a[i], pivot) < 0; i++ {
			if i == end {
				break
			}
		}
		for j--; s.compare(a[j], pivot) >= 0; j-- {
			if j == start {
				break
			}
		}
		if i >= j {
			break
		}
		a[i], a[j] = a[j], a[i]
	}
	a[start], a[j] = a[j], a[start]
	return j
}

func (s *jjRhinoSorter) median(start, end int) int {
	a := s.items
	m := start + (end-start)/2
	smallest := start
	if s.compare(a[smallest], a[m]) > 0 {
		smallest = m
	}
	if s.compare(a[smallest], a[end]) > 0 {
		smallest = end
	}
	switch smallest {
	case start:
		if s.compare(a[m], a[end]) < 0 {
			return m
		}
		return end
	case m:
		if s.compare(a[start], a[end]) < 0 {
			return start
		}
		return end
	}
	if s.compare(a[start], a[m]) < 0 {
		return start
	}
	return m
}
