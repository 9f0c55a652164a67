package utils_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/utils"
)

// hexLib converts between hex text and byte arrays inside a script.
const hexLib = `
function hex(b) { return b.map(function (x) { return ((x & 0xff) + 0x100).toString(16).slice(1); }).join(""); }
function fromHex(h) { var a = []; for (var i = 0; i < h.length; i += 2) { var v = parseInt(h.substr(i, 2), 16); a.push(v > 127 ? v - 256 : v); } return a; }
function bytes(s) { return utils.types.stringToBytes(s); }
`

// runHex runs src after hexLib and returns its value as a string.
func runHex(t *testing.T, src string) string {
	t.Helper()
	r := bindingtest.New(t, utils.Binding).Begin(bindings.Backends{})
	return r.MustRun(hexLib + src).String()
}

// fails runs src and returns the error a script would catch, as
// "name: message".
func fails(t *testing.T, src string) string {
	t.Helper()
	r := bindingtest.New(t, utils.Binding).Begin(bindings.Backends{})
	v, err := r.RunScript(hexLib + `(function () { try { ` + src + `; return "no error"; } catch (e) { return e.name + ": " + e.message; } })()`)
	require.NoError(t, err)
	got := v.String()
	assert.NotContains(t, got, "GoError")
	assert.NotContains(t, got, "go-jose")
	assert.NotContains(t, got, "crypto/")
	return got
}
