package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const harnessData = "../../testdata/harness"

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestTestCommandPasses(t *testing.T) {
	code, out, errOut := cli(t, "test", harnessData+"/pass.test.yaml", harnessData+"/parallel.test.yaml")
	require.Equal(t, 0, code, out+errOut)
	assert.Equal(t, "28 passed, 0 failed", lastLine(out))
	assert.Regexp(t, `(?m)^PASS  \.\./\.\./testdata/harness/pass\.test\.yaml/admins/root \(\d+\.\d+ms\)$`, out)
	assert.NotContains(t, out, "FAIL")
	assert.Empty(t, errOut)
}

func TestTestCommandExampleScripts(t *testing.T) {
	code, out, errOut := cli(t, "test", "../../scripts")
	require.Equal(t, 0, code, out+errOut)
	assert.Contains(t, out, "PASS  ../../scripts/risk-decision.test.yaml/by country/FR is known")
	assert.Contains(t, out, "PASS  ../../scripts/issue-credential.test.yaml/issues to the paired wallet")
	assert.Regexp(t, `^\d+ passed, 0 failed$`, lastLine(out))
}

func TestTestCommandFailuresExitOne(t *testing.T) {
	code, out, _ := cli(t, "test", harnessData+"/fail.test.yaml", harnessData+"/pass.test.yaml")
	assert.Equal(t, 1, code)
	assert.Equal(t, "12 passed, 11 failed", lastLine(out))
	assert.Contains(t, out, "FAIL  ../../testdata/harness/fail.test.yaml/wrong state (")
	// The diff of expected against actual, under the case.
	assert.Contains(t, out, "        -    \"tier\": \"platinum\"\n        +    \"tier\": \"silver\"\n")
	assert.Contains(t, out, `      outcome: expected "admin", got "user"`)
}

func TestTestCommandRunFilter(t *testing.T) {
	code, out, errOut := cli(t, "test", harnessData+"/fail.test.yaml", harnessData+"/pass.test.yaml", "--run", `pass\.test\.yaml/admins/`)
	require.Equal(t, 0, code, out+errOut)
	assert.Equal(t, "3 passed, 0 failed", lastLine(out))
	assert.Equal(t, 4, strings.Count(out, "\n"))

	code, out, _ = cli(t, "test", harnessData+"/fail.test.yaml", "--run", "wrong (outcome|headers)$")
	assert.Equal(t, 1, code)
	assert.Equal(t, "0 passed, 2 failed", lastLine(out))

	code, out, errOut = cli(t, "test", harnessData+"/pass.test.yaml", "--run", "no such case")
	assert.Equal(t, 0, code)
	assert.Equal(t, "0 passed, 0 failed", lastLine(out))
	assert.Contains(t, errOut, "no test case matches")

	code, _, errOut = cli(t, "test", harnessData+"/pass.test.yaml", "--run", "(")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "--run")
}

func TestTestCommandJUnit(t *testing.T) {
	report := filepath.Join(t.TempDir(), "junit.xml")
	code, _, _ := cli(t, "test", harnessData+"/pass.test.yaml", harnessData+"/fail.test.yaml", "--junit", report)
	assert.Equal(t, 1, code)
	data, err := os.ReadFile(report)
	require.NoError(t, err)
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name     string `xml:"name,attr"`
			Tests    int    `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Cases    []struct {
				Name    string `xml:"name,attr"`
				Time    string `xml:"time,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
					Text    string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal(data, &doc))
	assert.Equal(t, 23, doc.Tests)
	assert.Equal(t, 11, doc.Failures)
	require.Len(t, doc.Suites, 2)
	assert.Equal(t, "../../testdata/harness/fail.test.yaml", doc.Suites[1].Name)
	assert.Equal(t, 11, doc.Suites[1].Failures)
	c := doc.Suites[1].Cases[0]
	assert.Equal(t, "wrong outcome", c.Name)
	require.NotNil(t, c.Failure)
	assert.Equal(t, `outcome: expected "admin", got "user"`, c.Failure.Message)

	code, _, errOut := cli(t, "test", harnessData+"/pass.test.yaml", "--junit", filepath.Join(t.TempDir(), "no", "dir", "j.xml"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "--junit")
}

func TestTestCommandJSON(t *testing.T) {
	code, out, _ := cli(t, "test", harnessData+"/fail.test.yaml", harnessData+"/parallel.test.yaml", "--format", "json")
	assert.Equal(t, 1, code)
	var doc struct {
		Passed int `json:"passed"`
		Failed int `json:"failed"`
		Cases  []struct {
			Name     string `json:"name"`
			Status   string `json:"status"`
			Failures []struct {
				Check string `json:"check"`
				Diff  string `json:"diff"`
			} `json:"failures"`
			Result map[string]any `json:"result"`
		} `json:"cases"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	require.NoError(t, dec.Decode(&doc), out)
	assert.False(t, dec.More(), "one JSON document")
	assert.Equal(t, 16, doc.Passed)
	assert.Equal(t, 11, doc.Failed)
	require.Len(t, doc.Cases, 27)
	assert.Equal(t, "../../testdata/harness/fail.test.yaml/wrong state", doc.Cases[1].Name)
	assert.Equal(t, "fail", doc.Cases[1].Status)
	assert.Equal(t, "sharedState", doc.Cases[1].Failures[0].Check)
	assert.Contains(t, doc.Cases[1].Failures[0].Diff, "platinum")
	assert.Equal(t, "user", doc.Cases[1].Result["outcome"])
	assert.Equal(t, "pass", doc.Cases[26].Status)
}

func TestTestCommandBadFilesExitTwo(t *testing.T) {
	code, out, errOut := cli(t, "test", harnessData+"/bad")
	assert.Equal(t, 2, code)
	assert.Empty(t, out, "nothing runs when a file is bad")
	assert.Contains(t, errOut, harnessData+`/bad/unknown-key.test.yaml:5: unknown key "outcom"`)
	assert.Contains(t, errOut, harnessData+"/bad/no-name.test.yaml:4: this case has no name")
	assert.Contains(t, errOut, harnessData+`/bad/inline-fixtures.test.yaml:4: unknown key "secret"`)

	// The harness's own testdata is skipped when searching a parent.
	dir := t.TempDir()
	writeFile(t, dir, "ok.test.yaml", "source: 'action.goTo(\"x\")'\nexpect: {outcome: x}\n")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "testdata"), 0o755))
	writeFile(t, filepath.Join(dir, "testdata"), "bad.test.yaml", "nonsense: 1\n")
	code, out, errOut = cli(t, "test", dir)
	assert.Equal(t, 0, code, errOut)
	assert.Equal(t, "1 passed, 0 failed", lastLine(out))
}

func TestTestCommandUsageErrors(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]string{
		"bad format":    {"test", harnessData + "/pass.test.yaml", "--format", "xml"},
		"missing path":  {"test", filepath.Join(dir, "nope")},
		"no test files": {"test", dir},
		"bad parallel":  {"test", harnessData + "/pass.test.yaml", "--parallel", "-1"},
		"unknown flag":  {"test", "--frobnicate"},
	}
	for name, args := range cases {
		code, _, errOut := cli(t, args...)
		assert.Equal(t, 2, code, name)
		assert.NotEmpty(t, errOut, name)
	}
}
