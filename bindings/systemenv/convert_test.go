package systemenv

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestConvert(t *testing.T) {
	ok := []struct {
		raw  string
		t    Type
		want any
	}{
		{"x", String, "x"},
		{"true", Boolean, true}, {"TRUE", Boolean, true}, {"yes", Boolean, false}, {"", Boolean, false},
		{"0.5", Double, 0.5}, {" 2 ", Double, 2.0}, {"-1e3", Double, -1000.0},
		{"34", Integer, int64(34)}, {"-2147483648", Integer, int64(-2147483648)},
		{"a,b", List, []any{"a", "b"}}, {"", List, []any{}}, {`["x", 2]`, List, []any{"x", int64(2)}},
		{`{"a":{"b":[1,2.5]}}`, Map, map[string]any{"a": map[string]any{"b": []any{int64(1), 2.5}}}},
	}
	for _, c := range ok {
		got, err := Convert(c.raw, c.t)
		assert.NoError(t, err, c.raw)
		assert.Equal(t, c.want, got, c.raw)
	}
	bad := []struct {
		raw string
		t   Type
	}{{"x", Double}, {"1.5", Integer}, {"2147483648", Integer}, {"[1,", List}, {"[]", Map}, {"null", Map}, {"x", Type("java.lang.Thread")}}
	for _, c := range bad {
		_, err := Convert(c.raw, c.t)
		assert.Error(t, err, c.raw)
	}
}

func TestSources(t *testing.T) {
	env := EnvSource{LookupEnv: func(k string) (string, bool) {
		return map[string]string{"ESV_MY_VARIABLE": "v"}[k], k == "ESV_MY_VARIABLE"
	}}
	v, ok := env.Lookup("esv.my.variable")
	assert.True(t, ok)
	assert.Equal(t, "v", v)
	c := Chain{MapSource{"esv.a": "1"}, env}
	v, ok = c.Lookup("esv.my-variable")
	assert.True(t, ok)
	assert.Equal(t, "v", v)
	_, ok = c.Lookup("esv.none")
	assert.False(t, ok)
}
