package openidm

import (
	"encoding/json"
	"errors"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/bindings/rhinoerr"
)

// resourcePackage is the package of CREST's ResourceException and its
// subclasses, the exceptions an openidm call throws in AIC.
const resourcePackage = "org.forgerock.json.resource."

// exceptionClasses names the ResourceException subclass CREST builds for a
// status code (ResourceException.newResourceException); other codes get an
// UncategorizedException.
var exceptionClasses = map[int]string{
	400: "BadRequestException",
	403: "ForbiddenException",
	404: "NotFoundException",
	409: "ConflictException",
	412: "PreconditionFailedException",
	428: "PreconditionRequiredException",
	500: "InternalServerErrorException",
	501: "NotSupportedException",
	503: "ServiceUnavailableException",
}

// ExceptionClass is the Java class of the ResourceException a failure with
// this status code is in AIC.
func ExceptionClass(code int) string {
	if c, ok := exceptionClasses[code]; ok {
		return resourcePackage + c
	}
	return resourcePackage + "UncategorizedException"
}

// exception is err as the ResourceException AIC throws: a JavaException
// whose e.javaException answers getCode(), getReason(), getDetail(),
// isServerError() and toJsonValue(). A failure that is not IDM's answer (a
// REST back end that cannot reach IDM) is an internal server error whose
// message keeps only the network's complaint.
func exception(err error) *rhinoerr.Exception {
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Code: CodeInternal, Message: rhinoerr.NetworkText(err, "IDM request failed")}
	}
	return &rhinoerr.Exception{
		Class:   ExceptionClass(e.Code),
		Message: e.Message,
		Methods: map[string]func(rt *goja.Runtime) goja.Value{
			"getCode":       func(rt *goja.Runtime) goja.Value { return rt.ToValue(e.Code) },
			"getReason":     func(rt *goja.Runtime) goja.Value { return rt.ToValue(e.Reason()) },
			"isServerError": func(rt *goja.Runtime) goja.Value { return rt.ToValue(e.Code >= 500) },
			"getDetail":     func(rt *goja.Runtime) goja.Value { return jsonValue(rt, e.Detail) },
			"toJsonValue": func(rt *goja.Runtime) goja.Value {
				m := map[string]any{"code": int64(e.Code), "reason": e.Reason(), "message": e.Message}
				if e.Detail != nil {
					m["detail"] = e.Detail
				}
				return jsonValue(rt, m)
			},
		},
	}
}

// jsonValue is v as the JsonValue a ResourceException's getDetail returns:
// a Java object whose getObject() is the value itself (null when IDM sent
// no detail), with isNull(), isDefined(key), get(key) and toString().
func jsonValue(rt *goja.Runtime, v any) goja.Value {
	obj := rt.NewObject()
	jsvalue.Method(rt, obj, "getObject", func(goja.FunctionCall) goja.Value { return jsvalue.ToJS(rt, v) })
	jsvalue.Method(rt, obj, "isNull", func(goja.FunctionCall) goja.Value { return rt.ToValue(v == nil) })
	jsvalue.Method(rt, obj, "isDefined", func(call goja.FunctionCall) goja.Value {
		m, _ := v.(map[string]any)
		_, ok := m[jsvalue.ArgString(call, 0)]
		return rt.ToValue(ok)
	})
	jsvalue.Method(rt, obj, "get", func(call goja.FunctionCall) goja.Value {
		m, _ := v.(map[string]any)
		return jsonValue(rt, m[jsvalue.ArgString(call, 0)])
	})
	jsvalue.Method(rt, obj, "toString", func(goja.FunctionCall) goja.Value {
		text, err := json.Marshal(v)
		if err != nil {
			return rt.ToValue("null")
		}
		return rt.ToValue(string(text))
	})
	return obj
}
