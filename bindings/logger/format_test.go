package logger

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormat(t *testing.T) {
	cases := []struct {
		pattern string
		args    []string
		want    string
	}{
		{"plain", nil, "plain"},
		{"a {} b", []string{"1"}, "a 1 b"},
		{"{}{}", []string{"x", "y"}, "xy"},
		{"{} and {}", []string{"only"}, "only and {}"},
		{"none", []string{"extra"}, "none"},
		{`escaped \{} and {}`, []string{"v"}, "escaped {} and v"},
		{"{", []string{"v"}, "{"},
		{"trailing {}", []string{"{}"}, "trailing {}"},
		{`double \\{} escape`, []string{"v"}, `double \v escape`},
		{`\{} does not take an argument: {}`, []string{"v"}, "{} does not take an argument: v"},
		{`\\{}{}`, []string{"a", "b"}, `\ab`},
		{`lone \ backslash {}`, []string{"v"}, `lone \ backslash v`},
		{`end \`, []string{"v"}, `end \`},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Format(c.pattern, c.args), c.pattern)
	}
}

func TestParseLevel(t *testing.T) {
	for s, want := range map[string]Level{"trace": Trace, "DEBUG": Debug, "Info": Info, "warning": Warn, "warn": Warn, "error": Error, "off": Off} {
		got, err := ParseLevel(s)
		assert.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	_, err := ParseLevel("loud")
	assert.Error(t, err)
	assert.Equal(t, "scripts.OIDC_CLAIMS.36863ffb-40ec-48b9-94b1-9a99f71cc3b5.(OIDC Claims Script)",
		Name("OIDC_CLAIMS", "36863ffb-40ec-48b9-94b1-9a99f71cc3b5", "OIDC Claims Script"))
}
