package runtime

import (
	"container/list"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// The wrappers turn a script and a library into function expressions; a
// pooled runtime evaluates each once and calls the function on every run. They add
// text to the first line only, so positions on later lines are unchanged and
// first-line columns shift by the prefix length.
const (
	scriptPrefix  = "(function(){"
	scriptSuffix  = "\n})"
	libraryPrefix = "(function(exports,module,require){"
	librarySuffix = "\n})"
)

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
	// warnings are the language check's, computed once with the program.
	warnings []Warning
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
	prg, _, err := c.getWarnings(name, source, kind)
	return prg, err
}

// getWarnings is get that also returns the language check's warnings, which
// are cached with the program: a cached script is not checked again.
func (c *programCache) getWarnings(name, source string, kind progKind) (*goja.Program, []Warning, error) {
	key := progKey{name, source, kind}
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		c.order.MoveToFront(e.elem)
		c.hits++
		c.mu.Unlock()
		return e.prg, e.warnings, e.err
	}
	c.misses++
	c.mu.Unlock()

	// Compile outside the lock: two goroutines may compile the same new
	// script at once, which costs a little and blocks nobody.
	prg, warnings, err := compile(name, source, kind, c.lang)

	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		return e.prg, e.warnings, e.err
	}
	e := &progEntry{key: key, prg: prg, err: err, warnings: warnings}
	e.elem = c.order.PushFront(e)
	c.entries[key] = e
	for c.order.Len() > c.max {
		old := c.order.Back()
		c.order.Remove(old)
		delete(c.entries, old.Value.(*progEntry).key)
	}
	return prg, warnings, err
}

// Len is the number of cached programs.
func (c *programCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// compile first parses the source on its own: that reports syntax errors at
// the user's own positions, and it guarantees the source is a balanced program
// that cannot close the wrapper function and declare names at the top level.
// In the tenant language the parsed script then goes through the language
// check (language.go), which returns the warnings.
func compile(name, source string, kind progKind, lang Language) (*goja.Program, []Warning, error) {
	if err := checkSourceNesting(name, source); err != nil {
		return nil, nil, err
	}
	var warnings []Warning
	if lang == LanguageModern {
		if _, err := parser.ParseFile(nil, name, source, 0); err != nil {
			return nil, nil, err
		}
	} else {
		prog, patched, err := parseTenant(name, source)
		if err != nil {
			return nil, nil, err
		}
		if warnings, err = checkTenant(name, prog, kind); err != nil {
			return nil, warnings, err
		}
		source = patched
	}
	prefix, suffix := scriptPrefix, scriptSuffix
	if kind == kindLibrary {
		prefix, suffix = libraryPrefix, librarySuffix
	}
	prg, err := goja.Compile(name, prefix+source+suffix, false)
	return prg, warnings, err
}
