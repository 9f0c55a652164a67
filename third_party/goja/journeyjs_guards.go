package goja

// journeyjs patch: guards on the texts a running script hands to a parser.
// goja's parser and JSON decoder recurse once per nesting level, and a Go
// stack past its limit is a fatal error no recover catches; the embedder
// checks the text first. Hooks are native, so the built-ins stay exactly
// goja's: eval keeps its direct (local-scope) semantics, and nothing a
// script can observe is a wrapper. See JOURNEYJS.md.

import "fmt"

// SetEvalGuard sets a function called with the source text of every eval
// (direct or indirect) and every Function, generator and async function
// constructor call, before it is parsed. To refuse the text, the guard
// panics with a Value (for example an error object from NewTypeError or
// one built with a constructor), which the script sees thrown by the call.
func (r *Runtime) SetEvalGuard(guard func(src string)) { r.jj.evalGuard = guard }

// SetJSONParseGuard sets a function called with the text of every
// JSON.parse before goja decodes it. It refuses the text as SetEvalGuard's
// guard does. It may also parse the text itself: when it returns a value
// that is not nil, JSON.parse (called without a reviver) returns that value.
func (r *Runtime) SetJSONParseGuard(guard func(text string) Value) { r.jj.jsonParseGuard = guard }

// SetJSONMaxDepth bounds the nesting of the values JSON.stringify writes;
// a deeper value throws a RangeError. goja checks for cycles by scanning
// its stack at every level, so unbounded depth costs the square of the
// depth inside one native call. 0 means no bound.
func (r *Runtime) SetJSONMaxDepth(depth int) { r.jj.jsonMaxDepth = depth }

func (r *Runtime) jjGuardEval(src String) {
	if r.jj.evalGuard != nil {
		r.jj.evalGuard(src.String())
	}
}

func (r *Runtime) jjGuardJSONParse(text String, call FunctionCall) Value {
	if r.jj.jsonParseGuard == nil {
		return nil
	}
	v := r.jj.jsonParseGuard(text.String())
	if v != nil && call.Argument(1) == _undefined {
		return v
	}
	return nil
}

func (ctx *_builtinJSON_stringifyContext) jjCheckDepth() {
	if max := ctx.r.jj.jsonMaxDepth; max > 0 && len(ctx.stack) >= max {
		panic(ctx.r.newError(ctx.r.getRangeError(), fmt.Sprintf("JSON.stringify: the value is nested more than %d levels deep", max)))
	}
}
