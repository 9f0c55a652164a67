package httpclient

// Request options: what httpClient.send's second argument may hold, and how
// it becomes a request's method, headers and body.

import (
	"errors"
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
	// recorded is the body as the call record shows it, when that differs
	// (a form's credentials masked).
	recorded []byte
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
			if _, set := o.header["Authorization"]; set {
				// AIC does not send an Authorization header a script sets
				// (measured): only the token option's bearer goes out.
				o.header.Del("Authorization")
				o.ignored = append(o.ignored, "headers.Authorization")
			}
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
			out, err := javaJSON(body, b.stringify)
			if err != nil {
				jsvalue.Throw(rt, "httpClient.send: the body cannot be converted to JSON: %s", bodyErrText(err))
			}
			o.body = out
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
		o.recorded = []byte(maskForm(vals).Encode())
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

// bodyErrText is why a body has no JSON form, in words a script may read:
// a JavaScript exception's own text (a Date's toJSON that throws), or the
// writer's.
func bodyErrText(err error) string {
	var exc *goja.Exception
	if errors.As(err, &exc) {
		return exc.Value().String()
	}
	return err.Error()
}

// recordedBody is the body the call record shows.
func (o *sendOptions) recordedBody() []byte {
	if o.recorded != nil {
		return o.recorded
	}
	return o.body
}

// credentialFields are form fields whose values a call record hides: the
// OAuth 2.0 client secret and assertion, a password grant's password.
var credentialFields = map[string]bool{"client_secret": true, "client_assertion": true, "password": true}

// maskForm returns vals with the values of credential fields hidden.
func maskForm(vals url.Values) url.Values {
	out := make(url.Values, len(vals))
	for k, vs := range vals {
		if credentialFields[strings.ToLower(k)] {
			vs = []string{"****"}
		}
		out[k] = vs
	}
	return out
}
