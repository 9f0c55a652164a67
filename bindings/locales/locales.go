// Package locales implements the `locales` binding:
// getLocalizedMessage(map) picks the entry of a translation map that best
// fits the request's Accept-Language header, as AM's Message node does.
//
// For each language the client accepts, best first, the entry with that
// exact tag is taken, else the entry with its language alone ("en" for
// "en-GB"); a tag is never widened to a sibling ("en-US" does not answer
// "en-GB"). When nothing fits, the map's first entry is returned, and an
// empty map gives null.
package locales

import (
	"strings"

	"github.com/dop251/goja"
	"golang.org/x/text/language"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `locales` binding.
var Binding = bindings.Define("locales", func(vm *bindings.VM) bindings.Instance { return New(vm.Runtime) })

// Instance is the per-runtime `locales` object.
type Instance struct {
	obj      *goja.Object
	accepted []string
}

// New builds the `locales` object for rt.
func New(rt *goja.Runtime) *Instance {
	b := &Instance{obj: rt.NewObject()}
	jsvalue.Method(rt, b.obj, "getLocalizedMessage", func(call goja.FunctionCall) goja.Value {
		arg := call.Argument(0)
		obj, ok := arg.(*goja.Object)
		if !ok || jsvalue.IsNullish(arg) {
			jsvalue.Throw(rt, "locales.getLocalizedMessage: the argument must be a map of locale to message, such as {en: \"Hello\"}")
		}
		keys := obj.Keys()
		if len(keys) == 0 {
			return goja.Null()
		}
		return rt.ToValue(obj.Get(Pick(keys, b.accepted)).String())
	})
	jsvalue.Seal(rt, b.obj)
	return b
}

// Pick returns the key of keys (locale tags, in map order) that fits the
// accepted tags (best first) or, when none fits, the first key.
func Pick(keys, accepted []string) string {
	byTag := make(map[string]string, len(keys))
	for _, k := range keys {
		norm := normalize(k)
		if _, dup := byTag[norm]; !dup {
			byTag[norm] = k
		}
	}
	for _, a := range accepted {
		tag := normalize(a)
		if k, ok := byTag[tag]; ok {
			return k
		}
		if i := strings.IndexByte(tag, '-'); i > 0 {
			if k, ok := byTag[tag[:i]]; ok {
				return k
			}
		}
	}
	return keys[0]
}

// normalize makes en_GB, EN-gb and en-GB the same tag.
func normalize(tag string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
}

// Accepted lists the tags of an Accept-Language header, best first (the
// wildcard and malformed entries left out).
func Accepted(header string) []string {
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil {
		return nil
	}
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if t != language.Und {
			out = append(out, t.String())
		}
	}
	return out
}

// Value is the JavaScript value installed as `locales`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin reads the run's Accept-Language header (any case).
func (b *Instance) Begin(run *bindings.Run) {
	b.accepted = nil
	for name, vals := range run.Request.Headers {
		if strings.EqualFold(name, "Accept-Language") {
			b.accepted = append(b.accepted, Accepted(strings.Join(vals, ","))...)
		}
	}
}

// End forgets the run's header.
func (b *Instance) End(*bindings.Run) { b.accepted = nil }
