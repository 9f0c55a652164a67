package goja

import (
	"strings"
	"unicode"
)

// journeyjs patch: strings in Rhino mode, as Rhino 1.7.14 has them:
//
//   - String.prototype has the HTML methods (anchor, big, blink, bold,
//     fixed, fontcolor, fontsize, italics, link, small, strike, sub, sup;
//     an attribute's '"' is written &quot;) and Rhino's Java-flavoured
//     equals and equalsIgnoreCase (Java's String.equalsIgnoreCase);
//   - a template literal converts a substitution as "" + value does
//     (valueOf before toString), the String conversion upstream follows
//     ES2015 in (toString first);
//   - new RegExp(aRegExp, flags) throws Rhino's TypeError when flags is
//     given: Rhino only copies a RegExp.

func (r *Runtime) jjStringProtoTemplate() *objectTemplate {
	if r.jj.rhino {
		return jjRhinoStringProtoTemplate()
	}
	return getStringProtoTemplate()
}

var jjRhinoStringProto jjTemplateOnce

func jjRhinoStringProtoTemplate() *objectTemplate {
	return jjRhinoStringProto.get(func() *objectTemplate {
		props := []jjTemplateProp{
			jjMethod("equals", 1, func(r *Runtime) func(FunctionCall) Value { return r.jjRhinoStringEquals }),
			jjMethod("equalsIgnoreCase", 1, func(r *Runtime) func(FunctionCall) Value { return r.jjRhinoStringEqualsIgnoreCase }),
		}
		for _, m := range []struct{ name, tag, attr string }{
			{"anchor", "a", "name"}, {"big", "big", ""}, {"blink", "blink", ""}, {"bold", "b", ""},
			{"fixed", "tt", ""}, {"fontcolor", "font", "color"}, {"fontsize", "font", "size"},
			{"italics", "i", ""}, {"link", "a", "href"}, {"small", "small", ""},
			{"strike", "strike", ""}, {"sub", "sub", ""}, {"sup", "sup", ""},
		} {
			tag, attr := m.tag, m.attr
			props = append(props, jjMethod(newStringValue(m.name).string(), 0, func(r *Runtime) func(FunctionCall) Value {
				return func(call FunctionCall) Value { return r.jjRhinoHTML(call, tag, attr) }
			}))
		}
		return jjDerivedTemplate(getStringProtoTemplate(), props)
	})
}

// jjRhinoThisString is Rhino's ToString of a String method's this: an
// undefined or null this is the global object, as in a sloppy call.
func (r *Runtime) jjRhinoThisString(this Value) String {
	if this == _undefined || this == _null {
		return r.globalObject.toString()
	}
	return this.toString()
}

// jjRhinoHTML is Rhino's tagify: <tag attr="arg">this</tag>.
func (r *Runtime) jjRhinoHTML(call FunctionCall, tag, attr string) Value {
	var b StringBuilder
	b.writeASCII("<" + tag)
	if attr != "" {
		value := call.Argument(0).toString().String()
		b.WriteString(newStringValue(" " + attr + `="` + strings.ReplaceAll(value, `"`, "&quot;") + `"`))
	}
	b.writeASCII(">")
	b.WriteString(r.jjRhinoThisString(call.This))
	b.writeASCII("</" + tag + ">")
	return b.String()
}

func (r *Runtime) jjRhinoStringEquals(call FunctionCall) Value {
	return valueBool(r.jjRhinoThisString(call.This).Equals(call.Argument(0).toString()))
}

// jjRhinoStringEqualsIgnoreCase is Java's String.equalsIgnoreCase: the
// same length, and each UTF-16 unit equal, or equal in upper case, or in
// lower case of the upper case.
func (r *Runtime) jjRhinoStringEqualsIgnoreCase(call FunctionCall) Value {
	a := r.jjRhinoThisString(call.This).utf16Runes()
	b := call.Argument(0).toString().utf16Runes()
	if len(a) != len(b) {
		return valueFalse
	}
	for i := range a {
		c, d := a[i], b[i]
		if c == d {
			continue
		}
		cu, du := unicode.ToUpper(c), unicode.ToUpper(d)
		if cu != du && unicode.ToLower(cu) != unicode.ToLower(du) {
			return valueFalse
		}
	}
	return valueTrue
}

// jjTemplateSubstitution converts a template literal's substitution.
func (vm *vm) jjTemplateSubstitution(v Value) Value {
	if vm.r.jj.rhino {
		return toPrimitive(v).toString()
	}
	return v.toString()
}

// jjRhinoRegExpArgs throws, in Rhino mode, the TypeError Rhino throws when
// a script calls RegExp or new RegExp with a RegExp and flags other than
// undefined. fromScript is false when a native (split, matchAll) builds a
// RegExp through the species constructor: Rhino's natives do not.
func (r *Runtime) jjRhinoRegExpArgs(pattern, flags Value, fromScript bool) {
	if !r.jj.rhino || !fromScript || flags == nil || flags == _undefined {
		return
	}
	if o, ok := pattern.(*Object); ok {
		if _, ok := o.self.(*regexpObject); ok {
			panic(r.NewTypeError("Only one argument may be specified if the first argument to RegExp.prototype.compile is a RegExp object."))
		}
	}
}
