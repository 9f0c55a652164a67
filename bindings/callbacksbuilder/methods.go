package callbacksbuilder

import "fmt"

// JDK javax.security.auth.callback constants.
const (
	information = 0
	warning     = 1
	errorType   = 2

	yesNo       = 0
	yesNoCancel = 1
	okCancel    = 2
	unspecified = -1

	yes    = 0
	no     = 1
	cancel = 2
	ok     = 3
)

// methods are the builder's methods (spec §4), each with AM's overloads.
var methods = []method{
	{name: "textOutputCallback", typ: "TextOutputCallback", overloads: []overload{
		ov(textOutput("TextOutputCallback"), p("messageType", kInt), p("message", kString))}},
	{name: "suspendedTextOutputCallback", typ: "SuspendedTextOutputCallback", overloads: []overload{
		ov(textOutput("SuspendedTextOutputCallback"), p("messageType", kInt), p("message", kString))}},
	{name: "hiddenValueCallback", typ: "HiddenValueCallback", overloads: []overload{
		ov(func(f map[string]any) string { return nonEmpty(f, "HiddenValueCallback", "id") }, p("id", kString), p("value", kString))}},
	{name: "choiceCallback", typ: "ChoiceCallback", overloads: []overload{
		ov(choice, p("prompt", kString), p("choices", kStrings), p("defaultChoice", kInt), p("multipleSelectionsAllowed", kBool))}},
	{name: "nameCallback", typ: "NameCallback", overloads: []overload{
		ov(func(f map[string]any) string { return nonEmpty(f, "NameCallback", "prompt") }, p("prompt", kString)),
		ov(func(f map[string]any) string { return nonEmpty(f, "NameCallback", "prompt", "defaultName") }, p("prompt", kString), p("defaultName", kString)),
	}},
	{name: "passwordCallback", typ: "PasswordCallback", overloads: []overload{
		ov(func(f map[string]any) string { return nonEmpty(f, "PasswordCallback", "prompt") }, p("prompt", kString), p("echoOn", kBool))}},
	{name: "textInputCallback", typ: "TextInputCallback", overloads: []overload{
		ov(func(f map[string]any) string {
			f["defaultText"] = ""
			return nonEmpty(f, "TextInputCallback", "prompt")
		}, p("prompt", kString)),
		ov(func(f map[string]any) string { return nonEmpty(f, "TextInputCallback", "prompt", "defaultText") }, p("prompt", kString), p("defaultText", kString)),
	}},
	{name: "scriptTextOutputCallback", typ: "ScriptTextOutputCallback", overloads: []overload{
		ov(func(f map[string]any) string {
			f["message"], f["messageType"] = f["script"], 4
			return nonEmpty(f, "ScriptTextOutputCallback", "script")
		}, p("script", kString))}},
	{name: "redirectCallback", typ: "RedirectCallback", overloads: []overload{
		ov(redirect, p("redirectUrl", kString), p("redirectData", kObject), p("redirectMethod", kString)),
		ov(redirect, p("redirectUrl", kString), p("redirectData", kObject), p("redirectMethod", kString), p("trackingCookie", kBool)),
		ov(redirect, p("redirectUrl", kString), p("redirectData", kObject), p("redirectMethod", kString), p("statusParameter", kString), p("redirectBackUrlCookie", kString)),
		ov(redirect, p("redirectUrl", kString), p("redirectData", kObject), p("redirectMethod", kString), p("statusParameter", kString), p("redirectBackUrlCookie", kString), p("trackingCookie", kBool)),
	}},
	{name: "metadataCallback", typ: "MetadataCallback", overloads: []overload{ov(nil, p("data", kObject))}},
	attributeInput("stringAttributeInputCallback", "StringAttributeInputCallback", kString),
	attributeInput("numberAttributeInputCallback", "NumberAttributeInputCallback", kDouble),
	attributeInput("booleanAttributeInputCallback", "BooleanAttributeInputCallback", kBoolean),
	{name: "confirmationCallback", typ: "ConfirmationCallback", overloads: []overload{
		ov(confirmation(false), p("messageType", kInt), p("optionType", kInt), p("defaultOption", kInt)),
		ov(confirmation(false), p("messageType", kInt), p("options", kStrings), p("defaultOption", kInt)),
		ov(confirmation(true), p("prompt", kString), p("messageType", kInt), p("optionType", kInt), p("defaultOption", kInt)),
		ov(confirmation(true), p("prompt", kString), p("messageType", kInt), p("options", kStrings), p("defaultOption", kInt)),
	}},
	{name: "languageCallback", typ: "LanguageCallback", overloads: []overload{
		ov(func(f map[string]any) string {
			// Locale.toString: language_COUNTRY, or the language alone.
			l, _ := f["language"].(string)
			if c, _ := f["country"].(string); c != "" {
				l += "_" + c
			}
			f["locale"] = l
			return ""
		}, p("language", kString), p("country", kString))}},
	{name: "idPCallback", typ: "IdPCallback", overloads: []overload{
		ov(idp, p("provider", kString), p("clientId", kString), p("redirectUri", kString), p("scopes", kStrings), p("nonce", kString),
			p("request", kString), p("requestUri", kString), p("acrValues", kStrings), p("requestNativeAppForUserInfo", kBool)),
		ov(idp, p("provider", kString), p("clientId", kString), p("redirectUri", kString), p("scopes", kStrings), p("nonce", kString),
			p("request", kString), p("requestUri", kString), p("acrValues", kStrings), p("requestNativeAppForUserInfo", kBool),
			p("token", kString), p("tokenType", kString)),
	}},
	{name: "pollingWaitCallback", typ: "PollingWaitCallback", overloads: []overload{
		ov(nil, p("waitTime", kString), p("message", kString))}},
	{name: "validatedPasswordCallback", typ: "ValidatedCreatePasswordCallback", overloads: []overload{
		ov(validated, p("prompt", kString), p("echoOn", kBool), p("policies", kObject), p("validateOnly", kBoolean)),
		ov(validated, p("prompt", kString), p("echoOn", kBool), p("policies", kObject), p("validateOnly", kBoolean), p("failedPolicies", kStrings)),
	}},
	{name: "validatedUsernameCallback", typ: "ValidatedCreateUsernameCallback", overloads: []overload{
		ov(validated, p("prompt", kString), p("policies", kObject), p("validateOnly", kBoolean)),
		ov(validated, p("prompt", kString), p("policies", kObject), p("validateOnly", kBoolean), p("failedPolicies", kStrings)),
	}},
	{name: "httpCallback", typ: "HttpCallback", overloads: []overload{
		ov(nil, p("authorizationHeader", kString), p("negotiationHeader", kString), p("errorCode", kString)),
		ov(func(f map[string]any) string {
			f["negotiationHeader"] = fmt.Sprintf("%v:%v", f["negotiationName"], f["negotiationValue"])
			f["errorCode"] = fmt.Sprint(f["errorCodeInt"])
			return ""
		}, p("authorizationHeader", kString), p("negotiationName", kString), p("negotiationValue", kString), p("errorCodeInt", kInt)),
	}},
	{name: "x509CertificateCallback", typ: "X509CertificateCallback", overloads: []overload{
		ov(x509, p("prompt", kString)),
		ov(x509, p("prompt", kString), p("certificate", kObject)),
		ov(x509, p("prompt", kString), p("certificate", kObject), p("requestSignature", kBool)),
	}},
	{name: "consentMappingCallback", typ: "ConsentMappingCallback", overloads: []overload{
		ov(func(f map[string]any) string {
			cfg, _ := f["config"].(map[string]any)
			for _, k := range []string{"name", "displayName", "icon", "accessLevel"} {
				f[k] = cfg[k]
			}
			f["fields"] = orList(cfg["fields"])
			return ""
		}, p("config", kObject), p("message", kString), p("isRequired", kBoolean)),
		ov(func(f map[string]any) string {
			f["fields"] = orList(f["titles"])
			return ""
		}, p("name", kString), p("displayName", kString), p("icon", kString), p("accessLevel", kString), p("titles", kStrings),
			p("message", kString), p("isRequired", kBoolean)),
	}},
	{name: "deviceProfileCallback", typ: "DeviceProfileCallback", overloads: []overload{
		ov(nil, p("metadata", kBoolean), p("location", kBoolean), p("message", kString))}},
	{name: "kbaCreateCallback", typ: "KbaCreateCallback", overloads: []overload{
		ov(func(f map[string]any) string {
			f["predefinedQuestions"] = orList(f["predefinedQuestions"])
			return nonEmpty(f, "KbaCreateCallback", "prompt")
		}, p("prompt", kString), p("predefinedQuestions", kStrings), p("allowUserDefinedQuestions", kBool))}},
	{name: "selectIdPCallback", typ: "SelectIdPCallback", overloads: []overload{ov(nil, p("providers", kObject))}},
	{name: "termsAndConditionsCallback", typ: "TermsAndConditionsCallback", overloads: []overload{
		ov(nil, p("version", kString), p("terms", kString), p("createDate", kString))}},
}

// nonEmpty checks, as the JDK callbacks do, that each named value is
// neither null nor empty.
func nonEmpty(f map[string]any, typ string, names ...string) string {
	for _, n := range names {
		if s, _ := f[n].(string); s == "" {
			return fmt.Sprintf("%s: %s is null or empty", typ, n)
		}
	}
	return ""
}

func textOutput(typ string) func(map[string]any) string {
	return func(f map[string]any) string {
		if mt := f["messageType"].(int64); mt != information && mt != warning && mt != errorType {
			return fmt.Sprintf("%s: messageType %d is not INFORMATION (0), WARNING (1) or ERROR (2)", typ, mt)
		}
		return nonEmpty(f, typ, "message")
	}
}

func choice(f map[string]any) string {
	if msg := nonEmpty(f, "ChoiceCallback", "prompt"); msg != "" {
		return msg
	}
	choices, _ := f["choices"].([]any)
	if len(choices) == 0 {
		return "ChoiceCallback: choices is null or empty"
	}
	for i, c := range choices {
		if s, _ := c.(string); s == "" {
			return fmt.Sprintf("ChoiceCallback: choice %d is null or empty", i)
		}
	}
	if d := f["defaultChoice"].(int64); d < 0 || d >= int64(len(choices)) {
		return fmt.Sprintf("ChoiceCallback: defaultChoice %d is not an index of the %d choices", d, len(choices))
	}
	return ""
}

func redirect(f map[string]any) string {
	if _, ok := f["trackingCookie"]; !ok {
		f["trackingCookie"] = false
	}
	if f["redirectData"] == nil {
		f["redirectData"] = map[string]any{}
	}
	return ""
}

func attributeInput(name, typ string, value kind) method {
	base := []param{p("name", kString), p("prompt", kString), p("value", value), p("required", kBoolean)}
	with := func(ps ...param) []param { return append(append([]param(nil), base...), ps...) }
	check := func(f map[string]any) string {
		if _, ok := f["policies"]; !ok {
			f["policies"] = map[string]any{}
		}
		if _, ok := f["validateOnly"]; !ok {
			f["validateOnly"] = false
		}
		f["failedPolicies"] = orList(f["failedPolicies"])
		return ""
	}
	return method{name: name, typ: typ, overloads: []overload{
		{base, check},
		{with(p("failedPolicies", kStrings)), check},
		{with(p("policies", kObject), p("validateOnly", kBoolean)), check},
		{with(p("policies", kObject), p("validateOnly", kBoolean), p("failedPolicies", kStrings)), check},
	}}
}

// confirmation checks as javax.security.auth.callback.ConfirmationCallback
// does. With an optionType the options shown are the JDK's labels for it
// (AM's rendering of that case is unverified); with options the optionType
// is UNSPECIFIED_OPTION (-1).
func confirmation(withPrompt bool) func(map[string]any) string {
	return func(f map[string]any) string {
		const typ = "ConfirmationCallback"
		if withPrompt {
			if msg := nonEmpty(f, typ, "prompt"); msg != "" {
				return msg
			}
		} else {
			f["prompt"] = ""
		}
		if mt := f["messageType"].(int64); mt != information && mt != warning && mt != errorType {
			return fmt.Sprintf("%s: messageType %d is not INFORMATION (0), WARNING (1) or ERROR (2)", typ, mt)
		}
		def := f["defaultOption"].(int64)
		if opts, given := f["options"]; given {
			list, _ := opts.([]any)
			if len(list) == 0 {
				return typ + ": options is null or empty"
			}
			for i, o := range list {
				if s, _ := o.(string); s == "" {
					return fmt.Sprintf("%s: option %d is null or empty", typ, i)
				}
			}
			if def < 0 || def >= int64(len(list)) {
				return fmt.Sprintf("%s: defaultOption %d is not an index of the %d options", typ, def, len(list))
			}
			f["optionType"] = unspecified
			return ""
		}
		var labels []any
		var valid []int64
		switch f["optionType"].(int64) {
		case yesNo:
			labels, valid = []any{"Yes", "No"}, []int64{yes, no}
		case yesNoCancel:
			labels, valid = []any{"Yes", "No", "Cancel"}, []int64{yes, no, cancel}
		case okCancel:
			labels, valid = []any{"OK", "Cancel"}, []int64{ok, cancel}
		default:
			return fmt.Sprintf("%s: optionType %d is not YES_NO_OPTION (0), YES_NO_CANCEL_OPTION (1) or OK_CANCEL_OPTION (2)", typ, f["optionType"])
		}
		found := false
		for _, v := range valid {
			found = found || v == def
		}
		if !found {
			return fmt.Sprintf("%s: defaultOption %d is not one of the options of optionType %d (YES 0, NO 1, CANCEL 2, OK 3)", typ, def, f["optionType"])
		}
		f["options"] = labels
		return ""
	}
}

func idp(f map[string]any) string {
	f["scopes"], f["acrValues"] = orList(f["scopes"]), orList(f["acrValues"])
	if tt, given := f["tokenType"].(string); given {
		switch tt {
		case "id_token", "access_token", "authorization_code":
		default:
			return fmt.Sprintf("IdPCallback: tokenType %q is not id_token, access_token or authorization_code", tt)
		}
	}
	return ""
}

func validated(f map[string]any) string {
	if f["validateOnly"] == nil {
		f["validateOnly"] = false
	}
	if f["policies"] == nil {
		f["policies"] = map[string]any{}
	}
	f["failedPolicies"] = orList(f["failedPolicies"])
	return ""
}

func x509(f map[string]any) string {
	if _, ok := f["requestSignature"]; !ok {
		f["requestSignature"] = false
	}
	return nonEmpty(f, "X509CertificateCallback", "prompt")
}

func orList(v any) any {
	if v == nil {
		return []any{}
	}
	return v
}
