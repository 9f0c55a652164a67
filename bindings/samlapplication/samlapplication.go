// Package samlapplication implements the `samlApplication` binding of a
// Scripted Decision script: the SAML service provider the journey runs for
// (spec §2.1, §10). AM binds it to null when the journey is not part of a
// SAML flow, which is every local run unless the fixtures describe one
// (fixtures key samlApplication:).
package samlapplication

import (
	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/federation"
)

// Binding is the `samlApplication` binding.
var Binding = federation.Define("samlApplication", Key, []federation.Getter{
	{Method: "getApplicationId", Field: "applicationId"},
	{Method: "getAssertion", Field: "assertion"},
	{Method: "getAuthnRequest", Field: "authnRequest"},
	{Method: "getIdpAttributes", Field: "idpAttributes"},
	{Method: "getSpAttributes", Field: "spAttributes"},
	{Method: "getFlowInitiator", Field: "flowInitiator"},
})

// Key carries the run's SAML application: its fields by the names of
// Binding's getters. Unset, the binding is null.
var Key = bindings.NewBackend[map[string]any]("SAML application")
