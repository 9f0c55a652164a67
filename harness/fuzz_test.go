package harness_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/journeyjs/journeyjs/harness"
)

// FuzzParse feeds arbitrary bytes to the test case file parser: no panic.
// Test files name scripts and fixtures by path, which the loader reads; the
// fuzzer is kept away from devices and /proc. Seeds: testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add([]byte("script: s.js\ncases:\n  - name: ok\n    sharedState: {u: bjensen}\n    expect: {outcome: \"true\"}\n"))
	path := filepath.Join(f.TempDir(), "fuzz.test.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, bad := range []string{"/dev", "/proc", "/sys", "dev/", "proc/", "sys/"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Skip()
			}
		}
		_, _ = harness.NewLoader().Parse(path, data)
	})
}
