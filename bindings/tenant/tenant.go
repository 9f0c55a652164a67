// Package tenant implements the bindings that name where a script runs:
// `realm` ("/alpha"), `cookieName` (the tenant's session cookie) and
// `scriptName` (the running script; inside a library, the caller's). Each
// is a string of the run's own.
package tenant

import (
	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
)

// The three bindings.
var (
	Realm      = define("realm", func(r *bindings.Run) string { return r.Realm })
	CookieName = define("cookieName", func(r *bindings.Run) string { return r.CookieName })
	ScriptName = define("scriptName", func(r *bindings.Run) string { return r.Script.Name })
)

func define(name string, read func(*bindings.Run) string) bindings.Binding {
	return bindings.Define(name, func(vm *bindings.VM) bindings.Instance {
		return &instance{rt: vm.Runtime, read: read}
	})
}

type instance struct {
	rt   *goja.Runtime
	read func(*bindings.Run) string
	val  goja.Value
}

func (i *instance) Value() goja.Value { return i.val }

// RunValue implements bindings.PerRun.
func (i *instance) RunValue() goja.Value { return i.val }

func (i *instance) Begin(run *bindings.Run) { i.val = i.rt.ToValue(i.read(run)) }

func (i *instance) End(*bindings.Run) { i.val = nil }
