package httpclient

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestReadBody: an announced length sizes the buffer, but what is read is
// what the body holds, bounded by the limit either way.
func TestReadBody(t *testing.T) {
	for _, c := range []struct {
		name        string
		body        string
		length, max int64
		want        string
	}{
		{"announced exactly", "hello", 5, 10, "hello"},
		{"shorter than announced", "hi", 5, 10, "hi"},
		{"longer than announced", "hello world", 5, 100, "hello world"},
		{"longer than announced and the limit", "hello world", 5, 8, "hello wor"}, // max+1 bytes: over the limit
		{"unknown length", "hello", -1, 10, "hello"},
		{"unknown length over the limit", "hello world", -1, 4, "hello"},
		{"announced over the limit", "hello world", 11, 4, "hello"},
		{"empty", "", 0, 10, ""},
	} {
		got, err := readBody(strings.NewReader(c.body), c.length, c.max)
		if err != nil || string(got) != c.want {
			t.Errorf("%s: readBody = %q, %v; want %q", c.name, got, err, c.want)
		}
	}
	boom := errors.New("boom")
	if _, err := readBody(io.MultiReader(strings.NewReader("ab"), failing{boom}), 5, 10); !errors.Is(err, boom) {
		t.Errorf("a failing body: error %v, want %v", err, boom)
	}
}

type failing struct{ err error }

func (f failing) Read([]byte) (int, error) { return 0, f.err }
