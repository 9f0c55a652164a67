package pingone

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"
)

// crossCheckFailures counts responses and documents that appendJSON wrote
// differently from encoding/json while the package's tests ran.
var crossCheckFailures atomic.Int64

// changedViews counts kept decoded documents found changed: someone wrote
// to a value the memory store lent or copies from.
var changedViews atomic.Int64

// TestMain has every test of the package compare each response and stored
// document appendJSON encodes with what encoding/json makes of the value,
// and each decoded document the memory store keeps with a fresh decode.
func TestMain(m *testing.M) {
	jsonCrossCheck = func(v any, got []byte) {
		want, err := json.Marshal(v)
		if err != nil || !bytes.Equal(got, want) {
			crossCheckFailures.Add(1)
			fmt.Fprintf(os.Stderr, "appendJSON of %T:\n got %s\nwant %s (%v)\n", v, got, want, err)
		}
	}
	decodedCheck = func(doc []byte, v reflect.Value) {
		fresh := reflect.New(v.Type().Elem())
		if err := json.Unmarshal(doc, fresh.Interface()); err != nil || !reflect.DeepEqual(fresh.Interface(), v.Interface()) {
			changedViews.Add(1)
			fmt.Fprintf(os.Stderr, "a kept %s no longer matches its document %s (%v)\n", v.Type(), doc, err)
		}
	}
	code := m.Run()
	if n := crossCheckFailures.Load(); n > 0 {
		fmt.Fprintf(os.Stderr, "appendJSON differed from encoding/json %d times\n", n)
		code = 1
	}
	if n := changedViews.Load(); n > 0 {
		fmt.Fprintf(os.Stderr, "kept decoded documents were changed %d times\n", n)
		code = 1
	}
	os.Exit(code)
}

// withoutCrossCheck turns TestMain's checks off for a benchmark, which
// measures the emulator rather than the test hooks (a decode per view).
func withoutCrossCheck(b *testing.B) {
	check, decoded := jsonCrossCheck, decodedCheck
	jsonCrossCheck, decodedCheck = nil, nil
	b.Cleanup(func() { jsonCrossCheck, decodedCheck = check, decoded })
}

// checkLikeEncodingJSON fails unless appendJSON and encodeJSONTo write what
// json.Marshal and json.Encoder.Encode write for v, or appendJSON declines
// and the fallbacks then do.
func checkLikeEncodingJSON(t *testing.T, v any) {
	t.Helper()
	want, wantErr := json.Marshal(v)
	got, err := appendJSON(nil, v)
	switch {
	case err == nil && wantErr != nil:
		t.Fatalf("%T %#v: appendJSON wrote %s, encoding/json fails: %v", v, v, got, wantErr)
	case err == nil && !bytes.Equal(got, want):
		t.Fatalf("%T %#v:\n got %s\nwant %s", v, v, got, want)
	case err != nil && err != errNeedsStdJSON:
		t.Fatalf("%T: unexpected error %v", v, err)
	}
	m, mErr := marshalJSON(v)
	if (mErr == nil) != (wantErr == nil) || !bytes.Equal(m, want) {
		t.Fatalf("%T: marshalJSON wrote %s (%v), want %s (%v)", v, m, mErr, want, wantErr)
	}
	var gotW, wantW bytes.Buffer
	gotErr := encodeJSONTo(&gotW, v)
	encErr := json.NewEncoder(&wantW).Encode(v)
	if (gotErr == nil) != (encErr == nil) || gotW.String() != wantW.String() {
		t.Fatalf("%T: encodeJSONTo wrote %q (%v), want %q (%v)", v, gotW.String(), gotErr, wantW.String(), encErr)
	}
}

// jsonPieces are string fragments that need every kind of escaping.
var jsonPieces = []string{
	"", "a", "self", "Barbara J. Jensen", `"q"`, `back\slash`, "<svg>&amp;</svg>", "a<b>c&d",
	"tab\there", "\n\r\b\f", "\x00\x1f", "\x7f", "é", "\u2028", "\u2029", "x\u2028y\u2029z",
	"\xff", "\xfe\xff", "\xe2\x80", "日本語", "😀", "\ufffd", "https://api.pingone.eu/v1/environments/e/users?filter=a%20b&x=<y>",
}

func TestAppendJSONEdgeCases(t *testing.T) {
	ts := Time{time.Date(2024, 12, 9, 14, 0, 0, 123e6, time.UTC)}
	var nilTime *Time
	var nilMap map[string]any
	var nilSlice []any
	var nilLinks Links
	type tagged struct {
		A        string            `json:"a,omitempty"`
		B        int               `json:"b"`
		C        *bool             `json:"c,omitempty"`
		D        []string          `json:"d"`
		E        map[string]string `json:"e,omitempty"`
		F        any               `json:"f"`
		G        uint8             `json:"g,omitempty"`
		Untagged float64
		Skipped  string `json:"-"`
		hidden   string
	}
	values := []any{
		nil, true, false, 0.0, math.Copysign(0, -1), 1.0, -1.5, 0.1, 1e20, 1e21, 123456789012345678901234.0, 1e-6, 1e-7, 5e-324,
		math.MaxFloat64, -1e-10, 3.0e100, 42, int64(-7), uint(9), "", nilMap, nilSlice, map[string]any{}, []any{},
		nilLinks, Links{}, ts, &ts, nilTime, FlexNumber(20), FlexNumber(1e21), FlexNumber(-0.5), FlexNumber(1e-7),
		map[string]any{"z": 1.0, "a": []any{nil, "x", map[string]any{"<": ">"}}, "&": true, "B": "b", "b": nil},
		map[string]string{"k": "v", "<k>": "&"}, []string{"a", "<"}, []string(nil),
		Links{"self": {Href: "https://x/<a>&b"}, "a\u2028": {Href: "\xff"}},
		map[string]any{"_links": Links{"self": {Href: "h"}}, "id": "p"},
		tagged{hidden: "h", Skipped: "s"}, &tagged{A: "a", B: -3, D: []string{}, E: map[string]string{}, F: 1.5, G: 3, Untagged: 2},
		// encoding/json decides these (appendJSON declines them).
		math.NaN(), math.Inf(1), FlexNumber(math.Inf(-1)), map[string]any{"n": math.NaN()},
		json.RawMessage(`{"b": 1, "a" : [ ]}`), json.Number("12"), []byte("bytes"), float32(0.1),
		time.Date(2024, 1, 2, 3, 4, 5, 6, time.UTC), map[int]string{2: "b", 1: "a"}, [2]int{1, 2},
		struct{ Ref }{Ref{ID: "embedded"}}, struct {
			A string `json:"a,string"`
		}{"x"}, map[string]any{"ch": make(chan int)},
	}
	for _, p := range jsonPieces {
		values = append(values, p, map[string]any{p: p}, Links{p: {Href: p}}, Ref{ID: p})
	}
	for _, v := range values {
		checkLikeEncodingJSON(t, v)
	}
}

// TestAppendJSONRandomDocuments compares random JSON trees and random
// values of every type this package encodes.
func TestAppendJSONRandomDocuments(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for range 2000 {
		checkLikeEncodingJSON(t, randomTree(rng, 4))
	}
	types := []any{
		AccessToken{}, APIError{}, collection{}, verifyCollection{}, User{}, Population{}, Group{},
		CredentialType{}, IssuerProfile{}, IssuanceRule{}, StagedChange{}, UserCredential{}, credentialRecord{},
		ProvisionedCredential{}, DigitalWalletApplication{}, DigitalWallet{}, VerifyTransaction{},
		VerifyMetaData{}, VerifiedData{}, OutboxMessage{}, CredentialRequest{}, WalletRequest{},
	}
	for _, proto := range types {
		typ := reflect.TypeOf(proto)
		t.Run(typ.Name(), func(t *testing.T) {
			if _, err := appendJSON(nil, reflect.New(typ).Interface()); err != nil {
				t.Errorf("%s is left to encoding/json (correct, but slow)", typ)
			}
			for range 300 {
				v := reflect.New(typ)
				fillRandom(rng, v.Elem(), 0)
				checkLikeEncodingJSON(t, v.Interface())
				checkLikeEncodingJSON(t, v.Elem().Interface())
			}
		})
	}
}

func randomString(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(4) {
		b.WriteString(jsonPieces[rng.IntN(len(jsonPieces))])
	}
	return b.String()
}

func randomFloat(rng *rand.Rand) float64 {
	switch rng.IntN(5) {
	case 0:
		return float64(rng.IntN(2000) - 1000)
	case 1:
		return rng.NormFloat64() * math.Pow(10, float64(rng.IntN(60)-30))
	case 2:
		return math.Float64frombits(rng.Uint64()) // now and then NaN or infinite
	default:
		return rng.Float64()
	}
}

// randomTree is what JSON decodes into any.
func randomTree(rng *rand.Rand, depth int) any {
	n := 6
	if depth > 0 {
		n = 8
	}
	switch rng.IntN(n) {
	case 0:
		return nil
	case 1:
		return rng.IntN(2) == 0
	case 2:
		return randomFloat(rng)
	case 3, 4, 5:
		return randomString(rng)
	case 6:
		if rng.IntN(8) == 0 {
			return []any(nil)
		}
		s := make([]any, rng.IntN(4))
		for i := range s {
			s[i] = randomTree(rng, depth-1)
		}
		return s
	default:
		if rng.IntN(8) == 0 {
			return map[string]any(nil)
		}
		m := map[string]any{}
		for range rng.IntN(5) {
			m[randomString(rng)] = randomTree(rng, depth-1)
		}
		return m
	}
}

// fillRandom sets v, a settable value, to something random: nil or empty
// now and then where the type allows, so omitempty is exercised.
func fillRandom(rng *rand.Rand, v reflect.Value, depth int) {
	if depth > 6 {
		return
	}
	switch v.Type() {
	case reflect.TypeFor[Time]():
		v.Set(reflect.ValueOf(newTime(time.UnixMilli(rng.Int64N(4e12)))))
		return
	case reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(time.UnixMilli(rng.Int64N(4e12)).UTC()))
		return
	}
	zero := rng.IntN(4) == 0
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(rng.IntN(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !zero {
			v.SetInt(rng.Int64N(2000) - 1000)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if !zero {
			v.SetUint(rng.Uint64N(1000))
		}
	case reflect.Float32, reflect.Float64:
		if !zero {
			v.SetFloat(randomFloat(rng))
		}
	case reflect.String:
		if !zero {
			v.SetString(randomString(rng))
		}
	case reflect.Interface:
		if tree := randomTree(rng, 3); !zero && tree != nil {
			v.Set(reflect.ValueOf(tree))
		}
	case reflect.Pointer:
		if !zero {
			p := reflect.New(v.Type().Elem())
			fillRandom(rng, p.Elem(), depth+1)
			v.Set(p)
		}
	case reflect.Slice:
		if !zero {
			s := reflect.MakeSlice(v.Type(), rng.IntN(3), 3)
			for i := range s.Len() {
				fillRandom(rng, s.Index(i), depth+1)
			}
			v.Set(s)
		}
	case reflect.Map:
		if !zero {
			m := reflect.MakeMap(v.Type())
			for range rng.IntN(4) {
				k := reflect.New(v.Type().Key()).Elem()
				fillRandom(rng, k, depth+1)
				e := reflect.New(v.Type().Elem()).Elem()
				fillRandom(rng, e, depth+1)
				m.SetMapIndex(k, e)
			}
			v.Set(m)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillRandom(rng, v.Field(i), depth+1)
			}
		}
	}
}

// FuzzAppendJSONString: any string, as a value and as a key.
func FuzzAppendJSONString(f *testing.F) {
	for _, p := range jsonPieces {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkLikeEncodingJSON(t, s)
		checkLikeEncodingJSON(t, map[string]any{s: []any{s}})
	})
}

// TestEncodeJSONToWritesOnce: a response is one Write, as the Encoder's.
func TestEncodeJSONToWritesOnce(t *testing.T) {
	var w countingWriter
	if err := encodeJSONTo(&w, map[string]any{"a": strings.Repeat("x", 1<<17)}); err != nil {
		t.Fatal(err)
	}
	eq(t, w.writes, 1, "writes")
}

type countingWriter struct{ writes int }

func (w *countingWriter) Write(p []byte) (int, error) { w.writes++; return len(p), nil }

// BenchmarkEncodeCredentialTypes encodes a GET /credentialTypes answer
// (with the benchmark fixtures' card) both ways.
func BenchmarkEncodeCredentialTypes(b *testing.B) {
	withoutCrossCheck(b)
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 740 480"><rect fill="${cardColor}" width="740" height="480" rx="24"></rect><text x="40" y="80" fill="${textColor}" font-size="40">${cardTitle}</text></svg>`
	visible, twenty, one := true, FlexNumber(20), 1
	ct := &CredentialType{
		Links: Links{"self": {Href: "https://api.pingone.eu/v1/environments/6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e/credentialTypes/0c5a1f2e-7d3b-4e8a-9f10-2b4c6d8e0a11"}},
		ID:    "0c5a1f2e-7d3b-4e8a-9f10-2b4c6d8e0a11", Environment: Ref{ID: "6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e"},
		CreatedAt: newTime(time.Now()), UpdatedAt: newTime(time.Now()), Management: &Management{Mode: ModeManaged},
		Title: "Verified Member", Description: "Identity-checked club member", CardDesignTemplate: svg,
		Version: &TypeVersion{ID: "v1", Number: 1, URI: "https://api.pingone.eu/v1/distributedid/credentialTypes/x/v1"},
		Metadata: &CredentialMetadata{CardColor: "#1B4F72", TextColor: "#FFFFFF", BgOpacityPercent: &twenty, Columns: &one,
			Fields: []Field{
				{ID: "Alphanumeric Text -> Member Name", Title: "Member Name", IsVisible: &visible, Type: FieldAlphanumeric, Required: true},
				{ID: "Alphanumeric Text -> Member Number", Title: "Member Number", IsVisible: &visible, Type: FieldAlphanumeric, Required: true},
			}},
	}
	body := newCollection("https://api.pingone.eu/v1/environments/e/credentialTypes", "items", []*CredentialType{ct})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = json.NewEncoder(&countingWriter{}).Encode(body)
		}
	})
	b.Run("appendJSON", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = encodeJSONTo(&countingWriter{}, body)
		}
	})
}

// TestJSONSpecial8 puts every byte value at every place of a word of safe
// bytes, followed by random bytes: the word's lowest flagged byte must be
// the first byte jsonSafe does not mark, and no flag when all are safe.
func TestJSONSpecial8(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	safe := func() byte {
		for {
			if c := byte(rng.IntN(utf8.RuneSelf)); jsonSafe[c] {
				return c
			}
		}
	}
	for pos := range 9 { // 8: all safe
		for c := range 256 {
			for range 20 {
				var w [8]byte
				for i := range w {
					switch {
					case i < pos:
						w[i] = safe()
					case i == pos:
						w[i] = byte(c)
					default:
						w[i] = byte(rng.IntN(256))
					}
				}
				want := 8
				for i, b := range w {
					if b >= utf8.RuneSelf || !jsonSafe[b] {
						want = i
						break
					}
				}
				got := 8
				if special := jsonSpecial8(load8(string(w[:]), 0)); special != 0 {
					got = bits.TrailingZeros64(special) / 8
				}
				if got != want {
					t.Fatalf("%q: first special byte %d, want %d", w, got, want)
				}
			}
		}
	}
}

// TestAppendJSONQuotedLong: strings long enough for the word-at-a-time
// scan, with special bytes and runes at every offset, read like
// encoding/json writes them.
func TestAppendJSONQuotedLong(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 17))
	specials := append([]string{"\x00", "\x1f", " ", "~", "\x7f", "\xc3", "\xe2\x80\xa8"}, jsonPieces...)
	for range 20000 {
		var sb strings.Builder
		for range rng.IntN(6) {
			plain := strings.Repeat("abcdefghij/-_.:=?%0123"[rng.IntN(10):], 3)
			sb.WriteString(plain[:rng.IntN(len(plain))])
			sb.WriteString(specials[rng.IntN(len(specials))])
		}
		s := sb.String()
		want, _ := json.Marshal(s)
		if got := appendJSONQuoted(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q:\n got %s\nwant %s", s, got, want)
		}
	}
}

// TestCollectionEncoding: a collection encodes as it did when its
// _embedded was a map[string]any, both with appendJSON and encoding/json.
func TestCollectionEncoding(t *testing.T) {
	type mapCollection struct {
		Links    Links          `json:"_links"`
		Embedded map[string]any `json:"_embedded"`
		Size     int            `json:"size"`
	}
	rng := rand.New(rand.NewPCG(23, 29))
	check := func(c *collection, items any) {
		t.Helper()
		want, err := json.Marshal(mapCollection{c.Links, map[string]any{c.Embedded.key: items}, c.Size})
		if err != nil {
			t.Fatal(err)
		}
		got, err := marshalJSON(c)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("got %s (%v)\nwant %s", got, err, want)
		}
		checkLikeEncodingJSON(t, c)
	}
	for _, key := range append([]string{"users", "items"}, jsonPieces...) {
		self := "https://api.example.com/" + key
		check(newCollection[*User](self, key, nil), []*User{})
		for range 20 {
			users := make([]*User, rng.IntN(3))
			for i := range users {
				users[i] = new(User)
				fillRandom(rng, reflect.ValueOf(users[i]).Elem(), 0)
			}
			check(newCollection(self, key, users), users)
			trees := []any{randomTree(rng, 3), randomTree(rng, 3)}
			check(newCollection(self, key, trees), trees)
		}
	}
}
