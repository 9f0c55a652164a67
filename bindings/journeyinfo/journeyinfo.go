// Package journeyinfo implements the `journey` binding: what a script can
// learn about the journey (tree) it runs in: name(), identityResource(),
// innerJourney() and mustRun().
//
// The journey comes from the run's Info back end: the journey walker sets
// it for each tree, fixtures set it with their journey: section. A run
// without one (a script run on its own) sees DefaultName and the realm's
// user collection, managed/<realm>_user.
package journeyinfo

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `journey` binding.
var Binding = bindings.Define("journey", func(vm *bindings.VM) bindings.Instance { return New(vm.Runtime) })

// Info describes a journey.
type Info struct {
	Name string `yaml:"name" json:"name"`
	// IdentityResource is the journey's identity collection, e.g.
	// managed/alpha_user; empty means the realm's user collection.
	IdentityResource string `yaml:"identityResource" json:"identityResource"`
	// InnerJourney is true when the journey may only run inside another
	// (AM's innerTreeOnly).
	InnerJourney bool `yaml:"innerJourney" json:"innerJourney"`
	// MustRun is true when the journey runs even for a user with a session.
	MustRun bool `yaml:"mustRun" json:"mustRun"`
}

// InfoKey is the key of the journey a run is part of.
var InfoKey = bindings.NewBackend[*Info]("journey")

// DefaultName is the name of the journey of a run that is in none.
const DefaultName = "journeyjs"

// UserCollection is a realm's managed user collection: managed/alpha_user
// for /alpha, managed/user for the root realm.
func UserCollection(realm string) string {
	r := strings.Trim(realm, "/")
	if r == "" {
		return "managed/user"
	}
	return "managed/" + strings.ReplaceAll(r, "/", "_") + "_user"
}

// Instance is the per-runtime `journey` object.
type Instance struct {
	obj  *goja.Object
	info Info
}

// New builds the `journey` object for rt.
func New(rt *goja.Runtime) *Instance {
	b := &Instance{obj: rt.NewObject()}
	jsvalue.Method(rt, b.obj, "name", func(goja.FunctionCall) goja.Value { return rt.ToValue(b.info.Name) })
	jsvalue.Method(rt, b.obj, "identityResource", func(goja.FunctionCall) goja.Value { return rt.ToValue(b.info.IdentityResource) })
	jsvalue.Method(rt, b.obj, "innerJourney", func(goja.FunctionCall) goja.Value { return rt.ToValue(b.info.InnerJourney) })
	jsvalue.Method(rt, b.obj, "mustRun", func(goja.FunctionCall) goja.Value { return rt.ToValue(b.info.MustRun) })
	jsvalue.Seal(rt, b.obj)
	return b
}

// Value is the JavaScript value installed as `journey`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin reads the run's journey, filling what it leaves out.
func (b *Instance) Begin(run *bindings.Run) {
	b.info = Info{}
	if in := InfoKey.From(run); in != nil {
		b.info = *in
	}
	if b.info.Name == "" {
		b.info.Name = DefaultName
	}
	if b.info.IdentityResource == "" {
		b.info.IdentityResource = UserCollection(run.Realm)
	}
}

// End forgets the run's journey.
func (b *Instance) End(*bindings.Run) { b.info = Info{} }
