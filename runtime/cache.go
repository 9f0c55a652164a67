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
}

// programCache is a bounded LRU of compiled programs keyed by name and source,
// so a host that evaluates many distinct scripts keeps memory flat while its
// hot scripts never recompile.
type programCache struct {
	mu      sync.Mutex
	max     int
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
	key := progKey{name, source, kind}
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		c.order.MoveToFront(e.elem)
		c.hits++
		c.mu.Unlock()
		return e.prg, e.err
	}
	c.misses++
	c.mu.Unlock()

	// Compile outside the lock: two goroutines may compile the same new
	// script at once, which costs a little and blocks nobody.
	prg, err := compile(name, source, kind)

	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		return e.prg, e.err
	}
	e := &progEntry{key: key, prg: prg, err: err}
	e.elem = c.order.PushFront(e)
	c.entries[key] = e
	for c.order.Len() > c.max {
		old := c.order.Back()
		c.order.Remove(old)
		delete(c.entries, old.Value.(*progEntry).key)
	}
	return prg, err
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
func compile(name, source string, kind progKind) (*goja.Program, error) {
	if err := checkSourceNesting(name, source); err != nil {
		return nil, err
	}
	if _, err := parser.ParseFile(nil, name, source, 0); err != nil {
		return nil, err
	}
	prefix, suffix := scriptPrefix, scriptSuffix
	if kind == kindLibrary {
		prefix, suffix = libraryPrefix, librarySuffix
	}
	return goja.Compile(name, prefix+source+suffix, false)
}
