package harness

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// WriteResult writes one case's line, "PASS  name (1.2ms)" or "FAIL  name
// (1.2ms)", followed on failure by each failure, indented, with its diff.
func WriteResult(w io.Writer, r *Result) {
	status := "PASS"
	if !r.Passed {
		status = "FAIL"
	}
	fmt.Fprintf(w, "%s  %s (%s)\n", status, r.Name, FormatDuration(r.Duration))
	if r.Run != nil {
		for _, x := range r.Run.Warnings {
			fmt.Fprintf(w, "      warning: %s\n", x)
		}
	}
	if r.Passed {
		return
	}
	fmt.Fprintf(w, "      at %s:%d\n", r.File, r.Line)
	for _, f := range r.Failures {
		fmt.Fprintln(w, indent(f.String(), "      "))
	}
}

// WriteSummary writes the final line, exactly "N passed, N failed".
func WriteSummary(w io.Writer, s *Summary) {
	fmt.Fprintf(w, "%d passed, %d failed\n", s.Passed, s.Failed)
}

// FormatDuration prints d in milliseconds, to the microsecond below 10 ms
// (0.042ms), or in seconds from 10 s up.
func FormatDuration(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1fs", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000)
	}
	return fmt.Sprintf("%.3fms", float64(d.Microseconds())/1000)
}

// jsonSummary is the --format json document.
type jsonSummary struct {
	Passed     int          `json:"passed"`
	Failed     int          `json:"failed"`
	DurationMs float64      `json:"durationMs"`
	Cases      []jsonResult `json:"cases"`
}

type jsonResult struct {
	*Result
	Status     string  `json:"status"`
	DurationMs float64 `json:"durationMs"`
}

// WriteJSON writes every result as one JSON document: passed, failed,
// durationMs and cases (name, file, case, line, status "pass" or "fail",
// durationMs, failures, and result, the run's report).
func WriteJSON(w io.Writer, s *Summary) error {
	doc := jsonSummary{Passed: s.Passed, Failed: s.Failed, DurationMs: ms(s.Duration), Cases: make([]jsonResult, len(s.Results))}
	for i, r := range s.Results {
		st := "pass"
		if !r.Passed {
			st = "fail"
		}
		doc.Cases[i] = jsonResult{Result: r, Status: st, DurationMs: ms(r.Duration)}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// JUnit XML, in the shape CI servers read (Jenkins, GitLab, GitHub
// actions that publish test reports).
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Skipped   int         `xml:"skipped,attr"`
	Time      string      `xml:"time,attr"`
	Timestamp string      `xml:"timestamp,attr,omitempty"`
	Cases     []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes the results as JUnit XML: one testsuite per test file,
// one testcase per case (name: the case's name within the file; classname:
// the file), with a failure element holding every failure and its diff.
// started stamps the suites.
func WriteJUnit(w io.Writer, s *Summary, started time.Time) error {
	doc := junitSuites{Name: "journeyjs", Tests: len(s.Results), Failures: s.Failed, Time: secs(s.Duration)}
	idx := map[string]int{}
	durs := map[string]time.Duration{}
	for _, r := range s.Results {
		i, ok := idx[r.File]
		if !ok {
			i = len(doc.Suites)
			idx[r.File] = i
			doc.Suites = append(doc.Suites, junitSuite{Name: r.File, Timestamp: started.UTC().Format("2006-01-02T15:04:05")})
		}
		suite := &doc.Suites[i]
		name := r.CaseName
		if name == "" {
			name = r.File
		}
		jc := junitCase{Name: name, Classname: r.File, File: r.File, Line: r.Line, Time: secs(r.Duration)}
		if !r.Passed {
			msgs := make([]string, len(r.Failures))
			texts := make([]string, len(r.Failures))
			for k, f := range r.Failures {
				first, _, _ := strings.Cut(f.Message, "\n")
				msgs[k] = first
				texts[k] = f.String()
			}
			jc.Failure = &junitFailure{Message: strings.Join(msgs, "; "), Type: "expectation", Text: strings.Join(texts, "\n\n")}
			suite.Failures++
		}
		suite.Tests++
		durs[r.File] += r.Duration
		suite.Cases = append(suite.Cases, jc)
	}
	for i := range doc.Suites {
		doc.Suites[i].Time = secs(durs[doc.Suites[i].Name])
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func secs(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }
