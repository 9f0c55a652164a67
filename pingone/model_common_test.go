package pingone

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestLinksEncodeLikeAMap: Links' own encoder writes exactly what
// encoding/json writes for the plain map, escaping HTML or not.
func TestLinksEncodeLikeAMap(t *testing.T) {
	pieces := []string{"", "self", "password.reset", "https://api.pingone.eu/v1/environments/e/users?filter=a%20b",
		`"q"`, `back\slash`, "<b>&amp;</b>", "tab\there", "\x00\x1f\x7f", "é", "\u2028\u2029", "\xff\xfe", "日本"}
	rng := rand.New(rand.NewPCG(3, 4))
	cases := []Links{nil, {}}
	for range 200 {
		l := Links{}
		for range rng.IntN(6) {
			l[pieces[rng.IntN(len(pieces))]+pieces[rng.IntN(len(pieces))]] = Link{Href: pieces[rng.IntN(len(pieces))] + pieces[rng.IntN(len(pieces))]}
		}
		cases = append(cases, l)
	}
	encode := func(v any, escapeHTML bool) string {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(escapeHTML)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, l := range cases {
		plain := map[string]Link(l)
		for _, escape := range []bool{true, false} {
			eq(t, encode(l, escape), encode(plain, escape), "links")
			type withLinks struct {
				Links Links `json:"_links,omitempty"`
				Other Links `json:"other"`
			}
			type withMap struct {
				Links map[string]Link `json:"_links,omitempty"`
				Other map[string]Link `json:"other"`
			}
			eq(t, encode(withLinks{l, l}, escape), encode(withMap{plain, plain}, escape), "links in a struct")
		}
		got, _ := json.Marshal(l)
		want, _ := json.Marshal(plain)
		eq(t, string(got), string(want), "json.Marshal")
	}
}
