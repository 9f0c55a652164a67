package openidm

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/rhinoerr"
)

// Change is an object a run changed, as the run's result lists it.
type Change struct {
	// Action is created, updated, patched or deleted.
	Action   string `json:"action"`
	Resource string `json:"resource"`
	ID       string `json:"id"`
	// Rev is the object's revision after the change (before it, for a
	// delete).
	Rev string `json:"rev"`
}

// Email is a message a run sent through external/email.
type Email struct {
	From    string `json:"from,omitempty"`
	To      string `json:"to"`
	Cc      string `json:"cc,omitempty"`
	Bcc     string `json:"bcc,omitempty"`
	Subject string `json:"subject,omitempty"`
	Body    string `json:"body,omitempty"`
	// Type is the body's content type, such as text/html.
	Type string `json:"type,omitempty"`
	// Template is the template of a sendTemplate action.
	Template string `json:"templateName,omitempty"`
}

// Binding is the `openidm` binding.
var Binding = bindings.Define("openidm", func(vm *bindings.VM) bindings.Instance { return New(vm.Runtime) })

// BackendKey is the key of a run's IDM back end; unset, every openidm call
// throws NoBackend.
var BackendKey = bindings.NewBackend[Backend]("openidm")

// The outputs of `openidm`.
var (
	// Changes lists the IDM objects a run created, updated, patched or
	// deleted, in order.
	Changes = bindings.NewOutput[[]Change]("idmChanges")
	// Emails are the messages a run sent with
	// openidm.action("external/email", "send", …).
	Emails = bindings.NewOutput[[]Email]("emails")
)

// Instance is the per-runtime `openidm` object.
type Instance struct {
	rt      *goja.Runtime
	obj     *goja.Object
	ctx     context.Context
	backend Backend
	changes []Change
	emails  []Email
}

// NoBackend is the message of every call made without a back end.
const NoBackend = "openidm: no IDM back end configured"

// New builds the frozen `openidm` object for rt.
func New(rt *goja.Runtime) *Instance {
	b := &Instance{rt: rt, obj: rt.NewObject()}
	jsvalue.Method(rt, b.obj, "create", b.create)
	jsvalue.Method(rt, b.obj, "read", b.read)
	jsvalue.Method(rt, b.obj, "update", b.update)
	jsvalue.Method(rt, b.obj, "patch", b.patch)
	jsvalue.Method(rt, b.obj, "delete", b.delete)
	jsvalue.Method(rt, b.obj, "query", b.query)
	jsvalue.Method(rt, b.obj, "action", b.action)
	jsvalue.Seal(rt, b.obj)
	return b
}

// Value is the JavaScript value installed as `openidm`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin starts a run whose calls go to the run's back end (none: every call
// throws).
func (b *Instance) Begin(run *bindings.Run) {
	b.begin(run.Context, BackendKey.From(run))
}

func (b *Instance) begin(ctx context.Context, backend Backend) {
	if ctx == nil {
		ctx = context.Background()
	}
	b.ctx, b.backend = ctx, backend
}

// End closes the run and hands the objects it changed and the emails it
// sent to the run.
func (b *Instance) End(run *bindings.Run) {
	if len(b.changes) > 0 {
		Changes.Set(run.Outputs, b.changes)
	}
	if len(b.emails) > 0 {
		Emails.Set(run.Outputs, b.emails)
	}
	b.ctx, b.backend, b.changes, b.emails = nil, nil, nil, nil
}

// throw raises err as AIC does: the ResourceException of IDM's answer, a
// JavaException whose e.javaException tells its code, reason and detail.
// A run without a back end is journeyjs's own set-up error, not IDM's.
func (b *Instance) throw(err error) {
	if errors.Is(err, errNoBackend) {
		rhinoerr.Internal(b.rt, "%s", NoBackend)
	}
	exception(err).Throw(b.rt)
}

var errNoBackend = errors.New(NoBackend)

func (b *Instance) start() {
	if b.backend == nil {
		b.throw(errNoBackend)
	}
}

func (b *Instance) record(action, collection string, obj map[string]any, id string) {
	if s, ok := obj["_id"].(string); ok && s != "" {
		id = s
	}
	b.changes = append(b.changes, Change{Action: action, Resource: collection, ID: id, Rev: RevOf(obj)})
}

// Record adds to the run's Changes a write that another binding made through
// this run's IDM back end (idRepository's store), in order with the writes
// of openidm's own calls. action is one of Change's actions; obj is the
// object the back end returned.
func (b *Instance) Record(action, collection, id string, obj map[string]any) {
	b.record(action, collection, obj, id)
}

// RevOf is obj's _rev as text ("" when it has none), as a Change records it
// and as back ends compare revisions.
func RevOf(obj map[string]any) string {
	switch r := obj["_rev"].(type) {
	case string:
		return r
	case nil:
		return ""
	default:
		return fmt.Sprint(r)
	}
}

func (b *Instance) result(v any) goja.Value {
	if m, ok := v.(map[string]any); ok && m == nil {
		return goja.Null()
	}
	// AIC wraps results in a MapScriptWrapper: scripts use its Java Map
	// methods (get, keySet, size, …) besides plain property access.
	return jsvalue.JavaView(b.rt, jsvalue.ToJS(b.rt, v))
}

// must throws err, if any.
func (b *Instance) must(err error) {
	if err != nil {
		b.throw(err)
	}
}

// target starts a call on an object: argument 0 names it.
func (b *Instance) target(call goja.FunctionCall) (collection, id string) {
	b.start()
	collection, id, err := SplitObject(jsvalue.ArgString(call, 0))
	b.must(err)
	return collection, id
}

// wrote records the object a write returned and hands it to the script.
func (b *Instance) wrote(action, collection, id string, obj map[string]any, err error) goja.Value {
	b.must(err)
	b.record(action, collection, obj, id)
	return b.result(obj)
}

// create(resourceName, newResourceId, content, params, fields)
func (b *Instance) create(call goja.FunctionCall) goja.Value {
	b.start()
	coll, err := CleanCollection(jsvalue.ArgString(call, 0))
	b.must(err)
	id := jsvalue.ArgString(call, 1)
	if strings.Contains(id, "/") {
		b.throw(Errorf(CodeBadRequest, "newResourceId %q cannot contain \"/\"", id))
	}
	content := b.object("content", call.Argument(2))
	o := b.opts(call.Argument(3), call.Argument(4))
	obj, err := b.backend.Create(b.ctx, coll, id, content, o)
	return b.wrote("created", coll, id, obj, err)
}

// read(resourceName, params, fields): null when there is no such object.
func (b *Instance) read(call goja.FunctionCall) goja.Value {
	coll, id := b.target(call)
	o := b.opts(call.Argument(1), call.Argument(2))
	obj, err := b.backend.Read(b.ctx, coll, id, o)
	if IsNotFound(err) {
		return goja.Null()
	}
	b.must(err)
	return b.result(obj)
}

// update(resourceName, rev, content, params, fields)
func (b *Instance) update(call goja.FunctionCall) goja.Value {
	coll, id := b.target(call)
	content := b.object("content", call.Argument(2))
	o := b.opts(call.Argument(3), call.Argument(4))
	obj, err := b.backend.Update(b.ctx, coll, id, jsvalue.ArgString(call, 1), content, o)
	return b.wrote("updated", coll, id, obj, err)
}

// patch(resourceName, rev, value, params, fields)
func (b *Instance) patch(call goja.FunctionCall) goja.Value {
	coll, id := b.target(call)
	ops, err := ParsePatch(jsvalue.ToGo(call.Argument(2)))
	b.must(err)
	o := b.opts(call.Argument(3), call.Argument(4))
	obj, err := b.backend.Patch(b.ctx, coll, id, jsvalue.ArgString(call, 1), ops, o)
	return b.wrote("patched", coll, id, obj, err)
}

// delete(resourceName, rev, params, fields)
func (b *Instance) delete(call goja.FunctionCall) goja.Value {
	coll, id := b.target(call)
	o := b.opts(call.Argument(2), call.Argument(3))
	obj, err := b.backend.Delete(b.ctx, coll, id, jsvalue.ArgString(call, 1), o)
	return b.wrote("deleted", coll, id, obj, err)
}

// query(resourceName, params, fields)
func (b *Instance) query(call goja.FunctionCall) goja.Value {
	b.start()
	coll, err := CleanCollection(jsvalue.ArgString(call, 0))
	b.must(err)
	o := b.opts(call.Argument(1), call.Argument(2))
	q, err := takeQuery(o.Params)
	b.must(err)
	res, err := b.backend.Query(b.ctx, coll, q, o)
	b.must(err)
	return b.result(res.ToMap())
}

// action(resource, actionName, content, params, fields)
func (b *Instance) action(call goja.FunctionCall) goja.Value {
	b.start()
	res, err := cleanPath(jsvalue.ArgString(call, 0))
	b.must(err)
	name := jsvalue.ArgString(call, 1)
	if name == "" {
		b.throw(Errorf(CodeBadRequest, "an action name is required, such as \"send\""))
	}
	content := jsvalue.ToGo(call.Argument(2))
	o := b.opts(call.Argument(3), call.Argument(4))
	var mail *Email
	if res == EmailResource && (name == "send" || name == "sendTemplate") {
		m, err := ParseEmail(name, content)
		b.must(err)
		mail = &m
	}
	out, err := b.backend.Action(b.ctx, res, name, content, o)
	b.must(err)
	if mail != nil {
		b.emails = append(b.emails, *mail)
	}
	return jsvalue.JavaView(b.rt, jsvalue.ToJS(b.rt, out))
}

func (b *Instance) object(what string, v goja.Value) map[string]any {
	m, ok := jsvalue.ToGo(v).(map[string]any)
	if !ok {
		b.throw(Errorf(CodeBadRequest, "the %s must be an object", what))
	}
	return m
}

// opts reads the params object and the fields list. _fields in params is
// merged with fields.
func (b *Instance) opts(params, fields goja.Value) Opts {
	var o Opts
	switch p := jsvalue.ToGo(params).(type) {
	case nil:
	case map[string]any:
		o.Params = make(map[string]string, len(p))
		for k, v := range p {
			if v == nil {
				continue
			}
			o.Params[k] = paramText(v)
		}
	default:
		b.throw(Errorf(CodeBadRequest, "params must be an object"))
	}
	if f, ok := o.Params["_fields"]; ok {
		delete(o.Params, "_fields")
		o.Fields = append(o.Fields, splitList(f)...)
	}
	switch f := jsvalue.ToGo(fields).(type) {
	case nil:
	case string:
		o.Fields = append(o.Fields, splitList(f)...)
	case []any:
		for _, e := range f {
			if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
				o.Fields = append(o.Fields, strings.TrimSpace(s))
			} else {
				b.throw(Errorf(CodeBadRequest, "fields must be strings, such as [\"*\", \"_id\"]"))
			}
		}
	default:
		b.throw(Errorf(CodeBadRequest, "fields must be an array of strings"))
	}
	return o
}

func paramText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = paramText(e)
		}
		return strings.Join(parts, ",")
	}
	return fmt.Sprint(v)
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// takeQuery moves the query parameters out of params into a Query.
func takeQuery(params map[string]string) (Query, error) {
	var q Query
	take := func(k string) (string, bool) {
		v, ok := params[k]
		delete(params, k)
		return v, ok
	}
	num := func(k string) (int, error) {
		v, ok := take(k)
		if !ok || v == "" {
			return 0, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, Errorf(CodeBadRequest, "%s must be a whole number, not %q", k, v)
		}
		return n, nil
	}
	q.Filter, _ = take("_queryFilter")
	q.QueryID, _ = take("_queryId")
	q.Cookie, _ = take("_pagedResultsCookie")
	q.TotalPolicy, _ = take("_totalPagedResultsPolicy")
	if s, ok := take("_sortKeys"); ok {
		q.SortKeys = splitList(s)
	}
	var err error
	if q.PageSize, err = num("_pageSize"); err != nil {
		return q, err
	}
	if q.Offset, err = num("_pagedResultsOffset"); err != nil {
		return q, err
	}
	return q, nil
}

// ParsePatch reads IDM patch operations from their JSON form: an array of
// {operation, field, value, from}.
func ParsePatch(v any) ([]PatchOperation, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, Errorf(CodeBadRequest, "the patch must be an array of operations such as [{operation: \"replace\", field: \"/mail\", value: \"…\"}]")
	}
	ops := make([]PatchOperation, len(list))
	for i, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return nil, Errorf(CodeBadRequest, "patch operation %d is not an object", i)
		}
		op, _ := m["operation"].(string)
		field, _ := m["field"].(string)
		from, _ := m["from"].(string)
		if op == "" {
			return nil, Errorf(CodeBadRequest, "patch operation %d has no operation", i)
		}
		if field == "" {
			return nil, Errorf(CodeBadRequest, "patch operation %d has no field", i)
		}
		val, has := m["value"]
		ops[i] = PatchOperation{Operation: op, Field: field, From: from, Value: val, HasValue: has}
	}
	return ops, nil
}

// ParseEmail reads an external/email send (or sendTemplate) request.
func ParseEmail(action string, content any) (Email, error) {
	m, ok := content.(map[string]any)
	if !ok {
		return Email{}, Errorf(CodeBadRequest, "the email must be an object with from, to, subject and body")
	}
	str := func(k string) string {
		switch v := m[k].(type) {
		case nil:
			return ""
		case []any:
			parts := make([]string, 0, len(v))
			for _, e := range v {
				parts = append(parts, fmt.Sprint(e))
			}
			return strings.Join(parts, ", ")
		default:
			return fmt.Sprint(v)
		}
	}
	e := Email{From: str("from"), To: str("to"), Cc: str("cc"), Bcc: str("bcc"), Subject: str("subject"),
		Body: str("body"), Type: str("type")}
	if action == "sendTemplate" {
		e.Template = str("templateName")
		if e.Template == "" {
			return Email{}, Errorf(CodeBadRequest, "sendTemplate needs a templateName")
		}
	}
	if strings.TrimSpace(e.To) == "" {
		return Email{}, Errorf(CodeBadRequest, "the email has no \"to\" address")
	}
	return e, nil
}
