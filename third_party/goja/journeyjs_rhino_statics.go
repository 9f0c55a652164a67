package goja

// journeyjs patch: Rhino's ES5 Object statics. At language version 0,
// Rhino's Object.keys, getPrototypeOf, getOwnPropertyNames, freeze … refuse
// a primitive argument, as ES5 did, where ES2015 converts it to an object
// (Object.keys("ab") is ["0", "1"] in goja, a TypeError in AIC).

// jjObjectArgument throws Rhino's TypeError when v, the first argument of
// an Object static, is not an object, in Rhino mode.
func (r *Runtime) jjObjectArgument(v Value) {
	if !r.jj.rhino {
		return
	}
	if _, ok := v.(*Object); !ok {
		panic(r.NewTypeError("Expected argument of type object, but instead had type %s", rhinoTypeof(v)))
	}
}
