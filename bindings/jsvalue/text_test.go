package jsvalue_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// TestText: the same text strings.ToValidUTF8 makes, whether the bytes are
// valid or not.
func TestText(t *testing.T) {
	cases := []string{"", "plain", "é日本😀", "\xff", "a\xffb", "\xe2\x80", "ok\xed\xa0\x80ok", "\xf0\x9f\x98", "\ufffd"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		cases = append(cases, string(b))
	}
	for _, c := range cases {
		if got, want := jsvalue.Text([]byte(c)), strings.ToValidUTF8(c, "\uFFFD"); got != want {
			t.Fatalf("Text(%q) = %q, want %q", c, got, want)
		}
	}
}
