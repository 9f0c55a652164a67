package pingone

import (
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// jsonPlan is how appendJSON encodes the values of one type, worked out
// once: the struct fields to write and their names already quoted, what
// each kind of value needs.
type jsonPlan struct {
	enc func(b []byte, v reflect.Value, depth int) ([]byte, error)
}

var jsonPlans typePlans[jsonPlan]

func planOf(t reflect.Type) *jsonPlan { return jsonPlans.of(t, buildJSONPlan) }

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	numberType        = reflect.TypeFor[json.Number]()
	timeType          = reflect.TypeFor[Time]()
	linksType         = reflect.TypeFor[Links]()
	embeddedListType  = reflect.TypeFor[embeddedList]()
	flexNumberType    = reflect.TypeFor[FlexNumber]()
	mapAnyType        = reflect.TypeFor[map[string]any]()
	sliceAnyType      = reflect.TypeFor[[]any]()
)

// customJSON tells whether encoding/json would hand values of t, or of
// *t when addressable, to a method of theirs.
func customJSON(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return t.Implements(marshalerType) || t.Implements(textMarshalerType) ||
		pt.Implements(marshalerType) || pt.Implements(textMarshalerType)
}

func unsupportedJSON(b []byte, _ reflect.Value, _ int) ([]byte, error) { return b, errNeedsStdJSON }

// buildJSONPlan works out the plan of t. A recursive type meets its own
// plan before it is complete, only behind a pointer, slice or map, whose
// encoders read the element's plan when they run, not now.
func buildJSONPlan(t reflect.Type, seen map[reflect.Type]*jsonPlan) *jsonPlan {
	if p, ok := seen[t]; ok {
		return p
	}
	p := &jsonPlan{enc: unsupportedJSON}
	seen[t] = p
	// The Marshalers of this package, whose output appendJSON knows.
	switch t {
	case timeType:
		p.enc = encodeTime
		return p
	case linksType:
		p.enc = func(b []byte, v reflect.Value, _ int) ([]byte, error) {
			l, _ := reflect.TypeAssert[Links](v)
			return appendLinks(b, l), nil
		}
		return p
	case embeddedListType:
		p.enc = func(b []byte, v reflect.Value, depth int) ([]byte, error) {
			e, _ := reflect.TypeAssert[embeddedList](v)
			return appendEmbeddedList(b, e, depth)
		}
		return p
	case flexNumberType:
		p.enc = func(b []byte, v reflect.Value, _ int) ([]byte, error) {
			f := v.Float()
			if math.IsInf(f, 0) || math.IsNaN(f) {
				return b, errNeedsStdJSON // not JSON: encoding/json fails
			}
			return FlexNumber(f).appendJSON(b), nil
		}
		return p
	case numberType:
		return p
	}
	if t.Kind() != reflect.Pointer && customJSON(t) {
		return p
	}
	switch t.Kind() {
	case reflect.Bool:
		p.enc = func(b []byte, v reflect.Value, _ int) ([]byte, error) { return strconv.AppendBool(b, v.Bool()), nil }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.enc = func(b []byte, v reflect.Value, _ int) ([]byte, error) { return strconv.AppendInt(b, v.Int(), 10), nil }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.enc = func(b []byte, v reflect.Value, _ int) ([]byte, error) {
			return strconv.AppendUint(b, v.Uint(), 10), nil
		}
	case reflect.Float64:
		p.enc = func(b []byte, v reflect.Value, _ int) ([]byte, error) { return appendFloat(b, v.Float()) }
	case reflect.String:
		p.enc = func(b []byte, v reflect.Value, _ int) ([]byte, error) { return appendJSONQuoted(b, v.String()), nil }
	case reflect.Interface:
		p.enc = func(b []byte, v reflect.Value, depth int) ([]byte, error) {
			if v.IsNil() {
				return append(b, "null"...), nil
			}
			return appendAny(b, v.Interface(), depth)
		}
	case reflect.Pointer:
		elem := buildJSONPlan(t.Elem(), seen)
		p.enc = func(b []byte, v reflect.Value, depth int) ([]byte, error) {
			if v.IsNil() {
				return append(b, "null"...), nil
			}
			if depth++; depth > maxJSONDepth {
				return b, errNeedsStdJSON
			}
			return elem.enc(b, v.Elem(), depth)
		}
	case reflect.Slice:
		p.enc = sliceEncoder(t, seen)
	case reflect.Map:
		p.enc = mapEncoder(t, seen)
	case reflect.Struct:
		p.enc = structEncoder(t, seen)
	}
	// Anything else (float32, arrays, channels, ...) stays unsupported.
	return p
}

func encodeTime(b []byte, v reflect.Value, _ int) ([]byte, error) {
	t, _ := reflect.TypeAssert[Time](v)
	return appendTime(b, t), nil
}

func sliceEncoder(t reflect.Type, seen map[reflect.Type]*jsonPlan) func([]byte, reflect.Value, int) ([]byte, error) {
	if t == sliceAnyType {
		return func(b []byte, v reflect.Value, depth int) ([]byte, error) {
			s, _ := reflect.TypeAssert[[]any](v)
			return appendSliceAny(b, s, depth)
		}
	}
	if t.Elem().Kind() == reflect.Uint8 {
		return unsupportedJSON // base64, or a Marshaler's bytes
	}
	elem := buildJSONPlan(t.Elem(), seen)
	return func(b []byte, v reflect.Value, depth int) ([]byte, error) {
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		if depth++; depth > maxJSONDepth {
			return b, errNeedsStdJSON
		}
		b = append(b, '[')
		var err error
		for i := range v.Len() {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = elem.enc(b, v.Index(i), depth); err != nil {
				return b, err
			}
		}
		return append(b, ']'), nil
	}
}

func mapEncoder(t reflect.Type, seen map[reflect.Type]*jsonPlan) func([]byte, reflect.Value, int) ([]byte, error) {
	if t == mapAnyType {
		return func(b []byte, v reflect.Value, depth int) ([]byte, error) {
			m, _ := reflect.TypeAssert[map[string]any](v)
			return appendMapAny(b, m, depth)
		}
	}
	if t.Key().Kind() != reflect.String {
		return unsupportedJSON // keys of other kinds are converted
	}
	elem := buildJSONPlan(t.Elem(), seen)
	return func(b []byte, v reflect.Value, depth int) ([]byte, error) {
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		if depth++; depth > maxJSONDepth {
			return b, errNeedsStdJSON
		}
		type entry struct {
			key string
			val reflect.Value
		}
		entries := make([]entry, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			entries = append(entries, entry{it.Key().String(), it.Value()})
		}
		slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
		b = append(b, '{')
		var err error
		for i, e := range entries {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONQuoted(b, e.key)
			b = append(b, ':')
			if b, err = elem.enc(b, e.val, depth); err != nil {
				return b, err
			}
		}
		return append(b, '}'), nil
	}
}

// jsonField is a struct field as encoding/json writes it.
type jsonField struct {
	index     int
	prefix    string // the quoted name and its colon
	omitEmpty bool
	plan      *jsonPlan
}

// structEncoder covers structs whose fields encoding/json writes in
// declaration order under their own names: no embedded fields, no
// options but omitempty, no names it would refuse or drop as duplicates.
func structEncoder(t reflect.Type, seen map[reflect.Type]*jsonPlan) func([]byte, reflect.Value, int) ([]byte, error) {
	var fields []jsonField
	names := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		if f.Anonymous {
			return unsupportedJSON
		}
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if opts != "" && opts != "omitempty" {
			return unsupportedJSON
		}
		if name == "" {
			name = f.Name
		}
		if !plainJSONName(name) || names[name] {
			return unsupportedJSON
		}
		names[name] = true
		fields = append(fields, jsonField{
			index:     i,
			prefix:    string(appendJSONQuoted(nil, name)) + ":",
			omitEmpty: opts == "omitempty",
			plan:      buildJSONPlan(f.Type, seen),
		})
	}
	return func(b []byte, v reflect.Value, depth int) ([]byte, error) {
		b = append(b, '{')
		first := true
		var err error
		for _, f := range fields {
			fv := v.Field(f.index)
			if f.omitEmpty && emptyJSON(fv) {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, f.prefix...)
			if b, err = f.plan.enc(b, fv, depth); err != nil {
				return b, err
			}
		}
		return append(b, '}'), nil
	}
}

// plainJSONName: letters, digits and _$.- only, which encoding/json takes
// as they are (it has its own rules for other names).
func plainJSONName(s string) bool {
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("_$.-", c) >= 0) {
			return false
		}
	}
	return s != ""
}

// emptyJSON is encoding/json's omitempty test.
func emptyJSON(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64,
		reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}
