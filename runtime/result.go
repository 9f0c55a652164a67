package runtime

import (
	"time"

	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/openidm"
)

// Result is what a run produced. When a run fails, Run returns the partial
// Result (state and logs up to the failure) together with the error.
type Result struct {
	// Outcome is the outcome passed to action.goTo.
	Outcome string
	// SharedState and TransientState are the node state after the run. When
	// the script did not change a state, its map is the one from Input.
	SharedState    map[string]any
	TransientState map[string]any

	// Headers are the page header texts set with action.withHeader.
	Headers        []string
	Description    string
	ErrorMessage   string
	LockoutMessage string
	IdentifiedUser string
	Stage          string
	// SessionProperties were set with action.putSessionProperty.
	SessionProperties map[string]string

	// Logs are the lines the script logged at enabled levels.
	Logs []logger.Record
	// SecretsRead lists the secret labels the script read (never values).
	SecretsRead []string
	// IDMChanges lists the IDM objects the script created, updated, patched
	// or deleted through `openidm`, in order.
	IDMChanges []openidm.Change
	// Emails are the messages the script sent with
	// openidm.action("external/email", "send", …).
	Emails []openidm.Email
	// HTTPCalls are the requests the script sent with httpClient, in order,
	// with credentials masked.
	HTTPCalls []httpclient.Call

	// Duration is the wall time of the run, compile included.
	Duration time.Duration
}
