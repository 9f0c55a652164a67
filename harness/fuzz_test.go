package harness_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"

	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/harness"
)

// FuzzParse feeds arbitrary bytes to the test case file parser. It must never
// panic, and a rejected file is a *fixtures.Error (naming the file and line,
// as Load promises). Test files name scripts and fixtures by path, which the
// loader reads; the fuzzer is kept away from devices and /proc. Seeds:
// testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add([]byte("script: s.js\ncases:\n  - name: ok\n    sharedState: {u: bjensen}\n    expect: {outcome: \"true\"}\n"))
	path := filepath.Join(f.TempDir(), "fuzz.test.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, bad := range []string{"/dev", "/proc", "/sys", "dev/", "proc/", "sys/"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Skip()
			}
		}
		_, err := harness.NewLoader().Parse(path, data)
		var fe *fixtures.Error
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("error %T is not a *fixtures.Error: %v", err, err)
		}
	})
}
