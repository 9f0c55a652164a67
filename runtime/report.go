package runtime

import (
	"errors"

	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/openidm"
)

// Report is the JSON form of a run: what `journeyjs run --format json`
// prints, what the reference server answers, and what test cases compare.
type Report struct {
	Outcome           string            `json:"outcome"`
	SharedState       map[string]any    `json:"sharedState"`
	TransientState    map[string]any    `json:"transientState"`
	Headers           []string          `json:"headers"`
	Description       string            `json:"description"`
	ErrorMessage      string            `json:"errorMessage"`
	LockoutMessage    string            `json:"lockoutMessage,omitempty"`
	IdentifiedUser    string            `json:"identifiedUser,omitempty"`
	Stage             string            `json:"stage,omitempty"`
	SessionProperties map[string]string `json:"sessionProperties,omitempty"`
	Logs              []logger.Record   `json:"logs"`
	IDMChanges        []openidm.Change  `json:"idmChanges,omitempty"`
	Emails            []openidm.Email   `json:"emails,omitempty"`
	HTTPCalls         []httpclient.Call `json:"httpCalls,omitempty"`
	DurationMs        float64           `json:"durationMs"`
	Error             *ReportError      `json:"error,omitempty"`
}

// ReportError is the JSON form of a failed run's error.
type ReportError struct {
	Kind    ErrorKind `json:"kind"`
	Message string    `json:"message"`
	File    string    `json:"file,omitempty"`
	Line    int       `json:"line,omitempty"`
	Column  int       `json:"column,omitempty"`
	Stack   string    `json:"stack,omitempty"`
}

// NewReport builds the report of a run from Run's two results. Empty state
// and lists come out as {} and [], never null, so consumers need no checks.
func NewReport(res Result, err error) Report {
	r := Report{
		Outcome:           res.Outcome,
		SharedState:       res.SharedState,
		TransientState:    res.TransientState,
		Headers:           res.Headers,
		Description:       res.Description,
		ErrorMessage:      res.ErrorMessage,
		LockoutMessage:    res.LockoutMessage,
		IdentifiedUser:    res.IdentifiedUser,
		Stage:             res.Stage,
		SessionProperties: res.SessionProperties,
		Logs:              res.Logs,
		IDMChanges:        res.IDMChanges,
		Emails:            res.Emails,
		HTTPCalls:         res.HTTPCalls,
		DurationMs:        float64(res.Duration.Microseconds()) / 1000,
	}
	if r.SharedState == nil {
		r.SharedState = map[string]any{}
	}
	if r.TransientState == nil {
		r.TransientState = map[string]any{}
	}
	if r.Headers == nil {
		r.Headers = []string{}
	}
	if r.Logs == nil {
		r.Logs = []logger.Record{}
	}
	if err != nil {
		re := &ReportError{Kind: KindException, Message: err.Error()}
		var se *ScriptError
		if errors.As(err, &se) {
			re = &ReportError{Kind: se.Kind, Message: se.Message, File: se.File, Line: se.Line, Column: se.Column, Stack: se.Stack}
		}
		r.Error = re
	}
	return r
}
