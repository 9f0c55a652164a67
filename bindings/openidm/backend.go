// Package openidm implements the `openidm` binding: the IDM scripting
// functions create, read, update, delete, patch, action and query, with the
// semantics of IDM's REST (CREST) interface.
//
// The binding calls a Backend. This file is the contract between the two:
// the interface, the types that cross it (Opts, Query, QueryResult,
// PatchOperation) and the errors a back end returns (*Error, carrying IDM's
// HTTP status). REST, in this package, is the back end that calls a real
// IDM over HTTP with a bearer token. The local emulator (an in-memory store
// and a SQLite one) lives in package emulator/idm and implements the same
// interface.
package openidm

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Backend is what the binding calls. Resource paths are split before they
// reach it: collection is the resource collection ("managed/alpha_user") and
// id the object's identifier in it.
//
// rev is the revision a write requires; "" (or "*") accepts any revision.
// Every method returns the object as IDM returns it, with _id and _rev,
// projected on Opts.Fields when fields are given. Failures are *Error values
// carrying IDM's HTTP status code (404, 412, 400 …).
type Backend interface {
	// Create stores content as a new object. An empty id asks the back end
	// to generate one (a UUID); an id already in use fails with 412.
	Create(ctx context.Context, collection, id string, content map[string]any, o Opts) (map[string]any, error)
	// Read returns the object, or an *Error with code 404.
	Read(ctx context.Context, collection, id string, o Opts) (map[string]any, error)
	// Update replaces the object's content.
	Update(ctx context.Context, collection, id, rev string, content map[string]any, o Opts) (map[string]any, error)
	// Patch applies ops in order, all or nothing.
	Patch(ctx context.Context, collection, id, rev string, ops []PatchOperation, o Opts) (map[string]any, error)
	// Delete removes the object and returns it as it was.
	Delete(ctx context.Context, collection, id, rev string, o Opts) (map[string]any, error)
	// Query returns the objects of collection that match q.
	Query(ctx context.Context, collection string, q Query, o Opts) (*QueryResult, error)
	// Action runs an action on a resource (a collection, an object or a
	// service such as external/email) and returns its JSON result. The
	// binding records an EmailResource send or sendTemplate as an Email
	// once Action succeeds; a back end answers it as IDM does.
	Action(ctx context.Context, resource, action string, content any, o Opts) (any, error)
}

// Opts are the parameters every call carries besides its own.
type Opts struct {
	// Fields limits the returned objects to these fields: "*" for every
	// top-level field, "name/given" for a nested one. Empty means every
	// field.
	Fields []string
	// Params are the request's other parameters, passed through to a REST
	// back end as query parameters.
	Params map[string]string
}

// Query is a parsed query request.
type Query struct {
	// Filter is the _queryFilter text ("true" for every object).
	Filter string
	// QueryID is a predefined query (_queryId); only "query-all-ids" is
	// known to the local stores.
	QueryID string
	// PageSize is _pageSize; 0 returns every match in one page.
	PageSize int
	// Cookie is _pagedResultsCookie, from the previous page's result.
	Cookie string
	// Offset is _pagedResultsOffset.
	Offset int
	// SortKeys are the _sortKeys, each a field with an optional "-" (or
	// "+") prefix.
	SortKeys []string
	// TotalPolicy is _totalPagedResultsPolicy: NONE (default), EXACT or
	// ESTIMATE.
	TotalPolicy string
}

// QueryResult is a query's answer, in IDM's shape.
type QueryResult struct {
	Result                  []map[string]any `json:"result"`
	ResultCount             int              `json:"resultCount"`
	PagedResultsCookie      *string          `json:"pagedResultsCookie"`
	TotalPagedResultsPolicy string           `json:"totalPagedResultsPolicy"`
	TotalPagedResults       int              `json:"totalPagedResults"`
	RemainingPagedResults   int              `json:"remainingPagedResults"`
}

// ToMap is the result as the JSON object scripts receive.
func (r *QueryResult) ToMap() map[string]any {
	items := make([]any, len(r.Result))
	for i, o := range r.Result {
		items[i] = o
	}
	var cookie any
	if r.PagedResultsCookie != nil {
		cookie = *r.PagedResultsCookie
	}
	return map[string]any{
		"result":                  items,
		"resultCount":             int64(r.ResultCount),
		"pagedResultsCookie":      cookie,
		"totalPagedResultsPolicy": r.TotalPagedResultsPolicy,
		"totalPagedResults":       int64(r.TotalPagedResults),
		"remainingPagedResults":   int64(r.RemainingPagedResults),
	}
}

// PatchOperation is one IDM patch operation.
type PatchOperation struct {
	// Operation is add, remove, replace, increment, copy or move.
	Operation string `json:"operation"`
	// Field is the JSON pointer the operation targets; "/-" appends to an
	// array.
	Field string `json:"field"`
	// From is the source pointer of copy and move.
	From string `json:"from,omitempty"`
	// Value is the operand; absent for remove (all values) and move.
	Value any `json:"value,omitempty"`
	// HasValue tells a null Value from an absent one.
	HasValue bool `json:"-"`
}

// Error is a failed IDM request, with the HTTP status IDM answers.
type Error struct {
	Code    int
	Message string
	// Detail is the "detail" of IDM's error answer, if any: what a script
	// reads with e.javaException.getDetail().
	Detail any
}

// Common IDM failure codes.
const (
	CodeBadRequest         = http.StatusBadRequest
	CodeForbidden          = http.StatusForbidden
	CodeNotFound           = http.StatusNotFound
	CodeConflict           = http.StatusConflict
	CodePreconditionFailed = http.StatusPreconditionFailed
	CodeNotSupported       = http.StatusNotImplemented
	CodeInternal           = http.StatusInternalServerError
)

// Reason is the status text IDM puts in an error's "reason" field.
func (e *Error) Reason() string {
	if e.Code == CodeNotSupported {
		return "Not Implemented"
	}
	if t := http.StatusText(e.Code); t != "" {
		return t
	}
	return fmt.Sprintf("Error %d", e.Code)
}

func (e *Error) Error() string {
	return fmt.Sprintf("%d %s: %s", e.Code, e.Reason(), e.Message)
}

// Errorf returns an *Error with code and a formatted message.
func Errorf(code int, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// IsNotFound reports whether err is IDM's 404.
func IsNotFound(err error) bool { return Code(err) == CodeNotFound }

// Code returns the IDM status code of err, or 0 when err is not an *Error.
func Code(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// EmailResource is the IDM service that sends email.
const EmailResource = "external/email"

// SplitObject splits "managed/alpha_user/<id>" into its collection and id.
func SplitObject(resource string) (collection, id string, err error) {
	p, err := cleanPath(resource)
	if err != nil {
		return "", "", err
	}
	segs := strings.Split(p, "/")
	need := 2
	if segs[0] == "managed" || segs[0] == "internal" {
		need = 3
	}
	if len(segs) < need {
		return "", "", Errorf(CodeBadRequest, "%q names a collection, not an object: use %s/<id>", p, p)
	}
	i := strings.LastIndexByte(p, '/')
	return p[:i], p[i+1:], nil
}

// CleanCollection checks a collection path such as "managed/alpha_user". It
// is the rule the binding applies before calling a back end; back ends may
// use it on paths that reach them otherwise (seeds, HTTP requests).
func CleanCollection(resource string) (string, error) {
	p, err := cleanPath(resource)
	if err != nil {
		return "", err
	}
	if (p == "managed" || strings.HasPrefix(p, "managed/")) && strings.Count(p, "/") != 1 {
		return "", Errorf(CodeBadRequest, "%q is not a collection: managed object collections are managed/<type>", p)
	}
	return p, nil
}

func cleanPath(resource string) (string, error) {
	p := strings.Trim(strings.TrimSpace(resource), "/")
	p = strings.TrimPrefix(p, "openidm/")
	if p == "" {
		return "", Errorf(CodeBadRequest, "a resource path is required, such as managed/alpha_user")
	}
	for _, s := range strings.Split(p, "/") {
		if s == "" || s == "." || s == ".." {
			return "", Errorf(CodeBadRequest, "resource path %q has an empty or relative segment", resource)
		}
	}
	return p, nil
}
