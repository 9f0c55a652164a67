package model

import (
	"encoding/json"
	"testing"
	"time"
)

// TestTimeJSON: timestamps are written as PingOne writes them (three
// fractional digits, UTC) and read from any RFC 3339 string.
func TestTimeJSON(t *testing.T) {
	for _, at := range []time.Time{
		time.Date(2030, 1, 1, 10, 10, 0, 123456789, time.UTC),
		time.Date(2024, 12, 9, 14, 0, 0, 0, time.FixedZone("CET", 3600)),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(12345, 6, 7, 8, 9, 10, 0, time.UTC),
	} {
		v := NewTime(at)
		got, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(v.String())
		eq(t, string(got), string(want), "encoded "+at.String())
	}
	for _, c := range []struct{ in, want string }{
		{`"2030-01-01T10:10:00.123Z"`, "2030-01-01T10:10:00.123Z"},
		{`"2030-01-01T11:10:00.1239+01:00"`, "2030-01-01T10:10:00.123Z"},
		{`"2030-01-01T10:10:00\u002e5Z"`, "2030-01-01T10:10:00.500Z"}, // escaped: decoded first
		{`"2030-01-01"`, "error"},
		{`null`, "error"},
		{`12`, "error"},
		{`"` + "2030-01-01T10:10:00\xffZ" + `"`, "error"},
	} {
		var v Time
		got := "error"
		if err := v.UnmarshalJSON([]byte(c.in)); err == nil {
			got = v.String()
		}
		eq(t, got, c.want, "decoded "+c.in)
	}
}

func eq[T comparable](t *testing.T, got, want T, what string) {
	t.Helper()
	if got != want {
		t.Fatalf("%s = %v, want %v", what, got, want)
	}
}
