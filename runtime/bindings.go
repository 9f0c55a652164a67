package runtime

import (
	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/nodestate"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/bindings/secrets"
	"github.com/journeyjs/journeyjs/bindings/systemenv"
	"github.com/journeyjs/journeyjs/bindings/utils"
	"github.com/journeyjs/journeyjs/bindings/verify"
)

// A runtime builds a binding the first time one of its scripts names it. Every
// binding is available to every script, but most scripts use two or three of
// the ten, and each costs 10 to 25 KB of function objects in every pooled
// runtime, which the garbage collector then walks on every cycle. A binding
// built during a run is begun for that run at once; from then on execute
// begins and ends it with every run.

// binding builds the binding called name, installs it on the pristine
// global and returns it; nil when name is no binding's.
func (v *vm) binding(name string) goja.Value {
	switch name {
	case "action", "nodeState", "logger", "secrets", "systemEnv", "java",
		"openidm", "httpClient", "verifyTransactionsHelper", "utils":
	default:
		return nil
	}
	rt := v.rt
	// Binding constructors read Object.freeze and JSON from the global
	// object, which during a run is the script's, free to shadow them.
	rt.SetGlobalObject(v.base)
	defer rt.SetGlobalObject(v.globalObj)
	var obj goja.Value
	switch name {
	case "action":
		v.action = action.New(rt)
		v.action.Begin()
		obj = v.action.Object()
	case "nodeState":
		v.ensureState()
		obj = v.state.Object()
	case "logger":
		v.log = logger.New(rt)
		v.beginLog()
		obj = v.log.Object()
	case "secrets":
		v.secrets = secrets.New(rt)
		v.secrets.Begin(v.ctx, v.input.Secrets)
		obj = v.secrets.Object()
	case "systemEnv", "java":
		if v.env == nil {
			v.env = systemenv.New(rt)
			v.env.Begin(v.input.ESVs)
			install(v.base, "systemEnv", v.env.Object())
			install(v.base, "java", v.env.Java())
		}
		return v.base.Get(name)
	case "openidm":
		v.idm = openidm.New(rt)
		v.idm.Begin(v.ctx, v.input.IDM)
		obj = v.idm.Object()
	case "httpClient":
		// It keeps JSON's parse and stringify: have them guarded first.
		v.global.builtin("JSON")
		h := httpclient.New(rt, v.loop)
		h.Begin(v.ctx, v.input.HTTP, v.input.Secrets)
		// The watchdog reads v.http (to abort requests) under v.mu.
		v.mu.Lock()
		v.http = h
		v.mu.Unlock()
		obj = h.Object()
	case "verifyTransactionsHelper":
		v.ensureState()
		v.verify = verify.New(rt)
		v.verify.Begin(v.ctx, v.input.Verify, v.stateLookup)
		obj = v.verify.Object()
	case "utils":
		obj = utils.New(rt)
	}
	install(v.base, name, obj)
	return obj
}

// ensureState builds nodeState's Go side, which verifyTransactionsHelper
// reads too, and begins it for the current run.
func (v *vm) ensureState() {
	if v.state != nil {
		return
	}
	v.state = nodestate.New(v.rt)
	v.state.Begin(v.input.SharedState, v.input.TransientState)
	v.stateLookup = v.state.Get
}

func (v *vm) beginLog() {
	level := v.eng.opts.LogLevel
	if v.input.LogLevel != nil {
		level = *v.input.LogLevel
	}
	v.log.Begin(level, &v.eng.opts.Logger, ContextDecisionNode, v.idFn, v.script.name())
}

// beginBindings begins, for a new run, the bindings this runtime has built.
func (v *vm) beginBindings() {
	in := &v.input
	if v.action != nil {
		v.action.Begin()
	}
	if v.state != nil {
		v.state.Begin(in.SharedState, in.TransientState)
	}
	if v.log != nil {
		v.beginLog()
	}
	if v.secrets != nil {
		v.secrets.Begin(v.ctx, in.Secrets)
	}
	if v.env != nil {
		v.env.Begin(in.ESVs)
	}
	if v.idm != nil {
		v.idm.Begin(v.ctx, in.IDM)
	}
	if v.http != nil {
		v.http.Begin(v.ctx, in.HTTP, in.Secrets)
	}
	if v.verify != nil {
		v.verify.Begin(v.ctx, in.Verify, v.stateLookup)
	}
}

// endBindings ends the run for every built binding and puts what they
// recorded in res. A binding the runtime never built was not used. It
// reports whether the script called action.goTo.
func (v *vm) endBindings(res *Result) (called bool) {
	if v.action != nil {
		act := v.action.End()
		res.Outcome = act.Outcome
		res.Headers = act.Headers
		res.Description = act.Description
		res.ErrorMessage = act.ErrorMessage
		res.LockoutMessage = act.LockoutMessage
		res.IdentifiedUser = act.IdentifiedUser
		res.Stage = act.Stage
		res.SessionProperties = act.SessionProperties
		called = act.Called
	}
	if v.state != nil {
		res.SharedState = v.state.Shared()
		res.TransientState = v.state.Transient()
		v.state.End()
	} else {
		res.SharedState, res.TransientState = v.input.SharedState, v.input.TransientState
	}
	if v.log != nil {
		res.Logs = v.log.End()
	}
	if v.secrets != nil {
		res.SecretsRead = v.secrets.End()
	}
	if v.env != nil {
		v.env.End()
	}
	if v.idm != nil {
		res.IDMChanges, res.Emails = v.idm.End()
	}
	if v.http != nil {
		if v.http.Busy() {
			// The script failed with requests or callbacks outstanding:
			// their loop jobs must not reach a later run on this runtime.
			v.broken = true
		}
		res.HTTPCalls = v.http.End()
	}
	if v.verify != nil {
		v.verify.End()
	}
	return called
}
