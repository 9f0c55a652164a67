// Package model holds the PingOne resources the emulator keeps and serves,
// as their JSON wire types (users, populations, groups, credential types,
// issuance rules, user and provisioned credentials, wallets, Verify
// transactions), the resource kinds of the store, PingOne timestamps and
// the API error body. It has no behaviour beyond small accessors.
package model

// Link is a HAL link.
type Link struct {
	Href string `json:"href"`
}

// Links are a resource's HAL links; they are filled when a response is
// written (they depend on the request's host) and never stored.
type Links map[string]Link

// Ref points at another resource by id.
type Ref struct {
	ID string `json:"id"`
}

// Notification asks for the user to be told about a credential event.
type Notification struct {
	Methods  []string              `json:"methods,omitempty"`
	Template *NotificationTemplate `json:"template,omitempty"`
	Results  []NotificationResult  `json:"results,omitempty"`
}

// NotificationTemplate selects the content variant and language.
type NotificationTemplate struct {
	Locale    string         `json:"locale,omitempty"`
	Variant   string         `json:"variant,omitempty"`
	Variables map[string]any `json:"variables,omitempty"`
}

// NotificationResult says whether one method reached the user.
type NotificationResult struct {
	Method       string         `json:"method"`
	Sent         bool           `json:"sent"`
	Notification *Ref           `json:"notification,omitempty"`
	Error        map[string]any `json:"error,omitempty"`
}
