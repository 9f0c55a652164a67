package httpclient

// Responses: the frozen object a request fulfils with, its headers, and its
// text(), json() and formData() readers.

import (
	"errors"
	"net/url"
	"sort"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// text is the response body as a script sees it.
func (q *request) text() string { return jsvalue.Text(q.respBody) }

func (b *Instance) newResponse(q *request) goja.Value {
	rt := b.rt
	// Built frozen: read-only properties on an object then made
	// non-extensible, which is what Object.freeze leaves, without freeze's
	// second pass over every property. A header named "__proto__" is an
	// own property like any other.
	o := rt.NewObject()
	_ = o.SetPrototype(b.responseProto)
	readOnly(o, "status", rt.ToValue(q.status))
	readOnly(o, "ok", rt.ToValue(q.status >= 200 && q.status <= 299))
	readOnly(o, "statusText", rt.ToValue(q.statusText))
	readOnly(o, "url", rt.ToValue(q.finalURL))
	h := rt.NewObject()
	_ = h.SetPrototype(b.headersProto)
	names := make([]string, 0, len(q.respHeader))
	for k := range q.respHeader {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		readOnly(h, k, rt.ToValue(strings.Join(q.respHeader[k], ", ")))
	}
	readOnly(o, "headers", h)
	for _, x := range [...]*goja.Object{h, o} {
		if _, err := b.preventExtensions(goja.Undefined(), x); err != nil {
			panic(err)
		}
	}
	b.run.responses[o] = q
	return o
}

// readOnly defines an enumerable property that can be neither written nor
// deleted, as a frozen object's are.
func readOnly(o *goja.Object, name string, v goja.Value) {
	_ = o.DefineDataProperty(name, v, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

func headerLookup(this goja.Value, name string) (goja.Value, bool) {
	obj, ok := this.(*goja.Object)
	if !ok || name == "" {
		return nil, false
	}
	for _, k := range obj.Keys() {
		if strings.EqualFold(k, name) {
			return obj.Get(k), true
		}
	}
	return nil, false
}

func (b *Instance) responseOf(this goja.Value, method string) *request {
	if obj, ok := this.(*goja.Object); ok && b.run != nil {
		if r := b.run.responses[obj]; r != nil {
			return r
		}
	}
	jsvalue.Throw(b.rt, "httpClient: %s() must be called on a response", method)
	return nil
}

// responseJSON parses the body as the script's JSON.parse would, without
// the round trip through a JavaScript string and the guarded parse that
// JSON.parse costs: the body is Go text already.
func (b *Instance) responseJSON(r *request) goja.Value {
	text := r.text()
	v, err := jsvalue.ParseJSON(b.rt, text, jsvalue.MaxJSONNesting)
	var msg string
	switch {
	case err == nil:
		return v
	case errors.Is(err, jsvalue.ErrJSONNotGo):
		// An unpaired surrogate escape or bytes that are not UTF-8: the
		// script's JSON.parse (goja's own parse for such text).
		v, err = b.parse(goja.Undefined(), b.rt.ToValue(text))
		if err == nil {
			return v
		}
		msg = err.Error()
		var exc *goja.Exception
		if errors.As(err, &exc) {
			msg = valueText(b.rt, exc.Value())
		}
	default:
		tooDeep, m := jsvalue.ScriptError(err, jsvalue.MaxJSONNesting)
		msg = "SyntaxError: " + m
		if tooDeep {
			msg = "RangeError: " + m
		}
	}
	snippet := text
	if len(snippet) > 80 {
		snippet = snippet[:80] + "…"
	}
	jsvalue.Throw(b.rt, "httpClient: the response to %s %s is not valid JSON (%s); the body begins %q", r.method, r.url, msg, snippet)
	return nil
}

func (b *Instance) responseForm(r *request) goja.Value {
	vals, err := url.ParseQuery(strings.TrimSpace(r.text()))
	if err != nil {
		jsvalue.Throw(b.rt, "httpClient: the response to %s %s is not form data", r.method, r.url)
	}
	out := make(map[string]any, len(vals))
	for k, vs := range vals {
		if len(vs) == 1 {
			out[k] = vs[0]
		} else {
			out[k] = vs // ToJS makes a []string an array
		}
	}
	return jsvalue.ToJS(b.rt, out)
}
