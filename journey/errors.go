package journey

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
)

// Error is a problem with an export or answers file, naming the file and,
// when known, the line and column.
type Error struct {
	Path   string
	Line   int
	Column int
	Msg    string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// lineCol turns a byte offset into a 1-based line and column (in bytes).
func lineCol(data []byte, off int64) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// jsonError converts encoding/json's errors, which carry byte offsets, into
// an *Error with line and column.
func jsonError(path string, data []byte, err error) *Error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		// Offset is just past the offending byte, or the end of the data
		// when it ended too soon.
		off := se.Offset - 1
		if se.Offset >= int64(len(data)) {
			off = int64(len(data))
		}
		line, col := lineCol(data, off)
		return &Error{Path: path, Line: line, Column: col, Msg: "invalid JSON: " + se.Error()}
	case errors.As(err, &te):
		line, col := lineCol(data, te.Offset)
		return &Error{Path: path, Line: line, Column: col, Msg: "invalid JSON: " + te.Error()}
	}
	return &Error{Path: path, Msg: "invalid JSON: " + err.Error()}
}

// locate finds the line and column of the member at keys (object keys, or
// array indexes in decimal) in the JSON text data; 0, 0 when it is not
// there. It lets checks made on decoded values point at the file.
func locate(data []byte, keys ...string) (line, col int) {
	type frame struct {
		obj     bool
		wantKey bool
		key     string
		n       int
	}
	matches := func(st []frame) bool {
		if len(st) != len(keys) {
			return false
		}
		for i := range st {
			if st[i].key != keys[i] {
				return false
			}
		}
		return true
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var st []frame
	valueDone := func() {
		if len(st) > 0 && st[len(st)-1].obj {
			st[len(st)-1].wantKey = true
		}
	}
	for {
		t, err := dec.Token()
		if err != nil {
			return 0, 0
		}
		off := dec.InputOffset()
		if n := len(st); n > 0 {
			top := &st[n-1]
			if top.obj && top.wantKey {
				if d, ok := t.(json.Delim); ok && d == '}' {
					st = st[:n-1]
					valueDone()
					continue
				}
				k, _ := t.(string)
				top.key, top.wantKey = k, false
				if matches(st) {
					return lineCol(data, off-int64(len(strconv.Quote(k))))
				}
				continue
			}
			if !top.obj {
				if d, ok := t.(json.Delim); ok && d == ']' {
					st = st[:n-1]
					valueDone()
					continue
				}
				top.key = strconv.Itoa(top.n)
				top.n++
				if matches(st) {
					return lineCol(data, off-1)
				}
			}
		}
		switch t {
		case json.Delim('{'):
			st = append(st, frame{obj: true, wantKey: true})
		case json.Delim('['):
			st = append(st, frame{})
		default:
			valueDone()
		}
	}
}

// unwrapPath drops the operation and path of an *os.PathError, which the
// messages name themselves.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
