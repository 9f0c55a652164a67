package locales_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/locales"
)

const greetings = `locales.getLocalizedMessage({de: "Gutentag", no: "Hei", fr: "Bonjour", "en-US": "Hello"})`

func run(t *testing.T, acceptLanguage []string, src string) (string, error) {
	r := bindingtest.New(t, locales.Binding).BeginWith(bindings.Backends{}, func(run *bindings.Run) {
		if acceptLanguage != nil {
			run.Request.Headers = map[string][]string{"accept-language": acceptLanguage}
		}
	})
	v, err := r.RunScript(src)
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

func TestTheBestAcceptedLanguageWins(t *testing.T) {
	for header, want := range map[string]string{
		"en-US":                     "Hello",
		"en-GB":                     "Gutentag", // AIC's own example: no sibling match, the first entry
		"fr-CA,en-US;q=0.9":         "Bonjour",  // fr-CA falls back to fr
		"en-US;q=0.5,no;q=0.8":      "Hei",      // by quality, not order
		"es":                        "Gutentag",
		"*":                         "Gutentag",
		"this is not a header;q=x,": "Gutentag",
	} {
		got, err := run(t, []string{header}, greetings)
		require.NoError(t, err, header)
		assert.Equal(t, want, got, header)
	}
	got, err := run(t, nil, greetings)
	require.NoError(t, err)
	assert.Equal(t, "Gutentag", got, "no header: the first entry")
}

func TestMapEdgeCases(t *testing.T) {
	got, err := run(t, []string{"en"}, `String(locales.getLocalizedMessage({}))`)
	require.NoError(t, err)
	assert.Equal(t, "null", got)
	got, err = run(t, []string{"en-gb"}, `locales.getLocalizedMessage({en_GB: 42})`)
	require.NoError(t, err)
	assert.Equal(t, "42", got, "values come back as strings; en_GB is en-GB")
	_, err = run(t, []string{"en"}, `locales.getLocalizedMessage("en")`)
	assert.ErrorContains(t, err, "must be a map of locale to message")
}

func TestPick(t *testing.T) {
	assert.Equal(t, "en", locales.Pick([]string{"de", "en"}, []string{"en-AU"}))
	assert.Equal(t, "de", locales.Pick([]string{"de", "en"}, nil))
}
