// Command conformance runs the probes of conformance/probes through journeyjs
// and through the Rhino oracle (AIC's engine, as AM configures it) and
// reports every probe on which they differ. Its last line is
// "conformance: P/T probes agree".
//
// Exit status: 0 when every probe agrees or its difference is listed in
// conformance/KNOWN-DIFFERENCES.md; 1 when a probe differs unlisted; 2 when
// the harness failed. When Java or Rhino is missing it says conformance did
// not run and exits 0 (like the skipped go test).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/journeyjs/journeyjs/conformance"
)

func main() {
	dir := conformance.Dir()
	probesDir := flag.String("probes", filepath.Join(dir, "probes"), "folder of probe files")
	knownFile := flag.String("known", filepath.Join(dir, "KNOWN-DIFFERENCES.md"), "accepted differences")
	verbose := flag.Bool("v", false, "print every probe, not only those that differ")
	run := flag.String("run", "", "only probes whose topic/name matches this regular expression")
	bench := flag.Int("bench", 0, "after comparing, time this many warm rounds of the corpus on each engine")
	timeout := flag.Duration("timeout", 5*time.Second, "per-script time limit on both engines")
	fuzz := flag.Int("fuzz", 200, "after the corpus, run this many generated programs (a fixed seed) through both engines")
	flag.Parse()
	os.Exit(mainErr(*probesDir, *knownFile, *run, *verbose, *bench, *fuzz, *timeout))
}

// fuzzSeed fixes the short fuzz's programs: the same on every run.
const fuzzSeed = 20261205

func mainErr(probesDir, knownFile, run string, verbose bool, bench, fuzz int, timeout time.Duration) int {
	probes, err := conformance.LoadProbes(probesDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		return 2
	}
	if run != "" {
		re, err := regexp.Compile(run)
		if err != nil {
			fmt.Fprintln(os.Stderr, "conformance: -run:", err)
			return 2
		}
		var keep []conformance.Probe
		for _, p := range probes {
			if re.MatchString(p.ID()) {
				keep = append(keep, p)
			}
		}
		probes = keep
	}
	known, err := conformance.LoadKnown(knownFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		return 2
	}
	cfg, err := conformance.FindOracle()
	if err == nil {
		cfg.Timeout = timeout
	}
	var oracle *conformance.Oracle
	if err == nil {
		oracle, err = conformance.StartOracle(cfg)
	}
	if err != nil {
		if errors.Is(err, conformance.ErrNoOracle) {
			fmt.Printf("conformance: did not run: %v\n", err)
			return 0
		}
		fmt.Fprintln(os.Stderr, "conformance:", err)
		return 2
	}
	defer oracle.Close()
	conformance.UseUTC()
	jj := conformance.NewJourneyjs(timeout)
	defer jj.Close()

	fmt.Printf("oracle: %s (%s), language version 0, interpreted; journeyjs: runtime.ScriptedDecision; TZ=UTC\n\n", oracle.Version, cfg.RhinoJar)
	rep, err := conformance.Compare(probes, oracle, jj, known)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		return 2
	}
	rep.Write(os.Stdout, verbose)
	if bench > 0 {
		// Probes that run into the time limit would time the limit.
		var timed []conformance.Probe
		for _, o := range rep.Outcomes {
			if o.Rhino.Kind != conformance.KindTimeout && o.Journeyjs.Kind != conformance.KindTimeout {
				timed = append(timed, o.Probe)
			}
		}
		t, err := conformance.Measure(timed, oracle, jj, bench)
		if err != nil {
			fmt.Fprintln(os.Stderr, "conformance:", err)
			return 2
		}
		us := func(d time.Duration) string { return fmt.Sprintf("%.1fµs", float64(d)/1e3) }
		fmt.Printf("\ntiming (%d probes × %d warm rounds, per script): median rhino %s, journeyjs %s (%.1f×); mean rhino %s, journeyjs %s (%.1f×)\n",
			t.Scripts, t.Rounds, us(t.RhinoMedian), us(t.JourneyjsMedian), t.MedianRatio(),
			us(t.RhinoMean), us(t.JourneyjsMean), t.Ratio())
	}
	var divergences []conformance.Divergence
	if fuzz > 0 && run == "" {
		divergences, err = conformance.ShortFuzz(oracle, jj, conformance.FuzzAtoms(rep), fuzz, fuzzSeed)
		if err != nil {
			fmt.Fprintln(os.Stderr, "conformance: fuzz:", err)
			return 2
		}
		fmt.Printf("\nfuzz: %d generated programs (seed %d), %d differ\n", fuzz, fuzzSeed, len(divergences))
		for _, d := range divergences {
			fmt.Printf("DIFFERS fuzz program (minimise it with go test -fuzz FuzzDifferential ./conformance, then add it as a probe):\n%s\n    journeyjs: %s\n    rhino:     %s\n",
				d.Program, d.Journeyjs, d.Rhino)
		}
	}
	code := 0
	if len(divergences) > 0 {
		code = 1
	}
	if h := rep.Harness(); len(h) > 0 {
		fmt.Printf("\n%d probes failed in a harness (see above)\n", len(h))
		code = 2
	} else if u := rep.Unexplained(); len(u) > 0 {
		fmt.Printf("\n%d probes differ and are not in %s\n", len(u), filepath.Base(knownFile))
		code = 1
	}
	fmt.Printf("conformance: %d/%d probes agree\n", rep.Agreed(), len(rep.Outcomes))
	return code
}
