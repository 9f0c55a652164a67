package idm

import (
	"errors"
	"sort"
	"strings"
	"testing"
)

var filterUsers = []map[string]any{
	{
		"_id": "1", "userName": "bjensen", "age": int64(30), "active": true, "score": 9.5,
		"mail": "bjensen@example.com",
		"name": map[string]any{"given": "Barbara", "family": "Jensen"},
		"roles": []any{
			map[string]any{"_ref": "managed/alpha_role/admins"},
			map[string]any{"_ref": "managed/alpha_role/staff"},
		},
		"tags": []any{"a", "b"},
	},
	{
		"_id": "2", "userName": "scarter", "age": int64(25), "active": false,
		"mail":  "scarter@example.com",
		"name":  map[string]any{"given": "Sam", "family": "Carter"},
		"roles": []any{map[string]any{"_ref": "managed/alpha_role/staff"}},
		"tags":  []any{"b"},
	},
	{
		"_id": "3", "userName": "O'Brien", "age": int64(41), "mail": nil,
		"name": map[string]any{"given": `Pat "P"`}, "tags": []any{},
	},
}

func TestFilterGrammar(t *testing.T) {
	tests := []struct {
		filter string
		want   string // matching _ids, comma-separated
		errPos int    // >= 0: the filter is invalid at this offset
		errMsg string
	}{
		// Literals and comparisons.
		{filter: "true", want: "1,2,3"},
		{filter: "false", want: ""},
		{filter: "TRUE", want: "1,2,3"},
		{filter: `/userName eq "bjensen"`, want: "1"},
		{filter: `userName eq 'BJENSEN'`, want: "1"},
		{filter: `/name/given sw "Ba"`, want: "1"},
		{filter: `/mail co "EXAMPLE"`, want: "1,2"},
		{filter: `/age gt 25`, want: "1,3"},
		{filter: `/age ge 25`, want: "1,2,3"},
		{filter: `/age lt 30`, want: "2"},
		{filter: `/age le 30`, want: "1,2"},
		{filter: `/age eq 30.0`, want: "1"},
		{filter: `/age eq -1`, want: ""},
		{filter: `/score gt 9`, want: "1"},
		{filter: `/score ge 95e-1`, want: "1"},
		{filter: `/active eq true`, want: "1"},
		{filter: `/active eq false`, want: "2"},
		{filter: `/age gt "x"`, want: ""},
		// Presence.
		{filter: `/mail pr`, want: "1,2"},
		{filter: `/name pr`, want: "1,2,3"},
		{filter: `/missing pr`, want: ""},
		{filter: `/tags pr`, want: "1,2"},
		{filter: `!(/mail pr)`, want: "3"},
		// Arrays and nested pointers.
		{filter: `/roles/0/_ref eq "managed/alpha_role/admins"`, want: "1"},
		{filter: `/roles/1/_ref eq "managed/alpha_role/admins"`, want: ""},
		{filter: `/roles/_ref eq "managed/alpha_role/staff"`, want: "1,2"},
		{filter: `/tags eq "b"`, want: "1,2"},
		{filter: `/tags eq "a"`, want: "1"},
		{filter: `/roles[_ref eq "managed/alpha_role/admins"]`, want: "1"},
		// Quoting and escapes.
		{filter: `/userName eq "O'Brien"`, want: "3"},
		{filter: `/userName eq 'O\'Brien'`, want: "3"},
		{filter: `/name/given eq "Pat \"P\""`, want: "3"},
		{filter: `/userName eq "\u0062jensen"`, want: "1"},
		// Boolean structure and precedence.
		{filter: `/age gt 20 and /active eq true`, want: "1"},
		{filter: `/userName eq "bjensen" or /userName eq "scarter"`, want: "1,2"},
		{filter: `/nope eq 1 or /age lt 30 and /active eq false`, want: "2"},
		{filter: `(/userName eq "bjensen" or /userName eq "scarter") and /age gt 26`, want: "1"},
		{filter: `!(/age gt 26)`, want: "2"},
		{filter: `!/age gt 26`, want: "2"},
		{filter: `/userName EQ "bjensen" AND /age GT 1`, want: "1"},
		{filter: "  (\t/age   gt 40 )  ", want: "3"},
		{filter: `((true))`, want: "1,2,3"},

		// Malformed filters, with the offset of the problem.
		{filter: ``, errPos: 0, errMsg: "empty"},
		{filter: `   `, errPos: 0, errMsg: "empty"},
		{filter: `/userName`, errPos: 9, errMsg: "expected an operator"},
		{filter: `/userName eq`, errPos: 12, errMsg: "expected a value"},
		{filter: `/userName eq bjensen`, errPos: 13, errMsg: "quote strings"},
		{filter: `/userName equals "x"`, errPos: 10, errMsg: `unknown operator "equals"`},
		{filter: `/userName eq "bjensen`, errPos: 13, errMsg: "unterminated string"},
		{filter: `/userName eq 'x" `, errPos: 13, errMsg: "unterminated string"},
		{filter: `(/a eq 1`, errPos: 8, errMsg: `expected ")"`},
		{filter: `/a eq 1)`, errPos: 7, errMsg: "unexpected"},
		{filter: `/a eq 1 and`, errPos: 11, errMsg: "expected an expression"},
		{filter: `and /a eq 1`, errPos: 0, errMsg: "expected an expression before"},
		{filter: `/a eq 1 or or /b pr`, errPos: 11, errMsg: "expected an expression before"},
		{filter: `!!/a pr`, errPos: 1, errMsg: "another"},
		{filter: `! `, errPos: 2, errMsg: "expected an expression"},
		{filter: `()`, errPos: 1, errMsg: "expected an expression"},
		{filter: `/a eq 'x\`, errPos: 8, errMsg: "unfinished escape"},
		{filter: `/a eq "\u12"`, errPos: 7, errMsg: `\u escape`},
		{filter: `/a eq 01`, errPos: 6, errMsg: "expected a value"},
		{filter: `/a eq 1.`, errPos: 6, errMsg: "expected a value"},
		{filter: `/a eq null`, errPos: 6, errMsg: "expected a value"},
		{filter: `/a eq 1e999`, errPos: 6, errMsg: "out of range"},
		{filter: `/a//b pr`, errPos: 3, errMsg: "empty segment"},
		{filter: `/a~2 pr`, errPos: 2, errMsg: "~ must be followed"},
		{filter: `/ pr`, errPos: 0, errMsg: "names no field"},
		{filter: `/a pr extra`, errPos: 6, errMsg: "unexpected"},
		{filter: `/a eq 1 /b eq 2`, errPos: 8, errMsg: "unexpected"},
		{filter: `/roles[_ref eq "x"`, errPos: 18, errMsg: `expected "]"`},
		{filter: `/a lt`, errPos: 5, errMsg: "expected a value"},
		{filter: `true false`, errPos: 5, errMsg: "unexpected"},
		{filter: `/a eq "x" and (`, errPos: 15, errMsg: "expected an expression"},
		{filter: `/a eq ("x")`, errPos: 6, errMsg: "expected a value"},
		{filter: `/a ( eq 1`, errPos: 3, errMsg: "expected an operator"},
	}
	if len(tests) < 40 {
		t.Fatalf("only %d cases", len(tests))
	}
	for _, tc := range tests {
		f, err := ParseFilter(tc.filter)
		if tc.errMsg != "" {
			var fe *FilterError
			if !errors.As(err, &fe) {
				t.Errorf("%q: want an error at %d, got filter %v (err %v)", tc.filter, tc.errPos, f, err)
				continue
			}
			if fe.Pos != tc.errPos || !strings.Contains(fe.Msg, tc.errMsg) {
				t.Errorf("%q: error at %d %q, want at %d containing %q", tc.filter, fe.Pos, fe.Msg, tc.errPos, tc.errMsg)
			}
			if !strings.Contains(err.Error(), "position") {
				t.Errorf("%q: message %q does not give the position", tc.filter, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.filter, err)
			continue
		}
		var got []string
		for _, u := range filterUsers {
			if f.Match(u) {
				got = append(got, u["_id"].(string))
			}
		}
		sort.Strings(got)
		if g := strings.Join(got, ","); g != tc.want {
			t.Errorf("%q (parsed %s): matches %q, want %q", tc.filter, f, g, tc.want)
		}
		// The canonical form parses back to the same filter.
		again, err := ParseFilter(f.String())
		if err != nil || again.String() != f.String() {
			t.Errorf("%q: canonical form %q does not round-trip: %v", tc.filter, f, err)
		}
	}
}

func TestFilterCanonicalForm(t *testing.T) {
	for in, want := range map[string]string{
		`a eq 1 or b eq 2 and !c pr`:  `(/a eq 1 or (/b eq 2 and !(/c pr)))`,
		`/x sw 'y' AND (/z lt 2.5)`:   `(/x sw "y" and /z lt 2.5)`,
		`/r[/k eq true]`:              `/r[/k eq true]`,
		`/a~1b eq "q\""`:              `/a~1b eq "q\""`,
		`!(/a pr or /b pr) and false`: `(!(/a pr or /b pr) and false)`,
	} {
		f, err := ParseFilter(in)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if f.String() != want {
			t.Errorf("%q: canonical %q, want %q", in, f, want)
		}
	}
}
