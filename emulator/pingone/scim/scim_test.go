package scim

import (
	"encoding/json"
	"testing"
)

func TestSCIMFilter(t *testing.T) {
	// A user as its JSON attribute tree, the form filters read.
	var attrs map[string]any
	err := json.Unmarshal([]byte(`{"id": "u1", "username": "alice", "email": "Alice@Example.com", "enabled": true,
		"name": {"given": "Alice", "family": "Martin"}, "address": {"locality": "Paris", "postalCode": "75001"},
		"lifecycle": {"status": "ACCOUNT_OK"}, "memberOfGroupIDs": ["g1", "g2"]}`), &attrs)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]bool{
		`username eq "alice"`:                                true,
		`username eq "ALICE"`:                                true,
		`username ne "alice"`:                                false,
		`email co "example"`:                                 true,
		`email sw "alice@"`:                                  true,
		`email ew ".com"`:                                    true,
		`email ew ".org"`:                                    false,
		`name.family eq "Martin"`:                            true,
		`address.locality eq "Paris"`:                        true,
		`address.postalCode gt "75000"`:                      true,
		`address.postalCode ge "75001"`:                      true,
		`address.postalCode lt "75001"`:                      false,
		`address.postalCode le "75001"`:                      true,
		`address.postalCode gt 75000`:                        true,
		`nickname pr`:                                        false,
		`email pr`:                                           true,
		`enabled eq true`:                                    true,
		`memberOfGroupIDs eq "g2"`:                           true,
		`nickname eq null`:                                   true,
		`username eq "bob" or name.given eq "Alice"`:         true,
		`username eq "bob" or name.given eq "X" and true eq`: false, // parse error case handled below
		`not (username eq "alice")`:                          false,
		`(username eq "bob" or username eq "alice") and address.locality sw "Pa"`: true,
		`username eq "alice" and not (address.locality eq "Lyon")`:                true,
	}
	for src, want := range cases {
		f, err := Parse(src)
		if src == `username eq "bob" or name.given eq "X" and true eq` {
			if err == nil {
				t.Errorf("%s: want parse error", src)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if got := f.Match(attrs); got != want {
			t.Errorf("%s = %v, want %v", src, got, want)
		}
	}
	for _, bad := range []string{``, `username`, `username xx "a"`, `(username eq "a"`, `username eq "a`, `username eq a`} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("%q: want error", bad)
		}
	}
}
