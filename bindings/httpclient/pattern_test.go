package httpclient

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzMatchPattern checks matchPattern against the regexp a route URL
// pattern stands for: ^ quoted parts joined by .* $.
func FuzzMatchPattern(f *testing.F) {
	for _, c := range [][2]string{
		{"https://api.example.com/users/*/profile", "https://api.example.com/users/42/profile"},
		{"https://x.example/*", "https://x.example/"},
		{"a*b*c", "abc"},
		{"a*b*c", "abbc"},
		{"a*a", "a"},
		{"*", ""},
		{"**", "x"},
		{"a*ba*", "aba"},
		{"exact", "exact"},
		{"exact", "exactly"},
	} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		if strings.Contains(s, "\n") || !utf8.ValidString(pattern) || !utf8.ValidString(s) {
			return // . does not match a newline; URLs have none, and are UTF-8
		}
		parts := strings.Split(pattern, "*")
		for i, p := range parts {
			parts[i] = regexp.QuoteMeta(p)
		}
		re := regexp.MustCompile("^" + strings.Join(parts, ".*") + "$")
		if got, want := matchPattern(pattern, s), re.MatchString(s); got != want {
			t.Fatalf("matchPattern(%q, %q) = %v, want %v", pattern, s, got, want)
		}
	})
}

func TestMatchURL(t *testing.T) {
	for _, c := range []struct {
		pattern, url string
		want         bool
	}{
		{"https://a.test/x", "https://a.test/x?q=1", true},
		{"https://a.test/x?q=2", "https://a.test/x?q=1", false},
		{"https://a.test/x?q=*", "https://a.test/x?q=1", true},
		{"https://*.test/*/z", "https://a.test/b/c/z", true},
		{"https://a.test/x", "https://a.test/xy", false},
		{"*", "anything", true},
		{"https://a.test/(x)", "https://a.test/x", false},
	} {
		if got := MatchURL(c.pattern, c.url); got != c.want {
			t.Errorf("MatchURL(%q, %q) = %v, want %v", c.pattern, c.url, got, c.want)
		}
	}
}
