package goja

import (
	"math"
	"sort"
	"strconv"

	"github.com/dop251/goja/unistring"
)

// journeyjs patch: Rhino key order. Rhino lists an ordinary object's own
// keys in the order they were added, integer-like keys included ({b:1, 2:1}
// enumerates "b", "2"); ES2015 lists array-index keys first, ascending. In
// Rhino mode a baseObject keeps its propNames in insertion order:
// fixPropOrder no longer moves index keys to the front, it only counts them,
// so that idxPropCount == 0 still means "no index keys" for the fast paths
// that test it. The two places that relied on the sorted prefix (_delete's
// bookkeeping and Array.prototype's length shrink) ask the helpers below.
// Arrays keep their elements first, as both engines do.

// jjKeepInsertionOrder is fixPropOrder in Rhino mode: it counts the index
// keys added since the last call and leaves their places alone. It reports
// false (upstream's sort runs) outside Rhino mode.
func (o *baseObject) jjKeepInsertionOrder() bool {
	if o.val == nil || !o.val.runtime.jj.rhino {
		return false
	}
	for _, name := range o.propNames[o.lastSortedPropLen:] {
		if strToArrayIdx(name) != math.MaxUint32 {
			o.idxPropCount++
		}
	}
	o.lastSortedPropLen = len(o.propNames)
	return true
}

// jjCountsAsIdxProp reports whether deleting the counted name at position i
// removes one of the idxPropCount index keys: upstream they are the sorted
// prefix, in Rhino mode they are wherever they were added.
func (o *baseObject) jjCountsAsIdxProp(i int, name unistring.String) bool {
	if o.val != nil && o.val.runtime.jj.rhino {
		return strToArrayIdx(name) != math.MaxUint32
	}
	return i < o.idxPropCount
}

// jjShrinkIdxProps deletes the index keys >= l of a templated array
// (Array.prototype) whose index keys are not sorted, highest first as the
// specification requires; like upstream it stops at a key it cannot delete
// and returns the length that leaves it in place.
func (a *templatedArrayObject) jjShrinkIdxProps(l uint32) (uint32, bool) {
	a.materialisePropNames()
	a.ensurePropOrder()
	var idx []uint32
	for _, name := range a.propNames {
		if i := strToArrayIdx(name); i != math.MaxUint32 && i >= l {
			idx = append(idx, i)
		}
	}
	sort.Slice(idx, func(x, y int) bool { return idx[x] > idx[y] })
	for _, i := range idx {
		if !a.deleteStr(unistring.String(strconv.FormatUint(uint64(i), 10)), false) {
			return i + 1, false
		}
	}
	return l, true
}

// A String object's characters are not among its listed keys in Rhino:
// for-in over "ab" or new String("ab") runs no iteration, Object.keys and
// Object.getOwnPropertyNames list only the keys a script added (and
// "length"). Reading s[0] and "0" in s still work. stringObject's
// iterateStringKeys and stringKeys skip the indices in Rhino mode.
