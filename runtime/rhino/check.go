// Package rhino checks that a script uses only the JavaScript that AIC's
// engine compiles: Mozilla Rhino 1.7.14 at language version 0 (spec §1),
// the engine every next-generation journey script runs on in the tenant.
//
// journeyjs runs scripts on goja, which speaks modern JavaScript; a script
// that uses `let`, `for…of` or `{a, b}` runs locally and fails to compile in
// the tenant (the journey fails). Check walks goja's syntax tree and reports
// every construct Rhino refuses, with Rhino's own message and what to write
// instead, and warns about the constructs AIC compiles but runs wrongly
// (const, spec §1 "silent bugs").
//
// The list is derived from the conformance oracle (conformance/, real Rhino
// 1.7.14.1 configured as AM configures it), not from the spec's table alone:
// where the two disagree the oracle wins, and the rule says so.
package rhino

import (
	"math/big"
	"sort"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
)

// Kind is how AIC evaluates a script, which decides the const warnings.
type Kind uint8

const (
	// Script is a decision (or other node) script: its top level is a
	// Rhino script scope, where const misbehaves.
	Script Kind = iota
	// Library is a library script: AIC runs it as a function body, so a
	// top-level const works.
	Library
)

// Diagnostic is one finding, at a 1-based line and column of the checked
// source.
type Diagnostic struct {
	Line, Column int
	// Message is Rhino's own compile error for an error ("missing ;
	// before statement"), the problem for a warning.
	Message string
	// Hint says what to write instead.
	Hint string
}

// Report is every finding in one script, each list in source order.
type Report struct {
	// Errors are the constructs Rhino refuses to compile.
	Errors []Diagnostic
	// Warnings are the constructs Rhino compiles but AIC runs differently
	// from journeyjs.
	Warnings []Diagnostic
	// Edits rewrite the source so that goja runs it as AIC does (Rewrite
	// applies them): each const becomes a var with Rhino's semantics.
	// Valid only when Errors is empty.
	Edits []Edit
	// TopConsts are the names of the consts at a decision script's top
	// level, which AIC reads back as undefined whatever they are assigned:
	// the runtime makes each a read-only, undefined global before the
	// script runs.
	TopConsts []string
}

// Check reports what Rhino 1.7.14 at language version 0 refuses in prog,
// and the const quirks of AIC. prog is the script as goja parsed it, on its
// own (not wrapped), so that positions are the user's.
func Check(prog *ast.Program, kind Kind) Report {
	c := &checker{file: prog.File, src: prog.File.Source(), base: prog.File.Base(), kind: kind}
	c.fn = &scope{top: true, names: map[string]declKind{}}
	c.stmts(prog.Body)
	sortDiags(c.rep.Errors)
	sortDiags(c.rep.Warnings)
	return c.rep
}

func sortDiags(d []Diagnostic) {
	sort.SliceStable(d, func(i, j int) bool {
		if d[i].Line != d[j].Line {
			return d[i].Line < d[j].Line
		}
		return d[i].Column < d[j].Column
	})
}

// declKind is what first declared a name in a function; Rhino names it in
// "redeclaration of <kind> a.".
type declKind uint8

const (
	declVar declKind = iota
	declFunction
	declParam
	declConst
	// declNone declares nothing: a declaration already reported, or an
	// assignment target.
	declNone declKind = 255
)

func (k declKind) String() string {
	switch k {
	case declFunction:
		return "function"
	case declParam:
		return "formal parameter"
	case declConst:
		return "const"
	}
	return "var"
}

// scope is one function (or the program): Rhino scopes const to the whole
// function, not to the block.
type scope struct {
	top    bool // the program's top level
	loops  int  // loop bodies entered in this function
	blocks int  // blocks entered in this function
	names  map[string]declKind
}

type checker struct {
	file *file.File
	src  string
	base int
	kind Kind
	fn   *scope
	rep  Report
}

// Hints, shared by the rules that need them.
const (
	hintLet          = "AIC's Rhino has no let: declare it with var"
	hintForHeadVar   = "declare the loop variable with var"
	hintForOf        = "AIC's Rhino has no for…of: loop with an index, for (var i = 0; i < a.length; i++), or use a.forEach"
	hintShorthand    = "name each property: write {a: a, b: b}"
	hintPatternShort = "name each property: var {a: a, b: b} = o (or read o.a, o.b)"
	hintDestructDflt = "destructure without a default, then set it: if (a === undefined) { a = 1; }"
	hintArrayRest    = "take the rest with slice: var rest = arr.slice(1)"
	hintObjectRest   = "copy the properties you need by name"
	hintComputed     = "create the object first, then set the property: o[key] = value"
	hintObjectSpread = "merge with Object.assign({}, a, b)"
	hintMethodKind   = "generator and async methods are not supported: write a plain method"
	hintDefaultParam = "AIC's Rhino has no default parameters: set them in the body, if (a === undefined) { a = 1; }"
	hintRestParam    = "AIC's Rhino has no rest parameters: use arguments, Array.prototype.slice.call(arguments, n)"
	hintTrailing     = "remove the comma after the last parameter"
	hintSpread       = "AIC's Rhino has no spread: use f.apply(null, args) for calls and a.concat(b) for arrays"
	hintClass        = "AIC's Rhino has no classes: write a constructor function and put methods on its prototype"
	hintGenerator    = "AIC's Rhino has no generator declarations: build and return an array instead"
	hintAsync        = "AIC's Rhino has no async/await: the bindings are synchronous, call them directly"
	hintCoalesce     = "AIC's Rhino has no ??: write (a !== null && a !== undefined ? a : b)"
	hintOptional     = "AIC's Rhino has no ?.: test each step, o && o.a && o.a.b"
	hintLogicalAsg   = "AIC's Rhino has no logical assignment: write a = a || b (or &&)"
	hintExponent     = "AIC's Rhino has no **: use Math.pow(a, b)"
	hintNumber       = "AIC's Rhino has no 0b/0o literals: write the number in decimal or hexadecimal (0x…)"
	hintBigInt       = "AIC's Rhino has no BigInt: use a Number (exact up to 2^53) or a string"
	hintCatchBinding = "name the exception: catch (e)"
	hintCatchPattern = "catch (e) and read e's properties"
	hintNewTarget    = "AIC's Rhino has no new.target: test this instanceof F"
	hintRegexpFlag   = "AIC's Rhino knows only the g, i and m regular expression flags"
	hintRegexpGroup  = "AIC's Rhino has no lookbehind or named groups: use a plain capturing group and read it by index"
	hintConstRedecl  = "AIC's Rhino scopes const to the whole function, not the block: give each declaration its own name, or use var"

	warnConstTop      = "top-level const reads back undefined in AIC (a decision script's top level is not a function scope): use var"
	warnConstTopLoop  = "const in a top-level loop body reads back undefined in AIC: use var"
	warnConstFuncLoop = "const in a loop body keeps its first iteration's value in AIC: use var"
	warnConstAssign   = "AIC ignores an assignment to a const, without an error: use var"
)

// at converts a goja index to a line and column.
func (c *checker) at(idx file.Idx) (int, int) {
	p := c.file.Position(int(idx) - c.base)
	return p.Line, p.Column
}

func (c *checker) fail(idx file.Idx, msg, hint string) {
	l, col := c.at(idx)
	c.rep.Errors = append(c.rep.Errors, Diagnostic{Line: l, Column: col, Message: msg, Hint: hint})
}

func (c *checker) warn(idx file.Idx, msg string) {
	l, col := c.at(idx)
	c.rep.Warnings = append(c.rep.Warnings, Diagnostic{Line: l, Column: col, Message: msg})
}

// off is idx as an offset into src.
func (c *checker) off(idx file.Idx) int {
	o := int(idx) - c.base
	if o < 0 {
		return 0
	}
	if o > len(c.src) {
		return len(c.src)
	}
	return o
}

// find returns the index of the first tok in [from, to), or from when it is
// not there (a comment may hide it; the position is then still close).
func (c *checker) find(from, to file.Idx, tok string) file.Idx {
	a, b := c.off(from), c.off(to)
	if b < a {
		b = len(c.src)
	}
	if i := strings.Index(c.src[a:b], tok); i >= 0 {
		return file.Idx(a + i + c.base)
	}
	return from
}

// spreadAt is the index of the "..." before an element starting at idx.
func (c *checker) spreadAt(idx file.Idx) file.Idx {
	o := c.off(idx)
	if i := strings.LastIndex(c.src[:o], "..."); i >= 0 {
		return file.Idx(i + c.base)
	}
	return idx
}

// declare records a declaration in the current function and reports the
// redeclarations Rhino refuses: a const with any other declaration of the
// same name in the same function, even in another block. A catch parameter
// is left out: Rhino fails that one at run time, not at compile time.
func (c *checker) declare(id *ast.Identifier, kind declKind) {
	name := id.Name.String()
	prev, ok := c.fn.names[name]
	if !ok {
		c.fn.names[name] = kind
		return
	}
	if kind == declConst || prev == declConst {
		c.fail(id.Idx, "TypeError: redeclaration of "+prev.String()+" "+name+".", hintConstRedecl)
	}
}

// inFunction runs walk with a fresh function scope.
func (c *checker) inFunction(walk func()) {
	saved := c.fn
	c.fn = &scope{names: map[string]declKind{}}
	walk()
	c.fn = saved
}

// loopBody walks the body of a loop.
func (c *checker) loopBody(s ast.Statement) {
	c.fn.loops++
	c.stmt(s)
	c.fn.loops--
}

func (c *checker) stmts(list []ast.Statement) {
	for _, s := range list {
		c.stmt(s)
	}
}

func (c *checker) stmt(s ast.Statement) {
	switch s := s.(type) {
	case nil:
	case *ast.BlockStatement:
		c.fn.blocks++
		c.stmts(s.List)
		c.fn.blocks--
	case *ast.ExpressionStatement:
		c.expr(s.Expression)
	case *ast.VariableStatement:
		c.bindings(s.List, declVar)
	case *ast.LexicalDeclaration:
		c.lexical(s)
	case *ast.FunctionDeclaration:
		if s.Function.Name != nil {
			c.declare(s.Function.Name, declFunction)
			c.blockFunctionAsRhino(s)
		}
		if s.Function.Generator && !s.Function.Async {
			c.fail(s.Function.Function, "missing ( before function parameters.", hintGenerator)
		}
		c.function(s.Function)
	case *ast.ClassDeclaration:
		c.class(s.Class)
	case *ast.IfStatement:
		c.expr(s.Test)
		c.stmt(s.Consequent)
		c.stmt(s.Alternate)
	case *ast.ForStatement:
		switch init := s.Initializer.(type) {
		case *ast.ForLoopInitializerVarDeclList:
			c.bindings(init.List, declVar)
		case *ast.ForLoopInitializerLexicalDecl:
			d := &init.LexicalDeclaration
			c.lexicalHead(d.Idx, d.Token != token.LET)
			c.bindings(d.List, declNone)
		case *ast.ForLoopInitializerExpression:
			c.expr(init.Expression)
		}
		c.expr(s.Test)
		c.expr(s.Update)
		c.loopBody(s.Body)
	case *ast.ForInStatement:
		c.forInto(s.Into)
		c.expr(s.Source)
		c.loopBody(s.Body)
	case *ast.ForOfStatement:
		c.forInto(s.Into)
		// Rhino stops at "of": the head is not `x in o` nor `init;`.
		c.fail(c.find(s.Into.Idx1(), s.Source.Idx0(), "of"), "missing ; after for-loop initializer", hintForOf)
		c.expr(s.Source)
		c.loopBody(s.Body)
	case *ast.WhileStatement:
		c.expr(s.Test)
		c.loopBody(s.Body)
	case *ast.DoWhileStatement:
		c.loopBody(s.Body)
		c.expr(s.Test)
	case *ast.LabelledStatement:
		c.stmt(s.Statement)
	case *ast.ReturnStatement:
		c.expr(s.Argument)
	case *ast.ThrowStatement:
		c.expr(s.Argument)
	case *ast.SwitchStatement:
		c.expr(s.Discriminant)
		for _, cs := range s.Body {
			c.expr(cs.Test)
			c.stmts(cs.Consequent)
		}
	case *ast.TryStatement:
		c.stmt(s.Body)
		if s.Catch != nil {
			switch p := s.Catch.Parameter.(type) {
			case nil:
				c.fail(s.Catch.Body.LeftBrace, "missing ( before catch-block condition", hintCatchBinding)
			case *ast.Identifier:
			default:
				c.fail(p.Idx0(), "invalid catch block condition", hintCatchPattern)
				c.pattern(p, declNone)
			}
			c.stmt(s.Catch.Body)
		}
		if s.Finally != nil {
			c.stmt(s.Finally)
		}
	case *ast.WithStatement:
		c.expr(s.Object)
		c.stmt(s.Body)
	}
}

// lexical checks a let or const declaration outside a for head.
func (c *checker) lexical(d *ast.LexicalDeclaration) {
	if d.Token == token.LET {
		c.fail(d.Idx, "missing ; before statement", hintLet)
		c.bindings(d.List, declNone)
		return
	}
	// The const quirks (spec §1, measured): at a decision script's top
	// level a const reads back undefined; in a loop body at that level too;
	// in a loop body inside a function (or a library's top level, which AIC
	// runs as a function) it keeps its first value.
	switch {
	case c.fn.top && c.kind == Script && c.fn.loops > 0:
		c.warn(d.Idx, warnConstTopLoop)
	case c.fn.top && c.kind == Script:
		c.warn(d.Idx, warnConstTop)
	case c.fn.loops > 0:
		c.warn(d.Idx, warnConstFuncLoop)
	}
	c.constAsRhino(d)
	c.bindings(d.List, declConst)
}

// forInto checks the head of a for-in or for-of loop.
func (c *checker) forInto(into ast.ForInto) {
	switch into := into.(type) {
	case *ast.ForIntoVar:
		c.pattern(into.Binding.Target, declVar)
		c.expr(into.Binding.Initializer)
	case *ast.ForDeclaration:
		c.lexicalHead(into.Idx, into.IsConst)
		c.pattern(into.Target, declNone)
	case *ast.ForIntoExpression:
		c.target(into.Expression)
	}
}

// lexicalHead rejects let or const in a for, for-in or for-of head at idx,
// with Rhino's message for each: let ends the initializer where Rhino
// expected ";", const (the spec's table) does not parse at all.
func (c *checker) lexicalHead(idx file.Idx, isConst bool) {
	if isConst {
		c.fail(idx, "syntax error", hintForHeadVar)
		return
	}
	c.fail(idx, "missing ; after for-loop initializer", hintForHeadVar)
}

// bindings checks declarations of kind.
func (c *checker) bindings(list []*ast.Binding, kind declKind) {
	for _, b := range list {
		c.pattern(b.Target, kind)
		c.expr(b.Initializer)
	}
}

// pattern checks a binding target: an identifier or a destructuring
// pattern. Rhino at version 0 compiles array patterns and object patterns
// with explicit names (the spec's table says destructuring fails; the oracle
// shows `var [a, b] = x` and `var {a: x} = o` compile), but no shorthand,
// defaults, rest or computed names.
func (c *checker) pattern(t ast.Expression, kind declKind) {
	switch t := t.(type) {
	case nil:
	case *ast.Identifier:
		if kind != declNone {
			c.declare(t, kind)
		}
	case *ast.ArrayPattern:
		for _, el := range t.Elements {
			c.patternElement(el, kind)
		}
		if t.Rest != nil {
			c.fail(c.spreadAt(t.Rest.Idx0()), "syntax error", hintArrayRest)
			c.pattern(t.Rest, kind)
		}
	case *ast.ObjectPattern:
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				if p.Initializer != nil {
					// Rhino takes `a =` for the start of a method.
					c.fail(p.Name.Idx, "missing ( before function parameters.", hintPatternShort)
					c.expr(p.Initializer)
				} else {
					c.fail(p.Name.Idx, "missing : after property id", hintPatternShort)
				}
				n := p.Name
				c.pattern(&n, kind)
			case *ast.PropertyKeyed:
				if p.Computed {
					c.fail(p.Key.Idx0(), "invalid property id", hintComputed)
					c.expr(p.Key)
				}
				c.patternElement(p.Value, kind)
			}
		}
		if t.Rest != nil {
			c.fail(c.spreadAt(t.Rest.Idx0()), "invalid property id", hintObjectRest)
			c.pattern(t.Rest, kind)
		}
	case *ast.DotExpression, *ast.BracketExpression:
		c.expr(t)
	}
}

func (c *checker) patternElement(el ast.Expression, kind declKind) {
	if a, ok := el.(*ast.AssignExpression); ok && a.Operator == token.ASSIGN {
		c.fail(a.Left.Idx0(), "Default values in destructuring declarations are not supported", hintDestructDflt)
		c.pattern(a.Left, kind)
		c.expr(a.Right)
		return
	}
	c.pattern(el, kind)
}

// target checks the left side of an assignment or a for-in head.
func (c *checker) target(t ast.Expression) {
	switch t.(type) {
	case *ast.ArrayPattern, *ast.ObjectPattern:
		c.pattern(t, declNone)
	default:
		c.expr(t)
	}
}

// function checks a function literal in a scope of its own.
func (c *checker) function(f *ast.FunctionLiteral) {
	if f.Async {
		c.fail(f.Function, "missing ; before statement", hintAsync)
	}
	c.inFunction(func() {
		c.params(f.ParameterList, false)
		if f.Body != nil {
			c.stmts(f.Body.List) // the body is the function's, not a block
		}
	})
}

// params checks a parameter list; arrow selects Rhino's messages for an
// arrow function, whose parameters it parses as an expression first.
func (c *checker) params(pl *ast.ParameterList, arrow bool) {
	if pl == nil {
		return
	}
	for _, b := range pl.List {
		if b.Initializer != nil {
			msg := "missing ) after formal parameters"
			if arrow {
				msg = "missing formal parameter"
			}
			c.fail(b.Target.Idx0(), msg, hintDefaultParam)
		}
		c.pattern(b.Target, declParam)
		c.expr(b.Initializer)
	}
	if pl.Rest != nil {
		msg := "missing formal parameter"
		if arrow {
			msg = "syntax error"
		}
		c.fail(c.spreadAt(pl.Rest.Idx0()), msg, hintRestParam)
		c.pattern(pl.Rest, declParam)
		return
	}
	if len(pl.List) > 0 && pl.Closing > pl.Opening {
		// A comma before the closing parenthesis.
		before := strings.TrimRight(c.src[:c.off(pl.Closing)], " \t\r\n")
		if strings.HasSuffix(before, ",") && c.off(pl.List[len(pl.List)-1].Idx1()) <= len(before)-1 {
			msg := "missing formal parameter"
			if arrow {
				msg = "syntax error"
			}
			c.fail(file.Idx(len(before)-1+c.base), msg, hintTrailing)
		}
	}
}

func (c *checker) class(cl *ast.ClassLiteral) {
	c.fail(cl.Class, "missing ; before statement", hintClass)
	c.expr(cl.SuperClass)
	for _, el := range cl.Body {
		switch el := el.(type) {
		case *ast.MethodDefinition:
			if el.Computed {
				c.expr(el.Key)
			}
			c.function(el.Body)
		case *ast.FieldDefinition:
			c.inFunction(func() { c.expr(el.Initializer) })
		case *ast.ClassStaticBlock:
			c.inFunction(func() { c.stmt(el.Block) })
		}
	}
}

func (c *checker) exprs(list []ast.Expression, spreadMsg string) {
	for _, e := range list {
		if s, ok := e.(*ast.SpreadElement); ok {
			c.fail(c.spreadAt(s.Idx0()), spreadMsg, hintSpread)
			c.expr(s.Expression)
			continue
		}
		c.expr(e)
	}
}

func (c *checker) expr(e ast.Expression) {
	switch e := e.(type) {
	case nil:
	case *ast.FunctionLiteral:
		// Rhino compiles a generator function expression (oracle:
		// `var g = function* () {}` runs), not a declaration.
		c.function(e)
	case *ast.ArrowFunctionLiteral:
		if e.Async {
			c.fail(e.Start, "missing formal parameter", hintAsync)
		}
		c.inFunction(func() {
			c.params(e.ParameterList, true)
			switch b := e.Body.(type) {
			case *ast.BlockStatement:
				c.stmts(b.List)
			case *ast.ExpressionBody:
				c.expr(b.Expression)
			}
		})
	case *ast.ClassLiteral:
		c.class(e)
	case *ast.ObjectLiteral:
		for _, p := range e.Value {
			switch p := p.(type) {
			case *ast.PropertyShort:
				c.fail(p.Name.Idx, "missing : after property id", hintShorthand)
				c.expr(p.Initializer)
			case *ast.PropertyKeyed:
				if p.Computed {
					c.fail(p.Key.Idx0(), "invalid property id", hintComputed)
					c.expr(p.Key)
				}
				if f, ok := p.Value.(*ast.FunctionLiteral); ok && p.Kind == ast.PropertyKindMethod && (f.Generator || f.Async) {
					c.fail(p.Key.Idx0(), "invalid property id", hintMethodKind)
					c.inFunction(func() {
						c.params(f.ParameterList, false)
						c.stmt(f.Body)
					})
					continue
				}
				c.expr(p.Value)
			case *ast.SpreadElement:
				c.fail(c.spreadAt(p.Idx0()), "invalid property id", hintObjectSpread)
				c.expr(p.Expression)
			}
		}
	case *ast.ArrayLiteral:
		c.exprs(e.Value, "syntax error")
	case *ast.ArrayPattern, *ast.ObjectPattern:
		c.pattern(e, declNone)
	case *ast.CallExpression:
		c.expr(e.Callee)
		c.exprs(e.ArgumentList, "syntax error")
	case *ast.NewExpression:
		c.expr(e.Callee)
		c.exprs(e.ArgumentList, "syntax error")
	case *ast.AssignExpression:
		switch e.Operator {
		case token.LOGICAL_OR, token.LOGICAL_AND, token.COALESCE:
			c.fail(c.find(e.Left.Idx1(), e.Right.Idx0(), e.Operator.String()+"="), "syntax error", hintLogicalAsg)
		case token.EXPONENT:
			c.fail(c.find(e.Left.Idx1(), e.Right.Idx0(), "**="), "syntax error", hintExponent)
		}
		c.constAssignAsRhino(e)
		c.target(e.Left)
		c.expr(e.Right)
	case *ast.BinaryExpression:
		switch e.Operator {
		case token.COALESCE:
			c.fail(c.find(e.Left.Idx1(), e.Right.Idx0(), "??"), "syntax error", hintCoalesce)
		case token.EXPONENT:
			c.fail(c.find(e.Left.Idx1(), e.Right.Idx0(), "**"), "syntax error", hintExponent)
		}
		c.expr(e.Left)
		c.expr(e.Right)
	case *ast.OptionalChain:
		c.expr(e.Expression)
	case *ast.Optional:
		c.fail(c.find(e.Idx1(), file.Idx(len(c.src)+c.base), "?."), "syntax error", hintOptional)
		c.expr(e.Expression)
	case *ast.MetaProperty:
		if e.Meta != nil && e.Meta.Name == "new" {
			c.fail(e.Meta.Idx, "syntax error", hintNewTarget)
		}
	case *ast.NumberLiteral:
		c.number(e)
	case *ast.RegExpLiteral:
		c.regexp(e)
	case *ast.ConditionalExpression:
		c.expr(e.Test)
		c.expr(e.Consequent)
		c.expr(e.Alternate)
	case *ast.SequenceExpression:
		for _, x := range e.Sequence {
			c.expr(x)
		}
	case *ast.UnaryExpression:
		c.expr(e.Operand)
	case *ast.DotExpression:
		c.expr(e.Left)
	case *ast.PrivateDotExpression:
		c.expr(e.Left)
	case *ast.BracketExpression:
		c.expr(e.Left)
		c.expr(e.Member)
	case *ast.TemplateLiteral:
		c.expr(e.Tag)
		for _, x := range e.Expressions {
			c.expr(x)
		}
	case *ast.YieldExpression:
		c.expr(e.Argument)
	case *ast.AwaitExpression:
		c.expr(e.Argument)
	case *ast.SpreadElement:
		c.fail(c.spreadAt(e.Idx0()), "syntax error", hintSpread)
		c.expr(e.Expression)
	}
}

// number rejects the literals Rhino's scanner does not know: it reads 0b101
// as 0 followed by the name b101, hence its message.
func (c *checker) number(n *ast.NumberLiteral) {
	if _, ok := n.Value.(*big.Int); ok || strings.HasSuffix(n.Literal, "n") {
		c.fail(n.Idx, "missing ; before statement", hintBigInt)
		return
	}
	if len(n.Literal) > 1 && n.Literal[0] == '0' {
		switch n.Literal[1] {
		case 'b', 'B', 'o', 'O':
			c.fail(n.Idx, "missing ; before statement", hintNumber)
		}
	}
}

// regexp rejects flags other than g, i and m, and the group syntax Rhino's
// regular expression compiler does not know: lookbehind and named groups,
// which it reads as a group quantified by "?".
func (c *checker) regexp(r *ast.RegExpLiteral) {
	for _, f := range r.Flags {
		if f != 'g' && f != 'i' && f != 'm' {
			c.fail(r.Idx, "invalid flag after regular expression", hintRegexpFlag)
			break
		}
	}
	p := r.Pattern
	inClass := false
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == '\\':
			i++
		case inClass:
			if p[i] == ']' {
				inClass = false
			}
		case p[i] == '[':
			inClass = true
		case strings.HasPrefix(p[i:], "(?<"):
			c.fail(r.Idx, "Invalid quantifier ?", hintRegexpGroup)
			return
		}
	}
}
