package conformance

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/dop251/goja"

	// Every binding, as in the journeyjs command: probes see the same
	// globals a tenant script sees in journeyjs.
	_ "github.com/journeyjs/journeyjs/bindings/all"
	"github.com/journeyjs/journeyjs/runtime"
)

// Journeyjs runs probes on journeyjs's engine as Scripted Decision scripts,
// the context of most tenant scripts, with no bindings beyond those a script
// names. Run UseUTC first so dates agree with the oracle's TZ=UTC.
type Journeyjs struct {
	Engine *runtime.Engine
}

// NewJourneyjs returns a runner whose engine has the oracle's time limit.
func NewJourneyjs(timeout time.Duration) *Journeyjs {
	return &Journeyjs{Engine: runtime.New(runtime.Options{Timeout: timeout})}
}

// UseUTC makes this process's local time zone UTC, as the oracle's. It
// changes time.Local for the whole process: call it only from tests and the
// conformance command.
func UseUTC() { time.Local = time.UTC }

// Eval runs one script and returns journeyjs's answer.
func (j *Journeyjs) Eval(name, source string) Answer {
	res, err := j.Engine.Run(context.Background(), runtime.Script{Name: name, Source: source}, runtime.Input{})
	if err == nil {
		return Answer{Name: name, Kind: KindValue, Value: res.Outcome}
	}
	var se *runtime.ScriptError
	if !errors.As(err, &se) {
		return Answer{Name: name, Kind: KindInternal, Message: err.Error()}
	}
	var a Answer
	switch se.Kind {
	case runtime.KindSyntax:
		a = Answer{Kind: KindCompileError, Message: strings.TrimPrefix(se.Message, "SyntaxError: "), Line: se.Line}
	case runtime.KindException, runtime.KindStackOverflow:
		a = thrownAnswer(se)
	case runtime.KindTimeout:
		a = Answer{Kind: KindTimeout}
	case runtime.KindNoOutcome:
		a = Answer{Kind: KindNoResult}
	default:
		a = Answer{Kind: KindInternal, Message: string(se.Kind) + ": " + se.Message}
	}
	a.Name = name
	return a
}

// thrownAnswer classifies the thrown value the way the oracle does: an
// object with Error.prototype on its chain answers its name and message,
// anything else "(thrown)" and its text. The run is over, so reading the
// value's properties races with nothing.
func thrownAnswer(se *runtime.ScriptError) Answer {
	var exc *goja.Exception
	if !errors.As(se.Err, &exc) || exc.Value() == nil {
		return exceptionAnswer(se.Message)
	}
	obj, ok := exc.Value().(*goja.Object)
	if !ok {
		return Answer{Kind: KindException, Type: "(thrown)", Message: exc.Value().String()}
	}
	for p := obj; p != nil; p = p.Prototype() {
		if p.ClassName() == "Error" || isErrorPrototype(p) {
			return Answer{Kind: KindException, Type: propText(obj, "name"), Message: propText(obj, "message")}
		}
	}
	return exceptionAnswer(se.Message)
}

// isErrorPrototype: p is Error.prototype (an ordinary object in ES2015+,
// so its class name does not tell).
func isErrorPrototype(p *goja.Object) bool {
	ctor, ok := p.Get("constructor").(*goja.Object)
	if !ok || propText(ctor, "name") != "Error" {
		return false
	}
	proto, ok := ctor.Get("prototype").(*goja.Object)
	return ok && proto.SameAs(p)
}

func propText(o *goja.Object, key string) string {
	v := o.Get(key)
	if v == nil || goja.IsUndefined(v) {
		return ""
	}
	return v.String()
}

// Close releases the engine.
func (j *Journeyjs) Close() { j.Engine.Close() }
