package runtime

import (
	"container/list"
	"sort"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// A script runs as a program, as Rhino runs it: its top-level declarations
// are properties of the global object. A library runs as a function body
// (AIC's library top level is function-like, spec §1): the wrapper adds
// text to the first line only, so positions on later lines are unchanged
// and first-line columns shift by the prefix length.
//
// AIC gives a library only the common bindings (spec §12), while it runs
// on the runtime of the script that required it: the wrapper's parameters
// after require shadow the other contexts' bindings, which the library then
// reads as undefined.
var (
	libraryHidden = hiddenFromLibraries()
	libraryPrefix = "(function(exports,module,require" + libraryHidden + "){"
)

const librarySuffix = "\n})"

// hiddenFromLibraries lists, each after a comma, the bindings some context
// offers and the library context does not.
func hiddenFromLibraries() string {
	var names []string
	for name := range aicNames {
		if !Library.Has(name) && name != "require" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return "," + strings.Join(names, ",")
}

type progKind uint8

const (
	kindScript progKind = iota
	kindLibrary
)

type progKey struct {
	name   string
	source string
	kind   progKind
}

type progEntry struct {
	key  progKey
	prg  *goja.Program
	err  error
	elem *list.Element
	// tenant is the language check's output, computed once with the
	// program (empty in the modern language).
	tenant tenantProgram
}

// programCache is a bounded LRU of compiled programs keyed by name and source,
// so a host that evaluates many distinct scripts keeps memory flat while its
// hot scripts never recompile.
type programCache struct {
	mu      sync.Mutex
	max     int
	lang    Language // the language every program is checked against
	entries map[progKey]*progEntry
	order   list.List // front: most recently used
	hits    uint64
	misses  uint64
}

func newProgramCache(max int) *programCache {
	return &programCache{max: max, entries: make(map[progKey]*progEntry)}
}

// get returns the compiled program, compiling on a miss. Compile errors are
// cached too: a broken script fails fast every time without recompiling.
func (c *programCache) get(name, source string, kind progKind) (*goja.Program, error) {
	e := c.entry(name, source, kind)
	return e.prg, e.err
}

// entry is get with what the language check made of the script, which is
// cached with the program: a cached script is not checked again.
func (c *programCache) entry(name, source string, kind progKind) *progEntry {
	key := progKey{name, source, kind}
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		c.order.MoveToFront(e.elem)
		c.hits++
		c.mu.Unlock()
		return e
	}
	c.misses++
	c.mu.Unlock()

	// Compile outside the lock: two goroutines may compile the same new
	// script at once, which costs a little and blocks nobody.
	prg, tenant, err := compile(name, source, kind, c.lang)

	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		return e
	}
	e := &progEntry{key: key, prg: prg, err: err, tenant: tenant}
	e.elem = c.order.PushFront(e)
	c.entries[key] = e
	for c.order.Len() > c.max {
		old := c.order.Back()
		c.order.Remove(old)
		delete(c.entries, old.Value.(*progEntry).key)
	}
	return e
}

// Len is the number of cached programs.
func (c *programCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// compile first parses the source on its own: that reports syntax errors at
// the user's own positions, and it guarantees a library's source is a
// balanced program that cannot close the wrapper function and declare names
// at the top level. In the tenant language the parsed script then goes
// through the language check (language.go), which rewrites what goja must
// run differently to behave as Rhino.
func compile(name, source string, kind progKind, lang Language) (*goja.Program, tenantProgram, error) {
	var tp tenantProgram
	if err := checkSourceNesting(name, source); err != nil {
		return nil, tp, err
	}
	if lang == LanguageModern {
		if _, err := parser.ParseFile(nil, name, source, 0); err != nil {
			return nil, tp, err
		}
	} else {
		prog, patched, err := parseTenant(name, source)
		if err != nil {
			return nil, tp, err
		}
		if tp, err = checkTenant(name, prog, patched, kind); err != nil {
			return nil, tp, err
		}
		source = tp.source
	}
	tp.warnings = append(tp.warnings, notProvidedWarnings(name, source)...)
	if kind == kindLibrary {
		source = libraryPrefix + source + librarySuffix
	}
	if lang == LanguageModern {
		prg, err := goja.Compile(name, source, false)
		return prg, tp, err
	}
	// Rhino's strict mode is goja's but for three leniencies (patched
	// goja, journeyjs_rhino_strict.go).
	prg, err := goja.CompileRhino(name, source)
	return prg, tp, err
}
