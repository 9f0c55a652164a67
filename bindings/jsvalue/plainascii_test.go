package jsvalue

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPlainASCII checks the eight-bytes-at-a-time test against a byte loop
// with every byte value at every place of strings that span one, two and
// three words, after bytes that make a word's subtraction borrow.
func TestPlainASCII(t *testing.T) {
	want := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
				return false
			}
		}
		return true
	}
	for _, base := range []string{strings.Repeat("a", 17), strings.Repeat(" ", 17), strings.Repeat("~", 23), " !\"#$%&'()*+,-./0"} {
		for at := 0; at < len(base); at++ {
			for c := 0; c < 256; c++ {
				s := base[:at] + string([]byte{byte(c)}) + base[at+1:]
				if got := plainASCII(s); got != want(s) {
					t.Fatalf("plainASCII(%q) = %v", s, got)
				}
			}
		}
	}
	if !plainASCII("") {
		t.Fatal(`plainASCII("") = false`)
	}
}
