package rhinoerr_test

import (
	"errors"
	"net"
	"net/http"
	"testing"

	"github.com/dop251/goja"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings/rhinoerr"
)

// run installs fail as a global function and returns what the script
// reports.
func run(t *testing.T, fail func(rt *goja.Runtime), src string) string {
	t.Helper()
	rt := goja.New()
	require.NoError(t, rt.Set("fail", func(goja.FunctionCall) goja.Value { fail(rt); return nil }))
	v, err := rt.RunString(src)
	require.NoError(t, err)
	return v.String()
}

const describe = `var out; try { fail() } catch (e) {
	out = [String(e), e.name, e.message, e instanceof Error, typeof e.value, typeof e.javaException].join("|") }
	out`

func TestInternalIsRhinosInternalError(t *testing.T) {
	got := run(t, func(rt *goja.Runtime) { rhinoerr.Internal(rt, "Can't find method %s.", "x.goTo()") }, describe)
	assert.Equal(t, "InternalError: Can't find method x.goTo().|InternalError|Can't find method x.goTo().|true|undefined|undefined", got)
}

func TestInternalIgnoresAReplacedErrorGlobal(t *testing.T) {
	got := run(t, func(rt *goja.Runtime) { rhinoerr.Internal(rt, "m") },
		`var real = Error; Error = function () {}; var out; try { fail() } catch (e) { out = (e instanceof real) + "|" + String(e) } out`)
	assert.Equal(t, "true|InternalError: m", got)
}

func notFound() *rhinoerr.Exception {
	return &rhinoerr.Exception{
		Class: "org.forgerock.json.resource.NotFoundException", Message: "Object 42 not found",
		Methods: map[string]func(*goja.Runtime) goja.Value{
			"getCode": func(rt *goja.Runtime) goja.Value { return rt.ToValue(404) },
		},
	}
}

func TestThrowIsAJavaExceptionWithItsObject(t *testing.T) {
	got := run(t, func(rt *goja.Runtime) { notFound().Throw(rt) }, describe+`
		+ "|" + (function () { try { fail() } catch (e) {
			var j = e.javaException
			return [j.getCode(), j.getMessage(), String(j), j.toString(), typeof j.getReason, Object.keys(j).length].join("|") } })()`)
	assert.Equal(t, "JavaException: org.forgerock.json.resource.NotFoundException: Object 42 not found|JavaException|"+
		"org.forgerock.json.resource.NotFoundException: Object 42 not found|true|undefined|object"+
		"|404|Object 42 not found|org.forgerock.json.resource.NotFoundException: Object 42 not found|"+
		"org.forgerock.json.resource.NotFoundException: Object 42 not found|undefined|0", got)
}

func TestANullMessage(t *testing.T) {
	exc := &rhinoerr.Exception{Class: "java.lang.NullPointerException", Null: true}
	got := run(t, func(rt *goja.Runtime) { exc.Throw(rt) },
		`var out; try { fail() } catch (e) { out = [e.message, e.javaException.getMessage() === null, String(e.javaException)].join("|") } out`)
	assert.Equal(t, "java.lang.NullPointerException: null|true|java.lang.NullPointerException", got)
}

func TestTheJavaObjectIsReadOnlyAndNamesItsMethods(t *testing.T) {
	got := run(t, func(rt *goja.Runtime) { notFound().Throw(rt) }, `"use strict"; var out; try { fail() } catch (e) {
		var j = e.javaException, assigned = "refused"
		try { j.getCode = 1; assigned = "assigned" } catch (x) {}
		out = [assigned, j.getCode.name, String(j.getMessage).indexOf("github.com")].join("|") } out`)
	assert.Equal(t, "refused|getCode|-1", got)
}

func TestOfFindsTheException(t *testing.T) {
	rt := goja.New()
	exc := notFound()
	got, ok := rhinoerr.Of(exc.Object(rt))
	assert.True(t, ok)
	assert.Same(t, exc, got)
	_, ok = rhinoerr.Of(rt.NewObject())
	assert.False(t, ok)
	_, ok = rhinoerr.Of(rt.ToValue("x"))
	assert.False(t, ok)
}

func TestNetworkTextKeepsOnlyTheSystemsComplaint(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	_, err = http.Get("http://" + addr + "/x")
	require.Error(t, err)
	got := rhinoerr.NetworkText(err, "failed")
	assert.Equal(t, "dial: connect: connection refused", got)
	assert.Equal(t, "failed", rhinoerr.NetworkText(errors.New("json: cannot unmarshal"), "failed"))
}
