package goja

// journeyjs patch: the legacy accessor methods Rhino keeps on
// Object.prototype (__defineGetter__, __defineSetter__, __lookupGetter__,
// __lookupSetter__), which older scripts still use. Rhino mode adds them;
// they are not enumerable, like the other built-in methods.

var rhinoLegacyAccessorNames = []string{"__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"}

// rhinoLegacyAccessors installs or removes the four methods.
func (r *Runtime) rhinoLegacyAccessors(on bool) {
	proto := r.global.ObjectPrototype.self
	if !on {
		for _, name := range rhinoLegacyAccessorNames {
			proto.deleteStr(newStringValue(name).string(), false)
		}
		return
	}
	// Built when first read, as Object.prototype's own methods are.
	if jjEditTemplate(r.global.ObjectPrototype, jjTemplateEdit{key: "rhino:legacyAccessors",
		names: rhinoLegacyAccessorNames, add: rhinoLegacyAccessorFactories}) {
		return
	}
	for i, name := range rhinoLegacyAccessorNames {
		rhinoDefine(r.global.ObjectPrototype, name, rhinoLegacyAccessorFactories[i](r).(*valueProperty).value, false)
	}
}

// rhinoLegacyAccessorFactories build the four methods for a runtime.
var rhinoLegacyAccessorFactories = []templatePropFactory{
	rhinoLegacyAccessorFactory(0, func(r *Runtime) func(FunctionCall) Value { return r.rhinoDefineAccessor(true) }),
	rhinoLegacyAccessorFactory(1, func(r *Runtime) func(FunctionCall) Value { return r.rhinoDefineAccessor(false) }),
	rhinoLegacyAccessorFactory(2, func(r *Runtime) func(FunctionCall) Value { return r.rhinoLookupAccessor(true) }),
	rhinoLegacyAccessorFactory(3, func(r *Runtime) func(FunctionCall) Value { return r.rhinoLookupAccessor(false) }),
}

func rhinoLegacyAccessorFactory(i int, fn func(*Runtime) func(FunctionCall) Value) templatePropFactory {
	name, length := rhinoLegacyAccessorNames[i], 2-i/2
	return func(r *Runtime) Value {
		return valueProp(r.newNativeFunc(fn(r), newStringValue(name).string(), length), true, false, true)
	}
}

// rhinoDefineAccessor is __defineGetter__ (getter) or __defineSetter__:
// it defines an enumerable, configurable accessor on this.
func (r *Runtime) rhinoDefineAccessor(getter bool) func(FunctionCall) Value {
	return func(call FunctionCall) Value {
		o := call.This.ToObject(r)
		fn, ok := call.Argument(1).(*Object)
		if !ok {
			panic(r.NewTypeError("%s is not a function, it is %s.", rhinoJavaText(call.Argument(1)), rhinoTypeof(call.Argument(1))))
		}
		if _, callable := fn.self.assertCallable(); !callable {
			panic(r.NewTypeError("%s is not a function, it is %s.", rhinoJavaText(fn), rhinoTypeof(fn)))
		}
		desc := PropertyDescriptor{Enumerable: FLAG_TRUE, Configurable: FLAG_TRUE}
		if getter {
			desc.Getter = fn
		} else {
			desc.Setter = fn
		}
		o.defineOwnProperty(toPropertyKey(call.Argument(0)), desc, true)
		return _undefined
	}
}

// rhinoLookupAccessor is __lookupGetter__ (getter) or __lookupSetter__: the
// accessor function of the named property of this or of its prototypes,
// or undefined.
func (r *Runtime) rhinoLookupAccessor(getter bool) func(FunctionCall) Value {
	return func(call FunctionCall) Value {
		key := toPropertyKey(call.Argument(0))
		for o := call.This.ToObject(r); o != nil; o = o.self.proto() {
			prop := o.getOwnProp(key)
			if prop == nil {
				continue
			}
			if p, ok := prop.(*valueProperty); ok && p.accessor {
				f := p.setterFunc
				if getter {
					f = p.getterFunc
				}
				if f != nil {
					return f
				}
			}
			return _undefined
		}
		return _undefined
	}
}
