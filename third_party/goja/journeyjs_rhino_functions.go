package goja

// journeyjs patch: Rhino's function names. Rhino 1.7.14 does not infer a
// function's name from the variable or property it is assigned to
// (var f = function () {} has f.name ""), and a bound function's name is
// "" rather than "bound f". The compiler marks a function literal whose
// name was inferred; in Rhino mode the function is created without it.
// Stack traces keep the inferred name.

import "github.com/dop251/goja/unistring"

// jjNoteInferredName marks the function-creating instruction just emitted
// as carrying an inferred name.
func (c *compiler) jjNoteInferredName(inferred bool) {
	if !inferred || len(c.p.code) == 0 {
		return
	}
	if n, ok := c.p.code[len(c.p.code)-1].(interface{ markInferredName() }); ok {
		n.markInferredName()
	}
}

func (n *newFunc) markInferredName() { n.inferredName = true }

// jjName is the name the function gets: none in Rhino mode when the
// compiler inferred it.
func (n *newFunc) jjName(r *Runtime) unistring.String {
	if n.inferredName && r.jj.rhino {
		return ""
	}
	return n.name
}
