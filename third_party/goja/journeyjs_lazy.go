package goja

// journeyjs patch: objects whose properties are built on first use, as
// goja builds its own built-ins (object templates). journeyjs builds a new
// runtime, and the binding objects a script names, for every run; a binding
// with twenty methods would otherwise make twenty function objects a script
// mostly never reads.

import "github.com/dop251/goja/unistring"

// NewFrozenLazyObject returns a frozen object (not extensible; each property
// read-only, not enumerable, not configurable) whose properties are named by
// names, each built by build(name) the first time it is read. Reflection
// (Object.keys, Object.isFrozen, for-in) sees every property, building
// those not built yet.
func (r *Runtime) NewFrozenLazyObject(names []string, build func(name string) Value) *Object {
	t := &objectTemplate{
		props:     make(map[unistring.String]templatePropFactory, len(names)),
		propNames: make([]unistring.String, 0, len(names)),
	}
	for _, name := range names {
		t.putStr(unistring.NewFromString(name), func(*Runtime) Value {
			return valueProp(build(name), false, false, false)
		})
	}
	o := r.newTemplatedObject(t, nil)
	o.extensible = false
	return o.val
}

// jjExtendTemplate adds to a built-in made from a template properties
// (names[i], built by fs[i] on first use), without building the built-in's
// other properties: the object gets a copy of its template with the new
// entries (and its list of names, when it was made already). It reports
// false when the object is not made from a template, and the caller must
// define the properties at once.
func jjExtendTemplate(obj *Object, names []string, fs []templatePropFactory) bool {
	tt, ok := obj.self.(interface{ jjTemplated() *templatedObject })
	if !ok {
		return false
	}
	t := tt.jjTemplated()
	for _, name := range names {
		if _, built := t.values[unistring.NewFromString(name)]; built {
			return false // the object has such a property already
		}
	}
	old := t.tmpl
	nt := &objectTemplate{
		props:        make(map[unistring.String]templatePropFactory, len(old.props)+len(names)),
		propNames:    make([]unistring.String, len(old.propNames), len(old.propNames)+len(names)),
		symProps:     old.symProps,
		symPropNames: old.symPropNames,
		protoFactory: old.protoFactory,
	}
	for k, v := range old.props {
		nt.props[k] = v
	}
	copy(nt.propNames, old.propNames)
	for i, name := range names {
		n := unistring.NewFromString(name)
		if _, exists := nt.props[n]; !exists {
			nt.propNames = append(nt.propNames, n)
			if t.propNames != nil {
				t.propNames = append(t.propNames, n)
			}
		}
		nt.props[n] = fs[i]
	}
	t.tmpl = nt
	return true
}
