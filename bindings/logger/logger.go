// Package logger implements the `logger` binding: SLF4J-style levelled
// logging with "{}" placeholders, written through zerolog under the script's
// logger name and also returned with the run's result.
package logger

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/rs/zerolog"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/rhinoerr"
)

// Level is a script log level, ordered from most to least verbose.
type Level int8

// The levels a script can log at. The zero value is Trace, so a zero Config
// logs everything; hosts usually pick Debug (development tenants) or Warn
// (staging and production tenants).
const (
	Trace Level = iota
	Debug
	Info
	Warn
	Error
	Off
)

var levelNames = [...]string{"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF"}

// String returns the level's name in capitals, as AM prints it.
func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return fmt.Sprintf("Level(%d)", l)
	}
	return levelNames[l]
}

// MarshalText writes the level's name, so JSON shows "DEBUG", not 1.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText reads a level name.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := ParseLevel(string(b))
	*l = v
	return err
}

// ParseLevel reads a level name, in any case.
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if strings.EqualFold(s, n) || (n == "WARN" && strings.EqualFold(s, "warning")) {
			return Level(i), nil
		}
	}
	return 0, fmt.Errorf("unknown log level %q (want trace, debug, info, warn, error or off)", s)
}

func (l Level) zerolog() zerolog.Level {
	switch l {
	case Trace:
		return zerolog.TraceLevel
	case Debug:
		return zerolog.DebugLevel
	case Info:
		return zerolog.InfoLevel
	case Warn:
		return zerolog.WarnLevel
	case Error:
		return zerolog.ErrorLevel
	}
	return zerolog.Disabled
}

// Record is one log line a script wrote.
type Record struct {
	Level   Level  `json:"level"`
	Logger  string `json:"logger"`
	Message string `json:"message"`
	// Exception is the Java throwable passed as the last argument
	// (e.javaException), as its toString(): SLF4J logs it apart from the
	// message.
	Exception string `json:"exception,omitempty"`
}

// MaxMessageBytes bounds one log message: a script that logs a huge string
// gets it cut, with a marker, rather than filling the host's logs.
const MaxMessageBytes = 64 << 10

// MaxRecords bounds how many records one run keeps in its result; further
// lines still go to the sink.
const MaxRecords = 10000

// Binding is the `logger` binding.
var Binding = bindings.Define("logger", func(vm *bindings.VM) bindings.Instance { return New(vm.Runtime) })

// The back ends of `logger`: where lines go and from which level. Unset, no
// line goes anywhere but the result, and every level is kept.
var (
	// SinkKey: the sink that receives every line the scripts log. It is a pointer because
	// copying a zerolog.Logger on every run costs more than a small script
	// does; it must not change while runs use it.
	SinkKey = bindings.NewBackend[*zerolog.Logger]("logger sink")
	// LevelKey: the lowest level logged; the zero value is Trace.
	LevelKey = bindings.NewBackend[Level]("logger level")
)

// Logs is the lines a run logged at enabled levels: in every run's JSON.
var Logs = bindings.NewOutputDefault("logs", func() []Record { return []Record{} })

// Instance is the per-runtime `logger` object.
type Instance struct {
	rt  *goja.Runtime
	obj *goja.Object

	level   Level
	sink    *zerolog.Logger
	context string
	id      func() string
	name    string
	logName string
	records []Record
	dropped int
}

// New builds the frozen `logger` object for rt.
func New(rt *goja.Runtime) *Instance {
	b := &Instance{rt: rt, obj: rt.NewObject()}
	for lvl := Trace; lvl <= Error; lvl++ {
		lvl := lvl
		name := strings.ToLower(lvl.String())
		jsvalue.Method(rt, b.obj, name, func(call goja.FunctionCall) goja.Value {
			b.log(lvl, call)
			return goja.Undefined()
		})
		enabled := "is" + strings.ToUpper(name[:1]) + name[1:] + "Enabled"
		jsvalue.Method(rt, b.obj, enabled, func(goja.FunctionCall) goja.Value {
			return rt.ToValue(lvl >= b.level)
		})
	}
	jsvalue.Method(rt, b.obj, "getName", func(goja.FunctionCall) goja.Value {
		return rt.ToValue(b.loggerName())
	})
	jsvalue.Seal(rt, b.obj)
	return b
}

// loggerName is the script's logger name, derived on first use.
func (b *Instance) loggerName() string {
	if b.logName == "" && b.id != nil {
		b.logName = Name(b.context, b.id(), b.name)
	}
	return b.logName
}

// Value is the JavaScript value installed as `logger`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin starts a run: its sink and level from the run's back ends, its
// logger name from the run's script (the ID, whose derivation costs a hash,
// only when the script logs).
func (b *Instance) Begin(run *bindings.Run) {
	b.level, b.sink = LevelKey.From(run), SinkKey.From(run)
	s := run.Script
	b.context, b.id, b.name, b.logName = s.LoggerContext, s.ID, s.Name, ""
	b.records, b.dropped = nil, 0
}

// End hands the run's records to the run.
func (b *Instance) End(run *bindings.Run) {
	if len(b.records) > 0 {
		Logs.Set(run.Outputs, b.records)
	}
	b.records, b.id = nil, nil
}

// Name is the logger name AM gives a script:
// scripts.<context>.<script id>.(<script name>).
func Name(context, id, name string) string {
	return "scripts." + context + "." + id + ".(" + name + ")"
}

func (b *Instance) log(lvl Level, call goja.FunctionCall) {
	if lvl < b.level {
		return
	}
	b.loggerName()
	var msg, exception string
	if len(call.Arguments) > 0 {
		msg = stringify(call.Argument(0))
		args := call.Arguments[1:]
		if len(args) == 1 {
			// The (format, Object[]) overload: a JavaScript array is the
			// argument list.
			if arr, ok := args[0].(*goja.Object); ok && arr.ClassName() == "Array" {
				args = arrayItems(arr)
			}
		}
		if n := len(args); n > 0 {
			// SLF4J takes a trailing throwable out of the arguments and
			// logs it apart; a JavaScript Error is no throwable.
			if exc, ok := rhinoerr.Of(args[n-1]); ok {
				exception, args = exc.Text(), args[:n-1]
			}
		}
		if len(args) > 0 {
			texts := make([]string, len(args))
			for i, a := range args {
				texts[i] = stringify(a)
			}
			msg = Format(msg, texts)
		}
	}
	if len(msg) > MaxMessageBytes {
		msg = fmt.Sprintf("%s… [message cut: %d bytes]", msg[:MaxMessageBytes], len(msg))
	}
	if b.sink != nil {
		ev := b.sink.WithLevel(lvl.zerolog()).Str("logger", b.logName)
		if exception != "" {
			ev = ev.Str("exception", exception)
		}
		ev.Msg(msg)
	}
	if len(b.records) >= MaxRecords {
		b.dropped++
		return
	}
	b.records = append(b.records, Record{Level: lvl, Logger: b.logName, Message: msg, Exception: exception})
}

func stringify(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if goja.IsNull(v) {
		return "null"
	}
	return v.String()
}

func arrayItems(arr *goja.Object) []goja.Value {
	n := int(arr.Get("length").ToInteger())
	items := make([]goja.Value, n)
	for i := range items {
		items[i] = arr.Get(strconv.Itoa(i))
	}
	return items
}
