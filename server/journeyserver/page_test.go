package journeyserver_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/server/journeyserver"
)

// A page holding collectors and a Scripted Decision node that sends a
// callback: one response holds all three callbacks, numbered IDToken1…3,
// and one submission answers them.
func TestPageWithScriptInOneResponse(t *testing.T) {
	h := startWith(t, journeyserver.Options{}, "page-script.journey.json")
	code, step, _ := post(t, h.startURL("PageScript"), `{}`)
	require.Equal(t, http.StatusOK, code, step)
	assert.Equal(t, []string{"NameCallback", "PasswordCallback", "TextInputCallback"}, callbackTypes(step))
	assert.Equal(t, "Sign in", step["header"])
	assert.Equal(t, "signInColour", step["stage"])
	for i, cb := range step["callbacks"].([]any) {
		in := cb.(map[string]any)["input"].([]any)[0].(map[string]any)
		assert.Equal(t, []string{"IDToken1", "IDToken2", "IDToken3"}[i], in["name"])
	}
	third := step["callbacks"].([]any)[2].(map[string]any)
	assert.Contains(t, third["output"], map[string]any{"name": "prompt", "value": "Favourite colour"})

	code, done, _ := post(t, h.url, fill(t, step, "bjensen", "Ch4ng3it!", "blue"))
	require.Equal(t, http.StatusOK, code, done)
	assert.NotEmpty(t, done["tokenId"], "one submission answers the whole page")
	assert.Equal(t, 0, h.srv.Sessions())

	// The script's answer picks the page's outcome.
	_, step, _ = post(t, h.startURL("PageScript"), `{}`)
	code, failed, _ := post(t, h.url, fill(t, step, "bjensen", "Ch4ng3it!", "red"))
	assert.Equal(t, http.StatusUnauthorized, code, failed)
	assert.Nil(t, failed["tokenId"])
}
