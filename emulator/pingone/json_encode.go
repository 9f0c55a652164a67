package pingone

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"math/bits"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"
)

// appendJSON appends exactly what json.Marshal(v) returns (HTML-escaped,
// map keys sorted, no trailing newline), or fails with errNeedsStdJSON.
//
// Every response and every stored document is encoded, and encoding/json
// spends most of that time on Marshalers (Links, Time): it calls them,
// then re-scans and copies what they return. This encoder writes those
// types itself and scans nothing twice: it walks values with plans worked
// out once per type,
// and takes map[string]any and []any, the documents' shape, without
// reflection. It only knows the plain shapes this package uses; anything
// else (another Marshaler, []byte, float32, embedded structs, ...) makes it
// give up, and the caller then uses encoding/json, so output never
// differs: see marshalJSON.
func appendJSON(b []byte, v any) ([]byte, error) { return appendAny(b, v, 0) }

// marshalJSON is json.Marshal through appendJSON when it can. The result
// has no spare capacity: stored documents keep it.
func marshalJSON(v any) ([]byte, error) {
	bp := encodeBufs.Get().(*[]byte)
	defer putEncodeBuf(bp)
	b, err := appendJSON((*bp)[:0], v)
	if err != nil {
		return json.Marshal(v)
	}
	if jsonCrossCheck != nil {
		jsonCrossCheck(v, b)
	}
	*bp = b
	return bytes.Clone(b), nil
}

// encodeBufs recycles encode buffers: a response is encoded whole, then
// written once.
var encodeBufs = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledBuf keeps a rare huge response from pinning its buffer.
const maxPooledBuf = 64 << 10

// encodeJSONTo writes what json.NewEncoder(w).Encode(v) writes: v's JSON
// and a newline, in one Write, nothing when v cannot be encoded.
func encodeJSONTo(w io.Writer, v any) error {
	bp := encodeBufs.Get().(*[]byte)
	defer putEncodeBuf(bp)
	b, err := appendJSON((*bp)[:0], v)
	if err != nil {
		return json.NewEncoder(w).Encode(v)
	}
	if jsonCrossCheck != nil {
		jsonCrossCheck(v, b)
	}
	b = append(b, '\n')
	*bp = b
	_, err = w.Write(b)
	return err
}

func putEncodeBuf(bp *[]byte) {
	if cap(*bp) <= maxPooledBuf {
		*bp = (*bp)[:0]
		encodeBufs.Put(bp)
	}
}

// jsonCrossCheck, when set (by the tests, before any request), is shown
// every value encodeJSONTo and marshalJSON encoded with appendJSON and the
// bytes it made, so that all the package's tests check them.
var jsonCrossCheck func(v any, got []byte)

// errNeedsStdJSON says a value has a type or value appendJSON does not
// encode like encoding/json (which may then fail on it, e.g. NaN).
var errNeedsStdJSON = errors.New("value needs encoding/json")

// maxJSONDepth stops cyclic values; encoding/json reports those.
const maxJSONDepth = 500

// appendAny encodes an interface value: the JSON shapes directly, any
// other dynamic type through its plan.
func appendAny(b []byte, v any, depth int) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case string:
		return appendJSONQuoted(b, x), nil
	case bool:
		return strconv.AppendBool(b, x), nil
	case float64:
		return appendFloat(b, x)
	case map[string]any:
		return appendMapAny(b, x, depth)
	case []any:
		return appendSliceAny(b, x, depth)
	case Links:
		return appendLinks(b, x), nil
	}
	rv := reflect.ValueOf(v)
	return planOf(rv.Type()).enc(b, rv, depth)
}

func appendMapAny(b []byte, m map[string]any, depth int) ([]byte, error) {
	if m == nil {
		return append(b, "null"...), nil
	}
	if depth++; depth > maxJSONDepth {
		return b, errNeedsStdJSON
	}
	var buf [16]string
	keys := sortedKeys(buf[:0], m)
	b = append(b, '{')
	var err error
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONQuoted(b, k)
		b = append(b, ':')
		if b, err = appendAny(b, m[k], depth); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

func appendSliceAny(b []byte, s []any, depth int) ([]byte, error) {
	if s == nil {
		return append(b, "null"...), nil
	}
	if depth++; depth > maxJSONDepth {
		return b, errNeedsStdJSON
	}
	b = append(b, '[')
	var err error
	for i, v := range s {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendAny(b, v, depth); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// appendLinks is what encoding/json makes of Links.MarshalJSON's output:
// a map of {"href":...} objects, HTML-escaped.
func appendLinks(b []byte, l Links) []byte {
	if l == nil {
		return append(b, "null"...)
	}
	var buf [16]string
	b = append(b, '{')
	for i, k := range sortedKeys(buf[:0], l) {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONQuoted(b, k)
		b = append(b, `:{"href":`...)
		b = appendJSONQuoted(b, l[k].Href)
		b = append(b, '}')
	}
	return append(b, '}')
}

// appendEmbeddedList is what encoding/json makes of embeddedList's
// MarshalJSON output: the one-entry map it stands for.
func appendEmbeddedList(b []byte, e embeddedList, depth int) ([]byte, error) {
	if depth++; depth > maxJSONDepth {
		return b, errNeedsStdJSON
	}
	b = append(b, '{')
	b = appendJSONQuoted(b, e.key)
	b = append(b, ':')
	b, err := appendAny(b, e.items, depth)
	if err != nil {
		return b, err
	}
	return append(b, '}'), nil
}

// appendTime is Time.MarshalJSON's output, which has nothing to escape.
func appendTime(b []byte, t Time) []byte {
	b = append(b, '"')
	b = appendTimeLayout(b, t.UTC())
	return append(b, '"')
}

// sortedKeys appends m's keys to keys, sorted. Callers pass a small array
// of their own, so that a map of a few keys costs no allocation.
func sortedKeys[V any](keys []string, m map[string]V) []string {
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// appendFloat formats like encoding/json's float64 encoder (ES6 number
// to string); it cannot encode NaN or infinities.
func appendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, errNeedsStdJSON
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 is written e-9.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

const hexDigits = "0123456789abcdef"

// jsonSafe marks the ASCII bytes a JSON string holds as they are, HTML
// escaping on: not controls, quote, backslash, <, > or &.
var jsonSafe = func() (safe [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		safe[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return safe
}()

// appendJSONQuoted writes s as encoding/json does with HTML escaping on:
// <, > and & as \u003c..., U+2028 and U+2029 escaped, invalid UTF-8 as
// \ufffd, control characters as \n-style or \u00XX escapes.
func appendJSONQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Responses are mostly long plain ASCII (hrefs, ids, card SVGs):
		// skip it eight bytes at a time, up to the first byte to look at.
		if len(s)-i >= 8 {
			if special := jsonSpecial8(load8(s, i)); special != 0 {
				i += bits.TrailingZeros64(special) / 8
			} else {
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// load8 is s[i:i+8] as a little-endian word (the compiler makes it one
// load): its low byte is s[i].
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

const (
	ones  = 0x0101010101010101 // 0x01 in every byte
	highs = 0x8080808080808080 // 0x80 in every byte
)

// jsonSpecial8 has the high bit of a byte of x set when that byte is one
// jsonSafe does not mark (non-ASCII, a control, ", \, <, > or &), and
// possibly of bytes after one such; so its lowest set bit is exactly the
// first byte to look at, and it is 0 when all eight are safe.
//
// Below the first such byte every byte is in 0x20..0x7f, so no term
// borrows there nor has a high bit set. The first such byte has its high
// bit set, or is below 0x20 (x - 0x20 wraps), or is the character c that
// makes its byte of x^c zero (- ones wraps). ORing 0x04 maps " (0x22) to
// & (0x26), and 0x02 < to >, so one term finds each pair (| and ^ apply
// left to right).
func jsonSpecial8(x uint64) uint64 {
	controls := x - 0x20*ones
	quoteAmp := (x | 0x04*ones ^ '&'*ones) - ones
	backslash := (x ^ '\\'*ones) - ones
	angles := (x | 0x02*ones ^ '>'*ones) - ones
	return (x | controls | quoteAmp | backslash | angles) & highs
}
