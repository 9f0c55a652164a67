package goja

// journeyjs patch: Rhino's strict mode. Rhino 1.7.14 at language version 0
// honours "use strict" only in part (measured with journeyjs's conformance
// oracle, conformance/probes/strict.js): it refuses with, legacy octal and
// duplicate parameters in strict code, throws when a strict assignment
// fails and does not alias arguments; but a strict function called without
// a receiver still gets the global object as this, an assignment to an
// undeclared name still creates a global, and delete of a plain name is
// allowed. A Program compiled with CompileRhino (and eval code in a runtime
// with SetRhinoCompat) keeps goja's strict mode except for those three.

import (
	"github.com/dop251/goja/ast"
)

// CompileRhino is Compile (not strict unless the source says so) for code
// that runs as Rhino runs it: strict code keeps Rhino's three leniencies
// (this, undeclared assignments, delete of a name).
func CompileRhino(name, src string) (*Program, error) {
	prg, err := Parse(name, src)
	if err != nil {
		return nil, err
	}
	return compileRhinoAST(prg)
}

func compileRhinoAST(prg *ast.Program) (p *Program, err error) {
	c := newCompiler()
	c.rhino = true
	defer func() {
		if x := recover(); x != nil {
			p = nil
			switch x1 := x.(type) {
			case *CompilerSyntaxError:
				err = x1
			default:
				panic(x)
			}
		}
	}()
	c.compile(prg, false, true, nil)
	return c.p, nil
}

// jjStrictRefs reports whether references to names follow strict mode: an
// unresolvable name is a ReferenceError on assignment, and delete of a
// name is a SyntaxError. Rhino's strict mode does neither.
func (c *compiler) jjStrictRefs() bool { return c.scope.strict && !c.rhino }
