package verify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Transaction is a PingOne Verify transaction, as LastTransaction reads it.
type Transaction struct {
	// ID is the transaction's id.
	ID string
	// Status is transactionStatus.status: REQUESTED, PARTIAL, INITIATED,
	// IN_PROGRESS, SUCCESS, NOT_REQUIRED, APPROVED_NO_REQUEST,
	// APPROVED_MANUALLY or FAIL.
	Status string
	// VerificationStatus is transactionStatus.verificationStatus: each
	// check's status by verification type.
	VerificationStatus map[string]string
	// UpdatedAt is when the transaction last changed; zero when PingOne's
	// answer has no updatedAt that parses.
	UpdatedAt time.Time
	// JSON is PingOne's JSON of the transaction, as is.
	JSON json.RawMessage
}

// ErrNoBackend is the error of a call made without a back end; its message
// is NoBackend.
var ErrNoBackend = errors.New(NoBackend)

// NoUserError is the error of a call whose node state names no PingOne
// user: it has neither the user id key nor UsernameKey.
type NoUserError struct {
	// Key is the node state key the PingOne user id was looked for under.
	Key string
}

func (e *NoUserError) Error() string {
	return fmt.Sprintf("no PingOne user for this journey: node state has neither %q nor %q", e.Key, UsernameKey)
}

// RequestError is a PingOne request that failed: PingOne answered with a
// status other than 2xx or 404 (Status and Body are its answer), the
// request got no answer (Status is 0, Err says why), or the answer does not
// parse (Status is 0).
type RequestError struct {
	Status int
	Body   []byte
	Err    error
}

func (e *RequestError) Error() string {
	if e.Err != nil {
		return e.Err.Error()
	}
	return fmt.Sprintf("PingOne answered %d %s: %s", e.Status, http.StatusText(e.Status), strings.TrimSpace(string(e.Body)))
}

func (e *RequestError) Unwrap() error { return e.Err }

// ParseError is a PingOne answer that is not the JSON expected: What says
// which, in words a script may read; Err is the decoder's complaint.
type ParseError struct {
	What string
	Err  error
}

func (e *ParseError) Error() string { return e.What + ": " + e.Err.Error() }

func (e *ParseError) Unwrap() error { return e.Err }

// LastTransaction returns the newest Verify transaction (the latest
// updatedAt) of the journey's PingOne user, found as verifyTransactionsHelper
// finds it: the id in node state under be.UserIDKey() (DefaultUserIDKey when
// empty), else the PingOne user whose username is node state UsernameKey.
// state reads node state (transient first, then shared, as nodeState.get).
//
// It returns nil and no error when the user has no transaction, or when the
// username matches no PingOne user. The errors are ErrNoBackend (be is nil),
// a *NoUserError (node state names no user) and a *RequestError (PingOne
// failed).
//
// verifyTransactionsHelper.getLastVerifyTransaction answers with it, and
// the journey walker's PingOne Verify Completion Decision node takes its
// outcome from it.
func LastTransaction(ctx context.Context, be Backend, state State) (*Transaction, error) {
	u, err := userPath(ctx, be, state)
	if err != nil || u == "" {
		return nil, err
	}
	status, body, err := do(ctx, be, http.MethodGet, u+"/verifyTransactions", nil)
	if err != nil || status == http.StatusNotFound {
		return nil, err
	}
	var list struct {
		Embedded struct {
			Items []json.RawMessage `json:"verifyTransactions"`
		} `json:"_embedded"`
	}
	if err := json.Unmarshal(body, &list); err != nil {
		return nil, &RequestError{Err: &ParseError{What: "the transaction list does not parse", Err: err}}
	}
	var last *Transaction
	for _, raw := range list.Embedded.Items {
		var t struct {
			ID                string `json:"id"`
			UpdatedAt         string `json:"updatedAt"`
			TransactionStatus struct {
				Status             string            `json:"status"`
				VerificationStatus map[string]string `json:"verificationStatus"`
			} `json:"transactionStatus"`
		}
		_ = json.Unmarshal(raw, &t)
		at, _ := time.Parse(time.RFC3339Nano, t.UpdatedAt)
		if last == nil || at.After(last.UpdatedAt) {
			last = &Transaction{ID: t.ID, Status: t.TransactionStatus.Status,
				VerificationStatus: t.TransactionStatus.VerificationStatus, UpdatedAt: at, JSON: raw}
		}
	}
	return last, nil
}

// do sends one request and returns the status and body of a 2xx or 404
// answer; anything else is a *RequestError.
func do(ctx context.Context, be Backend, method, path string, body []byte) (int, []byte, error) {
	status, resp, err := be.Do(ctx, method, path, body)
	if err != nil {
		return 0, nil, &RequestError{Err: err}
	}
	if status/100 != 2 && status != http.StatusNotFound {
		return 0, nil, &RequestError{Status: status, Body: resp}
	}
	return status, resp, nil
}

// userPath returns the escaped path of the journey user in PingOne, or ""
// when the username in node state matches no PingOne user.
func userPath(ctx context.Context, be Backend, state State) (string, error) {
	if be == nil {
		return "", ErrNoBackend
	}
	key := be.UserIDKey()
	if key == "" {
		key = DefaultUserIDKey
	}
	if state != nil {
		if v, ok := state(key); ok && v != nil && fmt.Sprint(v) != "" {
			return "/users/" + url.PathEscape(fmt.Sprint(v)), nil
		}
		if v, ok := state(UsernameKey); ok && v != nil && fmt.Sprint(v) != "" {
			return userByName(ctx, be, fmt.Sprint(v))
		}
	}
	return "", &NoUserError{Key: key}
}

func userByName(ctx context.Context, be Backend, username string) (string, error) {
	filter := `username eq "` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(username) + `"`
	status, body, err := do(ctx, be, http.MethodGet, "/users?filter="+url.QueryEscape(filter), nil)
	if err != nil || status == http.StatusNotFound {
		return "", err
	}
	var list struct {
		Embedded struct {
			Users []struct {
				ID string `json:"id"`
			} `json:"users"`
		} `json:"_embedded"`
	}
	if err := json.Unmarshal(body, &list); err != nil {
		return "", &RequestError{Err: &ParseError{What: "the user search answer does not parse", Err: err}}
	}
	if len(list.Embedded.Users) == 0 || list.Embedded.Users[0].ID == "" {
		return "", nil
	}
	return "/users/" + url.PathEscape(list.Embedded.Users[0].ID), nil
}
