package conformance

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// A Probe is one script of the corpus.
//
// Probes live in conformance/probes/<topic>.js; a file holds any number of
// them, each starting with a header of line comments:
//
//	// probe: const-top-level          (required: a name unique in the file)
//	// result: typeof x + "," + x       (the result expression; default undefined)
//	// messages: match                  (also compare error messages; default: types only)
//	// note: free text                  (ignored; say why the probe exists)
//	const x = 1;
//
// The probe's code is every line up to the next "// probe:" line. Line
// numbers in compile errors count from the code's first line.
type Probe struct {
	Topic    string // the file name without .js
	Name     string // the probe: header
	Result   string // the result expression
	Messages bool   // compare error messages too
	Code     string
	File     string // where it was read from
	Line     int    // line of the probe: header
}

// ID is topic/name, the name reports and KNOWN-DIFFERENCES.md use.
func (p Probe) ID() string { return p.Topic + "/" + p.Name }

// Source is the text both engines run: the code, then the trailer that
// reports the canonical result through action.goTo, then the canonicaliser.
// The code comes first and unchanged, so a "use strict" directive and line
// numbers keep their meaning.
func (p Probe) Source() string {
	return Assemble(p.Code, p.Result)
}

// Assemble is Probe.Source for any code and result expression.
func Assemble(code, result string) string {
	if strings.TrimSpace(result) == "" {
		result = "undefined"
	}
	var b strings.Builder
	b.Grow(len(code) + len(result) + len(canonSource) + 64)
	b.WriteString(code)
	b.WriteString("\n;action.goTo(__jjCanon((\n")
	b.WriteString(result)
	b.WriteString("\n)));\n")
	b.WriteString(canonSource)
	return b.String()
}

// LoadProbes reads every *.js file of dir, in name order.
func LoadProbes(dir string) ([]Probe, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.js"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var all []Probe
	seen := map[string]string{}
	for _, f := range files {
		ps, err := ParseProbes(f)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if prev, dup := seen[p.ID()]; dup {
				return nil, fmt.Errorf("%s:%d: probe %s already defined at %s", p.File, p.Line, p.ID(), prev)
			}
			seen[p.ID()] = fmt.Sprintf("%s:%d", p.File, p.Line)
			all = append(all, p)
		}
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("no probes in %s", dir)
	}
	return all, nil
}

// ParseProbes reads the probes of one file.
func ParseProbes(file string) ([]Probe, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	topic := strings.TrimSuffix(filepath.Base(file), ".js")
	return parseProbes(topic, file, string(data))
}

func parseProbes(topic, file, text string) ([]Probe, error) {
	var out []Probe
	var cur *Probe
	var code []string
	inHeader := false
	flush := func() error {
		if cur == nil {
			return nil
		}
		cur.Code = strings.TrimRight(strings.Join(code, "\n"), "\n ")
		out = append(out, *cur)
		return nil
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		key, val, isHeader := headerLine(line)
		if isHeader && key == "probe" {
			if err := flush(); err != nil {
				return nil, err
			}
			if val == "" || strings.ContainsAny(val, " /\t") {
				return nil, fmt.Errorf("%s:%d: a probe name is one word without slashes, got %q", file, n, val)
			}
			cur = &Probe{Topic: topic, Name: val, File: file, Line: n}
			code = nil
			inHeader = true
			continue
		}
		if cur == nil {
			if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "//") {
				continue // the file's own comments before its first probe
			}
			return nil, fmt.Errorf("%s:%d: code before the first // probe: line", file, n)
		}
		if inHeader && isHeader {
			switch key {
			case "result":
				cur.Result = val
			case "messages":
				switch val {
				case "match":
					cur.Messages = true
				case "ignore":
					cur.Messages = false
				default:
					return nil, fmt.Errorf("%s:%d: messages: is match or ignore, got %q", file, n, val)
				}
			case "note":
			default:
				return nil, fmt.Errorf("%s:%d: unknown probe header %q", file, n, key)
			}
			continue
		}
		inHeader = false
		code = append(code, line)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// headerLine recognises "// key: value" for the header keys.
func headerLine(line string) (key, val string, ok bool) {
	s := strings.TrimSpace(line)
	if !strings.HasPrefix(s, "//") {
		return "", "", false
	}
	s = strings.TrimSpace(strings.TrimPrefix(s, "//"))
	k, v, found := strings.Cut(s, ":")
	if !found {
		return "", "", false
	}
	switch k {
	case "probe", "result", "messages", "note":
		return k, strings.TrimSpace(v), true
	}
	return "", "", false
}
