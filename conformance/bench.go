package conformance

import "time"

// Timing is the warm per-script cost of each engine over a corpus.
type Timing struct {
	Scripts            int
	Rhino, Journeyjs   time.Duration // per script
	RhinoRounds, Round int
}

// Ratio is Rhino's per-script cost over journeyjs's.
func (t Timing) Ratio() float64 {
	if t.Journeyjs == 0 {
		return 0
	}
	return float64(t.Rhino) / float64(t.Journeyjs)
}

// Measure runs every probe rounds times on each engine, after one warm-up
// round each (the JVM's JIT and journeyjs's compile cache and runtime pool
// are warm when timing starts), and returns the mean cost per script. The
// oracle's figure includes the pipe round trip to the JVM.
func Measure(probes []Probe, oracle *Oracle, jj *Journeyjs, rounds int) (Timing, error) {
	if rounds < 1 {
		rounds = 1
	}
	srcs := make([]string, len(probes))
	for i, p := range probes {
		srcs[i] = p.Source()
	}
	runRhino := func() error {
		for i, s := range srcs {
			if _, err := oracle.Eval(probes[i].ID(), s); err != nil {
				return err
			}
		}
		return nil
	}
	runJJ := func() {
		for i, s := range srcs {
			jj.Eval(probes[i].ID(), s)
		}
	}
	if err := runRhino(); err != nil {
		return Timing{}, err
	}
	runJJ()
	t0 := time.Now()
	for r := 0; r < rounds; r++ {
		if err := runRhino(); err != nil {
			return Timing{}, err
		}
	}
	rhino := time.Since(t0)
	t0 = time.Now()
	for r := 0; r < rounds; r++ {
		runJJ()
	}
	jjt := time.Since(t0)
	n := time.Duration(len(srcs) * rounds)
	return Timing{Scripts: len(srcs), Rhino: rhino / n, Journeyjs: jjt / n, Round: rounds}, nil
}
