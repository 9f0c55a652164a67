package goja

// journeyjs patch: objects whose properties are built on first use, as
// goja builds its own built-ins (object templates). journeyjs builds a new
// runtime, and the binding objects a script names, for every run; a binding
// with twenty methods would otherwise make twenty function objects a script
// mostly never reads.

import (
	"strings"
	"sync"

	"github.com/dop251/goja/unistring"
)

// NewFrozenLazyObject returns a frozen object (not extensible; each property
// read-only, not enumerable, not configurable) whose properties are named by
// names, each built by build(name) the first time it is read. Reflection
// (Object.keys, Object.isFrozen, for-in) sees every property, building
// those not built yet. Objects with the same names share one template, made
// once per process: an object costs its builder, not a map of its names.
func (r *Runtime) NewFrozenLazyObject(names []string, build func(name string) Value) *Object {
	o := r.newTemplatedObject(jjNamesTemplate(names), nil)
	o.jjBuild = func(name unistring.String) Value { return valueProp(build(name.String()), false, false, false) }
	o.extensible = false
	return o.val
}

var jjNamesTemplates sync.Map // names joined by NUL → *objectTemplate

// jjNamesTemplate is a template listing names, whose entries the object's
// own builder (jjBuild) makes.
func jjNamesTemplate(names []string) *objectTemplate {
	key := strings.Join(names, "\x00")
	if t, ok := jjNamesTemplates.Load(key); ok {
		return t.(*objectTemplate)
	}
	t := &objectTemplate{
		props:     make(map[unistring.String]templatePropFactory, len(names)),
		propNames: make([]unistring.String, 0, len(names)),
	}
	for _, name := range names {
		// Never called: jjProp asks the object's builder.
		t.putStr(unistring.NewFromString(name), func(*Runtime) Value { return nil })
	}
	v, _ := jjNamesTemplates.LoadOrStore(key, t)
	return v.(*objectTemplate)
}

// jjProp builds the property name of o from its template entry f, or from
// o's own builder when it has one (NewFrozenLazyObject).
func (o *templatedObject) jjProp(name unistring.String, f templatePropFactory) Value {
	if o.jjBuild != nil {
		return o.jjBuild(name)
	}
	return f(o.val.runtime)
}

// Derived templates. goja's built-ins are made from templates shared by
// every runtime, whose entries build each property for the runtime that
// first reads it. journeyjs adds Rhino mode's properties to some built-ins
// and deletes the ones AIC lacks on every new runtime; doing so property by
// property builds or records each on every runtime. Instead, a built-in
// that no script has touched yet is switched to a template derived once,
// for the whole process, from its own: the same entries with some added or
// left out. The entries' factories take the runtime, so a derived template
// is as shareable as goja's own.

// jjTemplateEdit is one derivation: entries added (names[i] built by
// add[i]) or, with add nil, left out.
type jjTemplateEdit struct {
	key   string // identifies the edit for the cache
	names []string
	add   []templatePropFactory
}

type jjDerivedKey struct {
	base *objectTemplate
	edit string
}

var jjDerived sync.Map // jjDerivedKey → *objectTemplate

// jjDerive returns base with edit applied, built once per process.
func jjDerive(base *objectTemplate, edit jjTemplateEdit) *objectTemplate {
	key := jjDerivedKey{base, edit.key}
	if t, ok := jjDerived.Load(key); ok {
		return t.(*objectTemplate)
	}
	nt := &objectTemplate{
		props:        make(map[unistring.String]templatePropFactory, len(base.props)+len(edit.names)),
		propNames:    make([]unistring.String, 0, len(base.propNames)+len(edit.names)),
		symProps:     base.symProps,
		symPropNames: base.symPropNames,
		protoFactory: base.protoFactory,
	}
	gone := map[unistring.String]bool{}
	if edit.add == nil {
		for _, name := range edit.names {
			gone[unistring.NewFromString(name)] = true
		}
	}
	for _, n := range base.propNames {
		if !gone[n] {
			nt.propNames = append(nt.propNames, n)
			nt.props[n] = base.props[n]
		}
	}
	for i, f := range edit.add {
		n := unistring.NewFromString(edit.names[i])
		if _, exists := nt.props[n]; !exists {
			nt.propNames = append(nt.propNames, n)
		}
		nt.props[n] = f
	}
	t, _ := jjDerived.LoadOrStore(key, nt)
	return t.(*objectTemplate)
}

// jjEditTemplate switches obj, a built-in made from a template that no
// script has touched yet, to its template with edit applied. It reports
// false, changing nothing, when obj is not such a built-in: the caller then
// adds or deletes the properties one by one.
func jjEditTemplate(obj *Object, edit jjTemplateEdit) bool {
	tt, ok := obj.self.(interface{ jjTemplated() *templatedObject })
	if !ok {
		return false
	}
	t := tt.jjTemplated()
	if t.propNames != nil || len(t.values) > 0 {
		return false
	}
	t.tmpl = jjDerive(t.tmpl, edit)
	return true
}

// DeleteBuiltins deletes the properties names of a built-in, as
// DeleteBuiltin does for each, but, on a built-in no script has touched
// yet, by switching it to a template without them, derived once per
// process: nothing is built or recorded on this runtime.
func (o *Object) DeleteBuiltins(names []string) {
	if jjEditTemplate(o, jjTemplateEdit{key: "delete:" + strings.Join(names, ","), names: names}) {
		return
	}
	for _, name := range names {
		o.DeleteBuiltin(name)
	}
}
