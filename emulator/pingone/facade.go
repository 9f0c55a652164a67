package pingone

import (
	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

// The resource types callers of the emulator read.
type (
	// Time is a PingOne timestamp (RFC 3339, milliseconds, UTC).
	Time = model.Time
	// UserCredential is a user credential as the API returns it.
	UserCredential = model.UserCredential
)
