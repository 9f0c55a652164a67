package conformance

import (
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	fuzzOnce  sync.Once
	fuzzJJ    *Journeyjs
	fuzzAtoms []string
)

// fuzzSetup keeps, as the generator's atoms, the corpus's self-contained
// result expressions (probes without code) on which both engines agree, so
// the fuzzer looks for new differences, not the corpus's.
func fuzzSetup(t testing.TB, o *Oracle) {
	fuzzOnce.Do(func() {
		fuzzJJ = NewJourneyjs(2 * time.Second)
		for _, p := range corpus(t) {
			if strings.TrimSpace(p.Code) != "" || p.Result == "" || strings.Contains(p.Result, "Date.now") {
				continue
			}
			src := p.Source()
			ra, err := o.Eval(p.ID(), src)
			if err != nil {
				continue
			}
			if ra.Kind == KindValue && ra.Key(false) == fuzzJJ.Eval(p.ID(), src).Key(false) {
				fuzzAtoms = append(fuzzAtoms, p.Result)
			}
		}
	})
}

// diverges runs the program in on both engines; it returns the program and
// both answers when they differ.
func diverges(t testing.TB, o *Oracle, in []byte) (src string, ja, ra Answer, differ bool) {
	g := &Gen{Atoms: fuzzAtoms}
	code, result := g.Program(in)
	src = Assemble(code, result)
	ra, err := o.Eval("fuzz", src)
	if err != nil {
		t.Fatal(err)
	}
	ja = fuzzJJ.Eval("fuzz", src)
	if ja.Kind == KindTimeout || ra.Kind == KindTimeout {
		return src, ja, ra, false // load, not a language difference
	}
	return code + "\n// result: " + result, ja, ra, ja.Key(false) != ra.Key(false)
}

// minimise shrinks in while the engines still differ: it drops chunks, then
// zeroes bytes (zero is the grammar's simplest choice).
func minimise(t testing.TB, o *Oracle, in []byte) []byte {
	cur := append([]byte(nil), in...)
	for chunk := len(cur) / 2; chunk >= 1; chunk /= 2 {
		for i := 0; i+chunk <= len(cur); {
			try := append(append([]byte(nil), cur[:i]...), cur[i+chunk:]...)
			if _, _, _, d := diverges(t, o, try); d {
				cur = try
			} else {
				i += chunk
			}
		}
	}
	for i := range cur {
		if cur[i] == 0 {
			continue
		}
		try := append([]byte(nil), cur...)
		try[i] = 0
		if _, _, _, d := diverges(t, o, try); d {
			cur = try
		}
	}
	return cur
}

// FuzzDifferential generates small programs and checks that journeyjs and
// the Rhino oracle agree on whether each compiles and on its result (types
// of exceptions, not messages). A difference is reported minimised. Run it
// with: go test -run '^$' -fuzz FuzzDifferential -fuzztime 30s ./conformance
// Until journeyjs has its tenant language mode this finds differences
// quickly; it is not part of make fuzz.
func FuzzDifferential(f *testing.F) {
	o := startOracle(f)
	fuzzSetup(f, o)
	f.Add([]byte{})
	f.Add([]byte{0, 1, 1, 2, 3})
	f.Add([]byte("\x02\x01\x01\x00\x03\x05"))
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > 64 {
			in = in[:64]
		}
		if _, _, _, d := diverges(t, o, in); !d {
			return
		}
		min := minimise(t, o, in)
		src, ja, ra, _ := diverges(t, o, min)
		t.Fatalf("the engines differ on (input %q):\n%s\njourneyjs: %s\nrhino:     %s", min, src, ja, ra)
	})
}
