package pingone

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"
)

// TestTimeJSONShortcuts: Time's encoder and decoder skip the generic JSON
// machinery; they must answer what it would.
func TestTimeJSONShortcuts(t *testing.T) {
	for _, at := range []time.Time{
		time.Date(2030, 1, 1, 10, 10, 0, 123456789, time.UTC),
		time.Date(2024, 12, 9, 14, 0, 0, 0, time.FixedZone("CET", 3600)),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(12345, 6, 7, 8, 9, 10, 0, time.UTC),
	} {
		v := newTime(at)
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

// TestAppendTimeLayout: the hand-written layout writes what AppendFormat
// writes, for instants spread over and beyond years 0 to 9999.
func TestAppendTimeLayout(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	edges := []time.Time{
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 2, 29, 9, 5, 7, 1e6-1, time.UTC),
		{},
	}
	for i := range 100000 {
		var at time.Time
		if i < len(edges) {
			at = edges[i]
		} else {
			at = time.Unix(rng.Int64N(400e9)-300e9, rng.Int64N(1e9)).UTC()
		}
		want := at.AppendFormat([]byte("x"), timeLayout)
		if got := appendTimeLayout([]byte("x"), at); !bytes.Equal(got, want) {
			t.Fatalf("%v: got %s, want %s", at, got, want)
		}
	}
}
