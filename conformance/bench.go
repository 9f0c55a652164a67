package conformance

import (
	"slices"
	"time"
)

// Timing is the warm per-script cost of each engine over a corpus.
type Timing struct {
	Scripts, Rounds int
	// Mean cost per script, and the median over probes of each probe's
	// fastest round.
	RhinoMean, JourneyjsMean     time.Duration
	RhinoMedian, JourneyjsMedian time.Duration
}

// Ratio is Rhino's mean per-script cost over journeyjs's.
func (t Timing) Ratio() float64 { return ratio(t.RhinoMean, t.JourneyjsMean) }

// MedianRatio is the ratio of the medians: what a typical small script costs.
func (t Timing) MedianRatio() float64 { return ratio(t.RhinoMedian, t.JourneyjsMedian) }

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Measure runs every probe rounds times on each engine, after one warm-up
// round each (the JVM's JIT and journeyjs's compile cache and runtime pool
// are warm when timing starts). The oracle's figure includes the pipe round
// trip to the JVM, which is small next to a script.
func Measure(probes []Probe, oracle *Oracle, jj *Journeyjs, rounds int) (Timing, error) {
	if rounds < 1 {
		rounds = 1
	}
	n := len(probes)
	srcs := make([]string, n)
	for i, p := range probes {
		srcs[i] = p.Source()
	}
	rbest := make([]time.Duration, n)
	jbest := make([]time.Duration, n)
	var rsum, jsum time.Duration
	for r := 0; r <= rounds; r++ {
		for i, s := range srcs {
			t0 := time.Now()
			if _, err := oracle.Eval(probes[i].ID(), s); err != nil {
				return Timing{}, err
			}
			t1 := time.Now()
			jj.Eval(probes[i].ID(), s)
			t2 := time.Now()
			if r == 0 {
				continue // warm-up
			}
			rd, jd := t1.Sub(t0), t2.Sub(t1)
			rsum += rd
			jsum += jd
			if r == 1 || rd < rbest[i] {
				rbest[i] = rd
			}
			if r == 1 || jd < jbest[i] {
				jbest[i] = jd
			}
		}
	}
	slices.Sort(rbest)
	slices.Sort(jbest)
	total := time.Duration(n * rounds)
	if n == 0 {
		return Timing{}, nil
	}
	return Timing{Scripts: n, Rounds: rounds, RhinoMean: rsum / total, JourneyjsMean: jsum / total,
		RhinoMedian: rbest[n/2], JourneyjsMedian: jbest[n/2]}, nil
}
