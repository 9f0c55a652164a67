package secrets

import (
	"context"
	"errors"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `secrets` binding.
var Binding = bindings.Define("secrets", func(vm *bindings.VM) bindings.Instance { return New(vm.Runtime) })

// StoreKey is the key of the secret store a run reads; unset, no secret is mapped.
var StoreKey = bindings.NewBackend[Store]("secrets")

// Read lists the labels of the secrets a run read (never their values).
var Read = bindings.NewOutput[[]string]("secretsRead")

// Instance is the per-runtime `secrets` object.
type Instance struct {
	obj    *goja.Object
	freeze goja.Callable
	ctx    context.Context
	store  Store
	read   []string
}

// keyMethods are AIC's key methods (spec §9): they need a key store
// journeyjs does not emulate yet.
var keyMethods = []string{"getSigningKey", "getVerificationKey", "getEncryptionKey", "getDecryptionKey"}

func init() {
	for _, m := range keyMethods {
		bindings.DeclareNotProvided("secrets." + m)
	}
}

// New builds the frozen `secrets` object for rt.
func New(rt *goja.Runtime) *Instance {
	b := &Instance{obj: rt.NewObject(), freeze: jsvalue.Freezer(rt)}
	jsvalue.Method(rt, b.obj, "getGenericSecret", func(call goja.FunctionCall) goja.Value {
		label := jsvalue.ArgString(call, 0)
		if label == "" {
			jsvalue.Throw(rt, "secrets.getGenericSecret: a secret label is required")
		}
		if !strings.HasPrefix(label, LabelPrefix) {
			jsvalue.Throw(rt, "secrets.getGenericSecret: label %q is not accessible to scripts: only labels beginning %q are", label, LabelPrefix)
		}
		if b.store == nil {
			jsvalue.Throw(rt, "secrets.getGenericSecret: no secret is mapped to label %q (no secret store configured)", label)
		}
		val, err := b.store.GenericSecret(b.ctx, label)
		if errors.Is(err, ErrNotFound) {
			jsvalue.Throw(rt, "secrets.getGenericSecret: no secret is mapped to label %q", label)
		}
		if err != nil {
			jsvalue.Throw(rt, "secrets.getGenericSecret: %v", err)
		}
		b.read = append(b.read, label)
		return secretObject(rt, b.freeze, val)
	})
	for _, m := range keyMethods {
		jsvalue.Method(rt, b.obj, m, bindings.NotProvided(rt, "secrets."+m))
	}
	jsvalue.Seal(rt, b.obj)
	return b
}

// secretObject mirrors AM's ScriptedSecret: the value comes out as bytes or as
// UTF-8 text. Bytes are Java's signed bytes (-128…127), as a script in AIC
// sees them.
func secretObject(rt *goja.Runtime, freeze goja.Callable, val []byte) *goja.Object {
	o := rt.NewObject()
	jsvalue.Method(rt, o, "getAsUtf8", func(goja.FunctionCall) goja.Value {
		return rt.ToValue(jsvalue.Text(val))
	})
	jsvalue.Method(rt, o, "getAsBytes", func(goja.FunctionCall) goja.Value {
		items := make([]any, len(val))
		for i, c := range val {
			items[i] = int8(c)
		}
		return rt.NewArray(items...)
	})
	// Frozen as jsvalue.SealWith leaves it, without its generic walk: the
	// object and its two methods are all there is.
	for _, x := range [...]goja.Value{o.Get("getAsUtf8"), o.Get("getAsBytes"), o} {
		if _, err := freeze(goja.Undefined(), x); err != nil {
			panic(err)
		}
	}
	return o
}

// Value is the JavaScript value installed as `secrets`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin starts a run that reads secrets from the run's store.
func (b *Instance) Begin(run *bindings.Run) {
	b.ctx, b.store, b.read = run.Context, StoreKey.From(run), nil
}

// End hands the labels the run read to the run.
func (b *Instance) End(run *bindings.Run) {
	if len(b.read) > 0 {
		Read.Set(run.Outputs, b.read)
	}
	b.ctx, b.store, b.read = nil, nil, nil
}
