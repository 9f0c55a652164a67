package harness

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
)

// spec is one case as written in a test file; the file itself is the root
// case. A case with `cases:` is a group: its other fields are defaults its
// rows (children) override.
type spec struct {
	Name string `yaml:"name"`
	// Script is a path relative to the test file; Source is inline
	// JavaScript. A row that sets one drops the other it inherited.
	Script string `yaml:"script"`
	Source string `yaml:"source"`
	// FixturesFile is a fixtures file relative to the test file; Fixtures
	// are inline fixtures merged over it.
	FixturesFile string         `yaml:"fixturesFile"`
	Fixtures     *fixtures.File `yaml:"fixtures"`
	// The node state and request, merged over the fixtures' own.
	SharedState       map[string]any      `yaml:"sharedState"`
	TransientState    map[string]any      `yaml:"transientState"`
	RequestHeaders    map[string][]string `yaml:"requestHeaders"`
	RequestParameters map[string][]string `yaml:"requestParameters"`
	RequestCookies    map[string]string   `yaml:"requestCookies"`
	// Timeout is the run's time limit (Go duration: 500ms, 2s).
	Timeout time.Duration `yaml:"timeout"`
	// Replies answer the callbacks the script sends, one per pass after
	// the first (callbacks.Reply); they replace the fixtures' replies.
	Replies callbacks.Replies `yaml:"replies"`
	Expect  *Expect           `yaml:"expect"`
	Cases   []spec            `yaml:"cases"`
}

// stateKeys are the case keys that are laid over the fixtures.
var stateKeys = []string{"sharedState", "transientState", "requestHeaders", "requestParameters", "requestCookies"}

// Case is one runnable test case: a leaf of a test file, with everything it
// inherited from its parents applied.
type Case struct {
	// File is the test file's path, as found.
	File string
	// Names are the names from the root of the file down to this case.
	Names []string
	// Line is where the case begins in File.
	Line int
	// Script is the script to run; ScriptPath is its file ("" for inline
	// source).
	Script     runtime.Script
	ScriptPath string
	// Fixtures are the merged, checked fixtures; each run builds a fresh Env
	// from them.
	Fixtures *fixtures.File
	// Timeout is the run's time limit; 0 means the runner's default.
	Timeout time.Duration
	// Expect holds the validated expectations.
	Expect *Expect
	// Replies answer the callbacks the script sends: the case's, else its
	// fixtures'.
	Replies callbacks.Replies
}

// Name is the case's full name: the file and the case names, joined by "/".
// --run patterns match it.
func (c *Case) Name() string {
	return strings.Join(append([]string{filepath.ToSlash(c.File)}, c.Names...), "/")
}

// CaseName is the name within the file.
func (c *Case) CaseName() string { return strings.Join(c.Names, "/") }

// Discover returns the test files under paths, in lexical order. A file is
// taken as it is, whatever its name; a directory is searched recursively for
// *.test.yaml (and *.test.yml) files, skipping hidden directories, testdata,
// vendor and node_modules below it.
func Discover(paths []string) ([]string, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var files []string
	seen := map[string]bool{}
	add := func(p string) {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", root, unwrapPath(err))
		}
		if !st.IsDir() {
			add(root)
			continue
		}
		var found []string
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				name := d.Name()
				if p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor" || name == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(d.Name(), ".test.yaml") || strings.HasSuffix(d.Name(), ".test.yml") {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		for _, p := range found {
			add(p)
		}
	}
	return files, nil
}

// Loader reads test files. It caches the scripts and fixtures files they
// share, so loading many files that name the same ones reads each once. A
// Loader is safe for use by one goroutine at a time.
type Loader struct {
	scripts  map[string]string
	fixtures map[string]*loadedFixtures
	// merged are the parsed merges of fixtures, by path and content.
	merged map[string]*loadedFixtures
}

type loadedFixtures struct {
	file *fixtures.File
	node *yaml.Node
	err  error
}

// NewLoader returns an empty Loader.
func NewLoader() *Loader {
	return &Loader{scripts: map[string]string{}, fixtures: map[string]*loadedFixtures{}, merged: map[string]*loadedFixtures{}}
}

// Load reads every file and returns their cases in order. Problems with the
// files come back as one error per problem (each a *fixtures.Error naming
// the file and line) joined with errors.Join; the cases of good files are
// returned either way.
func (l *Loader) Load(files []string) ([]*Case, error) {
	var cases []*Case
	var errs []error
	for _, f := range files {
		cs, err := l.LoadFile(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cases = append(cases, cs...)
	}
	return cases, errors.Join(errs...)
}

// LoadFile reads one test file and returns its runnable cases.
func (l *Loader) LoadFile(path string) ([]*Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &fixtures.Error{Path: path, Msg: fmt.Sprintf("cannot read test file: %v", unwrapPath(err))}
	}
	return l.Parse(path, data)
}

// Parse reads test cases from data; path names the file in errors and
// anchors the relative paths in it.
func (l *Loader) Parse(path string, data []byte) ([]*Case, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		if serr := fixtures.DecodeStrict(path, data, &spec{}); serr != nil {
			return nil, serr // the same error, with its line
		}
		return nil, &fixtures.Error{Path: path, Msg: err.Error()}
	}
	if len(doc.Content) == 0 {
		return nil, &fixtures.Error{Path: path, Msg: "no test cases: the file is empty"}
	}
	top := deref(doc.Content[0])
	if top.Kind != yaml.MappingNode {
		return nil, &fixtures.Error{Path: path, Line: top.Line, Msg: "a test file is a mapping (script, fixtures, cases, expect …)"}
	}
	// Pass 1: the typed, strict decode finds unknown keys and wrong types,
	// with their lines.
	if err := fixtures.DecodeStrict(path, data, &spec{}); err != nil {
		return nil, err
	}
	// Pass 2: walk the node tree, laying each case over its parents.
	w := &walker{l: l, path: path, dir: filepath.Dir(path)}
	if err := w.walk(top, nil, nil); err != nil {
		return nil, err
	}
	return w.cases, nil
}

type walker struct {
	l     *Loader
	path  string
	dir   string
	cases []*Case
}

func (w *walker) errorf(line int, format string, args ...any) error {
	return &fixtures.Error{Path: w.path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (w *walker) walk(n, inherited *yaml.Node, names []string) error {
	if name := lookup(n, "name"); name != nil && name.Value != "" {
		names = append(append([]string(nil), names...), name.Value)
	}
	merged := mergeCase(inherited, n)
	children := lookup(n, "cases")
	if children == nil {
		return w.leaf(n, merged, names)
	}
	if children.Kind != yaml.SequenceNode || len(children.Content) == 0 {
		return w.errorf(children.Line, "cases: a list of cases, each with a name, is required")
	}
	defaults := without(merged, "name", "cases")
	seen := map[string]int{}
	for _, c := range children.Content {
		c = deref(c)
		if c.Kind != yaml.MappingNode {
			return w.errorf(c.Line, "a case is a mapping with a name")
		}
		name := lookup(c, "name")
		if name == nil || strings.TrimSpace(name.Value) == "" {
			return w.errorf(c.Line, "this case has no name")
		}
		if strings.Contains(name.Value, "/") {
			return w.errorf(name.Line, "case name %q: names cannot contain /", name.Value)
		}
		if first, dup := seen[name.Value]; dup {
			return w.errorf(name.Line, "case name %q is already used on line %d", name.Value, first)
		}
		seen[name.Value] = name.Line
		if err := w.walk(c, defaults, names); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) leaf(n, merged *yaml.Node, names []string) error {
	var s spec
	if err := merged.Decode(&s); err != nil {
		return w.errorf(n.Line, "%v", err)
	}
	where := "this case"
	if len(names) > 0 {
		where = fmt.Sprintf("case %q", strings.Join(names, "/"))
	}
	c := &Case{File: w.path, Names: names, Line: n.Line, Timeout: s.Timeout, Expect: s.Expect}
	if c.Expect == nil {
		c.Expect = &Expect{}
	}
	// A key of expect that is no expectation must name a binding's output;
	// anything else is a typo, reported at its line.
	if e := lookup(merged, "expect"); e != nil && e.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(e.Content); i += 2 {
			k := e.Content[i]
			if _, extra := c.Expect.Outputs[k.Value]; extra && !bindings.IsOutput(k.Value) {
				return w.errorf(k.Line, "unknown key %q in expect: not an expectation, nor an output of any binding (outputs: %s)",
					k.Value, strings.Join(bindings.OutputNames(), ", "))
			}
		}
	}
	if err := c.Expect.Validate(); err != nil {
		line := n.Line
		if e := lookup(merged, "expect"); e != nil {
			line = e.Line
		}
		return w.errorf(line, "%s: %v", where, err)
	}
	if s.Timeout < 0 {
		return w.errorf(n.Line, "%s: timeout must be positive", where)
	}

	switch {
	case s.Source != "":
		c.Script = runtime.Script{Name: "inline.js", Source: s.Source}
	case s.Script != "":
		p := resolve(w.dir, s.Script)
		src, err := w.l.script(p)
		if err != nil {
			line := n.Line
			if sn := lookup(merged, "script"); sn != nil {
				line = sn.Line
			}
			return w.errorf(line, "%s: cannot read script %s: %v", where, p, err)
		}
		c.ScriptPath = p
		c.Script = runtime.Script{Name: filepath.Base(p), Source: src}
	default:
		return w.errorf(n.Line, "%s: no script: set script (a file) or source", where)
	}

	fx, err := w.fixtures(merged, s.FixturesFile)
	if err != nil {
		var fe *fixtures.Error
		if errors.As(err, &fe) && fe.Path != w.path {
			return err // a problem in the fixtures file itself, with its line
		}
		msg := err.Error()
		if errors.As(err, &fe) {
			msg = fe.Msg
		}
		line := n.Line
		if fn := lookup(n, "fixtures"); fn != nil {
			line = fn.Line
		}
		return w.errorf(line, "%s: fixtures: %s", where, msg)
	}
	c.Fixtures = fx
	c.Replies = fx.Replies
	if s.Replies != nil {
		c.Replies = s.Replies
	}
	w.cases = append(w.cases, c)
	return nil
}

// fixtures builds the case's fixtures: the fixtures file, with the inline
// fixtures and then the case's state and request merged over it. The merged
// world without the state and request is parsed once for every case that
// shares it (so its library and body files are read once); each case gets a
// copy with its own state and request.
func (w *walker) fixtures(merged *yaml.Node, file string) (*fixtures.File, error) {
	inline := lookup(merged, "fixtures")
	overlay := inline
	if st := pick(merged, stateKeys...); st != nil {
		overlay = mergeNodes(overlay, st)
	}
	path, doc := w.path, overlay
	var world *fixtures.File
	if file != "" {
		path = resolve(w.dir, file)
		base := w.l.fixturesFile(path)
		if base.err != nil {
			return nil, base.err
		}
		if overlay == nil {
			return base.file, nil
		}
		if filepath.Clean(filepath.Dir(path)) != filepath.Clean(w.dir) {
			overlay = rewritePaths(cloneNode(overlay), w.dir, false)
		}
		doc = mergeNodes(base.node, overlay)
		if inline == nil {
			// Only state and request: the file's world as it was parsed.
			world = base.file
		}
	}
	if world == nil {
		var err error
		if world, err = w.l.parseMerged(path, without(doc, stateKeys...)); err != nil {
			return nil, err
		}
	}
	var st spec // only its stateKeys fields are set
	if n := pick(doc, stateKeys...); n != nil {
		if err := n.Decode(&st); err != nil {
			return nil, err
		}
	}
	f := *world
	f.SharedState, f.TransientState = st.SharedState, st.TransientState
	f.RequestHeaders, f.RequestParameters, f.RequestCookies = st.RequestHeaders, st.RequestParameters, st.RequestCookies
	return &f, nil
}

// parseMerged parses merged fixtures, once for each path and content. Their
// lines are those of a document made up by the merge, so they are dropped
// from errors.
func (l *Loader) parseMerged(path string, n *yaml.Node) (*fixtures.File, error) {
	data, err := marshalNode(n)
	if err != nil {
		return nil, err
	}
	key := path + "\x00" + string(data)
	if lf, ok := l.merged[key]; ok {
		return lf.file, lf.err
	}
	lf := &loadedFixtures{}
	l.merged[key] = lf
	if lf.file, lf.err = fixtures.Parse(path, data); lf.err != nil {
		var fe *fixtures.Error
		if errors.As(lf.err, &fe) {
			lf.err = errors.New(fe.Msg)
		}
	}
	return lf.file, lf.err
}

func marshalNode(n *yaml.Node) ([]byte, error) {
	if n == nil {
		return nil, nil
	}
	return yaml.Marshal(n)
}

func (l *Loader) script(path string) (string, error) {
	if src, ok := l.scripts[path]; ok {
		return src, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", unwrapPath(err)
	}
	l.scripts[path] = string(b)
	return string(b), nil
}

func (l *Loader) fixturesFile(path string) *loadedFixtures {
	if lf, ok := l.fixtures[path]; ok {
		return lf
	}
	lf := &loadedFixtures{}
	l.fixtures[path] = lf
	// One read for both the checked file and the node tree merges start
	// from, so the two are of the same content.
	data, err := fixtures.ReadFile(path)
	if err != nil {
		lf.err = err
		return lf
	}
	if lf.file, lf.err = fixtures.Parse(path, data); lf.err != nil {
		return lf
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		lf.err = &fixtures.Error{Path: path, Msg: err.Error()}
		return lf
	}
	if len(doc.Content) > 0 {
		lf.node = deref(doc.Content[0])
	}
	return lf
}

// The YAML node helpers below work on mappings. Merging lays over on base:
// mappings merge key by key, recursively; anything else in over replaces
// what base has. Nodes are never modified: merged mappings are new nodes
// that share their unchanged children.

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return deref(n.Content[0])
	}
	return n
}

func lookup(m *yaml.Node, key string) *yaml.Node {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return deref(m.Content[i+1])
		}
	}
	return nil
}

func mergeNodes(base, over *yaml.Node) *yaml.Node { return merge(base, over, true) }

// valueMaps are the maps whose entries are values: node state, request,
// secrets and ESVs. Merging them replaces each entry whole, so a row that
// sets sharedState.profile gets exactly its profile, not a blend.
var valueMaps = map[string]bool{
	"sharedState": true, "transientState": true, "requestHeaders": true, "requestParameters": true,
	"requestCookies": true, "secrets": true, "esvs": true,
}

// merge lays over on base. Deep, entries present in both merge recursively
// (those of valueMaps one level deep); shallow, over's entries replace
// base's.
func merge(base, over *yaml.Node, deep bool) *yaml.Node {
	base, over = deref(base), deref(over)
	if base == nil {
		return over
	}
	if over == nil {
		return base
	}
	if base.Kind != yaml.MappingNode || over.Kind != yaml.MappingNode {
		return over
	}
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: over.Line, Column: over.Column}
	idx := map[string]int{}
	for i := 0; i+1 < len(base.Content); i += 2 {
		idx[base.Content[i].Value] = len(out.Content)
		out.Content = append(out.Content, base.Content[i], base.Content[i+1])
	}
	for i := 0; i+1 < len(over.Content); i += 2 {
		k := over.Content[i].Value
		if j, ok := idx[k]; ok {
			if deep {
				out.Content[j+1] = merge(out.Content[j+1], over.Content[i+1], !valueMaps[k])
			} else {
				out.Content[j+1] = over.Content[i+1]
			}
			continue
		}
		idx[k] = len(out.Content)
		out.Content = append(out.Content, over.Content[i], over.Content[i+1])
	}
	return out
}

// exclusive are case keys of which a case keeps only the one set last.
var exclusive = [][2]string{{"script", "source"}}

// mergeCase lays case n over the defaults it inherited.
func mergeCase(inherited, n *yaml.Node) *yaml.Node {
	if inherited == nil {
		return n
	}
	for _, pair := range exclusive {
		if lookup(n, pair[0]) != nil {
			inherited = without(inherited, pair[1])
		}
		if lookup(n, pair[1]) != nil {
			inherited = without(inherited, pair[0])
		}
	}
	return mergeNodes(inherited, n)
}

func without(m *yaml.Node, keys ...string) *yaml.Node {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return m
	}
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: m.Line, Column: m.Column}
next:
	for i := 0; i+1 < len(m.Content); i += 2 {
		for _, k := range keys {
			if m.Content[i].Value == k {
				continue next
			}
		}
		out.Content = append(out.Content, m.Content[i], m.Content[i+1])
	}
	return out
}

// pick returns a mapping of m's entries for keys, or nil when m has none.
func pick(m *yaml.Node, keys ...string) *yaml.Node {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: m.Line, Column: m.Column}
	for i := 0; i+1 < len(m.Content); i += 2 {
		for _, k := range keys {
			if m.Content[i].Value == k {
				out.Content = append(out.Content, m.Content[i], m.Content[i+1])
			}
		}
	}
	if len(out.Content) == 0 {
		return nil
	}
	return out
}

func cloneNode(n *yaml.Node) *yaml.Node {
	n = deref(n)
	if n == nil {
		return nil
	}
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, ch := range n.Content {
		c.Content[i] = cloneNode(ch)
	}
	return &c
}

// rewritePaths makes the relative file paths in inline fixtures absolute,
// anchored at dir (the test file's directory), so they still point at the
// same files once merged over a fixtures file elsewhere. File paths are the
// values under `libraries:` and of keys named file or ending in File
// (bodyFile …).
func rewritePaths(n *yaml.Node, dir string, isPath bool) *yaml.Node {
	switch n.Kind {
	case yaml.ScalarNode:
		if isPath && n.Value != "" && !filepath.IsAbs(n.Value) {
			if abs, err := filepath.Abs(filepath.Join(dir, n.Value)); err == nil {
				n.Value = abs
			}
		}
	case yaml.MappingNode:
		libs := isPath // inside libraries: every value is a path
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			p := libs || k == "file" || strings.HasSuffix(k, "File")
			if k == "libraries" && n.Content[i+1].Kind == yaml.MappingNode {
				rewritePaths(n.Content[i+1], dir, true)
				continue
			}
			rewritePaths(n.Content[i+1], dir, p)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			rewritePaths(c, dir, false)
		}
	}
	return n
}

func resolve(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
