// Package oauthapplication implements the `oauthApplication` binding of a
// Scripted Decision script: the OAuth 2.0 client the journey runs for
// (spec §2.1, §10). AM binds it to null when the journey is not part of an
// OAuth flow, which is every local run unless the fixtures describe one
// (fixtures key oauthApplication:).
package oauthapplication

import (
	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/federation"
)

// Binding is the `oauthApplication` binding.
var Binding = federation.Define("oauthApplication", Key, []federation.Getter{
	{Method: "getApplicationId", Field: "applicationId"},
	{Method: "getClientProperties", Field: "clientProperties"},
	{Method: "getRequestProperties", Field: "requestProperties"},
})

// Key carries the run's OAuth application: its fields by the names of
// Binding's getters. Unset, the binding is null.
var Key = bindings.NewBackend[map[string]any]("OAuth application")
