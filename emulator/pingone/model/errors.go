package model

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/google/uuid"
)

// APIError is a PingOne error response. Services return it to say exactly
// which status and body the client sees; any other error becomes a 500.
type APIError struct {
	Status  int           `json:"-"`
	ID      string        `json:"id"`
	Code    string        `json:"code"`
	Message string        `json:"message"`
	Details []ErrorDetail `json:"details,omitempty"`
}

// ErrorDetail names one problem and the request property it concerns.
type ErrorDetail struct {
	Code       string         `json:"code"`
	Target     string         `json:"target,omitempty"`
	Message    string         `json:"message"`
	InnerError map[string]any `json:"innerError,omitempty"`
}

func (e *APIError) Error() string {
	s := fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message)
	for _, d := range e.Details {
		s += fmt.Sprintf(" [%s %s: %s]", d.Code, d.Target, d.Message)
	}
	return s
}

// Detail codes used in INVALID_DATA errors.
const (
	DetailInvalidValue        = "INVALID_VALUE"
	DetailRequiredValue       = "REQUIRED_VALUE"
	DetailUniquenessViolation = "UNIQUENESS_VIOLATION"
	DetailConstraintViolation = "CONSTRAINT_VIOLATION"
)

func NewAPIError(status int, code, msg string, details ...ErrorDetail) *APIError {
	return &APIError{Status: status, ID: uuid.NewString(), Code: code, Message: msg, Details: details}
}

func invalidData(details ...ErrorDetail) *APIError {
	return NewAPIError(http.StatusBadRequest, "INVALID_DATA",
		"The request could not be completed. One or more validation errors were in the request.", details...)
}

func InvalidValue(target, msg string) *APIError {
	return invalidData(ErrorDetail{Code: DetailInvalidValue, Target: target, Message: msg})
}

func RequiredValue(target string) *APIError {
	return invalidData(ErrorDetail{Code: DetailRequiredValue, Target: target, Message: target + " is required"})
}

func ConstraintViolation(target, msg string) *APIError {
	return invalidData(ErrorDetail{Code: DetailConstraintViolation, Target: target, Message: msg})
}

func NotFound() *APIError {
	return NewAPIError(http.StatusNotFound, "NOT_FOUND",
		"The request could not be completed. The requested resource was not found.")
}

func Unauthorized() *APIError {
	return NewAPIError(http.StatusUnauthorized, "INVALID_TOKEN",
		"The request could not be completed. The access token is missing, unknown or expired.")
}

func Forbidden() *APIError {
	return NewAPIError(http.StatusForbidden, "ACCESS_FAILED",
		"The request could not be completed. The access token does not grant access to this environment.")
}

// Validation collects details so one response can name every bad property.
type Validation struct{ details []ErrorDetail }

func (v *Validation) Add(code, target, msg string) {
	v.details = append(v.details, ErrorDetail{Code: code, Target: target, Message: msg})
}
func (v *Validation) Invalid(target, msg string) { v.Add(DetailInvalidValue, target, msg) }
func (v *Validation) Required(target string) {
	v.Add(DetailRequiredValue, target, target+" is required")
}

func (v *Validation) Err() error {
	if len(v.details) == 0 {
		return nil
	}
	return invalidData(v.details...)
}

// AsAPIError reports whether err carries an APIError.
func AsAPIError(err error) (*APIError, bool) {
	var ae *APIError
	ok := errors.As(err, &ae)
	return ae, ok
}
