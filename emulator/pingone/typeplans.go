package pingone

import (
	"reflect"
	"sync"
)

// typePlans caches, per Go type, a plan worked out once (how to clone or
// encode its values). Its zero value is an empty cache.
type typePlans[P any] struct {
	plans sync.Map // reflect.Type → *P
}

// of is t's plan, made by build on first use. build gets a map of the plans
// begun so far, where a recursive type finds its own plan before it is
// complete. Two goroutines may build the same plan at once; both results
// are equal.
func (c *typePlans[P]) of(t reflect.Type, build func(t reflect.Type, seen map[reflect.Type]*P) *P) *P {
	if p, ok := c.plans.Load(t); ok {
		return p.(*P)
	}
	p := build(t, map[reflect.Type]*P{})
	c.plans.Store(t, p)
	return p
}
