package runtime_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/secrets"
	"github.com/journeyjs/journeyjs/bindings/systemenv"
	"github.com/journeyjs/journeyjs/runtime"
)

func TestActionMethodsChainAndRecord(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	res := run(t, e, `
		action.withHeader("Response code: 200");
		action.goTo("true")
			.withDescription("all good")
			.withErrorMessage("err text")
			.withLockoutMessage("locked text")
			.withIdentifiedUser("bjensen")
			.withStage("stage-1")
			.putSessionProperty("k1", "v1")
			.putSessionProperty("k2", "v2")
			.removeSessionProperty("k2");`, runtime.Input{})
	assert.Equal(t, "true", res.Outcome)
	assert.Equal(t, []string{"Response code: 200"}, action.Headers.Get(res.Outputs))
	assert.Equal(t, "all good", action.Description.Get(res.Outputs))
	assert.Equal(t, "err text", action.ErrorMessage.Get(res.Outputs))
	assert.Equal(t, "locked text", action.LockoutMessage.Get(res.Outputs))
	assert.Equal(t, "bjensen", action.IdentifiedUser.Get(res.Outputs))
	assert.Equal(t, "stage-1", action.Stage.Get(res.Outputs))
	assert.Equal(t, map[string]string{"k1": "v1"}, action.SessionProperties.Get(res.Outputs))
}

func TestActionLastGoToWinsAndEmptyOutcomeCounts(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	assert.Equal(t, "second", run(t, e, `action.goTo("first"); action.goTo("second")`, runtime.Input{}).Outcome)
	res := run(t, e, `action.goTo("")`, runtime.Input{})
	assert.Equal(t, "", res.Outcome)
}

func TestActionWithoutGoToIsAnError(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	res, se := runErr(t, e, `nodeState.putShared("a", 1); action.withDescription("x")`, runtime.Input{})
	assert.Equal(t, runtime.KindNoOutcome, se.Kind)
	assert.Contains(t, se.Message, "action.goTo")
	// The state the script did set is still reported.
	assert.Equal(t, int64(1), res.SharedState["a"])
}

func TestActionGoToNeedsAnArgument(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	_, se := runErr(t, e, `action.goTo()`, runtime.Input{})
	assert.Contains(t, se.Message, "Can't find method org.forgerock.openam.auth.nodes.script.ActionWrapper.goTo().")
}

func TestNodeStateReadsTransientBeforeShared(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	in := runtime.Input{
		SharedState:    map[string]any{"k": "shared", "s": "only-shared"},
		TransientState: map[string]any{"k": "transient"},
	}
	res := run(t, e, `
		action.goTo([nodeState.get("k"), nodeState.get("s"), nodeState.get("missing"),
			nodeState.isDefined("s"), nodeState.isDefined("missing"), nodeState.keys().join("|")].join(","))`, in)
	assert.Equal(t, "transient,only-shared,,true,false,k|s", res.Outcome)
}

func TestNodeStateRoundTripsValues(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	in := runtime.Input{SharedState: map[string]any{
		"obj": map[string]any{"n": int64(3), "f": 2.5, "list": []any{"a", int64(1), true, nil}, "deep": map[string]any{"x": "y"}},
	}}
	res := run(t, e, `
		var o = nodeState.get("obj");
		var ok = o.n === 3 && o.f === 2.5 && o.list.length === 4 && o.list[0] === "a" && o.list[2] === true &&
			o.list[3] === null && o.deep.x === "y";
		nodeState.putShared("copy", o);
		nodeState.putShared("fresh", {when: 1700000000000, tags: ["x", "y"], nested: {a: {b: [1.5, {c: false}]}}});
		nodeState.putTransient("t", 42);
		action.goTo(String(ok));`, in)
	assert.Equal(t, "true", res.Outcome)
	assert.Equal(t, in.SharedState["obj"], res.SharedState["copy"])
	assert.Equal(t, map[string]any{
		"when": int64(1700000000000), "tags": []any{"x", "y"},
		"nested": map[string]any{"a": map[string]any{"b": []any{1.5, map[string]any{"c": false}}}},
	}, res.SharedState["fresh"])
	assert.Equal(t, map[string]any{"t": int64(42)}, res.TransientState)
	// Input is never modified.
	assert.NotContains(t, in.SharedState, "copy")
	assert.Nil(t, in.TransientState)
}

// get hands out a copy the script may change (nothing stored changes);
// getObject combines a key's maps from every state, transient over shared,
// into an immutable object, as AM's NodeStateScriptWrapper documents.
func TestNodeStateGetCopiesGetObjectCombines(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	in := runtime.Input{
		SharedState: map[string]any{"o": map[string]any{"x": int64(1)},
			"objectAttributes": map[string]any{"userName": "bjensen", "mail": "old@example.com"}},
		TransientState: map[string]any{"objectAttributes": map[string]any{"password": "s3cret", "mail": "new@example.com"}},
	}
	res := run(t, e, `
		var copy = nodeState.get("o"); copy.x = 2; copy.y = "new";
		var oa = nodeState.getObject("objectAttributes");
		var strictThrows = false;
		(function () { "use strict"; try { oa.mail = "x"; } catch (e) { strictThrows = e instanceof TypeError; } })();
		nodeState.putShared("o2", copy);
		action.goTo([nodeState.get("o").x, oa.userName, oa.password, oa.mail, strictThrows,
			nodeState.get("objectAttributes").userName].join(","));`, in)
	assert.Equal(t, "1,bjensen,s3cret,new@example.com,true,", res.Outcome, "get reads transient first: its objectAttributes has no userName")
	assert.Equal(t, map[string]any{"x": int64(2), "y": "new"}, res.SharedState["o2"])
	assert.Equal(t, map[string]any{"x": int64(1)}, res.SharedState["o"], "stored value unchanged by edits to copies")
}

// Scripts written for the tenant use node state values as Java collections
// too: map.get(k), keySet(), containsKey, size; set.toArray(); list.get(i).
func TestNodeStateValuesOfferJavaMethods(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	in := runtime.Input{SharedState: map[string]any{
		"objectAttributes": map[string]any{"mail": "b@example.com", "roles": []any{"a", "b"}},
		"withGetKey":       map[string]any{"get": "data wins"},
	}}
	res := run(t, e, `
		var oa = nodeState.getObject("objectAttributes");
		var keys = nodeState.keys();
		action.goTo([oa.get("mail"), oa.get("absent"), oa.containsKey("mail"), oa.size(), oa.isEmpty(),
			oa.keySet().toArray().join("+"), oa.get("roles").get(1), oa.roles.size(), oa.roles.contains("a"),
			keys.toArray().join("+"), keys.size(), keys.contains("objectAttributes"),
			Object.keys(oa).join("+"), JSON.stringify(oa), nodeState.get("withGetKey").get].join(","));`, in)
	assert.Equal(t, `b@example.com,,true,2,false,mail+roles,b,2,true,objectAttributes+withGetKey,2,true,mail+roles,{"mail":"b@example.com","roles":["a","b"]},data wins`, res.Outcome)
}

func TestNodeStateMergeAndRemove(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	in := runtime.Input{
		SharedState:    map[string]any{"keep": "k", "gone": "g", "objectAttributes": map[string]any{"userName": "bjensen"}},
		TransientState: map[string]any{"gone": "t", "a": "old transient"},
	}
	res := run(t, e, `
		nodeState.mergeShared({a: 1, objectAttributes: {mail: "b@example.com"}}).mergeTransient({tt: "x"});
		var r = nodeState.remove("gone");
		action.goTo(String(nodeState.isDefined("gone")) + "," + nodeState.get("a") + "," + typeof r);`, in)
	assert.Equal(t, "false,1,undefined", res.Outcome, "merge overwrites the key in every state; remove returns nothing")
	assert.Equal(t, map[string]any{"keep": "k", "a": int64(1),
		"objectAttributes": map[string]any{"userName": "bjensen", "mail": "b@example.com"}}, res.SharedState,
		"objectAttributes, a state container, merges key by key")
	assert.Equal(t, map[string]any{"tt": "x"}, res.TransientState)
	_, se := runErr(t, e, `nodeState.mergeShared("not an object")`, runtime.Input{})
	assert.Contains(t, se.Message, "mergeShared: the argument must be an object")
	_, se = runErr(t, e, `nodeState.mergeShared({profile: {tier: "gold"}})`, runtime.Input{})
	assert.Contains(t, se.Message, `"profile" holds an object; only state containers (objectAttributes) may be nested`)
}

func TestLoggerLevelsPlaceholdersAndSink(t *testing.T) {
	var buf bytes.Buffer
	sink := zerolog.New(&buf)
	e := newEngine(t, runtime.Options{Backends: bindings.NewBackends(logger.SinkKey.Value(&sink), logger.LevelKey.Value(logger.Info))})
	res := run(t, e, `
		logger.trace("t {}", 1); logger.debug("d {}", 2);
		logger.info("user {} has {} tries, literal \\{} and {}", "bjensen", 3);
		logger.warn("w"); logger.error("e {}", {toString: function () { return "obj"; }});
		action.goTo([logger.isTraceEnabled(), logger.isDebugEnabled(), logger.isInfoEnabled(),
			logger.isWarnEnabled(), logger.isErrorEnabled()].join(","));`,
		runtime.Input{})
	assert.Equal(t, "false,false,true,true,true", res.Outcome)
	require.Len(t, logger.Logs.Get(res.Outputs), 3)
	name := logger.Logs.Get(res.Outputs)[0].Logger
	assert.Regexp(t, regexp.MustCompile(`^scripts\.AUTHENTICATION_TREE_DECISION_NODE\.[0-9a-f-]{36}\.\(test\.js\)$`), name)
	assert.Equal(t, logger.Info, logger.Logs.Get(res.Outputs)[0].Level)
	assert.Equal(t, "user bjensen has 3 tries, literal {} and {}", logger.Logs.Get(res.Outputs)[0].Message)
	assert.Equal(t, "e obj", logger.Logs.Get(res.Outputs)[2].Message)

	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 3)
	var first map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	assert.Equal(t, "info", first["level"])
	assert.Equal(t, name, first["logger"])
	assert.Equal(t, "user bjensen has 3 tries, literal {} and {}", first["message"])
}

func TestLoggerLevelPerRunAndScriptID(t *testing.T) {
	e := newEngine(t, runtime.Options{Backends: bindings.NewBackends(logger.LevelKey.Value(logger.Error))})
	res, err := e.Run(t.Context(), runtime.Script{Name: "Journey Decision", ID: "36863ffb-40ec-48b9-94b1-9a99f71cc3b5", Source: `logger.trace("x"); action.goTo("t")`},
		runtime.Input{Backends: bindings.NewBackends(logger.LevelKey.Value(logger.Trace))})
	require.NoError(t, err)
	require.Len(t, logger.Logs.Get(res.Outputs), 1)
	assert.Equal(t, "scripts.AUTHENTICATION_TREE_DECISION_NODE.36863ffb-40ec-48b9-94b1-9a99f71cc3b5.(Journey Decision)", logger.Logs.Get(res.Outputs)[0].Logger)
}

func TestLoggerCutsHugeMessages(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	res := run(t, e, `var s = "x"; while (s.length < 1e6) s += s; logger.info(s); action.goTo("t")`, runtime.Input{})
	require.Len(t, logger.Logs.Get(res.Outputs), 1)
	assert.Less(t, len(logger.Logs.Get(res.Outputs)[0].Message), logger.MaxMessageBytes+100)
	assert.Contains(t, logger.Logs.Get(res.Outputs)[0].Message, "[message cut: 1048576 bytes]")
}

func TestUtilsFunctions(t *testing.T) {
	// Modern: it fills a typed array too, which the tenant's Rhino lacks.
	e := newEngine(t, runtime.Options{Language: runtime.LanguageModern})
	res := run(t, e, `
		var u = utils.crypto.randomUUID();
		var a = [0, 0, 0, 0, 0, 0, 0, 0];
		var same = utils.crypto.getRandomValues(a) === a;
		var bytes = new Uint8Array(16); utils.crypto.getRandomValues(bytes);
		var inRange = Array.prototype.every.call(bytes, function (b) { return b >= 0 && b < 256; });
		var distinct = a.filter(function (v, i) { return a.indexOf(v) === i; }).length;
		nodeState.putShared("r", {
			u: u, same: same, inRange: inRange, distinct: distinct,
			allInts: a.every(function (v) { return v === Math.floor(v) && v >= 0 && v < 4294967296; }),
			b64: utils.base64.encode("exampletext"), b64d: utils.base64.decode("ZXhhbXBsZXRleHQ="),
			b64u: utils.base64url.encode("http://exampletext="), b64ud: utils.base64url.decode("aHR0cDovL2V4YW1wbGV0ZXh0PQ"),
			b64udPadded: utils.base64url.decode("aHR0cDovL2V4YW1wbGV0ZXh0PQ=="),
			unicode: utils.base64.decode(utils.base64.encode("héllo ✓"))
		});
		action.goTo("t");`, runtime.Input{})
	r := res.SharedState["r"].(map[string]any)
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, r["u"])
	assert.Equal(t, true, r["same"])
	assert.Equal(t, true, r["inRange"])
	assert.Equal(t, true, r["allInts"])
	assert.GreaterOrEqual(t, r["distinct"], int64(7), "8 random 32-bit values are almost surely distinct")
	assert.Equal(t, "ZXhhbXBsZXRleHQ=", r["b64"])
	assert.Equal(t, "exampletext", r["b64d"])
	assert.Equal(t, "aHR0cDovL2V4YW1wbGV0ZXh0PQ", r["b64u"])
	assert.Equal(t, "http://exampletext=", r["b64ud"])
	assert.Equal(t, "http://exampletext=", r["b64udPadded"])
	assert.Equal(t, "héllo ✓", r["unicode"])

	_, se := runErr(t, e, `utils.base64.decode("not base64!!")`, runtime.Input{})
	assert.Contains(t, se.Message, "Illegal base64 character 20") // Java's message: the space
	_, se = runErr(t, e, `utils.crypto.getRandomValues(new Array(70000))`, runtime.Input{})
	assert.Contains(t, se.Message, "over the limit")
}

func TestSecrets(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	in := runtime.Input{
		Backends: bindings.NewBackends(
			secrets.StoreKey.Value(secrets.MapStore{
				"scripted.node.example.secret": "passwd",
				"scripted.node.bytes":          "\xff\x01A",
				"am.services.other":            "not for scripts",
			}),
		),
	}
	res := run(t, e, `
		var s = secrets.getGenericSecret("scripted.node.example.secret");
		var b = secrets.getGenericSecret("scripted.node.bytes").getAsBytes();
		action.goTo(s.getAsUtf8() + ":" + JSON.stringify(b));`, in)
	assert.Equal(t, `passwd:[-1,1,65]`, res.Outcome, "bytes are Java's signed bytes")
	assert.Equal(t, []string{"scripted.node.example.secret", "scripted.node.bytes"}, secrets.Read.Get(res.Outputs))

	_, se := runErr(t, e, `secrets.getGenericSecret("am.services.other")`, in)
	assert.Contains(t, se.Message, `label "am.services.other" is not accessible to scripts`)
	_, se = runErr(t, e, `secrets.getGenericSecret("scripted.node.nope")`, in)
	assert.Contains(t, se.Message, `no secret is mapped to label "scripted.node.nope"`)
	assert.Equal(t, 1, se.Line)
	_, se = runErr(t, e, `secrets.getGenericSecret("scripted.node.x")`, runtime.Input{})
	assert.Contains(t, se.Message, "no secret store configured")
	res = run(t, e, `try { secrets.getGenericSecret("scripted.node.nope"); action.goTo("no") } catch (e) { action.goTo("caught") }`, in)
	assert.Equal(t, "caught", res.Outcome, "a missing secret is a catchable error")

	// A secret object, and each of its methods, is frozen.
	res = run(t, e, `"use strict";
		var s = secrets.getGenericSecret("scripted.node.example.secret"), out = [];
		out.push(Object.isFrozen(s), Object.isFrozen(s.getAsUtf8), Object.isFrozen(s.getAsBytes), Object.keys(s).join());
		try { s.getAsUtf8 = function () { return "forged"; }; } catch (e) { out.push("method"); }
		try { s.getAsUtf8.extra = 1; } catch (e) { out.push("function"); }
		action.goTo(out.join("|") + "|" + s.getAsUtf8());`, in)
	assert.Equal(t, "true|true|true|getAsUtf8,getAsBytes|method|function|passwd", res.Outcome)
}

func TestSystemEnvConversions(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	in := runtime.Input{
		Backends: bindings.NewBackends(
			systemenv.SourceKey.Value(systemenv.MapSource{
				"esv.s": "text", "esv.d": "0.75", "esv.b": "True", "esv.i": "42", "esv.l": "a, b ,c",
				"esv.lj": `[1,"x"]`, "esv.m": `{"k":{"n":1}}`, "esv.bad.int": "4.5",
			}),
		),
	}
	res := run(t, e, `
		nodeState.putShared("v", {
			s: systemEnv.getProperty("esv.s"), nul: systemEnv.getProperty("esv.none"),
			notEsv: systemEnv.getProperty("s"),
			def: systemEnv.getProperty("esv.none", "dflt"),
			d: systemEnv.getProperty("esv.d", "0", java.lang.Double),
			b: systemEnv.getProperty("esv.b", false, java.lang.Boolean),
			bdef: systemEnv.getProperty("esv.none", true, java.lang.Boolean),
			i: systemEnv.getProperty("esv.i", 0, java.lang.Integer),
			idef: systemEnv.getProperty("esv.none", 34, java.lang.Integer),
			str: systemEnv.getProperty("esv.i", "", java.lang.String),
			l: systemEnv.getProperty("esv.l", "[]", java.util.List),
			lj: systemEnv.getProperty("esv.lj", "[]", java.util.List),
			m: systemEnv.getProperty("esv.m", "{}", java.util.Map),
			mdef: systemEnv.getProperty("esv.none", '{"defaultKey":"defaultValue"}', java.util.Map),
			token: String(java.lang.Double),
			javaStyle: [systemEnv.getProperty("esv.m", "{}", java.util.Map).get("k").get("n"),
				systemEnv.getProperty("esv.l", "[]", java.util.List).size(),
				systemEnv.getProperty("esv.l", "[]", java.util.List).get(0)].join("|")
		});
		action.goTo("t");`, in)
	assert.Equal(t, map[string]any{
		"s": "text", "nul": nil, "notEsv": nil, "def": "dflt", "d": 0.75, "b": true, "bdef": true,
		"i": int64(42), "idef": int64(34), "str": "42", "l": []any{"a", "b", "c"}, "lj": []any{int64(1), "x"},
		"m": map[string]any{"k": map[string]any{"n": int64(1)}}, "mdef": map[string]any{"defaultKey": "defaultValue"},
		"token": "[JavaClass java.lang.Double]", "javaStyle": "1|3|a",
	}, res.SharedState["v"])

	_, se := runErr(t, e, `systemEnv.getProperty("esv.bad.int", "0", java.lang.Integer)`, in)
	assert.Contains(t, se.Message, `"4.5" is not a 32-bit integer`)
	_, se = runErr(t, e, `systemEnv.getProperty("esv.s", "0", "java.lang.Integer")`, in)
	assert.Contains(t, se.Message, "the return type must be one of")
	_, se = runErr(t, e, `systemEnv.getProperty("esv.s", null)`, in)
	assert.Contains(t, se.Message, "the default value must not be null")
	_, se = runErr(t, e, `java.lang.Thread.getName()`, in)
	assert.Contains(t, se.Message, "TypeError", "java.lang holds no host class to call")
	res = run(t, e, `action.goTo(String(typeof java.lang.Thread) + "," + String(typeof java.io))`, in)
	// Hidden classes are package objects, as in Rhino (callable ones, whose call throws).
	assert.Equal(t, "function,object", res.Outcome, "java.lang.Thread is no class")
}

func TestPlainValueBindingsAndRequest(t *testing.T) {
	e := newEngine(t, runtime.Options{})
	in := runtime.Input{
		Realm: "/alpha", CookieName: "8a92ca506c38f08",
		RequestHeaders:    map[string][]string{"User-Agent": {"curl/8"}, "X-Multi": {"a", "b"}},
		RequestParameters: map[string][]string{"goto": {"https://x.example"}},
		RequestCookies:    map[string]string{"lang": "fr"},
	}
	res := run(t, e, `action.goTo([realm, cookieName, scriptName, typeof realm,
		requestHeaders.get("user-agent")[0], requestHeaders["x-multi"].join("+"), requestHeaders.get("absent"),
		requestParameters.get("goto")[0], requestCookies.lang,
		requestHeaders.get("X-Multi").get(1), requestHeaders.get("x-multi").size(), requestCookies.get("lang")].join(","))`, in)
	assert.Equal(t, "/alpha,8a92ca506c38f08,test.js,string,curl/8,a+b,,https://x.example,fr,b,2,fr", res.Outcome,
		"values are arrays and objects that also answer Java's get and size")
}
