package callbacksbuilder_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/bindings/callbacksbuilder"
)

func newRuntime(t *testing.T) *bindingtest.Runtime {
	return bindingtest.New(t, callbacksbuilder.Binding, callbacks.Binding, action.Binding)
}

// send runs src as a first pass and returns the callbacks it sent.
func send(t *testing.T, r *bindingtest.Runtime, src string) []callbacks.Callback {
	t.Helper()
	r.Begin(bindings.Backends{})
	r.MustRun(src)
	out := r.End()
	require.True(t, r.Run.Sends(), "the pass sends")
	cbs, ok := callbacks.Sent.Lookup(out)
	require.True(t, ok)
	return cbs
}

// answer runs src as the next pass with the callbacks submitted and returns
// its value as JSON.
func answer(t *testing.T, r *bindingtest.Runtime, submitted []callbacks.Callback, src string) string {
	t.Helper()
	r.Begin(bindings.NewBackends(callbacks.Submitted.Value(submitted)))
	v := r.MustRun(src)
	r.End()
	b, err := json.Marshal(v.Export())
	require.NoError(t, err)
	return string(b)
}

// Every callback kind: how it renders, and what its getter reads back
// after the client answers.
func TestEachKindRendersAndReadsBack(t *testing.T) {
	for _, tc := range []struct {
		call   string
		json   string
		reply  string // a callbacks.Reply, as JSON
		read   string // an expression on pass 2
		result string // its value, as JSON
	}{
		{`nameCallback("Name?")`, `{"type":"NameCallback","output":[{"name":"prompt","value":"Name?"}],"input":[{"name":"IDToken1","value":""}]}`,
			`["bjensen"]`, `var l = callbacks.getNameCallbacks(); [l.get(0), l[0], l.size(), l.length]`, `["bjensen","bjensen",1,1]`},
		{`nameCallback("Name?", "bob")`, `{"type":"NameCallback","output":[{"name":"prompt","value":"Name?"}],"input":[{"name":"IDToken1","value":"bob"}]}`,
			`[]`, `callbacks.getNameCallbacks().get(0)`, `"bob"`},
		{`passwordCallback("Password", false)`, `{"type":"PasswordCallback","output":[{"name":"prompt","value":"Password"}],"input":[{"name":"IDToken1","value":""}]}`,
			`["s3cret"]`, `callbacks.getPasswordCallbacks().get(0)`, `"s3cret"`},
		{`textInputCallback("Code")`, `{"type":"TextInputCallback","output":[{"name":"prompt","value":"Code"},{"name":"defaultText","value":""}],"input":[{"name":"IDToken1","value":""}]}`,
			`["1234"]`, `callbacks.getTextInputCallbacks().get(0)`, `"1234"`},
		{`textInputCallback("Code", "0000")`, `{"type":"TextInputCallback","output":[{"name":"prompt","value":"Code"},{"name":"defaultText","value":"0000"}],"input":[{"name":"IDToken1","value":"0000"}]}`,
			`[]`, `callbacks.getTextInputCallbacks().get(0)`, `"0000"`},
		{`textOutputCallback(1, "Careful")`, `{"type":"TextOutputCallback","output":[{"name":"message","value":"Careful"},{"name":"messageType","value":"1"}]}`,
			`[]`, `callbacks.isEmpty()`, `false`},
		{`suspendedTextOutputCallback(0, "Check your mail")`, `{"type":"SuspendedTextOutputCallback","output":[{"name":"message","value":"Check your mail"},{"name":"messageType","value":"0"}]}`,
			`[]`, `callbacks.isEmpty()`, `false`},
		{`scriptTextOutputCallback("alert(1)")`, `{"type":"ScriptTextOutputCallback","output":[{"name":"message","value":"alert(1)"},{"name":"messageType","value":"4"}]}`,
			`[]`, `callbacks.getNameCallbacks().size()`, `0`},
		{`hiddenValueCallback("clientScriptOutputData", "x")`, `{"type":"HiddenValueCallback","output":[{"name":"value","value":"x"},{"name":"id","value":"clientScriptOutputData"}],"input":[{"name":"IDToken1","value":"clientScriptOutputData"}]}`,
			`["{\"a\":1}"]`, `var m = callbacks.getHiddenValueCallbacks(); [m.get("clientScriptOutputData"), m.clientScriptOutputData, m.size()]`, `["{\"a\":1}","{\"a\":1}",1]`},
		{`choiceCallback("Pick", ["red", "green"], 0, false)`, `{"type":"ChoiceCallback","output":[{"name":"prompt","value":"Pick"},{"name":"choices","value":["red","green"]},{"name":"defaultChoice","value":0}],"input":[{"name":"IDToken1","value":0}]}`,
			`[1]`, `var c = callbacks.getChoiceCallbacks(); [c.get(0)[0], c.size(), c.get(0).length]`, `[1,1,1]`},
		{`confirmationCallback(0, ["Yes", "No"], 1)`, `{"type":"ConfirmationCallback","output":[{"name":"prompt","value":""},{"name":"messageType","value":0},{"name":"options","value":["Yes","No"]},{"name":"optionType","value":-1},{"name":"defaultOption","value":1}],"input":[{"name":"IDToken1","value":1}]}`,
			`[0]`, `callbacks.getConfirmationCallbacks().get(0)`, `0`},
		{`confirmationCallback("Sure?", 0, 1, 2)`, `{"type":"ConfirmationCallback","output":[{"name":"prompt","value":"Sure?"},{"name":"messageType","value":0},{"name":"options","value":["Yes","No","Cancel"]},{"name":"optionType","value":1},{"name":"defaultOption","value":2}],"input":[{"name":"IDToken1","value":2}]}`,
			`[]`, `callbacks.getConfirmationCallbacks().get(0)`, `2`},
		{`confirmationCallback(0, 2, 3)`, `{"type":"ConfirmationCallback","output":[{"name":"prompt","value":""},{"name":"messageType","value":0},{"name":"options","value":["OK","Cancel"]},{"name":"optionType","value":2},{"name":"defaultOption","value":3}],"input":[{"name":"IDToken1","value":3}]}`,
			`[]`, `callbacks.getConfirmationCallbacks().get(0)`, `3`},
		{`confirmationCallback("Go?", 1, ["Go", "Stop"], 0)`, `{"type":"ConfirmationCallback","output":[{"name":"prompt","value":"Go?"},{"name":"messageType","value":1},{"name":"options","value":["Go","Stop"]},{"name":"optionType","value":-1},{"name":"defaultOption","value":0}],"input":[{"name":"IDToken1","value":0}]}`,
			`["1"]`, `callbacks.getConfirmationCallbacks().get(0)`, `1`},
		{`redirectCallback("https://idp.example.com/a", {x: "1"}, "POST")`, `{"type":"RedirectCallback","output":[{"name":"redirectUrl","value":"https://idp.example.com/a"},{"name":"redirectMethod","value":"POST"},{"name":"trackingCookie","value":false},{"name":"redirectData","value":{"x":"1"}}]}`,
			`[]`, `callbacks.isEmpty()`, `false`},
		{`redirectCallback("https://a", null, "GET", true)`, `{"type":"RedirectCallback","output":[{"name":"redirectUrl","value":"https://a"},{"name":"redirectMethod","value":"GET"},{"name":"trackingCookie","value":true},{"name":"redirectData","value":{}}]}`,
			`[]`, `1`, `1`},
		{`redirectCallback("https://a", {}, "GET", "status", "cookie")`, `{"type":"RedirectCallback","output":[{"name":"redirectUrl","value":"https://a"},{"name":"redirectMethod","value":"GET"},{"name":"trackingCookie","value":false},{"name":"redirectData","value":{}}]}`,
			`[]`, `1`, `1`},
		{`redirectCallback("https://a", {}, "GET", "status", "cookie", true)`, `{"type":"RedirectCallback","output":[{"name":"redirectUrl","value":"https://a"},{"name":"redirectMethod","value":"GET"},{"name":"trackingCookie","value":true},{"name":"redirectData","value":{}}]}`,
			`[]`, `1`, `1`},
		{`metadataCallback({stage: "one", n: 2})`, `{"type":"MetadataCallback","output":[{"name":"data","value":{"n":2,"stage":"one"}}]}`,
			`[]`, `1`, `1`},
		{`stringAttributeInputCallback("mail", "Email", "a@b", true)`, `{"type":"StringAttributeInputCallback","output":[{"name":"name","value":"mail"},{"name":"prompt","value":"Email"},{"name":"required","value":true},{"name":"policies","value":{}},{"name":"failedPolicies","value":[]},{"name":"validateOnly","value":false},{"name":"value","value":"a@b"}],"input":[{"name":"IDToken1","value":"a@b"},{"name":"IDToken1validateOnly","value":false}]}`,
			`["c@d"]`, `callbacks.getStringAttributeInputCallbacks().get(0)`, `"c@d"`},
		{`stringAttributeInputCallback("mail", "Email", "", true, ["bad"])`, `{"type":"StringAttributeInputCallback","output":[{"name":"name","value":"mail"},{"name":"prompt","value":"Email"},{"name":"required","value":true},{"name":"policies","value":{}},{"name":"failedPolicies","value":["bad"]},{"name":"validateOnly","value":false},{"name":"value","value":""}],"input":[{"name":"IDToken1","value":""},{"name":"IDToken1validateOnly","value":false}]}`,
			`[{"value": "x", "validateOnly": true}]`, `callbacks.getStringAttributeInputCallbacks().get(0)`, `"x"`},
		{`numberAttributeInputCallback("age", "Age", 30, false, {p: 1}, true)`, `{"type":"NumberAttributeInputCallback","output":[{"name":"name","value":"age"},{"name":"prompt","value":"Age"},{"name":"required","value":false},{"name":"policies","value":{"p":1}},{"name":"failedPolicies","value":[]},{"name":"validateOnly","value":true},{"name":"value","value":30}],"input":[{"name":"IDToken1","value":30},{"name":"IDToken1validateOnly","value":false}]}`,
			`[42.5]`, `callbacks.getNumberAttributeInputCallbacks().get(0)`, `42.5`},
		{`booleanAttributeInputCallback("ok", "OK?", false, true, {}, false, [])`, `{"type":"BooleanAttributeInputCallback","output":[{"name":"name","value":"ok"},{"name":"prompt","value":"OK?"},{"name":"required","value":true},{"name":"policies","value":{}},{"name":"failedPolicies","value":[]},{"name":"validateOnly","value":false},{"name":"value","value":false}],"input":[{"name":"IDToken1","value":false},{"name":"IDToken1validateOnly","value":false}]}`,
			`[true]`, `callbacks.getBooleanAttributeInputCallbacks().get(0)`, `true`},
		{`languageCallback("en", "GB")`, `{"type":"LanguageCallback","output":[{"name":"language","value":"en"},{"name":"country","value":"GB"}],"input":[{"name":"IDToken1","value":"en_GB"}]}`,
			`[]`, `callbacks.getLanguageCallbacks().get(0)`, `"en_GB"`},
		{`idPCallback("google", "cid", "https://r", ["openid"], "n", null, null, [], false)`, `{"type":"IdPCallback","output":[{"name":"provider","value":"google"},{"name":"clientId","value":"cid"},{"name":"redirectUri","value":"https://r"},{"name":"scopes","value":["openid"]},{"name":"nonce","value":"n"},{"name":"acrValues","value":[]},{"name":"request","value":null},{"name":"requestUri","value":null}],"input":[{"name":"IDToken1token","value":""},{"name":"IDToken1token_type","value":""}]}`,
			`[{"token": "eyJ", "token_type": "id_token"}]`, `var m = callbacks.getIdpCallbacks().get(0); [m.provider, m.token, m.tokenType, m.get("scope").get(0)]`, `["google","eyJ","id_token","openid"]`},
		{`idPCallback("g", "c", "r", [], null, null, null, [], true, "t0", "access_token")`, `{"type":"IdPCallback","output":[{"name":"provider","value":"g"},{"name":"clientId","value":"c"},{"name":"redirectUri","value":"r"},{"name":"scopes","value":[]},{"name":"nonce","value":null},{"name":"acrValues","value":[]},{"name":"request","value":null},{"name":"requestUri","value":null}],"input":[{"name":"IDToken1token","value":"t0"},{"name":"IDToken1token_type","value":"access_token"}]}`,
			`[]`, `callbacks.getIdpCallbacks().get(0).token`, `"t0"`},
		{`pollingWaitCallback("5000", "Waiting…")`, `{"type":"PollingWaitCallback","output":[{"name":"waitTime","value":"5000"},{"name":"message","value":"Waiting…"}]}`,
			`[]`, `1`, `1`},
		{`validatedPasswordCallback("Password", false, {policyRequirements: []}, false)`, `{"type":"ValidatedCreatePasswordCallback","output":[{"name":"echoOn","value":false},{"name":"policies","value":{"policyRequirements":[]}},{"name":"failedPolicies","value":[]},{"name":"validateOnly","value":false},{"name":"prompt","value":"Password"}],"input":[{"name":"IDToken1","value":""},{"name":"IDToken1validateOnly","value":false}]}`,
			`[{"value": "pw", "validateOnly": true}]`, `var m = callbacks.getValidatedPasswordCallbacks().get(0); [m.value, m.validateOnly, m.get("value")]`, `["pw",true,"pw"]`},
		{`validatedUsernameCallback("User", {}, false, ["UNIQUE"])`, `{"type":"ValidatedCreateUsernameCallback","output":[{"name":"policies","value":{}},{"name":"failedPolicies","value":["UNIQUE"]},{"name":"validateOnly","value":false},{"name":"prompt","value":"User"}],"input":[{"name":"IDToken1","value":""},{"name":"IDToken1validateOnly","value":false}]}`,
			`["bob"]`, `var m = callbacks.getValidatedUsernameCallbacks().get(0); [m.value, m.validateOnly]`, `["bob",false]`},
		{`httpCallback("Authorization", "WWW-Authenticate", "401")`, `{"type":"HttpCallback","output":[{"name":"authorizationHeader","value":"Authorization"},{"name":"negotiationHeader","value":"WWW-Authenticate"},{"name":"errorCode","value":"401"}],"input":[{"name":"IDToken1","value":""}]}`,
			`["Negotiate abc"]`, `callbacks.getHttpCallbacks().get(0)`, `"Negotiate abc"`},
		{`httpCallback("Authorization", "WWW-Authenticate", "Negotiate", 401)`, `{"type":"HttpCallback","output":[{"name":"authorizationHeader","value":"Authorization"},{"name":"negotiationHeader","value":"WWW-Authenticate:Negotiate"},{"name":"errorCode","value":"401"}],"input":[{"name":"IDToken1","value":""}]}`,
			`[]`, `callbacks.getHttpCallbacks().get(0)`, `""`},
		{`x509CertificateCallback("Certificate", null, true)`, `{"type":"X509CertificateCallback","output":[{"name":"prompt","value":"Certificate"},{"name":"requestSignature","value":true}],"input":[{"name":"IDToken1","value":""},{"name":"IDToken1signature","value":""}]}`,
			`[{"certificate": "MIIB", "signature": "sig"}]`, `var m = callbacks.getX509CertificateCallbacks().get(0); [m.certificate, m.signature, m.reqSignature]`, `["MIIB","sig",true]`},
		{`consentMappingCallback({name: "n", displayName: "d", icon: "i", accessLevel: "a", fields: ["f"]}, "Share?", true)`, `{"type":"ConsentMappingCallback","output":[{"name":"name","value":"n"},{"name":"displayName","value":"d"},{"name":"icon","value":"i"},{"name":"accessLevel","value":"a"},{"name":"isRequired","value":true},{"name":"message","value":"Share?"},{"name":"fields","value":["f"]}],"input":[{"name":"IDToken1","value":false}]}`,
			`[true]`, `callbacks.getConsentMappingCallbacks().get(0)`, `true`},
		{`consentMappingCallback("n", "d", "i", "a", ["t"], "Share?", false)`, `{"type":"ConsentMappingCallback","output":[{"name":"name","value":"n"},{"name":"displayName","value":"d"},{"name":"icon","value":"i"},{"name":"accessLevel","value":"a"},{"name":"isRequired","value":false},{"name":"message","value":"Share?"},{"name":"fields","value":["t"]}],"input":[{"name":"IDToken1","value":false}]}`,
			`[]`, `callbacks.getConsentMappingCallbacks().get(0)`, `false`},
		{`deviceProfileCallback(true, false, "Collecting")`, `{"type":"DeviceProfileCallback","output":[{"name":"metadata","value":true},{"name":"location","value":false},{"name":"message","value":"Collecting"}],"input":[{"name":"IDToken1","value":""}]}`,
			`["{\"identifier\":\"x\"}"]`, `JSON.parse(callbacks.getDeviceProfileCallbacks().get(0)).identifier`, `"x"`},
		{`kbaCreateCallback("Security question", ["Pet?"], true)`, `{"type":"KbaCreateCallback","output":[{"name":"prompt","value":"Security question"},{"name":"predefinedQuestions","value":["Pet?"]},{"name":"allowUserDefinedQuestions","value":true}],"input":[{"name":"IDToken1question","value":""},{"name":"IDToken1answer","value":""}]}`,
			`[{"question": "Pet?", "answer": "Rex"}]`, `var m = callbacks.getKbaCreateCallbacks().get(0); [m.selectedQuestion, m.selectedAnswer]`, `["Pet?","Rex"]`},
		{`selectIdPCallback([{provider: "google"}, {provider: "localAuthentication"}])`, `{"type":"SelectIdPCallback","output":[{"name":"providers","value":[{"provider":"google"},{"provider":"localAuthentication"}]}],"input":[{"name":"IDToken1","value":""}]}`,
			`["google"]`, `callbacks.getSelectIdPCallbacks().get(0)`, `"google"`},
		{`termsAndConditionsCallback("1.0", "Be nice", "2024-01-01")`, `{"type":"TermsAndConditionsCallback","output":[{"name":"version","value":"1.0"},{"name":"terms","value":"Be nice"},{"name":"createDate","value":"2024-01-01"}],"input":[{"name":"IDToken1","value":false}]}`,
			`[true]`, `callbacks.getTermsAndConditionsCallbacks().get(0)`, `true`},
	} {
		t.Run(tc.call, func(t *testing.T) {
			r := newRuntime(t)
			sent := send(t, r, "callbacksBuilder."+tc.call)
			require.Len(t, sent, 1)
			got, err := json.Marshal(sent[0])
			require.NoError(t, err)
			assert.JSONEq(t, tc.json, string(got))
			var reply callbacks.Reply
			require.NoError(t, json.Unmarshal([]byte(tc.reply), &reply))
			submitted, err := callbacks.Fill(sent, reply)
			require.NoError(t, err)
			assert.JSONEq(t, tc.result, answer(t, r, submitted, tc.read))
		})
	}
}

func TestEveryMethodAndShapeIsCovered(t *testing.T) {
	assert.Len(t, callbacksbuilder.Methods(), 26)
	assert.Len(t, callbacks.Getters(), 20, "with isEmpty, the 21 members of spec §5")
	for typ, s := range callbacks.Shapes {
		assert.NotEmpty(t, s.Source, typ)
	}
}

func TestInputsAreNumberedByPosition(t *testing.T) {
	r := newRuntime(t)
	sent := send(t, r, `callbacksBuilder.textOutputCallback(0, "Hi");
		callbacksBuilder.nameCallback("User");
		callbacksBuilder.kbaCreateCallback("Q", [], true);
		callbacksBuilder.passwordCallback("Password", false)`)
	var names []string
	for _, cb := range sent {
		for _, in := range cb.Input {
			names = append(names, in.Name)
		}
	}
	assert.Equal(t, []string{"IDToken2", "IDToken3question", "IDToken3answer", "IDToken4"}, names)

	var byName callbacks.Reply
	require.NoError(t, json.Unmarshal([]byte(`{"IDToken2": "bob", "IDToken4": "pw", "IDToken3answer": "a"}`), &byName))
	sub, err := callbacks.Fill(sent, byName)
	require.NoError(t, err)
	assert.JSONEq(t, `["bob","pw","a"]`, answer(t, r, sub, `[callbacks.getNameCallbacks()[0], callbacks.getPasswordCallbacks()[0], callbacks.getKbaCreateCallbacks()[0].selectedAnswer]`))

	_, err = callbacks.Fill(sent, callbacks.Reply{List: []any{"a", map[string]any{}, "c", "d"}})
	assert.ErrorContains(t, err, "4 value(s) for 3 callback(s)")
	_, err = callbacks.Fill(sent, callbacks.Reply{ByName: map[string]any{"IDToken1": "x"}})
	assert.ErrorContains(t, err, "no callback has an input IDToken1")
}

func TestCallbacksWinOverGoTo(t *testing.T) {
	r := newRuntime(t)
	r.Begin(bindings.Backends{})
	r.MustRun(`callbacksBuilder.nameCallback("User"); action.goTo("true")`)
	r.End()
	assert.True(t, r.Run.Sends())

	r.Begin(bindings.Backends{})
	r.MustRun(`action.goTo("true")`)
	out := r.End()
	assert.False(t, r.Run.Sends())
	_, sent := callbacks.Sent.Lookup(out)
	assert.False(t, sent, "a pass that queues nothing sends nothing")
}

func TestMissingValuesAreTheStringNull(t *testing.T) {
	r := newRuntime(t)
	sub := []callbacks.Callback{
		{Type: "NameCallback", Output: []callbacks.NameValue{{Name: "prompt", Value: "User"}}, Input: []callbacks.NameValue{{Name: "IDToken1", Value: nil}}},
		{Type: "PasswordCallback", Output: []callbacks.NameValue{{Name: "prompt", Value: "Password"}}},
		{Type: "TextInputCallback", Output: []callbacks.NameValue{{Name: "prompt", Value: "T"}}},
	}
	assert.Equal(t, `["null","null",null]`, answer(t, r, sub,
		`[callbacks.getNameCallbacks().get(0), callbacks.getPasswordCallbacks().get(0), callbacks.getTextInputCallbacks().get(0)]`))
	r.Begin(bindings.Backends{})
	assert.Equal(t, true, r.MustRun(`callbacks.isEmpty() && callbacks.getNameCallbacks().size() === 0`).Export(), "the first pass has no callbacks")
	r.End()
}

func TestDuplicateHiddenIDsThrowAsCollectorsToMap(t *testing.T) {
	r := newRuntime(t)
	sent := send(t, r, `callbacksBuilder.hiddenValueCallback("a", "1"); callbacksBuilder.hiddenValueCallback("a", "2")`)
	r.Begin(bindings.NewBackends(callbacks.Submitted.Value(sent)))
	_, err := r.RunScript(`callbacks.getHiddenValueCallbacks()`)
	r.End()
	assert.ErrorContains(t, err, "Duplicate key a")
}

func TestArgumentChecks(t *testing.T) {
	for call, want := range map[string]string{
		`nameCallback("")`:                                                "IllegalArgumentException: NameCallback: prompt is null or empty",
		`nameCallback(null)`:                                              "NameCallback: prompt is null or empty",
		`nameCallback("User", "")`:                                        "NameCallback: defaultName is null or empty",
		`nameCallback()`:                                                  "Can't find method org.forgerock.openam.auth.nodes.script.ScriptedCallbacksBuilder.nameCallback().",
		`nameCallback("a", "b", "c")`:                                     "nameCallback(string,string,string).",
		`passwordCallback("")`:                                            "passwordCallback(string).",
		`passwordCallback("", true)`:                                      "PasswordCallback: prompt is null or empty",
		`textInputCallback("", "x")`:                                      "TextInputCallback: prompt is null or empty",
		`textOutputCallback(3, "x")`:                                      "TextOutputCallback: messageType 3 is not INFORMATION (0), WARNING (1) or ERROR (2)",
		`textOutputCallback(0, "")`:                                       "TextOutputCallback: message is null or empty",
		`suspendedTextOutputCallback(-1, "x")`:                            "SuspendedTextOutputCallback: messageType -1",
		`scriptTextOutputCallback("")`:                                    "ScriptTextOutputCallback: script is null or empty",
		`choiceCallback("Pick", ["a"], 1, false)`:                         "ChoiceCallback: defaultChoice 1 is not an index of the 1 choices",
		`choiceCallback("Pick", [], 0, false)`:                            "ChoiceCallback: choices is null or empty",
		`choiceCallback("", ["a"], 0, false)`:                             "ChoiceCallback: prompt is null or empty",
		`choiceCallback("Pick", ["a", ""], 0, false)`:                     "ChoiceCallback: choice 1 is null or empty",
		`choiceCallback("Pick", "a", 0, false)`:                           "Cannot convert a to java.util.List",
		`confirmationCallback(0, 0, 3)`:                                   "ConfirmationCallback: defaultOption 3 is not one of the options of optionType 0",
		`confirmationCallback(0, 7, 0)`:                                   "ConfirmationCallback: optionType 7 is not YES_NO_OPTION",
		`confirmationCallback(5, ["a"], 0)`:                               "ConfirmationCallback: messageType 5",
		`confirmationCallback(0, ["a"], 1)`:                               "ConfirmationCallback: defaultOption 1 is not an index of the 1 options",
		`confirmationCallback("", 0, ["a"], 0)`:                           "ConfirmationCallback: prompt is null or empty",
		`confirmationCallback("P", 0, [], 0)`:                             "ConfirmationCallback: options is null or empty",
		`hiddenValueCallback("", "v")`:                                    "HiddenValueCallback: id is null or empty",
		`kbaCreateCallback("", [], false)`:                                "KbaCreateCallback: prompt is null or empty",
		`x509CertificateCallback("")`:                                     "X509CertificateCallback: prompt is null or empty",
		`idPCallback("g","c","r",[],"n",null,null,[],false,"t","bearer")`: `IdPCallback: tokenType "bearer" is not id_token`,
	} {
		t.Run(call, func(t *testing.T) {
			r := newRuntime(t)
			r.Begin(bindings.Backends{})
			_, err := r.RunScript("callbacksBuilder." + call)
			r.End()
			require.Error(t, err)
			assert.Contains(t, err.Error(), want)
			assert.False(t, r.Run.Sends(), "a failed call queues nothing")
		})
	}
}

func TestTheBuilderIsFrozen(t *testing.T) {
	r := newRuntime(t)
	r.Begin(bindings.Backends{})
	v := r.MustRun(`"use strict"; var ok = false; try { callbacksBuilder.nameCallback = 1 } catch (e) { ok = true }; ok && Object.isFrozen(callbacks)`)
	r.End()
	assert.Equal(t, true, v.Export())
	assert.True(t, strings.HasPrefix(callbacksbuilder.Methods()[0], "textOutput"))
}
