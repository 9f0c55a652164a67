package rhino

import (
	"sort"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// Edit replaces Len bytes at byte offset Off of the checked source with
// Text.
type Edit struct {
	Off, Len int
	Text     string
}

// Rewrite applies edits (from one Report) to src.
func Rewrite(src string, edits []Edit) string {
	if len(edits) == 0 {
		return src
	}
	sorted := append([]Edit(nil), edits...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Off < sorted[j].Off })
	var b strings.Builder
	b.Grow(len(src) + 64)
	at := 0
	for _, e := range sorted {
		if e.Off < at || e.Off+e.Len > len(src) {
			continue // overlapping or out of range: cannot happen for one Report
		}
		b.WriteString(src[at:e.Off])
		b.WriteString(e.Text)
		at = e.Off + e.Len
	}
	b.WriteString(src[at:])
	return b.String()
}

// Shift is where an edit changed the length of a line: from column Column
// on line Line, positions in the rewritten source are Delta bytes further
// right than in the user's.
type Shift struct {
	Line, Column, Delta int
}

// Shifts lists, for mapping positions back to the user's source, the edits
// that change lengths. Every edit stays within one line.
func Shifts(src string, edits []Edit) []Shift {
	var out []Shift
	for _, e := range edits {
		if d := len(e.Text) - e.Len; d != 0 {
			line := strings.Count(src[:e.Off], "\n") + 1
			col := e.Off - strings.LastIndexByte(src[:e.Off], '\n')
			out = append(out, Shift{Line: line, Column: col, Delta: d})
		}
	}
	return out
}

// Unshift maps a line and column of the rewritten source back to the
// user's.
func Unshift(shifts []Shift, line, col int) int {
	// Later edits on the line were made further right; undo from the right.
	for i := len(shifts) - 1; i >= 0; i-- {
		s := shifts[i]
		if s.Line != line {
			continue
		}
		if col >= s.Column+s.Delta {
			col -= s.Delta
		} else if col > s.Column {
			col = s.Column
		}
	}
	return col
}

// constAsRhino rewrites one const declaration into a var that behaves as
// Rhino's const (spec §1, measured; conformance/probes/declarations.js).
// Rhino scopes a const to its function, like var; it sets it once, the
// first time the declaration runs, and ignores every later assignment.
//   - At a decision script's top level the value never arrives: AM's scope
//     object cannot hold constants, so the name reads back undefined. The
//     var is then made read-only and undefined before the script runs
//     (TopConsts), so its initializer still runs, and assignments are
//     ignored.
//   - In a loop body inside a function (or a library's top level), the
//     first iteration's value stays: `const k = e` becomes
//     `var   k = (k !== void 0 ? k : e)`. The text added to the line is
//     mapped back out of error positions (Shifts).
//   - Elsewhere the declaration runs once per call, and a var behaves the
//     same.
func (c *checker) constAsRhino(d *ast.LexicalDeclaration) {
	kw := c.off(d.Idx)
	if !strings.HasPrefix(c.src[kw:], "const") {
		return
	}
	c.rep.Edits = append(c.rep.Edits, Edit{Off: kw, Len: len("const"), Text: "var  "})
	top := c.fn.top && c.kind == Script
	for _, b := range d.List {
		id, ok := b.Target.(*ast.Identifier)
		if !ok {
			continue
		}
		switch {
		case top:
			c.rep.TopConsts = append(c.rep.TopConsts, id.Name.String())
		case c.fn.loops > 0 && b.Initializer != nil:
			name := id.Name.String()
			from, to := c.off(b.Initializer.Idx0()), c.off(b.Initializer.Idx1())
			if strings.ContainsAny(c.src[from:to], "\n\r") {
				// Keep every edit within one line, so that positions map
				// back; a multi-line initializer keeps var's semantics.
				continue
			}
			c.rep.Edits = append(c.rep.Edits,
				Edit{Off: from, Text: "(" + name + " !== void 0 ? " + name + " : "},
				Edit{Off: to, Text: ")"})
		}
	}
}

// constAssignAsRhino drops an assignment to a const of the current
// function, which Rhino ignores: `a = e` becomes `(e)`, keeping the
// expression's value and e's side effects. (A top-level const of a
// decision script is a read-only global, which ignores assignments
// itself.) Only a plain = whose text stays on one line is rewritten, so
// that positions map back.
func (c *checker) constAssignAsRhino(e *ast.AssignExpression) {
	id, ok := e.Left.(*ast.Identifier)
	if !ok || e.Operator != token.ASSIGN || c.fn.names[id.Name.String()] != declConst || (c.fn.top && c.kind == Script) {
		return
	}
	from, to := c.off(id.Idx0()), c.off(e.Right.Idx1())
	eq := strings.Index(c.src[c.off(id.Idx1()):c.off(e.Right.Idx0())], "=")
	if eq < 0 || strings.ContainsAny(c.src[from:to], "\n\r") {
		return
	}
	rhs := c.off(e.Right.Idx0())
	c.rep.Edits = append(c.rep.Edits,
		Edit{Off: from, Len: rhs - from, Text: "("},
		Edit{Off: to, Text: ")"})
	c.warn(id.Idx0(), warnConstAssign)
}

// blockFunctionAsRhino rewrites a function declaration inside a block,
// which Rhino runs as a function-scoped var assigned when the declaration
// is reached (`if (ok) { function g() {} }` defines g after the if, and
// only when ok): `function g() {…}` becomes `var g = function g() {…};`.
func (c *checker) blockFunctionAsRhino(d *ast.FunctionDeclaration) {
	if c.fn.blocks == 0 || d.Function.Async || d.Function.Generator {
		return
	}
	name := d.Function.Name.Name.String()
	c.rep.Edits = append(c.rep.Edits,
		Edit{Off: c.off(d.Function.Idx0()), Text: "var " + name + " = "},
		Edit{Off: c.off(d.Function.Idx1()), Text: ";"})
}
