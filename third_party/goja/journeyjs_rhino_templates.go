package goja

import (
	"sync"

	"github.com/dop251/goja/unistring"
)

// journeyjs patch: Rhino mode's built-in objects are upstream's templates
// with some properties replaced or added. A runtime picks the Rhino template
// when it materialises the object, so SetRhinoCompat must be called before
// the built-ins are first used.

// jjDerivedTemplate returns a copy of base in which each entry of props
// replaces the property of that name, keeping its place, or is added after
// base's properties, in the order given.
func jjDerivedTemplate(base *objectTemplate, props []jjTemplateProp) *objectTemplate {
	t := &objectTemplate{
		propNames:    append([]unistring.String(nil), base.propNames...),
		props:        make(map[unistring.String]templatePropFactory, len(base.props)+len(props)),
		symPropNames: append([]*Symbol(nil), base.symPropNames...),
		protoFactory: base.protoFactory,
	}
	for name, f := range base.props {
		t.props[name] = f
	}
	if base.symProps != nil {
		t.symProps = make(map[*Symbol]templatePropFactory, len(base.symProps))
		for s, f := range base.symProps {
			t.symProps[s] = f
		}
	}
	for _, p := range props {
		if _, exists := t.props[p.name]; !exists {
			t.propNames = append(t.propNames, p.name)
		}
		t.props[p.name] = p.value
	}
	return t
}

// jjTemplateProp is one property jjDerivedTemplate sets.
type jjTemplateProp struct {
	name  unistring.String
	value templatePropFactory
}

// jjMethod is a jjTemplateProp for a method, as upstream's templates
// define them (writable, configurable, not enumerable).
func jjMethod(name unistring.String, nArgs int, f func(r *Runtime) func(FunctionCall) Value) jjTemplateProp {
	return jjTemplateProp{name, func(r *Runtime) Value { return r.methodProp(f(r), name, nArgs) }}
}

// jjTemplateOnce holds a template built on first use, as upstream's
// get…Template functions do.
type jjTemplateOnce struct {
	once sync.Once
	tmpl *objectTemplate
}

func (o *jjTemplateOnce) get(build func() *objectTemplate) *objectTemplate {
	o.once.Do(func() { o.tmpl = build() })
	return o.tmpl
}
