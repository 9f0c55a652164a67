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

func (t Time) String() string {
	var buf [len(timeLayout)]byte
	return string(appendTimeLayout(buf[:0], t.UTC()))
}

// MarshalJSON quotes String's output, which has nothing to escape (digits
// and -:.TZ), as the response encoder writes it (appendTime).
func (t Time) MarshalJSON() ([]byte, error) {
	return appendTime(make([]byte, 0, len(timeLayout)+2), t), nil
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

// appendTimeLayout is t.AppendFormat(b, timeLayout) for t in UTC, written
// by hand for years 0 to 9999: a response has a dozen timestamps, and
// AppendFormat parses its layout each time.
func appendTimeLayout(b []byte, t time.Time) []byte {
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		return t.AppendFormat(b, timeLayout) // sign or fifth digit
	}
	hour, minute, sec := t.Clock()
	milli := t.Nanosecond() / int(time.Millisecond) // truncated, like .000
	two := func(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
	b = two(b, year/100)
	b = two(b, year%100)
	b = append(b, '-')
	b = two(b, int(month))
	b = append(b, '-')
	b = two(b, day)
	b = append(b, 'T')
	b = two(b, hour)
	b = append(b, ':')
	b = two(b, minute)
	b = append(b, ':')
	b = two(b, sec)
	b = append(b, '.', byte('0'+milli/100))
	b = two(b, milli%100)
	return append(b, 'Z')
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
