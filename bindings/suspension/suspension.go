// Package suspension holds what a suspended journey needs: the
// `resumedFromSuspend` binding (true on the pass that resumes a suspended
// journey), the back end that says how resume URIs are made, and the
// output that records a suspension (action.suspend, in package action).
//
// journeyjs's resume URI is AM's usual shape:
//
//	<base>/XUI/?realm=<realm>&suspendedId=<id>
//
// base is Config.BaseURL (default DefaultBaseURL) and id Config.NewID's (a
// random id by default). The client resumes the journey by following it,
// that is by calling /json/authenticate with suspendedId=<id>; the next
// pass then runs with Resumed set.
package suspension

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"strings"

	"github.com/dop251/goja"

	"github.com/journeyjs/journeyjs/bindings"
)

// DefaultBaseURL is the base of resume URIs when Config gives none.
const DefaultBaseURL = "http://localhost:8080/am"

// Config says how resume URIs are made.
type Config struct {
	// BaseURL is AM's base URL, e.g. https://tenant.example.com/am.
	BaseURL string
	// NewID makes a suspension's id; nil means a random one.
	NewID func() string
}

// ConfigKey is the back end of action.suspend: how it makes resume URIs.
var ConfigKey = bindings.NewBackend[Config]("suspension")

// Resumed is the back end of `resumedFromSuspend`: true on the pass that
// resumes a suspended journey.
var Resumed = bindings.NewBackend[bool]("resumedFromSuspend")

// Suspension is what a pass that suspended the journey recorded.
type Suspension struct {
	// ID is the suspension's id, the resume URI's suspendedId.
	ID string `json:"suspendedId"`
	// ResumeURI is the URI that resumes the journey ({0} of the message).
	ResumeURI string `json:"resumeUri"`
	// Message is the SuspendedTextOutputCallback's text.
	Message string `json:"message"`
	// MaxMinutes is the maximum suspend duration given, 0 for the
	// tenant's default.
	MaxMinutes int64 `json:"maxMinutes,omitempty"`
}

// Suspended is the output of a pass that called action.suspend.
var Suspended = bindings.NewOutput[Suspension]("suspended")

// NewSuspension makes the id and resume URI of a suspension in realm.
func (c Config) NewSuspension(realm string) Suspension {
	id := ""
	if c.NewID != nil {
		id = c.NewID()
	} else {
		var b [16]byte
		_, _ = rand.Read(b[:])
		id = hex.EncodeToString(b[:])
	}
	base := c.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	if realm == "" {
		realm = "/"
	}
	uri := strings.TrimRight(base, "/") + "/XUI/?realm=" + realm + "&suspendedId=" + url.QueryEscape(id)
	return Suspension{ID: id, ResumeURI: uri}
}

// Binding is `resumedFromSuspend`, a boolean of the run's own.
var Binding = bindings.Define("resumedFromSuspend", func(vm *bindings.VM) bindings.Instance {
	return &instance{rt: vm.Runtime, val: vm.Runtime.ToValue(false)}
})

type instance struct {
	rt  *goja.Runtime
	val goja.Value
}

func (i *instance) Value() goja.Value { return i.val }

// RunValue implements bindings.PerRun.
func (i *instance) RunValue() goja.Value { return i.val }

func (i *instance) Begin(run *bindings.Run) { i.val = i.rt.ToValue(Resumed.From(run)) }

func (i *instance) End(*bindings.Run) { i.val = i.rt.ToValue(false) }
