package model

import (
	"encoding/json"
)

// VerifyTransaction is one PingOne Verify attempt of a user.
type VerifyTransaction struct {
	Links             Links             `json:"_links,omitempty"`
	ID                string            `json:"id"`
	TransactionStatus TransactionStatus `json:"transactionStatus"`
	VerifiedDocuments string            `json:"verifiedDocuments,omitempty"`
	QRURL             string            `json:"qrUrl,omitempty"`
	VerificationCode  string            `json:"verificationCode,omitempty"`
	CreatedAt         Time              `json:"createdAt"`
	UpdatedAt         Time              `json:"updatedAt"`
	ExpiresAt         Time              `json:"expiresAt"`
}

// TransactionStatus is the overall and per-check outcome.
type TransactionStatus struct {
	Status             string            `json:"status"`
	VerificationStatus map[string]string `json:"verificationStatus,omitempty"`
}

// Retry numbers the attempt an entry belongs to.
type Retry struct {
	Attempt int `json:"attempt" yaml:"attempt"`
}

// VerifyMetaData explains a decision (scores, judgements).
type VerifyMetaData struct {
	Links    Links           `json:"_links,omitempty"`
	ID       string          `json:"id"`
	Provider string          `json:"provider"`
	Type     string          `json:"type"`
	Status   string          `json:"status"`
	Data     json.RawMessage `json:"data,omitempty"`
	Retry    *Retry          `json:"retry,omitempty"`
}

// VerifiedData is PII a provider extracted during a transaction.
type VerifiedData struct {
	Links     Links           `json:"_links,omitempty"`
	ID        string          `json:"id"`
	Type      string          `json:"type"`
	CreatedAt Time            `json:"createdAt"`
	Data      json.RawMessage `json:"data,omitempty"`
	Retry     *Retry          `json:"retry,omitempty"`
}

// IsVerifyStatus tells whether s is a Verify transaction status: a
// decision (see IsVerifyDecision) or one still under way.
func IsVerifyStatus(s string) bool {
	switch s {
	case "REQUESTED", "PARTIAL", "INITIATED", "IN_PROGRESS":
		return true
	}
	return IsVerifyDecision(s)
}

// IsVerifyDecision tells whether s is a terminal Verify status.
func IsVerifyDecision(s string) bool {
	switch s {
	case "SUCCESS", "NOT_REQUIRED", "FAIL", "APPROVED_NO_REQUEST", "APPROVED_MANUALLY":
		return true
	}
	return false
}
