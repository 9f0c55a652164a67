package conformance

import (
	"fmt"
	"strings"
)

// Gen builds a small JavaScript program from a byte string, for the
// differential fuzzer: every byte is a choice in a grammar (a zero or a
// missing byte picks the simplest one), so shorter and zeroed inputs give
// simpler programs and minimising the input minimises the program.
//
// Atoms are the leaves of expressions: a few literals and identifiers, plus
// any expressions passed in (the fuzzer passes the corpus's self-contained
// result expressions on which both engines agree).
type Gen struct {
	Atoms []string
	in    []byte
	pos   int
	vars  int
	funcs int
	depth int
}

var genLiterals = []string{"0", "1", "-1", "2.5", "-0", "1e21", "0.1", "NaN", `""`, `"a"`, `"10"`, `"a,b"`,
	"null", "undefined", "true", "false", "[]", "[1, 2]", "{}", "({a: 1})", `[3, 1, 2]`, `"x y"`}

var genBinary = []string{"+", "-", "*", "/", "%", "==", "===", "!=", "<", ">=", "&&", "||", "&", "|", "<<", ">>>"}

var genUnary = []string{"typeof ", "!", "-", "+", "void ", "~"}

// Methods called on an expression; %s is the receiver.
var genCalls = []string{
	"String(%s)", "Number(%s)", "parseInt(%s)", "parseFloat(%s)", "JSON.stringify(%s)", "isNaN(%s)",
	"Math.round(%s)", "Math.floor(%s)", "Boolean(%s)", "[%s].join()", "Object.keys(%s).length",
	"String(%s).length", "String(%s).split(\",\")", "String(%s).toUpperCase()", "String(%s).indexOf(\"a\")",
	"String(%s).slice(1)", "String(%s).charAt(0)", "String(%s).replace(/a/g, \"b\")", "String(%s).trim()",
	"Number(%s).toFixed(2)", "Number(%s).toString(16)", "Number(%s).toPrecision(3)",
	"[%s, 1].sort()", "[%s].concat([0]).reverse()", "[%s].indexOf(1)", "Array.isArray(%s)",
	"(%s ? \"t\" : \"f\")", "(function (a) { return a; })(%s)", "new Date(0).getTime() + %s",
}

func (g *Gen) next(n int) int {
	if n <= 1 {
		return 0
	}
	if g.pos >= len(g.in) {
		return 0
	}
	b := g.in[g.pos]
	g.pos++
	return int(b) % n
}

// Program returns code and a result expression from in.
func (g *Gen) Program(in []byte) (code, result string) {
	g.in, g.pos, g.vars, g.funcs, g.depth = in, 0, 0, 0, 0
	var b strings.Builder
	n := 1 + g.next(4)
	for i := 0; i < n; i++ {
		b.WriteString(g.stmt())
		b.WriteString("\n")
	}
	return b.String(), g.expr()
}

func (g *Gen) variable() string {
	if g.vars == 0 {
		return "0"
	}
	return fmt.Sprintf("v%d", g.next(g.vars))
}

func (g *Gen) stmt() string {
	switch g.next(7) {
	case 1:
		if g.vars > 0 {
			return fmt.Sprintf("%s += %s;", g.variable(), g.expr())
		}
	case 2:
		v := fmt.Sprintf("v%d", g.vars)
		g.vars++
		return fmt.Sprintf("var %s = 0; if (%s) { %s = %s; } else { %s = %s; }", v, g.expr(), v, g.expr(), v, g.expr())
	case 3:
		v := fmt.Sprintf("v%d", g.vars)
		g.vars++
		return fmt.Sprintf("var %s = []; for (var i%d = 0; i%d < %d; i%d++) { %s.push(%s); }", v, g.vars, g.vars, 1+g.next(3), g.vars, v, g.expr())
	case 4:
		v := fmt.Sprintf("v%d", g.vars)
		g.vars++
		return fmt.Sprintf("var %s; try { %s = %s; } catch (e) { %s = e.name; }", v, v, g.expr(), v)
	case 5:
		v := fmt.Sprintf("v%d", g.vars)
		g.vars++
		return fmt.Sprintf("function f%d(a) { return %s; } var %s = f%d(%s);", g.vars, g.exprWith("a"), v, g.vars, g.expr())
	case 6:
		v := fmt.Sprintf("v%d", g.vars)
		g.vars++
		return fmt.Sprintf("var %s = {k: %s}; %s.j = %s;", v, g.expr(), v, g.expr())
	}
	v := fmt.Sprintf("v%d", g.vars)
	e := g.expr()
	g.vars++
	return fmt.Sprintf("var %s = %s;", v, e)
}

func (g *Gen) exprWith(param string) string {
	if g.next(2) == 1 {
		return param
	}
	return g.expr()
}

func (g *Gen) atom() string {
	atoms := len(genLiterals) + len(g.Atoms)
	switch g.next(3) {
	case 1:
		if g.vars > 0 {
			return g.variable()
		}
	case 2:
		i := g.next(atoms)
		if i < len(genLiterals) {
			return genLiterals[i]
		}
		return "(" + g.Atoms[i-len(genLiterals)] + ")"
	}
	return genLiterals[g.next(len(genLiterals))]
}

func (g *Gen) expr() string {
	if g.depth > 3 {
		return g.atom()
	}
	g.depth++
	defer func() { g.depth-- }()
	switch g.next(5) {
	case 1:
		return "(" + g.expr() + " " + genBinary[g.next(len(genBinary))] + " " + g.expr() + ")"
	case 2:
		return "(" + genUnary[g.next(len(genUnary))] + g.expr() + ")"
	case 3:
		return fmt.Sprintf(genCalls[g.next(len(genCalls))], g.expr())
	}
	return g.atom()
}
