package model

// OutboxMessage is a notification the platform would have sent.
type OutboxMessage struct {
	ID              string `json:"id"`
	UserID          string `json:"userId"`
	CredentialID    string `json:"credentialId"`
	Event           string `json:"event"`
	Method          string `json:"method"`
	Recipient       string `json:"recipient"`
	TemplateVariant string `json:"templateVariant,omitempty"`
	TemplateLocale  string `json:"templateLocale,omitempty"`
	CreatedAt       Time   `json:"createdAt"`
}
