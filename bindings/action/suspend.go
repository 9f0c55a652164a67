package action

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// doSuspend is action.suspend(textFormat[, logic[, maxMinutes]]) (spec §3):
// the pass suspends the journey and sends an INFORMATION
// SuspendedTextOutputCallback whose message is textFormat, a
// java.text.MessageFormat pattern, with {0} replaced by the resume URI
// (package suspension says how journeyjs makes it). logic, a function, is
// called with the resume URI first (AM passes a java.net.URI; journeyjs a
// string, so String(uri) and uri.toString() both work); if it throws, the
// script fails with AM's "Failed to execute additional logic". The last
// call wins.
func (b *Instance) doSuspend(rt *goja.Runtime, call goja.FunctionCall) {
	args := call.Arguments
	if len(args) == 0 || len(args) > 3 {
		panic(rt.NewTypeError("Can't find method org.forgerock.openam.auth.nodes.script.ActionWrapper.suspend(%d arguments).", len(args)))
	}
	if jsvalue.IsNullish(args[0]) {
		jsvalue.Throw(rt, "java.lang.IllegalArgumentException: action.suspend: the text format is null")
	}
	format := args[0].String()
	var max int64
	if len(args) == 3 {
		max = args[2].ToInteger()
		if max < 1 {
			jsvalue.Throw(rt, "java.lang.IllegalArgumentException: maximumSuspendDuration must be greater than 0")
		}
	}
	s := b.suspend.NewSuspension(b.realm)
	msg, err := messageFormat(format, s.ResumeURI)
	if err != "" {
		jsvalue.Throw(rt, "java.lang.IllegalArgumentException: %s", err)
	}
	if len(args) >= 2 && !jsvalue.IsNullish(args[1]) {
		fn, ok := goja.AssertFunction(args[1])
		if !ok {
			panic(rt.NewTypeError("action.suspend: the additional logic must be a function"))
		}
		if _, err := fn(goja.Undefined(), rt.ToValue(s.ResumeURI)); err != nil {
			if _, interrupted := err.(*goja.InterruptedError); interrupted {
				panic(err)
			}
			jsvalue.Throw(rt, "java.lang.RuntimeException: Failed to execute additional logic")
		}
	}
	s.Message, s.MaxMinutes = msg, max
	b.res.suspended = &s
}

// messageFormat formats pattern as java.text.MessageFormat does with one
// argument: {0} is arg, other {n} stay as they are, text between single
// quotes is literal and two single quotes make one. It returns MessageFormat's complaint
// about a bad pattern.
func messageFormat(pattern, arg string) (string, string) {
	var out strings.Builder
	quoted := false
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '\'':
			if i+1 < len(pattern) && pattern[i+1] == '\'' {
				out.WriteByte('\'')
				i++
			} else {
				quoted = !quoted
			}
		case quoted:
			out.WriteByte(c)
		case c == '{':
			end := strings.IndexByte(pattern[i:], '}')
			if end < 0 {
				return "", "Unmatched braces in the pattern."
			}
			spec := strings.TrimSpace(pattern[i+1 : i+end])
			idx := spec
			if k := strings.IndexByte(spec, ','); k >= 0 {
				idx = strings.TrimSpace(spec[:k])
			}
			switch {
			case idx == "0":
				out.WriteString(arg)
			case idx != "" && strings.Trim(idx, "0123456789") == "":
				out.WriteString("{" + idx + "}")
			default:
				return "", "can't parse argument number: " + idx
			}
			i += end
		default:
			out.WriteByte(c)
		}
	}
	return out.String(), ""
}
