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

// cloneable tells whether cloneValue copies every value of type t fully:
// no channels or functions, and no unexported field that could share
// memory (cloneValue cannot reach those), time.Time excepted.
func cloneable(t reflect.Type) bool { return planFor(t).cloneable }

// clonePlan is how to copy the values of one type, worked out once so that
// a copy walks only what can share memory.
type clonePlan struct {
	// deep: a plain copy of a value would share memory with it.
	deep bool
	// cloneable: copyDeep copies every value fully (see cloneable).
	cloneable bool
	// copyDeep copies a value of a deep type.
	copyDeep func(v reflect.Value) reflect.Value
}

func (p *clonePlan) clone(v reflect.Value) reflect.Value {
	if !p.deep {
		return v // a plain copy (the caller's Set) shares nothing
	}
	return p.copyDeep(v)
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
	p := &clonePlan{cloneable: true}
	seen[t] = p
	switch t.Kind() {
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		p.deep, p.cloneable = true, false
		p.copyDeep = func(v reflect.Value) reflect.Value { return v }
	case reflect.Pointer:
		p.deep = true
		elem := buildPlan(t.Elem(), seen)
		p.cloneable = elem.cloneable
		p.copyDeep = func(v reflect.Value) reflect.Value {
			if v.IsNil() {
				return v
			}
			c := reflect.New(t.Elem())
			c.Elem().Set(elem.clone(v.Elem()))
			return c
		}
	case reflect.Slice:
		p.deep = true
		elem := buildPlan(t.Elem(), seen)
		p.cloneable = elem.cloneable
		p.copyDeep = func(v reflect.Value) reflect.Value {
			if v.IsNil() {
				return v
			}
			c := reflect.MakeSlice(t, v.Len(), v.Len())
			if !elem.deep {
				reflect.Copy(c, v)
				return c
			}
			for i := range v.Len() {
				c.Index(i).Set(elem.copyDeep(v.Index(i)))
			}
			return c
		}
	case reflect.Array:
		elem := buildPlan(t.Elem(), seen)
		p.deep, p.cloneable = elem.deep, elem.cloneable
		p.copyDeep = func(v reflect.Value) reflect.Value {
			c := reflect.New(t).Elem()
			for i := range v.Len() {
				c.Index(i).Set(elem.clone(v.Index(i)))
			}
			return c
		}
	case reflect.Map:
		p.deep = true
		key, elem := buildPlan(t.Key(), seen), buildPlan(t.Elem(), seen)
		p.cloneable = key.cloneable && elem.cloneable
		p.copyDeep = func(v reflect.Value) reflect.Value {
			if v.IsNil() {
				return v
			}
			c := reflect.MakeMapWithSize(t, v.Len())
			k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
			for it := v.MapRange(); it.Next(); {
				k.SetIterKey(it)
				e.SetIterValue(it)
				c.SetMapIndex(key.clone(k), elem.clone(e))
			}
			return c
		}
	case reflect.Interface:
		// Interfaces hold what JSON decodes into any: maps, slices,
		// strings, numbers, booleans. The plan is the dynamic type's.
		p.deep = true
		p.copyDeep = func(v reflect.Value) reflect.Value {
			if v.IsNil() {
				return v
			}
			c := reflect.New(t).Elem()
			c.Set(cloneValue(v.Elem()))
			return c
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
		p.copyDeep = func(v reflect.Value) reflect.Value {
			c := reflect.New(t).Elem()
			c.Set(v) // every field, unexported ones (time.Time's) too
			for j, i := range deepFields {
				c.Field(i).Set(fieldPlans[j].copyDeep(v.Field(i)))
			}
			return c
		}
	}
	return p
}
