package harness_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/harness"
)

func TestMatchSubset(t *testing.T) {
	got := map[string]any{
		"n": int64(3), "f": 1.5, "s": "x", "list": []any{int64(1), "a"},
		"deep":    map[string]any{"a": map[string]any{"b": true, "c": nil}, "extra": 1},
		"odd key": "v",
	}
	assert.Empty(t, harness.MatchSubset("st", map[string]any{}, got))
	assert.Empty(t, harness.MatchSubset("st", map[string]any{"n": 3, "f": 1.5, "list": []any{1, "a"}, "deep": map[string]any{"a": map[string]any{"b": true}}}, got))
	assert.Empty(t, harness.MatchSubset("st", map[string]any{"deep": map[string]any{"a": map[string]any{"c": nil}}}, got))

	ms := harness.MatchSubset("st", map[string]any{
		"n":       4,
		"list":    []any{1},
		"deep":    map[string]any{"a": map[string]any{"b": false}},
		"s":       map[string]any{"x": 1},
		"missing": nil,
		"odd key": "w",
	}, got)
	var lines []string
	for _, m := range ms {
		lines = append(lines, m.String())
	}
	assert.Equal(t, []string{
		"st.deep.a.b: expected false, got true",
		`st.list: expected [1], got [1,"a"]`,
		"st.missing: missing",
		"st.n: expected 4, got 3",
		`st["odd key"]: expected "w", got "v"`,
		`st.s: expected an object, got "x"`,
	}, lines)

	assert.Equal(t, map[string]any{"deep": map[string]any{"a": map[string]any{"b": true}}, "n": float64(3)},
		harness.Project(map[string]any{"n": 0, "deep": map[string]any{"a": map[string]any{"b": 0}}, "gone": 1}, got))
}

func TestLineDiff(t *testing.T) {
	assert.Empty(t, harness.LineDiff("a\nb\n", "a\nb\n"))
	assert.Equal(t, "--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", harness.LineDiff("a\nb\nc\n", "a\nB\nc\n"))
	// Far-apart changes make two hunks with three lines of context each.
	var a, b []string
	for i := 0; i < 20; i++ {
		a = append(a, string(rune('a'+i)))
		b = append(b, string(rune('a'+i)))
	}
	b[1], b[18] = "X", "Y"
	d := harness.LineDiff(strings.Join(a, "\n"), strings.Join(b, "\n"))
	assert.Equal(t, "--- expected\n+++ actual\n@@ -1,5 +1,5 @@\n a\n-b\n+X\n c\n d\n e\n@@ -16,5 +16,5 @@\n p\n q\n r\n-s\n+Y\n t\n", d)
	assert.Equal(t, "--- expected\n+++ actual\n@@ -0,0 +1 @@\n+x\n", harness.LineDiff("", "x"))
	assert.Contains(t, harness.Diff(map[string]any{"a": 1}, map[string]any{"a": 2}), "-  \"a\": 1\n+  \"a\": 2\n")
}

// The example test files in scripts/ must pass: they are the documentation.
func TestExampleScriptsPass(t *testing.T) {
	files, err := harness.Discover([]string{"../scripts"})
	require.NoError(t, err)
	require.NotEmpty(t, files)
	cases, err := harness.NewLoader().Load(files)
	require.NoError(t, err)
	sum := harness.Run(context.Background(), cases, harness.Options{}, nil)
	for _, r := range sum.Results {
		assert.True(t, r.Passed, "%s: %s", r.Name, failureText(r))
	}
}

func TestPingOneExpectations(t *testing.T) {
	src := `
script: issue-credential.js
fixturesFile: issue-credential.fixtures.yaml
cases:
  - name: right
    expect:
      pingone:
        userCredentials:
          - {user: bjensen, status: ISSUED, count: 1}
          - {user: bjensen, credentialType: Verified Member}
          - {user: bjensen, status: REVOKED, count: 0}
  - name: wrong
    expect:
      pingone:
        userCredentials: [{user: bjensen, status: ISSUED, count: 2}]
  - name: one user as a mapping
    expect:
      pingone:
        userCredentials: {user: bjensen, count: 1, status: ISSUED}
  - name: unknown user
    expect:
      pingone:
        userCredentials: [{user: nobody, count: 0}]
  - name: no platform
    fixturesFile: risk-decision.fixtures.yaml
    script: risk-decision.js
    expect:
      pingone:
        userCredentials: [{user: bjensen, count: 0}]
`
	cases, err := harness.NewLoader().Parse(filepath.Join("..", "scripts", "inline.test.yaml"), []byte(src))
	require.NoError(t, err)
	res := byName(harness.Run(context.Background(), cases, harness.Options{}, nil))
	assert.True(t, res["right"].Passed, failureText(res["right"]))
	assert.True(t, res["one user as a mapping"].Passed, failureText(res["one user as a mapping"]))
	text := failureText(res["wrong"])
	assert.Contains(t, text, "pingone.userCredentials[0]: expected 2 credentials of bjensen with status ISSUED, found 1; the user has:")
	assert.Contains(t, text, `"Verified Member" type`)
	assert.Contains(t, failureText(res["unknown user"]), "404")
	assert.Contains(t, failureText(res["no platform"]), "the run has no local PingOne platform")
}
