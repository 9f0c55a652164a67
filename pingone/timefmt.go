package pingone

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
	"unicode/utf8"
)

// Time is a UTC instant serialised the way PingOne does:
// RFC 3339 with exactly three fractional digits and a Z.
type Time struct{ time.Time }

const timeLayout = "2006-01-02T15:04:05.000Z"

func newTime(t time.Time) Time { return Time{t.UTC().Truncate(time.Millisecond)} }

func timePtr(t time.Time) *Time { v := newTime(t); return &v }

func (t Time) String() string { return t.UTC().Format(timeLayout) }

// MarshalJSON quotes String's output, which has nothing to escape (digits
// and -:.TZ), without a trip through the encoder.
func (t Time) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, len(timeLayout)+2)
	b = append(b, '"')
	b = t.UTC().AppendFormat(b, timeLayout)
	return append(b, '"'), nil
}

func (t *Time) UnmarshalJSON(b []byte) error {
	// The decoder hands over valid JSON; a string without escapes (every
	// timestamp this package writes) is its bytes between the quotes, so
	// a nested decode is only needed for the others.
	var s string
	if n := len(b); n >= 2 && b[0] == '"' && b[n-1] == '"' && bytes.IndexByte(b, '\\') < 0 && utf8.Valid(b) {
		s = string(b[1 : n-1])
	} else if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("timestamp must be a string: %w", err)
	}
	return t.parse(s)
}

// parse sets t from RFC 3339 text, at PingOne's millisecond precision.
func (t *Time) parse(s string) error {
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("timestamp %q is not RFC 3339: %w", s, err)
	}
	*t = newTime(v)
	return nil
}

// MarshalYAML/UnmarshalYAML let seeds write timestamps as plain strings.
func (t Time) MarshalYAML() (any, error) { return t.String(), nil }

func (t *Time) UnmarshalYAML(unmarshal func(any) error) error {
	var s string
	if err := unmarshal(&s); err != nil {
		return err
	}
	return t.parse(s)
}
