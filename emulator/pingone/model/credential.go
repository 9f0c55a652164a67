package model

// User credential states.
const (
	CredentialIssued  = "ISSUED"
	CredentialPending = "PENDING"
	CredentialRevoked = "REVOKED"
	CredentialDeleted = "DELETED"
)

// Provisioned credential states and wallet actions.
const (
	ProvisionedCreated  = "CREATED"
	ProvisionedAccepted = "ACCEPTED"
	ProvisionedRejected = "REJECTED"
	ProvisionedRevoked  = "REVOKED"
	ProvisionedDeleted  = "DELETED"

	WalletActionAccepted = "CREDENTIAL_ACCEPTED"
	WalletActionRejected = "CREDENTIAL_REJECTED"
	WalletActionRevoked  = "CREDENTIAL_REVOKED"
	WalletActionDeleted  = "CREDENTIAL_DELETED"
)

// UserCredential is a credential issued (or pending) for one user.
// It has no Data field on purpose: request data is ephemeral.
type UserCredential struct {
	Links          Links         `json:"_links,omitempty"`
	ID             string        `json:"id"`
	Environment    Ref           `json:"environment"`
	User           Ref           `json:"user"`
	CredentialType Ref           `json:"credentialType"`
	Title          string        `json:"title"`
	Status         string        `json:"status"`
	ExpiresAt      *Time         `json:"expiresAt,omitempty"`
	Expired        bool          `json:"expired,omitempty"`
	Notification   *Notification `json:"notification,omitempty"`
	CreatedAt      Time          `json:"createdAt"`
	UpdatedAt      Time          `json:"updatedAt"`
}

// CredentialRecord is how a credential is stored: the API view plus what
// the platform needs internally. Values never contains `data`.
type CredentialRecord struct {
	Credential     UserCredential    `json:"credential"`
	IssuanceRuleID string            `json:"issuanceRuleId,omitempty"`
	TypeVersion    int               `json:"typeVersion"`
	DataBound      bool              `json:"dataBound,omitempty"`
	Values         map[string]string `json:"values,omitempty"`
	Updates        int               `json:"updates,omitempty"`
}

// ProvisionedCredential is a credential as delivered to one wallet.
type ProvisionedCredential struct {
	Links          Links          `json:"_links,omitempty"`
	ID             string         `json:"id"`
	Environment    Ref            `json:"environment"`
	Credential     Ref            `json:"credential"`
	DigitalWallet  Ref            `json:"digitalWallet"`
	User           Ref            `json:"user"`
	Status         string         `json:"status"`
	ExpiresAt      *Time          `json:"expiresAt,omitempty"`
	ClaimReference map[string]any `json:"claimReference,omitempty"`
	WalletActions  []WalletAction `json:"walletActions"`
	CreatedAt      Time           `json:"createdAt"`
	UpdatedAt      Time           `json:"updatedAt"`
}

// WalletAction is one thing that happened to a provisioned credential.
type WalletAction struct {
	Action     string `json:"action"`
	OccurredAt Time   `json:"occurredAt"`
}
