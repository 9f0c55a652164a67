package harness_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/harness"
	"github.com/journeyjs/journeyjs/runtime"
)

const testdata = "../testdata/harness"

func load(t *testing.T, files ...string) []*harness.Case {
	t.Helper()
	for i, f := range files {
		files[i] = filepath.Join(testdata, f)
	}
	cases, err := harness.NewLoader().Load(files)
	require.NoError(t, err)
	return cases
}

func run(t *testing.T, cases []*harness.Case) *harness.Summary {
	t.Helper()
	return harness.Run(context.Background(), cases, harness.Options{Parallel: 4}, nil)
}

func byName(s *harness.Summary) map[string]*harness.Result {
	m := map[string]*harness.Result{}
	for _, r := range s.Results {
		m[r.CaseName] = r
	}
	return m
}

func failureText(r *harness.Result) string {
	var b strings.Builder
	for _, f := range r.Failures {
		b.WriteString(f.String())
		b.WriteString("\n")
	}
	return b.String()
}

func TestPassingFile(t *testing.T) {
	cases := load(t, "pass.test.yaml")
	var names []string
	for _, c := range cases {
		names = append(names, c.CaseName())
	}
	assert.Equal(t, []string{
		"default user",
		"admins/root", "admins/admin", "admins/not an admin any more",
		"inline fixtures/an ESV merged over the file's", "inline fixtures/a library relative to the test file", "inline fixtures/a state value replaced whole",
		"inline source",
		"errors/exception", "errors/syntax", "errors/no outcome", "errors/timeout",
	}, names)
	assert.Equal(t, "../testdata/harness/pass.test.yaml/admins/root", cases[1].Name())

	// Rows that differ only in state share the file's one parse of their
	// world: the library files are read once, the state is each row's own.
	root, admin := cases[1].Fixtures, cases[2].Fixtures
	assert.Equal(t, "root", root.SharedState["username"])
	assert.Equal(t, "admin", admin.SharedState["username"])
	rootLibs, adminLibs := root.Input().Libraries, admin.Input().Libraries
	require.NotEmpty(t, rootLibs)
	assert.Equal(t, reflect.ValueOf(rootLibs).Pointer(), reflect.ValueOf(adminLibs).Pointer())
	fileLibs := cases[0].Fixtures.Input().Libraries // the file as it is
	assert.Equal(t, reflect.ValueOf(fileLibs).Pointer(), reflect.ValueOf(rootLibs).Pointer(), "state-only rows reuse the file's parse")

	sum := run(t, cases)
	for _, r := range sum.Results {
		assert.True(t, r.Passed, "%s:\n%s", r.Name, failureText(r))
		assert.Positive(t, r.Duration)
		require.NotNil(t, r.Run)
	}
	assert.Equal(t, len(cases), sum.Passed)
	assert.Zero(t, sum.Failed)

	// A row's state value replaces the file's whole: no blend of profiles.
	res := byName(sum)
	assert.Equal(t, map[string]any{"tier": "gold"}, res["inline fixtures/a state value replaced whole"].Run.SharedState["profile"])
	assert.Equal(t, map[string]any{"tier": "silver", "since": int64(2019)}, res["default user"].Run.SharedState["profile"])
}

func TestFailingFileExplainsEachFailure(t *testing.T) {
	sum := run(t, load(t, "fail.test.yaml"))
	assert.Zero(t, sum.Passed)
	assert.Equal(t, len(sum.Results), sum.Failed)
	res := byName(sum)
	for name, r := range res {
		assert.False(t, r.Passed, name)
		assert.NotEmpty(t, r.Failures, name)
	}

	// A wrong nested value and a missing key: the message names both paths,
	// and the diff shows the expected and the actual values.
	f := res["wrong state"].Failures
	require.Len(t, f, 1)
	assert.Equal(t, "sharedState", f[0].Check)
	assert.Contains(t, f[0].Message, `sharedState.profile.tier: expected "platinum", got "silver"`)
	assert.Contains(t, f[0].Message, "sharedState.missingKey: missing")
	assert.Contains(t, f[0].Diff, "--- expected\n+++ actual\n")
	assert.Contains(t, f[0].Diff, `-    "tier": "platinum"`)
	assert.Contains(t, f[0].Diff, `+    "tier": "silver"`)
	assert.Contains(t, f[0].Diff, `-  "missingKey": 1,`)
	// Keys the expectation does not mention stay out of the diff.
	assert.NotContains(t, f[0].Diff, "since")
	assert.Contains(t, f[0].Diff, `   "greeting": "Hello, bjensen",`)

	f = res["wrong outcome"].Failures
	require.Len(t, f, 1)
	assert.Equal(t, `outcome: expected "admin", got "user"`, f[0].Message)

	text := failureText(res["wrong log"])
	assert.Contains(t, text, `no line ERROR containing "said Hello"`)
	assert.Contains(t, text, "INFO said Hello, bjensen")

	assert.Contains(t, failureText(res["log above the limit"]), "WARN admin root signed in")

	f = res["wrong headers"].Failures
	require.Len(t, f, 1)
	assert.Contains(t, f[0].Diff, `-  "Goodbye",`)
	assert.Contains(t, f[0].Diff, `+  "Hello, bjensen"`)

	text = failureText(res["wrong http calls"])
	assert.Contains(t, text, "expected 1 request(s), got 0")
	assert.Contains(t, text, "no request POST https://api.example.test/*")

	f = res["wrong idm"].Failures
	require.Len(t, f, 1)
	assert.Contains(t, f[0].Diff, `-  "mail": "other@example.com"`)
	assert.Contains(t, f[0].Diff, `+  "mail": "bjensen@example.com"`)

	assert.Contains(t, failureText(res["expected an error"]), `expected the script to fail (kind timeout), but it reached outcome "user"`)

	text = failureText(res["unexpected error"])
	assert.Contains(t, text, `the script failed (exception): inline.js:2:1: ReferenceError: "undefinedThing" is not defined.`)
	assert.Contains(t, text, "INFO about to fail")
	// The unexpected error is the whole story: no outcome failure besides.
	assert.Len(t, res["unexpected error"].Failures, 1)

	f = res["wrong error"].Failures
	require.Len(t, f, 1)
	assert.Contains(t, f[0].Diff, `-  "kind": "syntax",`)
	assert.Contains(t, f[0].Diff, `+  "kind": "exception",`)

	assert.Contains(t, failureText(res["state present"]), `absent: "greeting" should not be in node state, but sharedState has it: "Hello, bjensen"`)
}

func TestTextReport(t *testing.T) {
	sum := run(t, load(t, "fail.test.yaml"))
	var b bytes.Buffer
	for _, r := range sum.Results {
		harness.WriteResult(&b, r)
	}
	harness.WriteSummary(&b, sum)
	out := b.String()
	assert.Regexp(t, `(?m)^FAIL  \.\./testdata/harness/fail\.test\.yaml/wrong state \(\d+\.\d+ms\)$`, out)
	assert.Contains(t, out, "      at ../testdata/harness/fail.test.yaml:8\n")
	assert.Contains(t, out, "\n        -    \"tier\": \"platinum\"\n")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	assert.Equal(t, "0 passed, 11 failed", lines[len(lines)-1])

	b.Reset()
	ok := run(t, load(t, "parallel.test.yaml"))
	harness.WriteResult(&b, ok.Results[0])
	assert.Regexp(t, `^PASS  \.\./testdata/harness/parallel\.test\.yaml/r01 \(\d+\.\d+ms\)\n$`, b.String())
}

func TestTableRowsInheritAndOverride(t *testing.T) {
	src := `
source: 'action.goTo(nodeState.get("o"))'
sharedState: {o: a, keep: 1}
expect: {outcome: a, sharedState: {keep: 1}}
cases:
  - name: parent
    sharedState: {o: b}
    expect: {outcome: b}
    cases:
      - name: row 1
      - name: row 2
        sharedState: {o: c}
        expect: {outcome: c}
      - name: script file instead of source
        script: s.js
        expect: {outcome: from-file}
  - name: sibling
`
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "s.js"), []byte(`action.goTo("from-file")`), 0o644))
	cases, err := harness.NewLoader().Parse(filepath.Join(dir, "t.test.yaml"), []byte(src))
	require.NoError(t, err)
	require.Len(t, cases, 4)
	assert.Equal(t, []string{"parent", "row 1"}, cases[0].Names)
	assert.Equal(t, 10, cases[0].Line)
	assert.Equal(t, "s.js", cases[2].Script.Name)
	assert.Equal(t, filepath.Join(dir, "s.js"), cases[2].ScriptPath)
	assert.Equal(t, "inline.js", cases[3].Script.Name)

	sum := run(t, cases)
	for _, r := range sum.Results {
		assert.True(t, r.Passed, "%s: %s", r.Name, failureText(r))
	}
	assert.Equal(t, "b", sum.Results[0].Run.Outcome)
	assert.Equal(t, "c", sum.Results[1].Run.Outcome)
	assert.Equal(t, "a", sum.Results[3].Run.Outcome)
}

func TestParallelCasesGetFreshBackEnds(t *testing.T) {
	cases := load(t, "parallel.test.yaml")
	require.Len(t, cases, 16)
	// The same cases three times over, 16 at once: every run creates the
	// same IDM id and must find only the seed's user before it.
	all := append(append(append([]*harness.Case(nil), cases...), cases...), cases...)
	eng := runtime.New(runtime.Options{})
	defer eng.Close()
	sum := harness.Run(context.Background(), all, harness.Options{Parallel: 16, Engine: eng}, nil)
	for _, r := range sum.Results {
		assert.True(t, r.Passed, "%s: %s", r.Name, failureText(r))
	}
	assert.Equal(t, 48, sum.Passed)
	st := eng.Stats()
	assert.EqualValues(t, 48, st.Runs)
}

func TestResultsComeInCaseOrder(t *testing.T) {
	cases := load(t, "parallel.test.yaml", "pass.test.yaml")
	var mu sync.Mutex
	var got []string
	sum := harness.Run(context.Background(), cases, harness.Options{Parallel: 8}, func(r *harness.Result) {
		mu.Lock()
		got = append(got, r.Name)
		mu.Unlock()
	})
	want := make([]string, len(cases))
	for i, c := range cases {
		want[i] = c.Name()
		assert.Equal(t, c.Name(), sum.Results[i].Name)
	}
	assert.Equal(t, want, got)
}

func TestSelect(t *testing.T) {
	cases := load(t, "pass.test.yaml", "parallel.test.yaml")
	names := func(cs []*harness.Case) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.CaseName())
		}
		return out
	}
	assert.Equal(t, []string{"admins/root", "admins/admin", "admins/not an admin any more"}, names(harness.Select(cases, regexp.MustCompile(`pass\.test\.yaml/admins/`))))
	assert.Equal(t, []string{"r01", "r10"}, names(harness.Select(cases, regexp.MustCompile(`parallel.*/r(01|10)$`))))
	assert.Len(t, harness.Select(cases, nil), len(cases))
	assert.Empty(t, harness.Select(cases, regexp.MustCompile(`nothing`)))
}

func TestJUnit(t *testing.T) {
	cases := load(t, "pass.test.yaml", "fail.test.yaml")
	sum := run(t, cases)
	var b bytes.Buffer
	require.NoError(t, harness.WriteJUnit(&b, sum, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
	var doc struct {
		XMLName  xml.Name `xml:"testsuites"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Suites   []struct {
			Name      string `xml:"name,attr"`
			Tests     int    `xml:"tests,attr"`
			Failures  int    `xml:"failures,attr"`
			Time      string `xml:"time,attr"`
			Timestamp string `xml:"timestamp,attr"`
			Cases     []struct {
				Name      string `xml:"name,attr"`
				Classname string `xml:"classname,attr"`
				Time      string `xml:"time,attr"`
				Failure   *struct {
					Message string `xml:"message,attr"`
					Text    string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal(b.Bytes(), &doc), b.String())
	assert.Equal(t, 23, doc.Tests)
	assert.Equal(t, 11, doc.Failures)
	require.Len(t, doc.Suites, 2)
	pass, fail := doc.Suites[0], doc.Suites[1]
	assert.Equal(t, "../testdata/harness/pass.test.yaml", pass.Name)
	assert.Equal(t, 12, pass.Tests)
	assert.Equal(t, 0, pass.Failures)
	assert.Equal(t, "2026-01-02T03:04:05", pass.Timestamp)
	assert.Equal(t, 11, fail.Tests)
	assert.Equal(t, 11, fail.Failures)
	for _, c := range pass.Cases {
		assert.Nil(t, c.Failure, c.Name)
		assert.Regexp(t, `^\d+\.\d{3}$`, c.Time)
	}
	assert.Equal(t, "admins/root", pass.Cases[1].Name)
	assert.Equal(t, "../testdata/harness/pass.test.yaml", pass.Cases[1].Classname)
	var wrongState bool
	for _, c := range fail.Cases {
		require.NotNil(t, c.Failure, c.Name)
		if c.Name == "wrong state" {
			wrongState = true
			assert.Equal(t, "sharedState: does not match", c.Failure.Message)
			assert.Contains(t, c.Failure.Text, `-    "tier": "platinum"`)
			assert.Contains(t, c.Failure.Text, `+    "tier": "silver"`)
		}
		if c.Name == "wrong outcome" {
			assert.Equal(t, `outcome: expected "admin", got "user"`, c.Failure.Message)
		}
	}
	assert.True(t, wrongState)
}

func TestJSON(t *testing.T) {
	sum := run(t, load(t, "fail.test.yaml", "parallel.test.yaml"))
	var b bytes.Buffer
	require.NoError(t, harness.WriteJSON(&b, sum))
	var doc struct {
		Passed     int     `json:"passed"`
		Failed     int     `json:"failed"`
		DurationMs float64 `json:"durationMs"`
		Cases      []struct {
			Name       string            `json:"name"`
			File       string            `json:"file"`
			Case       string            `json:"case"`
			Line       int               `json:"line"`
			Status     string            `json:"status"`
			DurationMs float64           `json:"durationMs"`
			Failures   []harness.Failure `json:"failures"`
			Result     *runtime.Result   `json:"result"`
		} `json:"cases"`
	}
	dec := json.NewDecoder(&b)
	require.NoError(t, dec.Decode(&doc))
	assert.False(t, dec.More())
	assert.Equal(t, 16, doc.Passed)
	assert.Equal(t, 11, doc.Failed)
	require.Len(t, doc.Cases, 27)
	c := doc.Cases[1]
	assert.Equal(t, "wrong state", c.Case)
	assert.Equal(t, "fail", c.Status)
	assert.Equal(t, 8, c.Line)
	assert.Equal(t, "../testdata/harness/fail.test.yaml", c.File)
	require.Len(t, c.Failures, 1)
	assert.Equal(t, "sharedState", c.Failures[0].Check)
	assert.Contains(t, c.Failures[0].Diff, `+    "tier": "silver"`)
	assert.Equal(t, map[string]any{"tier": "platinum"}, c.Failures[0].Expected.(map[string]any)["profile"])
	require.NotNil(t, c.Result)
	assert.Equal(t, "user", c.Result.Outcome)
	last := doc.Cases[26]
	assert.Equal(t, "pass", last.Status)
	assert.Empty(t, last.Failures)
}

func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	write("fx.yaml", "realm: /a\nsecret: {}\n")
	write("ok.js", `action.goTo("x")`)
	tests := []struct {
		name, body, want string
	}{
		{"unknown key", "script: ok.js\ncases:\n  - name: a\n    expect:\n      outcom: x\n", `t.test.yaml:5: unknown key "outcom"`},
		{"unknown case key", "script: ok.js\nscirpt: x\n", `t.test.yaml:2: unknown key "scirpt"`},
		{"unknown inline fixture key", "script: ok.js\nfixtures:\n  esv: {}\n", `t.test.yaml:3: unknown key "esv"`},
		{"wrong type", "script: ok.js\nexpect:\n  headers: {a: b}\n", `t.test.yaml:3: cannot unmarshal`},
		{"no name", "script: ok.js\ncases:\n  - name: a\n  - expect: {outcome: x}\n", `t.test.yaml:4: this case has no name`},
		{"duplicate name", "script: ok.js\ncases:\n  - name: a\n  - name: a\n", `t.test.yaml:4: case name "a" is already used on line 3`},
		{"slash in name", "script: ok.js\ncases:\n  - name: a/b\n", `t.test.yaml:3: case name "a/b": names cannot contain /`},
		{"empty cases", "script: ok.js\ncases: []\n", `t.test.yaml:2: cases: a list of cases`},
		{"no script", "cases:\n  - name: a\n", `t.test.yaml:2: case "a": no script`},
		{"missing script", "script: nope.js\n", `t.test.yaml:1: this case: cannot read script`},
		{"bad regexp", "script: ok.js\nexpect:\n  logs: [{matches: '('}]\n", `t.test.yaml:3: this case: expect.logs[0].matches: error parsing regexp`},
		{"bad level", "script: ok.js\nexpect:\n  logs: [{level: loud}]\n", `t.test.yaml:3: this case: expect.logs[0].level: unknown log level "loud"`},
		{"bad kind", "script: ok.js\nexpect:\n  error: {kind: oops}\n", `expect.error.kind: unknown kind "oops"`},
		{"idm without resource", "script: ok.js\nexpect:\n  idm: [{count: 1}]\n", `expect.idm[0]: resource is required`},
		{"bad fixtures file", "script: ok.js\nfixturesFile: fx.yaml\n", `fx.yaml:2: unknown key "secret"`},
		{"missing fixtures file", "script: ok.js\nfixturesFile: none.yaml\n", `none.yaml: cannot read fixtures`},
		{"bad merged fixtures", "script: ok.js\ncases:\n  - name: a\n    fixtures:\n      secrets: {bad: x}\n", `t.test.yaml:5: case "a": fixtures: secrets: label "bad"`},
		{"pingone unknown key", "script: ok.js\nexpect:\n  pingone:\n    userCredentials: {user: u, cuont: 1}\n", `t.test.yaml:4: unknown key "cuont"`},
		{"pingone not a list", "script: ok.js\nexpect:\n  pingone:\n    userCredentials: 3\n", `t.test.yaml:4: userCredentials: a mapping or a list`},
		{"not a mapping", "- a\n- b\n", `t.test.yaml:1: a test file is a mapping`},
		{"empty", "", `t.test.yaml: no test cases`},
		{"bad yaml", "script: [\n", `t.test.yaml:`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write("t.test.yaml", tt.body)
			_, err := harness.NewLoader().LoadFile(p)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			var fe *fixtures.Error
			assert.ErrorAs(t, err, &fe)
		})
	}
}

func TestLoadJoinsErrorsOfManyFiles(t *testing.T) {
	files := []string{
		filepath.Join(testdata, "bad", "unknown-key.test.yaml"),
		filepath.Join(testdata, "pass.test.yaml"),
		filepath.Join(testdata, "bad", "no-name.test.yaml"),
	}
	cases, err := harness.NewLoader().Load(files)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad/unknown-key.test.yaml:5: unknown key \"outcom\"")
	assert.Contains(t, err.Error(), "bad/no-name.test.yaml:4: this case has no name")
	assert.Len(t, cases, 12, "the good file still loads")
}

func TestDiscover(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a.test.yaml", "b/c.test.yml", "b/d.yaml", "testdata/e.test.yaml", ".hidden/f.test.yaml", "node_modules/g.test.yaml", "b/h.test.yaml"} {
		p = filepath.Join(dir, p)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, nil, 0o644))
	}
	files, err := harness.Discover([]string{dir})
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "a.test.yaml"), filepath.Join(dir, "b/c.test.yml"), filepath.Join(dir, "b/h.test.yaml")}, files)

	// A directory named on the command line is searched even if it is a
	// testdata directory; a file is taken whatever its name.
	files, err = harness.Discover([]string{filepath.Join(dir, "testdata"), filepath.Join(dir, "b/d.yaml"), filepath.Join(dir, "a.test.yaml"), filepath.Join(dir, "a.test.yaml")})
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "testdata/e.test.yaml"), filepath.Join(dir, "b/d.yaml"), filepath.Join(dir, "a.test.yaml")}, files)

	_, err = harness.Discover([]string{filepath.Join(dir, "nope")})
	assert.ErrorContains(t, err, "no such file or directory")
}
