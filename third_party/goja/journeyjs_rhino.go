package goja

// journeyjs patch: Rhino compatibility. PingOne AIC runs scripts on Mozilla
// Rhino 1.7.14 at language version 0; journeyjs's tenant language level
// turns this mode on so that what differs between the engines in ways a
// script can observe (error messages, legacy built-ins, ES5 behaviours that
// ES2015 changed) answers as Rhino does. See JOURNEYJS.md.

// SetRhinoCompat turns Rhino compatibility on or off for this runtime. It is
// off by default: goja behaves as upstream. Set it before running scripts.
func (r *Runtime) SetRhinoCompat(on bool) {
	if r.jj.rhino == on {
		return
	}
	r.jj.rhino = on
	r.rhinoErrorGlobals(on)
	r.rhinoLegacyAccessors(on)
}

// RhinoCompat reports whether Rhino compatibility is on.
func (r *Runtime) RhinoCompat() bool { return r.jj.rhino }

// rhinoDefine adds a writable, configurable data property to a built-in.
// It goes through defineOwnPropertyStr, not _putProp: a built-in made from
// a template fills in its own properties on first use, and a raw _putProp
// before then would take their place.
func rhinoDefine(o *Object, name string, v Value, enumerable bool) {
	o.self.defineOwnPropertyStr(newStringValue(name).string(), PropertyDescriptor{
		Value:        v,
		Writable:     FLAG_TRUE,
		Configurable: FLAG_TRUE,
		Enumerable:   ToFlag(enumerable),
	}, true)
}
