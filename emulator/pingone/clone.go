package pingone

import (
	"reflect"
	"time"
)

// cloneValue returns a deep copy of v: every map, slice, pointer and
// interface value is copied, none is shared. Strings are shared (they are
// immutable), and so is time.Time's *Location (never changed in place).
// Only call it for a type cloneable accepts.
func cloneValue(v reflect.Value) reflect.Value {
	return planFor(v.Type()).clone(v)
}

// cloneInto sets dst, settable and of src's type, to cloneValue(src)
// without making the copy apart first.
func cloneInto(dst, src reflect.Value) { planFor(src.Type()).copyInto(dst, src) }

// cloneable tells whether cloneValue copies every value of type t fully:
// no channels or functions, and no unexported field that could share
// memory (cloneValue cannot reach those), time.Time excepted.
func cloneable(t reflect.Type) bool { return planFor(t).cloneable }

// clonePlan is how to copy the values of one type, worked out once so that
// a copy walks only what can share memory.
type clonePlan struct {
	typ reflect.Type
	// deep: a plain copy of a value would share memory with it.
	deep bool
	// cloneable: fill copies every value fully (see cloneable).
	cloneable bool
	// fill sets dst, settable, to a deep copy of src, a value of a deep
	// type. Copies are made in place: a struct reached through a pointer,
	// a slice or the caller's variable is built once, where it goes.
	fill func(dst, src reflect.Value)
}

// clone returns a deep copy of v.
func (p *clonePlan) clone(v reflect.Value) reflect.Value {
	if !p.deep {
		return v // a plain copy (the caller's Set) shares nothing
	}
	c := reflect.New(p.typ).Elem()
	p.fill(c, v)
	return c
}

// copyInto sets dst, settable, to a deep copy of src.
func (p *clonePlan) copyInto(dst, src reflect.Value) {
	if !p.deep {
		dst.Set(src)
		return
	}
	p.fill(dst, src)
}

var clonePlans typePlans[clonePlan]

func planFor(t reflect.Type) *clonePlan { return clonePlans.of(t, buildPlan) }

// buildPlan works out the plan of t. A recursive type meets its own plan
// before it is complete; that happens only behind a pointer, slice or map,
// which are deep whatever their element (so they say so before looking at
// it), and whose copies read the element's plan when they run, not now.
func buildPlan(t reflect.Type, seen map[reflect.Type]*clonePlan) *clonePlan {
	if p, ok := seen[t]; ok {
		return p
	}
	p := &clonePlan{typ: t, cloneable: true}
	seen[t] = p
	switch t.Kind() {
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		p.deep, p.cloneable = true, false
		p.fill = func(dst, src reflect.Value) { dst.Set(src) }
	case reflect.Pointer:
		p.deep = true
		elem := buildPlan(t.Elem(), seen)
		p.cloneable = elem.cloneable
		p.fill = func(dst, src reflect.Value) {
			if src.IsNil() {
				dst.SetZero()
				return
			}
			c := reflect.New(t.Elem())
			elem.copyInto(c.Elem(), src.Elem())
			dst.Set(c)
		}
	case reflect.Slice:
		p.deep = true
		elem := buildPlan(t.Elem(), seen)
		p.cloneable = elem.cloneable
		p.fill = func(dst, src reflect.Value) {
			if src.IsNil() {
				dst.SetZero()
				return
			}
			c := reflect.MakeSlice(t, src.Len(), src.Len())
			if !elem.deep {
				reflect.Copy(c, src)
			} else {
				for i := range src.Len() {
					elem.fill(c.Index(i), src.Index(i))
				}
			}
			dst.Set(c)
		}
	case reflect.Array:
		elem := buildPlan(t.Elem(), seen)
		p.deep, p.cloneable = elem.deep, elem.cloneable
		p.fill = func(dst, src reflect.Value) {
			for i := range src.Len() {
				elem.copyInto(dst.Index(i), src.Index(i))
			}
		}
	case reflect.Map:
		p.deep = true
		key, elem := buildPlan(t.Key(), seen), buildPlan(t.Elem(), seen)
		p.cloneable = key.cloneable && elem.cloneable
		p.fill = func(dst, src reflect.Value) {
			if src.IsNil() {
				dst.SetZero()
				return
			}
			c := reflect.MakeMapWithSize(t, src.Len())
			k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
			for it := src.MapRange(); it.Next(); {
				k.SetIterKey(it)
				e.SetIterValue(it)
				c.SetMapIndex(key.clone(k), elem.clone(e))
			}
			dst.Set(c)
		}
	case reflect.Interface:
		// Interfaces hold what JSON decodes into any: maps, slices,
		// strings, numbers, booleans. The plan is the dynamic type's; a
		// value that shares nothing (a string, a number) is kept as it is.
		p.deep = true
		p.fill = func(dst, src reflect.Value) {
			if src.IsNil() {
				dst.SetZero()
				return
			}
			dyn := planFor(src.Elem().Type())
			if !dyn.deep {
				dst.Set(src)
				return
			}
			dst.Set(dyn.clone(src.Elem()))
		}
	case reflect.Struct:
		if t == reflect.TypeFor[time.Time]() {
			break // its only reference, the *Location, is never changed
		}
		var deepFields []int
		var fieldPlans []*clonePlan
		for i := range t.NumField() {
			f := t.Field(i)
			fp := buildPlan(f.Type, seen)
			switch {
			case !f.IsExported():
				p.cloneable = p.cloneable && !fp.deep
			case fp.deep:
				deepFields = append(deepFields, i)
				fieldPlans = append(fieldPlans, fp)
				p.cloneable = p.cloneable && fp.cloneable
			default:
				p.cloneable = p.cloneable && fp.cloneable
			}
		}
		p.deep = len(deepFields) > 0
		p.fill = func(dst, src reflect.Value) {
			dst.Set(src) // every field, unexported ones (time.Time's) too
			for j, i := range deepFields {
				fieldPlans[j].fill(dst.Field(i), src.Field(i))
			}
		}
	}
	return p
}
