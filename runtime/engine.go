package runtime

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/journeyjs/journeyjs/bindings"
)

// Options configure an Engine. The zero value of every field means its
// documented default.
type Options struct {
	// PoolSize is how many idle runtimes the engine keeps for reuse; runs
	// beyond it get a new runtime that is dropped afterwards. Default:
	// 2 × GOMAXPROCS.
	PoolSize int
	// Timeout bounds one run when the caller's context has no earlier
	// deadline. Default: 10 s.
	Timeout time.Duration
	// MaxCallStackSize bounds the JavaScript call depth. Default: 1024.
	MaxCallStackSize int
	// CacheSize bounds the compiled-program cache (LRU). Default: 16384.
	CacheSize int
	// Backends are the bindings' back ends for every run, each set with
	// the key its binding package declares (the scripts' log sink and
	// level: logger.SinkKey and logger.LevelKey). A run's Input.Backends
	// override them key by key.
	Backends bindings.Backends
	// Libraries are library scripts (name → source) every run can require.
	Libraries map[string]string
	// MaxMemory is each run's memory budget in bytes: what the run may
	// allocate in total, as the allocation meter of its runtime counts it
	// (the patched goja in third_party/goja, see JOURNEYJS.md there). The
	// meter is cumulative and deterministic: it adds up the arrays,
	// strings, objects, properties, JSON, buffers and collection entries
	// the run asks for, before they are allocated, and never subtracts what
	// the garbage collector frees. The run whose next allocation would pass
	// the budget stops with KindMemory, and no other run is affected: the
	// budget is not a share of the process heap. A few built-ins that
	// allocate a large result in one step also refuse sizes over it with a
	// RangeError the script can catch. Default: 256 MiB; negative: no
	// budget.
	MaxMemory int64
}

// Defaults for Options.
const (
	DefaultTimeout          = 10 * time.Second
	DefaultMaxCallStackSize = 1024
	DefaultCacheSize        = 16384
	DefaultMaxMemory        = 256 << 20
)

// resolved is Options with defaults applied.
type resolved struct {
	PoolSize         int
	Timeout          time.Duration
	MaxCallStackSize int
	CacheSize        int
	MaxMemory        int64
	Backends         bindings.Backends
}

// Engine runs decision scripts on pooled runtimes. It is safe for concurrent
// use by many goroutines. The zero value is ready to use with default Options.
type Engine struct {
	Options Options

	once  sync.Once
	opts  resolved
	cache *programCache

	// last is the runtime the most recent run gave back, taken and returned
	// with one atomic swap, no lock: a host running decisions one after the
	// other never touches idleMu. It counts as one of the PoolSize idle
	// runtimes; idle is the LIFO stack of the others (the most recently used
	// is the warmest in the CPU cache).
	last    atomic.Pointer[vm]
	idleMu  sync.Mutex
	idle    []*vm
	maxIdle int

	libMu     sync.RWMutex
	libraries map[string]string

	// registry holds the named scripts of RegisterScript (registry.go).
	registry scriptRegistry

	stats engineStats

	vmsMu    sync.Mutex
	vms      map[*vm]struct{} // every live runtime, for the watchdog
	watching atomic.Bool
	stop     chan struct{}
	closed   atomic.Bool
}

// ErrClosed is returned by Run after Close.
var ErrClosed = errors.New("runtime: engine is closed")

// New returns an engine with opts.
func New(opts Options) *Engine {
	e := &Engine{Options: opts}
	e.init()
	return e
}

func (e *Engine) init() {
	e.once.Do(func() {
		o := e.Options
		r := resolved{
			PoolSize:         o.PoolSize,
			Timeout:          o.Timeout,
			MaxCallStackSize: o.MaxCallStackSize,
			CacheSize:        o.CacheSize,
			// A copy, so that a caller's later Set does not race with runs.
			Backends: o.Backends.Clone(),
		}
		if r.PoolSize <= 0 {
			r.PoolSize = 2 * runtime.GOMAXPROCS(0)
		}
		if r.Timeout <= 0 {
			r.Timeout = DefaultTimeout
		}
		if r.MaxCallStackSize <= 0 {
			r.MaxCallStackSize = DefaultMaxCallStackSize
		}
		if r.CacheSize <= 0 {
			r.CacheSize = DefaultCacheSize
		}
		switch {
		case o.MaxMemory == 0:
			r.MaxMemory = DefaultMaxMemory
		case o.MaxMemory > 0:
			r.MaxMemory = o.MaxMemory
		}
		e.opts = r
		e.cache = newProgramCache(r.CacheSize)
		e.maxIdle = r.PoolSize
		e.vms = make(map[*vm]struct{})
		e.stop = make(chan struct{})
		e.libraries = make(map[string]string, len(o.Libraries))
		for k, v := range o.Libraries {
			e.libraries[k] = v
		}
	})
}

// RegisterLibrary makes a library script available to require(name) in
// every later run. It compiles the library now, so a syntax error is reported
// here, with its position.
func (e *Engine) RegisterLibrary(name, source string) error {
	e.init()
	if name == "" {
		return fmt.Errorf("register library: a name is required")
	}
	if _, err := e.cache.get(name, source, kindLibrary); err != nil {
		return e.compileError(err, name)
	}
	e.libMu.Lock()
	e.libraries[name] = source
	e.libMu.Unlock()
	return nil
}

func (e *Engine) library(name string) (string, bool) {
	e.libMu.RLock()
	src, ok := e.libraries[name]
	e.libMu.RUnlock()
	return src, ok
}

// Compile checks a script without running it and caches the compiled form.
// It returns a *ScriptError with the position of a syntax error.
func (e *Engine) Compile(script Script) error {
	e.init()
	if _, err := e.cache.get(script.name(), script.Source, kindScript); err != nil {
		return e.compileError(err, script.name())
	}
	return nil
}

// compileError reports a script or library that does not compile. No run
// limit is involved, so no interrupt reason needs mapping.
func (e *Engine) compileError(err error, name string) *ScriptError {
	return fromGoja(err, name, e.positions, func(error) (ErrorKind, string, bool) { return "", "", false })
}

// positions maps a position in wrapped source back to the user's file. Only
// the first line carries the wrapper's prefix.
func (e *Engine) positions(file string, line, col int) (int, int) {
	if line != 1 {
		return line, col
	}
	prefix := len(scriptPrefix)
	if _, isLib := e.library(file); isLib {
		prefix = len(libraryPrefix)
	}
	if col > prefix {
		col -= prefix
	}
	return line, col
}

// Run runs script with in and returns its result. A failing script returns a
// *ScriptError together with the partial result. Run blocks until the script
// and any asynchronous callbacks it started are done, the run's time limit
// passes, or ctx is canceled.
func (e *Engine) Run(ctx context.Context, script Script, in Input) (Result, error) {
	e.init()
	start := monoNow()
	if e.closed.Load() {
		return Result{}, ErrClosed
	}
	if err := ctx.Err(); err != nil {
		se := &ScriptError{Kind: KindCanceled, Script: script.name(), File: script.name(), Message: "run canceled: " + err.Error(), Err: err}
		return Result{Error: se}, se
	}
	v := e.get()
	var res Result
	fn, err := v.scriptFunc(script)
	if err == nil {
		err = v.execute(ctx, start, fn, script, &in, &res)
	} else {
		err = e.compileError(err, script.name())
	}
	e.put(v)
	if se, ok := err.(*ScriptError); ok {
		res.Error = se
	}
	res.Duration = monoNow() - start
	e.stats.record(err)
	return res, err
}

func (e *Engine) get() *vm {
	e.stats.started.Add(1)
	if v := e.last.Swap(nil); v != nil {
		return v
	}
	e.idleMu.Lock()
	if n := len(e.idle); n > 0 {
		v := e.idle[n-1]
		e.idle[n-1] = nil
		e.idle = e.idle[:n-1]
		e.idleMu.Unlock()
		return v
	}
	e.idleMu.Unlock()
	e.stats.created.Add(1)
	return newVM(e)
}

func (e *Engine) put(v *vm) {
	e.stats.runs.Add(1)
	if v.broken {
		e.stats.discarded.Add(1)
		e.drop(v)
		return
	}
	if e.maxIdle > 0 && e.last.CompareAndSwap(nil, v) {
		// Close may have emptied the slot just before: whichever of the
		// two swaps the runtime out drops it.
		if e.closed.Load() {
			if v := e.last.Swap(nil); v != nil {
				e.drop(v)
			}
		}
		return
	}
	e.idleMu.Lock()
	if len(e.idle) < e.maxIdle-1 && !e.closed.Load() {
		e.idle = append(e.idle, v)
		e.idleMu.Unlock()
		return
	}
	e.idleMu.Unlock()
	e.drop(v)
}

func (e *Engine) drop(v *vm) {
	e.unregister(v)
	v.loop.Terminate()
}

// Close releases the idle runtimes and stops the watchdog. Runs in progress
// should finish first; later calls to Run return ErrClosed.
func (e *Engine) Close() {
	e.init()
	if e.closed.CompareAndSwap(false, true) {
		close(e.stop)
	}
	e.idleMu.Lock()
	idle := e.idle
	e.idle = nil
	e.idleMu.Unlock()
	if v := e.last.Swap(nil); v != nil {
		idle = append(idle, v)
	}
	for _, v := range idle {
		e.drop(v)
	}
}
