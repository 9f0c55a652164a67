package httpclient

// Request options: what httpClient.send's second argument may hold, and how
// it becomes a request's method, headers and body.

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

type sendOptions struct {
	method, clientName string
	ignored            []string
	header             http.Header
	body               []byte
}

// options converts the script's request options.
func (b *Instance) options(v goja.Value) sendOptions {
	rt := b.rt
	o := sendOptions{method: http.MethodGet, header: make(http.Header)}
	if jsvalue.IsNullish(v) {
		return o
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		jsvalue.Throw(rt, "httpClient.send: the request options must be an object, not %s", v.String())
	}
	var token string
	var form goja.Value
	var body goja.Value
	for _, k := range obj.Keys() {
		val := obj.Get(k)
		if jsvalue.IsNullish(val) {
			continue
		}
		switch k {
		case "method":
			o.method = strings.ToUpper(val.String())
			if o.method == "" || strings.ContainsAny(o.method, " \t\r\n") {
				jsvalue.Throw(rt, "httpClient.send: %q is not an HTTP method", val.String())
			}
		case "headers":
			hobj, ok := val.(*goja.Object)
			if !ok {
				jsvalue.Throw(rt, "httpClient.send: headers must be an object")
			}
			eachField(hobj, o.header.Add)
		case "body":
			body = val
		case "form":
			form = val
		case "token":
			token = val.String()
		case "clientName":
			o.clientName = val.String()
		default:
			// AIC reads the options it knows and ignores the rest, so a
			// stray key must not fail here either; the call record says so.
			o.ignored = append(o.ignored, k)
		}
	}
	if body != nil && form != nil {
		jsvalue.Throw(rt, "httpClient.send: set body or form, not both")
	}
	if body != nil {
		if goja.IsString(body) {
			o.body = []byte(body.String())
		} else {
			out, err := b.stringify(goja.Undefined(), body)
			if err != nil {
				jsvalue.Throw(rt, "httpClient.send: the body cannot be converted to JSON: %v", err)
			}
			if goja.IsUndefined(out) {
				// A function, or a toJSON that returns undefined: JSON has
				// no text for it, and "undefined" is not JSON.
				jsvalue.Throw(rt, "httpClient.send: the body has no JSON form (JSON.stringify gives undefined); pass a string, an object or an array")
			}
			o.body = []byte(out.String())
			if o.header.Get("Content-Type") == "" {
				o.header.Set("Content-Type", "application/json")
			}
		}
	}
	if form != nil {
		fobj, ok := form.(*goja.Object)
		if !ok {
			jsvalue.Throw(rt, "httpClient.send: form must be an object of fields")
		}
		vals := url.Values{}
		eachField(fobj, vals.Add)
		o.body = []byte(vals.Encode())
		o.header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if token != "" {
		o.header.Set("Authorization", "Bearer "+token)
	}
	if o.body == nil && (body != nil || form != nil) {
		o.body = []byte{}
	}
	return o
}

// eachField hands add each field of obj (headers, form fields) as text: an
// array adds one value per element; null and undefined add none.
func eachField(obj *goja.Object, add func(name, value string)) {
	for _, name := range obj.Keys() {
		v := obj.Get(name)
		switch x := jsvalue.ToGo(v).(type) {
		case nil:
		case []any:
			for _, e := range x {
				add(name, fmt.Sprint(e))
			}
		default:
			add(name, v.String())
		}
	}
}
