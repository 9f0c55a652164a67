package conformance

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Outcome is one probe's pair of answers.
type Outcome struct {
	Probe     Probe
	Journeyjs Answer
	Rhino     Answer
	Agree     bool
	Known     string // the reason from KNOWN-DIFFERENCES.md, when listed
}

// Report is the result of a run over the corpus.
type Report struct {
	Outcomes []Outcome
	// Durations of all the probes on each engine (warm: the oracle was
	// started, and journeyjs's engine created, before timing began).
	RhinoTime, JourneyjsTime time.Duration
}

// Agreed counts the probes on which both engines agree.
func (r *Report) Agreed() int {
	n := 0
	for _, o := range r.Outcomes {
		if o.Agree {
			n++
		}
	}
	return n
}

// Unexplained are the differing probes KNOWN-DIFFERENCES.md does not list.
func (r *Report) Unexplained() []Outcome {
	var out []Outcome
	for _, o := range r.Outcomes {
		if !o.Agree && o.Known == "" {
			out = append(out, o)
		}
	}
	return out
}

// Harness are the outcomes where a harness (not a script) failed.
func (r *Report) Harness() []Outcome {
	var out []Outcome
	for _, o := range r.Outcomes {
		if o.Journeyjs.Kind == KindInternal || o.Rhino.Kind == KindInternal {
			out = append(out, o)
		}
	}
	return out
}

// Compare runs each probe on both engines.
func Compare(probes []Probe, oracle *Oracle, jj *Journeyjs, known map[string]string) (*Report, error) {
	r := &Report{}
	for _, p := range probes {
		src := p.Source()
		t0 := time.Now()
		ra, err := oracle.Eval(p.ID(), src)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.ID(), err)
		}
		t1 := time.Now()
		ja := jj.Eval(p.ID(), src)
		t2 := time.Now()
		r.RhinoTime += t1.Sub(t0)
		r.JourneyjsTime += t2.Sub(t1)
		o := Outcome{Probe: p, Journeyjs: ja, Rhino: ra}
		o.Agree = ra.Kind != KindInternal && ja.Kind != KindInternal && ra.Key(p.Messages) == ja.Key(p.Messages)
		if !o.Agree {
			o.Known = known[p.ID()]
		}
		r.Outcomes = append(r.Outcomes, o)
	}
	return r, nil
}

// knownLine is a listed difference: "- `topic/name`: reason".
var knownLine = regexp.MustCompile("^\\s*[-*]\\s+`([^`]+)`\\s*[:—-]\\s*(.+)$")

// LoadKnown reads KNOWN-DIFFERENCES.md: every list item of the form
// "- `topic/name`: reason" accepts that probe's difference. A listed probe
// without a reason is an error.
func LoadKnown(file string) (map[string]string, error) {
	f, err := os.Open(file)
	if err != nil {
		if os.IsNotExist(err) {
			return map[string]string{}, nil
		}
		return nil, err
	}
	defer f.Close()
	known := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		m := knownLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		reason := strings.TrimSpace(m[2])
		if reason == "" {
			return nil, fmt.Errorf("%s:%d: %s is listed without a reason", file, n, m[1])
		}
		known[m[1]] = reason
	}
	return known, sc.Err()
}

// Write prints the differing probes, grouped by topic, each with both
// answers; then per-topic counts. The caller prints the summary line.
func (r *Report) Write(w io.Writer, verbose bool) {
	byTopic := map[string][2]int{}
	var topics []string
	for _, o := range r.Outcomes {
		c, ok := byTopic[o.Probe.Topic]
		if !ok {
			topics = append(topics, o.Probe.Topic)
		}
		c[1]++
		if o.Agree {
			c[0]++
		}
		byTopic[o.Probe.Topic] = c
		if o.Agree && !verbose {
			continue
		}
		status := "DIFFERS"
		switch {
		case o.Agree:
			status = "agrees "
		case o.Known != "":
			status = "known  "
		}
		file := o.Probe.File
		if rel, err := filepath.Rel(filepath.Dir(Dir()), file); err == nil {
			file = rel
		}
		fmt.Fprintf(w, "%s %s  (%s:%d)\n", status, o.Probe.ID(), file, o.Probe.Line)
		fmt.Fprintf(w, "    journeyjs: %s\n", o.Journeyjs)
		fmt.Fprintf(w, "    rhino:     %s\n", o.Rhino)
		if o.Known != "" {
			fmt.Fprintf(w, "    known:     %s\n", o.Known)
		}
	}
	sort.Strings(topics)
	fmt.Fprintln(w)
	for _, t := range topics {
		c := byTopic[t]
		fmt.Fprintf(w, "  %-14s %3d/%-3d agree\n", t, c[0], c[1])
	}
}
