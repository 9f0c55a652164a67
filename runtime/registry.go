package runtime

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
)

// ErrUnknownScript is returned (wrapped) by RunNamed for a name no script was
// registered under.
var ErrUnknownScript = errors.New("runtime: no script registered with this name")

// scriptRegistry is the engine's table of named scripts. Its zero value is
// empty and ready to use.
type scriptRegistry struct {
	mu      sync.RWMutex
	scripts map[string]Script
}

// RegisterScript compiles script and keeps it under script.Name, so that a
// host can run it by name with RunNamed. Registering a name again replaces
// the script (the next runs use the new source); a syntax error is returned
// as a *ScriptError with its position, and leaves any script already
// registered under the name in place.
func (e *Engine) RegisterScript(script Script) error {
	e.init()
	if script.Name == "" {
		return fmt.Errorf("register script: a name is required")
	}
	if err := e.Compile(script); err != nil {
		return err
	}
	r := &e.registry
	r.mu.Lock()
	if r.scripts == nil {
		r.scripts = make(map[string]Script)
	}
	r.scripts[script.Name] = script
	r.mu.Unlock()
	return nil
}

// UnregisterScript forgets the script registered under name; it reports
// whether there was one.
func (e *Engine) UnregisterScript(name string) bool {
	r := &e.registry
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.scripts[name]
	delete(r.scripts, name)
	return ok
}

// LookupScript returns the script registered under name.
func (e *Engine) LookupScript(name string) (Script, bool) {
	r := &e.registry
	r.mu.RLock()
	defer r.mu.RUnlock()
	s, ok := r.scripts[name]
	return s, ok
}

// ScriptNames returns the names of the registered scripts, sorted.
func (e *Engine) ScriptNames() []string {
	r := &e.registry
	r.mu.RLock()
	names := make([]string, 0, len(r.scripts))
	for n := range r.scripts {
		names = append(names, n)
	}
	r.mu.RUnlock()
	sort.Strings(names)
	return names
}

// RunNamed runs the script registered under name, as Run does. For a name
// with no script it returns an error wrapping ErrUnknownScript and runs
// nothing.
func (e *Engine) RunNamed(ctx context.Context, name string, in Input) (Result, error) {
	script, ok := e.LookupScript(name)
	if !ok {
		return Result{}, fmt.Errorf("run %q: %w", name, ErrUnknownScript)
	}
	return e.Run(ctx, script, in)
}
