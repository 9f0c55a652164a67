package jwt

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDecodeKeyIsLenientAsForgeRockBase64(t *testing.T) {
	assert.Equal(t, []byte("key"), DecodeKey("a2V5"))
	assert.Equal(t, []byte("key"), DecodeKey("a2\nV5 "), "separators are skipped")
	assert.Equal(t, []byte{}, DecodeKey(""))
	assert.Nil(t, DecodeKey("abcde"), "not whole groups of four")
}

func TestJavaInt(t *testing.T) {
	for in, want := range map[string]int64{"5": 5, "5.0": 5, " 7.9 ": 7, "-1": -1, "2d": 2, "1e2": 100, "NaN": 0, "Infinity": 2147483647, "-1e20": -2147483648} {
		got, err := JavaInt(in)
		assert.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"soon", "inf", "nan", "1_0", "0x"} {
		_, err := JavaInt(in)
		assert.EqualError(t, err, `For input string: "`+in+`"`)
	}
	_, err := JavaInt("  ")
	assert.EqualError(t, err, "empty String")
}
