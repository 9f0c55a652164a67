package model

import (
	"encoding/json"
	"fmt"
	"time"
)

// Time is a UTC instant serialised the way PingOne does:
// RFC 3339 with exactly three fractional digits and a Z.
type Time struct{ time.Time }

const TimeLayout = "2006-01-02T15:04:05.000Z"

func NewTime(t time.Time) Time { return Time{t.UTC().Truncate(time.Millisecond)} }

func TimePtr(t time.Time) *Time { v := NewTime(t); return &v }

func (t Time) String() string { return t.UTC().Format(TimeLayout) }

func (t Time) MarshalJSON() ([]byte, error) { return json.Marshal(t.String()) }

func (t *Time) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("timestamp must be a string: %w", err)
	}
	return t.Parse(s)
}

// Parse sets t from RFC 3339 text, at PingOne's millisecond precision.
func (t *Time) Parse(s string) error {
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("timestamp %q is not RFC 3339: %w", s, err)
	}
	*t = NewTime(v)
	return nil
}

// MarshalYAML/UnmarshalYAML let seeds write timestamps as plain strings.
func (t Time) MarshalYAML() (any, error) { return t.String(), nil }

func (t *Time) UnmarshalYAML(unmarshal func(any) error) error {
	var s string
	if err := unmarshal(&s); err != nil {
		return err
	}
	return t.Parse(s)
}
