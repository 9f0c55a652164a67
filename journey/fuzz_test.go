package journey_test

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/journeyjs/journeyjs/journey"
)

// FuzzParse feeds arbitrary bytes to the journey export parser: no panic, and
// a rejected export is a *journey.Error. Seeds: testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"trees": {"T": {"tree": {"_id": "T", "entryNodeId": "n1", "nodes": {}}, "nodes": {}, "scripts": {}}}}`))
	path := filepath.Join(f.TempDir(), "fuzz.journey.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := journey.Parse(path, data); err != nil {
			var je *journey.Error
			if !errors.As(err, &je) {
				t.Fatalf("error %T is not a *journey.Error: %v", err, err)
			}
		}
	})
}

// FuzzParseAnswers feeds arbitrary bytes to the answers file parser (the
// callbacks a journey walk answers with): no panic.
func FuzzParseAnswers(f *testing.F) {
	f.Add([]byte("username: bjensen\npassword: Passw0rd\nnodes:\n  n1: {choice: 0}\n"))
	path := filepath.Join(f.TempDir(), "fuzz.answers.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = journey.ParseAnswers(path, data)
	})
}
