package pingone

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestLinksEncodeLikeAMap: the response encoder writes Links exactly as
// encoding/json writes the plain map, alone and inside a struct.
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
	encode := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	mine := func(v any) string {
		b, err := appendJSON(nil, v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, l := range cases {
		plain := map[string]Link(l)
		eq(t, mine(l), encode(plain), "links")
		type withLinks struct {
			Links Links `json:"_links,omitempty"`
			Other Links `json:"other"`
		}
		type withMap struct {
			Links map[string]Link `json:"_links,omitempty"`
			Other map[string]Link `json:"other"`
		}
		eq(t, mine(withLinks{l, l}), encode(withMap{plain, plain}), "links in a struct")
	}
}
