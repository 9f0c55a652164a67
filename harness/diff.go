package harness

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Diff returns a unified line diff ("--- expected", "+++ actual") of want
// and got, each printed as indented JSON with sorted keys. It returns "" when
// the two print the same.
func Diff(want, got any) string {
	return LineDiff(PrettyJSON(want), PrettyJSON(got))
}

// PrettyJSON prints v as indented JSON with sorted map keys and without HTML
// escaping; values JSON cannot print are shown with %v.
func PrettyJSON(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprintf("%v\n", v)
	}
	return b.String()
}

// maxDiffCells bounds the LCS table; larger inputs are shown whole.
const maxDiffCells = 4 << 20

// LineDiff is a unified diff of two texts, three lines of context, with
// "--- expected" and "+++ actual" headers. Equal texts give "".
func LineDiff(want, got string) string {
	if want == got {
		return ""
	}
	a := splitLines(want)
	b := splitLines(got)
	var out strings.Builder
	out.WriteString("--- expected\n+++ actual\n")
	if (len(a)+1)*(len(b)+1) > maxDiffCells {
		out.WriteString("@@ (too large to diff: both shown whole) @@\n")
		for _, l := range a {
			out.WriteString("-" + l + "\n")
		}
		for _, l := range b {
			out.WriteString("+" + l + "\n")
		}
		return out.String()
	}
	ops := diffOps(a, b)
	const context = 3
	// Group the edit script into hunks: runs of changes with up to
	// 2×context equal lines between them.
	i := 0
	for i < len(ops) {
		// find next change
		for i < len(ops) && ops[i].kind == ' ' {
			i++
		}
		if i == len(ops) {
			break
		}
		start := max(i-context, 0)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			// count the run of equal lines
			j := end
			for j < len(ops) && ops[j].kind == ' ' {
				j++
			}
			if j == len(ops) || j-end > 2*context {
				end = min(end+context, len(ops))
				break
			}
			end = j
		}
		aStart, bStart, aLen, bLen := ops[start].a, ops[start].b, 0, 0
		for _, op := range ops[start:end] {
			if op.kind != '+' {
				aLen++
			}
			if op.kind != '-' {
				bLen++
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(aStart, aLen), hunkRange(bStart, bLen))
		for _, op := range ops[start:end] {
			out.WriteByte(op.kind)
			out.WriteString(op.text)
			out.WriteByte('\n')
		}
		i = end
	}
	return out.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

type diffOp struct {
	kind byte // ' ', '-' or '+'
	text string
	a, b int // 0-based line positions in a and b where the op applies
}

// diffOps is a shortest edit script from a longest common subsequence.
func diffOps(a, b []string) []diffOp {
	n, m := len(a), len(b)
	// lcs[i][j] is the LCS length of a[i:] and b[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []diffOp
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, diffOp{' ', a[i], i, j})
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] > lcs[i+1][j]):
			ops = append(ops, diffOp{'+', b[j], i, j})
			j++
		default:
			ops = append(ops, diffOp{'-', a[i], i, j})
			i++
		}
	}
	return ops
}
