package pingone

import (
	"cmp"
	"slices"
)

// seqList is the documents of one scope (a kind in an environment, or those
// of one parent) in insertion order, i.e. sorted by seq, the way SQLite's
// ORDER BY seq lists them. A new document has the highest seq yet, so
// adding one appends. Removing one leaves a hole found by binary search;
// holes are squeezed out once they outnumber the documents, so walking a
// list costs about what it yields, whatever the store holds besides.
type seqList struct {
	entries []seqEntry // sorted by seq
	live    int        // entries that are not holes
}

type seqEntry struct {
	seq int64
	obj *memObject // nil: a hole left by a removal
}

// minHolesToCompact keeps small lists from being rebuilt on every removal.
const minHolesToCompact = 32

func (l *seqList) find(seq int64) (int, bool) {
	return slices.BinarySearchFunc(l.entries, seq, func(e seqEntry, seq int64) int { return cmp.Compare(e.seq, seq) })
}

// insert adds o at its seq's place: at the end for a new document, in the
// middle when a removal is undone or a document moves to another parent.
func (l *seqList) insert(o *memObject) {
	if n := len(l.entries); n == 0 || l.entries[n-1].seq < o.seq {
		l.entries = append(l.entries, seqEntry{seq: o.seq, obj: o})
		l.live++
		return
	}
	i, found := l.find(o.seq)
	switch {
	case !found:
		l.entries = slices.Insert(l.entries, i, seqEntry{seq: o.seq, obj: o})
		l.live++
	case l.entries[i].obj == nil:
		l.entries[i].obj = o
		l.live++
	}
}

// remove takes o out; it is a no-op when o is not in the list.
func (l *seqList) remove(o *memObject) {
	i, found := l.find(o.seq)
	if !found || l.entries[i].obj != o {
		return
	}
	l.entries[i].obj = nil
	l.live--
	for n := len(l.entries); n > 0 && l.entries[n-1].obj == nil; n-- {
		l.entries = l.entries[:n-1]
	}
	if holes := len(l.entries) - l.live; holes >= minHolesToCompact && holes > l.live {
		l.entries = slices.DeleteFunc(l.entries, func(e seqEntry) bool { return e.obj == nil })
	}
}

// each calls fn with the documents in order until fn returns false. fn
// must not change the list.
func (l *seqList) each(fn func(o *memObject) bool) {
	for _, e := range l.entries {
		if e.obj != nil && !fn(e.obj) {
			return
		}
	}
}
