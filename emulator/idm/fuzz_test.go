package idm_test

import (
	"errors"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/journeyjs/journeyjs/emulator/idm"
)

// FuzzParseFilter feeds arbitrary text to the _queryFilter parser. It must
// never panic; errors are *FilterError with a position inside the text; a
// parsed filter prints in a canonical form that parses back to itself and
// can be matched. Seeds: testdata/fuzz/FuzzParseFilter.
func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{
		`userName eq "bjensen"`,
		`true`,
		`/name/given sw "Bar" and !(mail pr) or age ge 18`,
		`roles co "admin" and (accountStatus eq "active" or accountStatus eq 'staged')`,
		`_id gt 10.5e3 and flag eq false and x eq null`,
	} {
		f.Add(s)
	}
	obj := map[string]any{
		"_id": "u1", "userName": "bjensen", "age": int64(42), "flag": true,
		"name": map[string]any{"given": "Barbara"}, "roles": []any{"admin", "user"},
	}
	f.Fuzz(func(t *testing.T, s string) {
		flt, err := idm.ParseFilter(s)
		if err != nil {
			var fe *idm.FilterError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *FilterError: %v", err, err)
			}
			if fe.Pos < 0 || fe.Pos > len(s) {
				t.Fatalf("position %d outside the filter (%d bytes): %v", fe.Pos, len(s), err)
			}
			return
		}
		canon := flt.String()
		if !quotable(s) {
			// The canonical form quotes strings Go's way (\x8f, \u0001),
			// which the filter grammar does not read back; only the
			// absence of panics is checked for such text.
			_ = flt.Match(obj)
			return
		}
		again, err := idm.ParseFilter(canon)
		if err != nil {
			t.Fatalf("canonical form %q of %q does not parse: %v", canon, s, err)
		}
		if again.String() != canon {
			t.Fatalf("canonical form is not stable: %q → %q", canon, again.String())
		}
		if flt.Match(obj) != again.Match(obj) {
			t.Fatalf("%q and its canonical form %q match differently", s, canon)
		}
	})
}

// quotable reports whether s is valid UTF-8 with only printable characters,
// which the canonical form writes as they are.
func quotable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !strconv.IsPrint(r) {
			return false
		}
	}
	return true
}
