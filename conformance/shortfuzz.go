package conformance

import (
	"math/rand"
	"strings"
)

// Divergence is a generated program on which the engines disagree.
type Divergence struct {
	Program          string
	Journeyjs, Rhino Answer
}

// FuzzAtoms are the corpus's self-contained result expressions (probes
// without code) on which both engines agreed in rep: the generator builds
// programs from them, so a divergence is a new one, not the corpus's.
func FuzzAtoms(rep *Report) []string {
	var atoms []string
	for _, o := range rep.Outcomes {
		p := o.Probe
		if strings.TrimSpace(p.Code) != "" || p.Result == "" || strings.Contains(p.Result, "Date.now") {
			continue
		}
		if o.Rhino.Kind == KindValue && o.Rhino.Key(false) == o.Journeyjs.Key(false) {
			atoms = append(atoms, p.Result)
		}
	}
	return atoms
}

// ShortFuzz runs n programs from the grammar (Gen), each built from bytes
// of a PRNG seeded with seed, through both engines: the same seed gives the
// same programs, so `make conformance` is deterministic. It returns the
// programs on which the engines disagree (timeouts are load, not language,
// and are skipped).
func ShortFuzz(o *Oracle, jj *Journeyjs, atoms []string, n int, seed int64) ([]Divergence, error) {
	rnd := rand.New(rand.NewSource(seed))
	var out []Divergence
	for i := 0; i < n; i++ {
		in := make([]byte, 16+rnd.Intn(48))
		rnd.Read(in)
		g := &Gen{Atoms: atoms}
		code, result := g.Program(in)
		src := Assemble(code, result)
		ra, err := o.Eval("fuzz", src)
		if err != nil {
			return out, err
		}
		ja := jj.Eval("fuzz", src)
		if ja.Kind == KindTimeout || ra.Kind == KindTimeout {
			continue
		}
		if ja.Key(false) != ra.Key(false) {
			out = append(out, Divergence{Program: code + "\n// result: " + result, Journeyjs: ja, Rhino: ra})
		}
	}
	return out, nil
}
