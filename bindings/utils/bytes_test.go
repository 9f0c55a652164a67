package utils_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestByteArraysBehaveLikeJavaByteArrays(t *testing.T) {
	// Java bytes are signed; a byte[] is an object, not an array, with
	// Array.prototype's methods behind it, as Rhino's NativeJavaArray.
	got := run(t, `var b = utils.types.stringToBytes("é~");
		[typeof b, Array.isArray(b), b.length, b[0], b[1], b[2], b[3], b.join("|")].join()`)
	assert.Equal(t, "object,false,3,-61,-87,126,,-61|-87|126", got)

	got = run(t, `var b = utils.types.stringToBytes("ab"); b[0] = -1; b.length = 9; b.length + ":" + b[0]`)
	assert.Equal(t, "2:-1", got)

	assert.Equal(t, "InternalError: Cannot convert 200 to byte",
		fails(t, `var b = utils.types.stringToBytes("ab"); b[0] = 200`))
	assert.Equal(t, "InternalError: Array index 5 is outside the bounds [0..1].",
		fails(t, `var b = utils.types.stringToBytes("ab"); b[5] = 1`))
	assert.Equal(t, "0,1", run(t, `var b = utils.types.stringToBytes("ab"); var k = []; for (var i in b) k.push(i); k.join()`))
}

func TestTypesRoundTrip(t *testing.T) {
	assert.Equal(t, "héllo 👋", run(t, `utils.types.bytesToString(utils.types.stringToBytes("héllo 👋"))`))
	// A JavaScript array of numbers converts to a byte[] argument.
	assert.Equal(t, "hi", run(t, `utils.types.bytesToString([104, 105])`))
	// Invalid UTF-8 decodes to replacement characters, as Java's decoder.
	assert.Equal(t, "a\uFFFD", run(t, `utils.types.bytesToString([97, -1])`))
	assert.Equal(t, "InternalError: Cannot convert 255 to byte", fails(t, `utils.types.bytesToString([255])`))
	assert.Equal(t, "InternalError: utils.types.bytesToString: argument 1 must be a byte array",
		fails(t, `utils.types.bytesToString("hi")`))
	assert.Equal(t, "InternalError: utils.types.stringToBytes: a string is required", fails(t, `utils.types.stringToBytes(null)`))
}

func TestBase64Bytes(t *testing.T) {
	assert.Equal(t, "AP8=", run(t, `utils.base64.encode([0, -1])`))
	assert.Equal(t, "AP8", run(t, `utils.base64url.encode([0, -1])`))
	assert.Equal(t, "0,-1,2", run(t, `utils.base64.decodeToBytes("AP8C").join()`))
	assert.Equal(t, "0,-1", run(t, `utils.base64url.decodeToBytes("AP8").join()`))
	assert.Equal(t, "aGk=|hi", run(t, `utils.base64.btoa("hi") + "|" + utils.base64.atob("aGk=")`))
	assert.Equal(t, "aGk|hi", run(t, `utils.base64url.btoa("hi") + "|" + utils.base64url.atob("aGk")`))
	// As Java's decoder, padding is optional and a foreign character is
	// named by its code.
	assert.Equal(t, "hi", run(t, `utils.base64.decode("aGk")`))
	assert.Equal(t, "InternalError: Illegal base64 character 2a", fails(t, `utils.base64.decode("aG*k")`))
	assert.Equal(t, "InternalError: Illegal base64 character 2b", fails(t, `utils.base64url.decode("a+k")`))
	assert.Equal(t, "InternalError: Input byte array has wrong 4-byte ending unit", fails(t, `utils.base64.decodeToBytes("a")`))
}
