package federation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/oauthapplication"
	"github.com/journeyjs/journeyjs/bindings/samlapplication"
)

// Outside a SAML or OAuth flow both bindings are null, as in AIC; with an
// application from the back end, each getter answers its field (Java-like
// maps readable with get and as properties), null for a field not given.
func TestApplications(t *testing.T) {
	r := bindingtest.New(t, samlapplication.Binding, oauthapplication.Binding)
	r.Begin(bindings.Backends{})
	assert.Equal(t, "null|null", r.MustRun(`String(samlApplication) + "|" + String(oauthApplication)`).String())
	r.End()

	b := bindings.NewBackends(
		samlapplication.Key.Value(map[string]any{"applicationId": "sp-1", "flowInitiator": "IDP", "spAttributes": map[string]any{"tier": "gold"}}),
		oauthapplication.Key.Value(map[string]any{"applicationId": "client-7", "clientProperties": map[string]any{"scopes": []any{"openid"}}}),
	)
	r.Begin(b)
	got := r.MustRun(`[samlApplication.getApplicationId(), samlApplication.getFlowInitiator(), samlApplication.getSpAttributes().get("tier"),
		samlApplication.getSpAttributes().tier, samlApplication.getAssertion(), oauthApplication.getApplicationId(),
		oauthApplication.getClientProperties().get("scopes").get(0), oauthApplication.getRequestProperties(), Object.isFrozen(samlApplication)].join("|")`)
	assert.Equal(t, "sp-1|IDP|gold|gold||client-7|openid||true", got.String())
	r.End()
}
