package model

// Digital wallet states.
const (
	WalletPairingRequired = "PAIRING_REQUIRED"
	WalletActive          = "ACTIVE"
	WalletInactive        = "INACTIVE"
	WalletDisabled        = "DISABLED"
)

// Pairing session states.
const (
	PairingInitial   = "INITIAL"
	PairingCompleted = "COMPLETED"
)

// DigitalWalletApplication is a wallet app registered with the environment.
type DigitalWalletApplication struct {
	Links                Links  `json:"_links,omitempty"`
	ID                   string `json:"id"`
	Environment          Ref    `json:"environment"`
	Application          *Ref   `json:"application,omitempty"`
	Name                 string `json:"name"`
	AppOpenURL           string `json:"appOpenUrl"`
	UsesPingOneWalletSDK *bool  `json:"usesPingOneWalletSDK,omitempty"`
	CreatedAt            Time   `json:"createdAt"`
	UpdatedAt            Time   `json:"updatedAt"`
}

// DigitalWallet is one user's instance of a wallet app.
type DigitalWallet struct {
	Links                    Links           `json:"_links,omitempty"`
	ID                       string          `json:"id"`
	Environment              Ref             `json:"environment"`
	User                     Ref             `json:"user"`
	DigitalWalletApplication Ref             `json:"digitalWalletApplication"`
	Name                     string          `json:"name,omitempty"`
	Status                   string          `json:"status"`
	PairingSession           *PairingSession `json:"pairingSession,omitempty"`
	ApplicationInstance      *Ref            `json:"applicationInstance,omitempty"`
	Notification             *Notification   `json:"notification,omitempty"`
	CreatedAt                Time            `json:"createdAt"`
	UpdatedAt                Time            `json:"updatedAt"`
}

// PairingSession is how a phone proves it is the user's wallet.
type PairingSession struct {
	ID        string `json:"id"`
	Challenge string `json:"challenge"`
	QRURL     string `json:"qrUrl,omitempty"`
	Status    string `json:"status"`
}
