package callbacks

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Binding is the `callbacks` binding (AM's ScriptedCallbacksWrapper): the
// callbacks submitted with this pass, read by type.
var Binding = bindings.Define("callbacks", newInstance)

// A getter reads the submitted callbacks of one type. Each getter returns a
// Java list (get(i), size(), [i]) of one element per callback of its type,
// in submission order, except getHiddenValueCallbacks, a map id → value.
type getter struct {
	method string
	typ    string
	elem   func(cb Callback) any
}

// getters are the getters of spec §5 (with isEmpty, its 21 members), with
// AM's element types.
var getters = []getter{
	{"getNameCallbacks", "NameCallback", func(cb Callback) any { return valueOf(cb.Values()["name"]) }},
	{"getPasswordCallbacks", "PasswordCallback", func(cb Callback) any { return valueOf(cb.Values()["password"]) }},
	{"getTextInputCallbacks", "TextInputCallback", func(cb Callback) any { return str(cb.Values()["text"]) }},
	{"getHiddenValueCallbacks", "HiddenValueCallback", nil}, // a map: see hidden
	{"getChoiceCallbacks", "ChoiceCallback", func(cb Callback) any { return indexes(cb.Values()["selected"]) }},
	{"getConfirmationCallbacks", "ConfirmationCallback", func(cb Callback) any { return toInt(cb.Values()["selected"]) }},
	{"getLanguageCallbacks", "LanguageCallback", func(cb Callback) any { return str(cb.Values()["locale"]) }},
	{"getStringAttributeInputCallbacks", "StringAttributeInputCallback", func(cb Callback) any { return str(cb.Values()["value"]) }},
	{"getNumberAttributeInputCallbacks", "NumberAttributeInputCallback", func(cb Callback) any { return toFloat(cb.Values()["value"]) }},
	{"getBooleanAttributeInputCallbacks", "BooleanAttributeInputCallback", func(cb Callback) any { return toBool(cb.Values()["value"]) }},
	{"getValidatedPasswordCallbacks", "ValidatedCreatePasswordCallback", validated},
	{"getValidatedUsernameCallbacks", "ValidatedCreateUsernameCallback", validated},
	{"getIdpCallbacks", "IdPCallback", idp},
	{"getHttpCallbacks", "HttpCallback", func(cb Callback) any { return str(cb.Values()["authorization"]) }},
	{"getX509CertificateCallbacks", "X509CertificateCallback", func(cb Callback) any {
		v := cb.Values()
		req, _ := cb.OutputValue("requestSignature")
		// A script cannot build an X509Certificate: journeyjs hands the
		// submitted certificate text, or null.
		return map[string]any{"certificate": str(v["certificate"]), "signature": str(v["signature"]), "reqSignature": toBool(req)}
	}},
	{"getConsentMappingCallbacks", "ConsentMappingCallback", func(cb Callback) any { return toBool(cb.Values()["consent"]) }},
	{"getDeviceProfileCallbacks", "DeviceProfileCallback", func(cb Callback) any { return str(cb.Values()["profile"]) }},
	{"getKbaCreateCallbacks", "KbaCreateCallback", func(cb Callback) any {
		v := cb.Values()
		return map[string]any{"selectedQuestion": str(v["selectedQuestion"]), "selectedAnswer": str(v["selectedAnswer"])}
	}},
	{"getSelectIdPCallbacks", "SelectIdPCallback", func(cb Callback) any { return str(cb.Values()["provider"]) }},
	{"getTermsAndConditionsCallbacks", "TermsAndConditionsCallback", func(cb Callback) any { return toBool(cb.Values()["accepted"]) }},
}

// Getters lists the getters' names, in the order of spec §5.
func Getters() []string {
	names := make([]string, len(getters))
	for i, g := range getters {
		names[i] = g.method
	}
	return names
}

type instance struct {
	rt     *goja.Runtime
	freeze goja.Callable
	obj    *goja.Object
	cbs    []Callback
}

func newInstance(vm *bindings.VM) bindings.Instance {
	rt := vm.Runtime
	i := &instance{rt: rt, freeze: jsvalue.Freezer(rt), obj: rt.NewObject()}
	jsvalue.Method(rt, i.obj, "isEmpty", func(goja.FunctionCall) goja.Value { return rt.ToValue(len(i.cbs) == 0) })
	for _, g := range getters {
		jsvalue.Method(rt, i.obj, g.method, func(goja.FunctionCall) goja.Value {
			if g.elem == nil {
				return i.hidden()
			}
			list := []any{}
			for _, cb := range i.cbs {
				if cb.Type == g.typ {
					list = append(list, g.elem(cb))
				}
			}
			return jsvalue.FrozenJavaView(rt, i.freeze, jsvalue.ToJS(rt, list))
		})
	}
	jsvalue.Seal(rt, i.obj)
	return i
}

// hidden is getHiddenValueCallbacks: a map id → submitted value. AM collects
// it with Collectors.toMap, which throws on a duplicate id.
func (i *instance) hidden() goja.Value {
	m := map[string]any{}
	for _, cb := range i.cbs {
		if cb.Type != "HiddenValueCallback" {
			continue
		}
		idv, _ := cb.OutputValue("id")
		id := fmt.Sprint(idv)
		v := cb.Values()["value"]
		if old, dup := m[id]; dup {
			jsvalue.Throw(i.rt, "java.lang.IllegalStateException: Duplicate key %s (attempted merging values %v and %v)", id, old, valueOf(v))
		}
		m[id] = str(v)
	}
	return jsvalue.FrozenJavaView(i.rt, i.freeze, jsvalue.ToJS(i.rt, m))
}

func (i *instance) Value() goja.Value { return i.obj }

// Begin takes the callbacks submitted with this pass.
func (i *instance) Begin(run *bindings.Run) { i.cbs = Submitted.From(run) }

// End drops them.
func (i *instance) End(*bindings.Run) { i.cbs = nil }

func validated(cb Callback) any {
	v := cb.Values()
	return map[string]any{"value": str(v["value"]), "validateOnly": toBool(v["validateOnly"])}
}

func idp(cb Callback) any {
	m := map[string]any{}
	for _, o := range cb.Output {
		m[o.Name] = o.Value
	}
	m["scope"] = m["scopes"]
	delete(m, "scopes")
	v := cb.Values()
	m["token"], m["tokenType"] = str(v["token"]), str(v["tokenType"])
	for _, k := range []string{"nodeName", "userInfo", "requestNativeAppForUserInfo"} {
		if _, ok := m[k]; !ok {
			m[k] = nil
		}
	}
	return m
}

// valueOf is Java's String.valueOf: a missing value is the string "null".
func valueOf(v any) string {
	if v == nil {
		return "null"
	}
	return text(v)
}

// str is a Java String: null stays null.
func str(v any) any {
	if v == nil {
		return nil
	}
	return text(v)
}

func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

func toInt(v any) any {
	switch x := v.(type) {
	case int64:
		return x
	case int:
		return int64(x)
	case float64:
		return int64(x)
	case string:
		if n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64); err == nil {
			return n
		}
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	}
	return nil
}

// indexes is a ChoiceCallback's selected indexes (an int[]): the client
// sends one index, or several for a multiple selection.
func indexes(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, 0, len(x))
		for _, e := range x {
			out = append(out, toInt(e))
		}
		return out
	case string:
		if strings.Contains(x, ",") {
			var out []any
			for _, p := range strings.Split(x, ",") {
				out = append(out, toInt(p))
			}
			return out
		}
	case nil:
		return []any{}
	}
	return []any{toInt(v)}
}

func toFloat(v any) any {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case int:
		return float64(x)
	case float64:
		return x
	case string:
		if f, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil {
			return f
		}
	}
	return nil
}

func toBool(v any) any {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		return strings.EqualFold(strings.TrimSpace(x), "true")
	case nil:
		return nil
	}
	return false
}
