package utils_test

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/utils"
)

func run(t *testing.T, src string) string {
	t.Helper()
	r := bindingtest.New(t, utils.Binding).Begin(bindings.Backends{})
	return r.MustRun(src).String()
}

func TestBase64(t *testing.T) {
	assert.Equal(t, "aGVsbG8gd29ybGQ=", run(t, `utils.base64.encode("hello world")`))
	assert.Equal(t, "hello world", run(t, `utils.base64.decode("aGVsbG8gd29ybGQ=")`))
	// base64url is unpadded, as AIC's example shows, and decodes either.
	assert.Equal(t, "aHR0cDovL2V4YW1wbGV0ZXh0PQ", run(t, `utils.base64url.encode("http://exampletext=")`))
	assert.Equal(t, "http://exampletext=", run(t, `utils.base64url.decode("aHR0cDovL2V4YW1wbGV0ZXh0PQ")`))
	assert.Equal(t, "http://exampletext=", run(t, `utils.base64url.decode("aHR0cDovL2V4YW1wbGV0ZXh0PQ==")`))
}

func TestBase64RejectsNullAndBadInput(t *testing.T) {
	r := bindingtest.New(t, utils.Binding).Begin(bindings.Backends{})
	_, err := r.RunScript(`utils.base64.encode(null)`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "utils.base64.encode: a string is required")
	_, err = r.RunScript(`utils.base64.decode("***")`)
	require.Error(t, err)
}

func TestRandomUUIDIsAVersion4UUID(t *testing.T) {
	id, err := uuid.Parse(run(t, `utils.crypto.randomUUID()`))
	require.NoError(t, err)
	assert.Equal(t, uuid.Version(4), id.Version())
	assert.NotEqual(t, run(t, `utils.crypto.randomUUID()`), run(t, `utils.crypto.randomUUID()`))
}

func TestGetRandomValuesFillsAndReturnsTheArray(t *testing.T) {
	got := run(t, `var a = [0, 0, 0, 0, 0, 0, 0, 0]; var b = utils.crypto.getRandomValues(a);
		(a === b) + "," + a.length + "," + a.some(function (x) { return x !== 0; })`)
	assert.Equal(t, "true,8,true", got)

	r := bindingtest.New(t, utils.Binding).Begin(bindings.Backends{})
	_, err := r.RunScript(fmt.Sprintf(`utils.crypto.getRandomValues(new Array(%d))`, utils.MaxRandomValues+1))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is over the limit of 65536")
	_, err = r.RunScript(`utils.crypto.getRandomValues("nope")`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "an array is required")
}

func TestUtilsIsFrozen(t *testing.T) {
	assert.Equal(t, "true,true,true,true,true", run(t, `[Object.isFrozen(utils), Object.isFrozen(utils.crypto),
		Object.isFrozen(utils.base64), Object.isFrozen(utils.types), Object.isFrozen(utils.crypto.subtle)].join()`))
}

func TestNoRandomValues(t *testing.T) {
	// Measured on the tenant: utils.crypto has no randomValues.
	assert.Equal(t, "undefined", run(t, `typeof utils.crypto.randomValues`))
}
