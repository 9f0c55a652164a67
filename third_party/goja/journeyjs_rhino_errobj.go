package goja

// journeyjs patch: Rhino's Error objects. In Rhino mode there is an
// InternalError constructor (Rhino raises its own failures, such as
// exceeding the stack depth, as InternalError), Error.prototype carries
// fileName "" and lineNumber 0, an error the engine raises has its own
// fileName and lineNumber, new Error(message, fileName, lineNumber) takes
// Rhino's extra arguments and no ES2022 options.cause, and the stack
// property reads as Rhino writes it ("\tat file:line (function)\n").

import (
	"strconv"

	"github.com/dop251/goja/file"
)

// rhinoErrorState is what Rhino mode keeps for its error objects.
type rhinoErrorState struct {
	internalError *Object // the InternalError constructor, made on first use
}

const rhinoStackDepthMessage = "Exceeded maximum stack depth"

// rhinoInternalError is Rhino's InternalError constructor.
func (r *Runtime) rhinoInternalError() *Object {
	if c := r.jj.rhinoErr.internalError; c != nil {
		return c
	}
	c := &Object{runtime: r}
	r.jj.rhinoErr.internalError = c
	r.newNativeFuncConstructProto(c, r.builtin_Error, "InternalError",
		r.createErrorPrototype(asciiString("InternalError"), c), r.getError(), 1)
	return c
}

// NewRhinoInternalError is an InternalError carrying msg, as Rhino raises
// for its own failures and for Java exceptions a script may not see. In
// modern mode, where InternalError does not exist, it is an Error whose
// name is "InternalError".
func (r *Runtime) NewRhinoInternalError(msg string) *Object {
	if r.jj.rhino {
		return r.builtin_new(r.rhinoInternalError(), []Value{newStringValue(msg)})
	}
	e := r.builtin_new(r.getError(), []Value{newStringValue(msg)})
	e.self._putProp("name", asciiString("InternalError"), true, false, true)
	return e
}

// rhinoErrorGlobals installs or removes what Rhino mode adds to the error
// built-ins: the InternalError global and Error.prototype's fileName and
// lineNumber.
func (r *Runtime) rhinoErrorGlobals(on bool) {
	if on {
		// InternalError is built when a script first names it, and the
		// Error built-ins get their additions when they are built
		// (rhinoErrorAdditions): a run that never touches an error pays
		// for none of it.
		if !jjEditTemplate(r.globalObject, jjTemplateEdit{key: "rhino:InternalError", names: []string{"InternalError"},
			add: []templatePropFactory{func(r *Runtime) Value {
				return valueProp(r.rhinoInternalError(), true, false, true)
			}}}) {
			rhinoDefine(r.globalObject, "InternalError", r.rhinoInternalError(), false)
		}
		if r.global.ErrorPrototype != nil {
			r.rhinoErrorPrototypeAdditions(r.global.ErrorPrototype)
		}
		if r.global.Error != nil {
			r.rhinoErrorAdditions(r.global.Error)
		}
		return
	}
	proto := r.getErrorPrototype().self
	ctor := r.getError().self
	r.globalObject.self.deleteStr("InternalError", false)
	proto.deleteStr("fileName", false)
	proto.deleteStr("lineNumber", false)
	ctor.deleteStr("captureStackTrace", false)
	ctor.deleteStr("stackTraceLimit", false)
}

// rhinoCaptureStackTrace is Error.captureStackTrace(obj): it gives obj a
// non-enumerable stack property, the script frames of the current call
// stack as Rhino writes them. Node-style custom errors call it.
func (r *Runtime) rhinoCaptureStackTrace(call FunctionCall) Value {
	o := r.toObject(call.Argument(0))
	stack := r.vm.captureStack(nil, 0)
	// Given a function, the frames up to and including its own are left
	// out, as Rhino does (it matches the function by name).
	if fn, ok := call.Argument(1).(*Object); ok {
		if name := fn.self.getStr("name", nil); name != nil {
			n := name.string()
			for i, frame := range stack {
				if frame.prg != nil && frame.funcName == n {
					stack = stack[i+1:]
					break
				}
			}
		}
	}
	o.self.defineOwnPropertyStr("stack", PropertyDescriptor{
		Value:        rhinoStackText(stack),
		Writable:     FLAG_TRUE,
		Configurable: FLAG_TRUE,
		Enumerable:   FLAG_FALSE,
	}, true)
	return _undefined
}

// rhinoStackDepthError is the catchable InternalError Rhino raises when a
// script recurses past the interpreter's stack depth.
func (r *Runtime) rhinoStackDepthError() *Object {
	return r.builtin_new(r.rhinoInternalError(), []Value{newStringValue(rhinoStackDepthMessage + r.vm.rhinoWhere())})
}

// rhinoWhere is the " (file#line)" Rhino appends to the message of an
// error it raises from an EvaluatorException, at the current instruction.
func (vm *vm) rhinoWhere() string {
	p, ok := vm.rhinoScriptPosition()
	if !ok {
		return ""
	}
	return " (" + p.Filename + "#" + strconv.Itoa(p.Line) + ")"
}

// rhinoScriptPosition is where the innermost script frame is: the current
// instruction, or, inside a native function (which runs with no program),
// the call that entered it.
func (vm *vm) rhinoScriptPosition() (file.Position, bool) {
	prg, pc := vm.prg, vm.pc
	for i := len(vm.callStack) - 1; prg == nil && i >= 0; i-- {
		prg, pc = vm.callStack[i].prg, vm.callStack[i].pc
	}
	if prg == nil || prg.src == nil {
		return file.Position{}, false
	}
	return prg.src.Position(prg.sourceOffset(pc)), true
}

// rhinoIsErrorConstructor reports whether c is one of the native error
// constructors.
func (r *Runtime) rhinoIsErrorConstructor(c *Object) bool {
	g := r.global
	return c != nil && (c == g.Error || c == g.TypeError || c == g.ReferenceError || c == g.RangeError ||
		c == g.SyntaxError || c == g.URIError || c == g.EvalError || c == r.jj.rhinoErr.internalError)
}

// rhinoMarkEngineError gives an error the engine raises (not one a script
// constructs) Rhino's own fileName and lineNumber: where the script was
// when the error arose.
func (r *Runtime) rhinoMarkEngineError(construct, e *Object) {
	if !r.rhinoIsErrorConstructor(construct) {
		return
	}
	p, ok := r.vm.rhinoScriptPosition()
	if !ok {
		return
	}
	e.self._putProp("fileName", newStringValue(p.Filename), true, true, true)
	e.self._putProp("lineNumber", intToValue(int64(p.Line)), true, true, true)
}

// rhinoErrorArgs applies Rhino's Error(message, fileName, lineNumber)
// arguments: the second is the file name, the third the line number. It
// reports whether Rhino mode handled the arguments (and so ES2022's
// options.cause, which Rhino does not know, must be ignored).
func (r *Runtime) rhinoErrorArgs(e *errorObject, args []Value) bool {
	if !r.jj.rhino {
		return false
	}
	if len(args) > 1 {
		e._putProp("fileName", args[1].toString(), true, true, true)
	}
	if len(args) > 2 {
		e._putProp("lineNumber", intToValue(int64(toInt32(args[2]))), true, true, true)
	}
	return true
}

// rhinoFormatStack is the stack property as Rhino writes it: one line per
// script frame, "\tat file:line" and the function's name in parentheses
// when it has one; native frames are not listed.
func (e *errorObject) rhinoFormatStack() String {
	return rhinoStackText(e.stack)
}

func rhinoStackText(stack []StackFrame) String {
	var b StringBuilder
	for _, frame := range stack {
		if frame.prg == nil || frame.prg.src == nil {
			continue
		}
		p := frame.Position()
		b.WriteString(asciiString("\tat "))
		b.WriteString(newStringValue(p.Filename + ":" + strconv.Itoa(p.Line)))
		if name := frame.funcName; name != "" {
			b.WriteString(asciiString(" ("))
			b.WriteString(stringValueFromRaw(name))
			b.WriteRune(')')
		}
		b.WriteRune('\n')
	}
	return b.String()
}

// rhinoErrorPrototypeAdditions gives Error.prototype Rhino's fileName and
// lineNumber (hook in getErrorPrototype, when Rhino mode is on).
func (r *Runtime) rhinoErrorPrototypeAdditions(proto *Object) {
	rhinoDefine(proto, "fileName", stringEmpty, true)
	rhinoDefine(proto, "lineNumber", intToValue(0), true)
}

// rhinoErrorAdditions gives Error Rhino's captureStackTrace and
// stackTraceLimit (hook in getError, when Rhino mode is on).
func (r *Runtime) rhinoErrorAdditions(ctor *Object) {
	rhinoDefine(ctor, "captureStackTrace", r.newNativeFunc(r.rhinoCaptureStackTrace, "captureStackTrace", 2), false)
	rhinoDefine(ctor, "stackTraceLimit", _positiveInf, false)
}
