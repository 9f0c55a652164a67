// Package idrepository is the `idRepository` binding of next-generation
// Scripted Decision, Device Match and Config Provider scripts: AM's
// ScriptedIdentityRepositoryScriptWrapper, whose one method getIdentity(id)
// hands out a scripted identity (spec §6).
//
// AIC keeps its users in IDM's managed objects; AM sees them under AM
// attribute names. This binding reads and writes the same IDM back end as
// `openidm` (openidm.BackendKey), so a store() shows in openidm.read and in
// the run's idmChanges.
//
// Choices where the spec is uncertain or silent:
//
//   - The identity collection is managed/<realm>_user, the realm without its
//     leading slash and with its other slashes as "_" (/alpha →
//     managed/alpha_user); the root realm uses managed/user.
//   - getIdentity looks the object up by its _id. An id that names no object
//     (a userName, "amadmin", "") gives the measured stub: exists() is false
//     and every other method throws InternalError "… this.amIdentity is
//     null" (only getAttributeValues was measured; the others dereference
//     the same null identity in AM, so they throw too).
//   - getName() is the object's _id: in AIC the user entries are named by
//     fr-idm-uuid, which is why the lookup key is the _id, and AMIdentity's
//     name is its entry's naming value. getUniversalId() is
//     id=<_id>,ou=user,o=<realm>,ou=services,ou=am-config (a nested realm
//     gives o=<child>,o=<parent>; the root realm
//     id=<_id>,ou=user,ou=am-config).
//   - AM attribute names (AttributeNames) map to IDM fields: uid↔userName,
//     inetUserStatus↔accountStatus, fr-idm-uuid↔_id, and the AIC managed
//     user's other standard fields under their LDAP names. Every other
//     top-level field of the object, except _-prefixed ones and password, is
//     a custom property: they are all in fr-idm-custom-attrs, one JSON
//     object string (keys sorted). IDM field names (userName) are not AM
//     names: they read as empty like any unknown name.
//   - getAttributeValues reads the back end at each call, as AMIdentity
//     reads its repository: it shows what openidm wrote earlier in the run
//     and never the unstored changes of setAttribute/addAttribute.
//   - Values are strings: numbers and booleans in their JSON form, an array
//     field one value per element, an object field its JSON.
//   - store() patches the object (replace/remove of the changed fields, any
//     revision) and records a "patched" change through the `openidm`
//     instance, so openidm's and idRepository's writes stay in order in
//     idmChanges. It throws an Error whose message starts
//     "IdentityUpdateException:" when the write fails, when a name is
//     neither mapped nor fr-idm-custom-attrs, when fr-idm-uuid would change,
//     when fr-idm-custom-attrs is not one JSON object, or when a
//     single-valued field gets several values.
//   - The value list is a JavaScript array with the Java list methods
//     (jsvalue.JavaList) and String(v) as Java prints it, "[a, b]". AIC's
//     list has no includes (calling it throws): here includes is undefined
//     too, so v.includes(x) throws a TypeError. Other Array methods (map,
//     indexOf, join …) remain, which AIC's list may lack.
package idrepository

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/openidm"
)

// Binding is the `idRepository` binding.
var Binding = bindings.Define("idRepository", newInstance)

// CustomAttrs is the AM attribute holding every custom property as one JSON
// object string.
const CustomAttrs = "fr-idm-custom-attrs"

// AttributeNames maps AM attribute names to the IDM fields of the managed
// user they show.
var AttributeNames = map[string]string{
	"uid":             "userName",
	"inetUserStatus":  "accountStatus",
	"fr-idm-uuid":     "_id",
	"givenName":       "givenName",
	"sn":              "sn",
	"mail":            "mail",
	"cn":              "cn",
	"telephoneNumber": "telephoneNumber",
	"description":     "description",
	"displayName":     "displayName",
	"postalCode":      "postalCode",
	"street":          "postalAddress",
	"l":               "city",
	"st":              "stateProvince",
	"co":              "country",
	"labeledURI":      "profileImage",
}

// fieldNames is AttributeNames reversed.
var fieldNames = func() map[string]bool {
	m := make(map[string]bool, len(AttributeNames))
	for _, f := range AttributeNames {
		m[f] = true
	}
	return m
}()

// NoBackend is the message of a call made without an IDM back end.
const NoBackend = "idRepository: no IDM back end configured"

// Instance is the per-runtime `idRepository` object.
type Instance struct {
	rt        *goja.Runtime
	obj       *goja.Object
	errorCtor *goja.Object
	idm       *openidm.Instance // nil when `openidm` is not registered

	ctx     context.Context
	backend openidm.Backend
	realm   string
	changes []openidm.Change // only when idm is nil
}

func newInstance(vm *bindings.VM) bindings.Instance {
	b := &Instance{rt: vm.Runtime, obj: vm.Runtime.NewObject()}
	b.errorCtor, _ = vm.Builtin("Error").(*goja.Object)
	if vm.Instance != nil {
		b.idm, _ = vm.Instance("openidm").(*openidm.Instance)
	}
	jsvalue.Method(b.rt, b.obj, "getIdentity", b.getIdentity)
	jsvalue.Seal(b.rt, b.obj)
	return b
}

// Value is the JavaScript value installed as `idRepository`.
func (b *Instance) Value() goja.Value { return b.obj }

// Begin starts a run on the run's IDM back end.
func (b *Instance) Begin(run *bindings.Run) {
	b.ctx, b.backend, b.realm = run.Context, openidm.BackendKey.From(run), run.Realm
	if b.ctx == nil {
		b.ctx = context.Background()
	}
}

// End closes the run. Its writes went to openidm's Changes through the
// `openidm` instance; without one, they are appended here.
func (b *Instance) End(run *bindings.Run) {
	if len(b.changes) > 0 {
		prev, _ := openidm.Changes.Lookup(*run.Outputs)
		openidm.Changes.Set(run.Outputs, append(slices.Clip(prev), b.changes...))
	}
	b.ctx, b.backend, b.changes = nil, nil, nil
}

// Collection is the managed-object collection of realm's users.
func Collection(realm string) string {
	r := strings.Trim(realm, "/")
	if r == "" {
		return "managed/user"
	}
	return "managed/" + strings.ReplaceAll(r, "/", "_") + "_user"
}

// UniversalID is AM's universal id of the user id in realm.
func UniversalID(realm, id string) string {
	parts := strings.Split(strings.Trim(realm, "/"), "/")
	if parts[0] == "" {
		return "id=" + id + ",ou=user,ou=am-config"
	}
	var sb strings.Builder
	sb.WriteString("id=" + id + ",ou=user")
	for i := len(parts) - 1; i >= 0; i-- {
		sb.WriteString(",o=" + parts[i])
	}
	sb.WriteString(",ou=services,ou=am-config")
	return sb.String()
}

func (b *Instance) throwError(name, msg string) {
	obj, err := b.rt.New(b.errorCtor, b.rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	if name != "" {
		_ = obj.DefineDataProperty("name", b.rt.ToValue(name), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	panic(obj)
}

func (b *Instance) updateError(format string, args ...any) {
	b.throwError("", "IdentityUpdateException: "+fmt.Sprintf(format, args...))
}

func (b *Instance) requireBackend() {
	if b.backend == nil {
		b.throwError("", NoBackend)
	}
}

// read returns the object with _id id, nil when there is none.
func (b *Instance) read(coll, id string) map[string]any {
	b.requireBackend()
	if id == "" || strings.Contains(id, "/") {
		return nil
	}
	obj, err := b.backend.Read(b.ctx, coll, id, openidm.Opts{})
	if openidm.IsNotFound(err) {
		return nil
	}
	if err != nil {
		b.throwError("", "idRepository.getIdentity: "+err.Error())
	}
	return obj
}

// identity is one scripted identity.
type identity struct {
	b        *Instance
	coll, id string
	realm    string
	// pending holds setAttribute/addAttribute values until store.
	pending map[string][]string
	order   []string
}

func (b *Instance) getIdentity(call goja.FunctionCall) goja.Value {
	b.requireBackend()
	id := jsvalue.ArgString(call, 0)
	coll := Collection(b.realm)
	it := &identity{b: b, coll: coll, id: id, realm: b.realm, pending: map[string][]string{}}
	obj := b.rt.NewObject()
	if b.read(coll, id) == nil {
		null := func(fn string) func(goja.FunctionCall) goja.Value {
			return func(goja.FunctionCall) goja.Value {
				b.throwError("InternalError", "java.lang.NullPointerException: Cannot invoke \"com.sun.identity.idm.AMIdentity."+fn+"\" because this.amIdentity is null")
				return nil
			}
		}
		jsvalue.Method(b.rt, obj, "getAttributeValues", null("getAttribute(String)"))
		jsvalue.Method(b.rt, obj, "getName", null("getName()"))
		jsvalue.Method(b.rt, obj, "getUniversalId", null("getUniversalId()"))
		jsvalue.Method(b.rt, obj, "setAttribute", null("setAttributes(java.util.Map)"))
		jsvalue.Method(b.rt, obj, "addAttribute", null("getAttribute(String)"))
		jsvalue.Method(b.rt, obj, "store", null("store()"))
		jsvalue.Method(b.rt, obj, "exists", func(goja.FunctionCall) goja.Value { return b.rt.ToValue(false) })
		return obj
	}
	jsvalue.Method(b.rt, obj, "getAttributeValues", it.getAttributeValues)
	jsvalue.Method(b.rt, obj, "getName", func(goja.FunctionCall) goja.Value { return b.rt.ToValue(it.id) })
	jsvalue.Method(b.rt, obj, "getUniversalId", func(goja.FunctionCall) goja.Value {
		return b.rt.ToValue(UniversalID(it.realm, it.id))
	})
	jsvalue.Method(b.rt, obj, "setAttribute", it.setAttribute)
	jsvalue.Method(b.rt, obj, "addAttribute", it.addAttribute)
	jsvalue.Method(b.rt, obj, "store", it.store)
	jsvalue.Method(b.rt, obj, "exists", func(goja.FunctionCall) goja.Value {
		return b.rt.ToValue(b.read(it.coll, it.id) != nil)
	})
	return obj
}

// Attributes returns obj's attributes under their AM names, each a list of
// strings: the mapped fields that are set, and fr-idm-custom-attrs when obj
// has custom properties.
func Attributes(obj map[string]any) map[string][]string {
	out := map[string][]string{}
	for am, field := range AttributeNames {
		if vals := Strings(obj[field]); len(vals) > 0 {
			out[am] = vals
		}
	}
	if custom := customFields(obj); len(custom) > 0 {
		text, _ := json.Marshal(custom) // map keys marshal sorted
		out[CustomAttrs] = []string{string(text)}
	}
	return out
}

// isCustom reports whether an IDM field is a custom property.
func isCustom(field string) bool {
	return !fieldNames[field] && !strings.HasPrefix(field, "_") && field != "password"
}

func customFields(obj map[string]any) map[string]any {
	custom := map[string]any{}
	for k, v := range obj {
		if isCustom(k) && v != nil {
			custom[k] = v
		}
	}
	return custom
}

// Strings is an IDM value as AM's attribute values: strings, one per
// element of an array, none for null.
func Strings(v any) []string {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return []string{x}
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			out = append(out, Strings(e)...)
		}
		return out
	case bool:
		return []string{strconv.FormatBool(x)}
	default:
		text, err := json.Marshal(x)
		if err != nil {
			return []string{fmt.Sprint(x)}
		}
		return []string{string(text)}
	}
}

func (it *identity) object() map[string]any {
	obj := it.b.read(it.coll, it.id)
	if obj == nil {
		return map[string]any{}
	}
	return obj
}

func (it *identity) current(name string) []string {
	return Attributes(it.object())[name]
}

func (it *identity) getAttributeValues(call goja.FunctionCall) goja.Value {
	return it.b.list(it.current(jsvalue.ArgString(call, 0)))
}

// list is values as the Java-list-like collection scripts see.
func (b *Instance) list(values []string) goja.Value {
	if values == nil {
		values = []string{}
	}
	arr := jsvalue.JavaList(b.rt, jsvalue.ToJS(b.rt, values)).(*goja.Object)
	_ = arr.DefineDataProperty("toString", b.rt.ToValue(func(goja.FunctionCall) goja.Value {
		return b.rt.ToValue("[" + strings.Join(values, ", ") + "]")
	}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	// AIC's list has no includes: calling it throws.
	_ = arr.DefineDataProperty("includes", goja.Undefined(), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return arr
}

// values reads setAttribute's second argument: an array (or Java list) of
// values, or one value.
func (b *Instance) values(v goja.Value) []string {
	switch x := jsvalue.ToGo(v).(type) {
	case nil:
		return []string{}
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if e == nil {
				continue
			}
			out = append(out, text(e))
		}
		return out
	default:
		if obj, ok := v.(*goja.Object); ok && obj.ClassName() == "Array" {
			return []string{}
		}
		return []string{text(x)}
	}
}

func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	t, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(t)
}

func (it *identity) set(name string, vals []string) {
	if _, ok := it.pending[name]; !ok {
		it.order = append(it.order, name)
	}
	it.pending[name] = vals
}

// setAttribute(name, values): kept until store.
func (it *identity) setAttribute(call goja.FunctionCall) goja.Value {
	it.set(jsvalue.ArgString(call, 0), it.b.values(call.Argument(1)))
	return goja.Undefined()
}

// addAttribute(name, value): adds value to the attribute's values (stored
// or pending), kept until store.
func (it *identity) addAttribute(call goja.FunctionCall) goja.Value {
	name := jsvalue.ArgString(call, 0)
	vals, ok := it.pending[name]
	if !ok {
		vals = it.current(name)
	}
	vals = append(slices.Clip(vals), it.b.values(call.Argument(1))...)
	it.set(name, vals)
	return goja.Undefined()
}

// store writes the pending changes as one patch.
func (it *identity) store(goja.FunctionCall) goja.Value {
	b := it.b
	b.requireBackend()
	if len(it.order) == 0 {
		return goja.Undefined()
	}
	obj := it.b.read(it.coll, it.id)
	if obj == nil {
		b.updateError("the identity %s no longer exists", it.id)
	}
	var ops []openidm.PatchOperation
	for _, name := range it.order {
		vals := it.pending[name]
		switch field, mapped := AttributeNames[name]; {
		case name == "fr-idm-uuid":
			if len(vals) != 1 || vals[0] != it.id {
				b.updateError("fr-idm-uuid cannot change")
			}
		case mapped:
			ops = append(ops, fieldOp(b, field, obj[field], vals)...)
		case name == CustomAttrs:
			ops = append(ops, customOps(b, obj, vals)...)
		default:
			b.updateError("attribute %q is not an attribute of the identity's schema", name)
		}
	}
	if len(ops) > 0 {
		out, err := b.backend.Patch(b.ctx, it.coll, it.id, "", ops, openidm.Opts{})
		if err != nil {
			b.updateError("%v", err)
		}
		if b.idm != nil {
			b.idm.Record("patched", it.coll, it.id, out)
		} else {
			b.changes = append(b.changes, openidm.Change{Action: "patched", Resource: it.coll, ID: it.id, Rev: openidm.RevOf(out)})
		}
	}
	it.pending, it.order = map[string][]string{}, nil
	return goja.Undefined()
}

// fieldOp sets an IDM field to vals: an array field takes them all, any
// other field one value; none removes it.
func fieldOp(b *Instance, field string, old any, vals []string) []openidm.PatchOperation {
	if len(vals) == 0 {
		if old == nil {
			return nil
		}
		return []openidm.PatchOperation{{Operation: "remove", Field: "/" + field}}
	}
	var v any
	if _, isArray := old.([]any); isArray {
		arr := make([]any, len(vals))
		for i, s := range vals {
			arr[i] = s
		}
		v = arr
	} else if len(vals) > 1 {
		b.updateError("attribute for %q is single-valued, got %d values", field, len(vals))
	} else {
		v = vals[0]
	}
	return []openidm.PatchOperation{{Operation: "replace", Field: "/" + field, Value: v, HasValue: true}}
}

// customOps sets the custom properties to the JSON object of vals: the keys
// it has are replaced, custom properties it lacks removed.
func customOps(b *Instance, obj map[string]any, vals []string) []openidm.PatchOperation {
	custom := map[string]any{}
	switch len(vals) {
	case 0:
	case 1:
		if err := json.Unmarshal([]byte(vals[0]), &custom); err != nil || custom == nil {
			b.updateError("%s must be one JSON object string", CustomAttrs)
		}
	default:
		b.updateError("%s must be one JSON object string, got %d values", CustomAttrs, len(vals))
	}
	var ops []openidm.PatchOperation
	for _, k := range slices.Sorted(maps.Keys(custom)) {
		if !isCustom(k) || strings.Contains(k, "/") {
			b.updateError("%s cannot set %q", CustomAttrs, k)
		}
		ops = append(ops, openidm.PatchOperation{Operation: "replace", Field: "/" + k, Value: jsvalue.Normalize(custom[k]), HasValue: true})
	}
	for _, k := range slices.Sorted(maps.Keys(customFields(obj))) {
		if _, kept := custom[k]; !kept {
			ops = append(ops, openidm.PatchOperation{Operation: "remove", Field: "/" + k})
		}
	}
	return ops
}
