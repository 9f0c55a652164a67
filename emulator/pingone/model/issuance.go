package model

// Automation modes and rule states.
const (
	AutomationPeriodic = "PERIODIC"
	AutomationOnDemand = "ON_DEMAND"
	RuleActive         = "ACTIVE"
	RuleDisabled       = "DISABLED"
)

// Staged change actions.
const (
	ActionIssue  = "ISSUE"
	ActionUpdate = "UPDATE"
	ActionRevoke = "REVOKE"
)

// IssuanceRule issues an AUTOMATED credential type to the users it selects.
type IssuanceRule struct {
	Links                    Links         `json:"_links,omitempty"`
	ID                       string        `json:"id"`
	Environment              Ref           `json:"environment"`
	CredentialType           Ref           `json:"credentialType"`
	DigitalWalletApplication *Ref          `json:"digitalWalletApplication,omitempty"`
	Filter                   *RuleFilter   `json:"filter,omitempty"`
	Automation               *Automation   `json:"automation,omitempty"`
	Notification             *Notification `json:"notification,omitempty"`
	Status                   string        `json:"status"`
	CreatedAt                Time          `json:"createdAt"`
	UpdatedAt                Time          `json:"updatedAt"`
}

// RuleFilter selects users; exactly one kind may be set.
type RuleFilter struct {
	GroupIDs      []string `json:"groupIds,omitempty"`
	PopulationIDs []string `json:"populationIds,omitempty"`
	Scim          string   `json:"scim,omitempty"`
}

// Automation says, per action, whether it happens by itself or waits.
type Automation struct {
	Issue  string `json:"issue"`
	Update string `json:"update"`
	Revoke string `json:"revoke"`
}

func (a *Automation) ModeFor(action string) string {
	switch action {
	case ActionIssue:
		return a.Issue
	case ActionUpdate:
		return a.Update
	default:
		return a.Revoke
	}
}

// StagedChange is an ON_DEMAND action waiting to be applied.
type StagedChange struct {
	Links          Links  `json:"_links,omitempty"`
	ID             string `json:"id"`
	Environment    Ref    `json:"environment"`
	Action         string `json:"action"`
	Scheduled      bool   `json:"scheduled"`
	User           Ref    `json:"user"`
	CredentialType Ref    `json:"credentialType"`
	IssuanceRule   Ref    `json:"issuanceRule"`
	CreatedAt      Time   `json:"createdAt"`
}

// UsageCounts sums what a rule has done.
type UsageCounts struct {
	Links    Links `json:"_links,omitempty"`
	Issued   int   `json:"issued"`
	Accepted int   `json:"accepted"`
	Updated  int   `json:"updated"`
	Revoked  int   `json:"revoked"`
}
