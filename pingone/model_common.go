package pingone

import (
	"bytes"
	"encoding/json"
	"slices"
)

// Link is a HAL link.
type Link struct {
	Href string `json:"href"`
}

// Links are a resource's HAL links; they are filled when a response is
// written (they depend on the request's host) and never stored.
type Links map[string]Link

// MarshalJSON writes what encoding/json writes for the map (keys sorted,
// each value {"href":...}), without its reflection: every response carries
// links. A string of printable ASCII needs no escaping but the HTML one,
// which the encoder applies to a Marshaler's output when it is asked to;
// any other string goes through the encoder.
func (l Links) MarshalJSON() ([]byte, error) {
	if l == nil {
		return []byte("null"), nil
	}
	keys := make([]string, 0, len(l))
	size := 2
	for k, v := range l {
		keys = append(keys, k)
		size += len(k) + len(v.Href) + 16
	}
	slices.Sort(keys)
	b := make([]byte, 0, size)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = appendJSONString(b, k); err != nil {
			return nil, err
		}
		b = append(b, `:{"href":`...)
		if b, err = appendJSONString(b, l[k].Href); err != nil {
			return nil, err
		}
		b = append(b, '}')
	}
	return append(b, '}'), nil
}

// appendJSONString appends s as a JSON string, leaving <, > and & to the
// encoder (see Links.MarshalJSON).
func appendJSONString(b []byte, s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(s); err != nil {
				return nil, err
			}
			return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...), nil
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"'), nil
}

// Ref points at another resource by id.
type Ref struct {
	ID string `json:"id"`
}

// Notification asks for the user to be told about a credential event.
type Notification struct {
	Methods  []string              `json:"methods,omitempty"`
	Template *NotificationTemplate `json:"template,omitempty"`
	Results  []NotificationResult  `json:"results,omitempty"`
}

// NotificationTemplate selects the content variant and language.
type NotificationTemplate struct {
	Locale    string         `json:"locale,omitempty"`
	Variant   string         `json:"variant,omitempty"`
	Variables map[string]any `json:"variables,omitempty"`
}

// NotificationResult says whether one method reached the user.
type NotificationResult struct {
	Method       string         `json:"method"`
	Sent         bool           `json:"sent"`
	Notification *Ref           `json:"notification,omitempty"`
	Error        map[string]any `json:"error,omitempty"`
}
