package model

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Credential type management modes.
const (
	ModeAutomated = "AUTOMATED"
	ModeManaged   = "MANAGED"
)

// Field types of a credential type.
const (
	FieldAlphanumeric = "Alphanumeric Text"
	FieldDirectory    = "Directory Attribute"
	FieldIssuedAt     = "Issued Timestamp"
)

// CredentialType describes a card that can be issued.
type CredentialType struct {
	Links              Links               `json:"_links,omitempty"`
	ID                 string              `json:"id"`
	CreatedAt          Time                `json:"createdAt"`
	UpdatedAt          Time                `json:"updatedAt"`
	Environment        Ref                 `json:"environment"`
	Issuer             *Ref                `json:"issuer,omitempty"`
	Management         *Management         `json:"management,omitempty"`
	Title              string              `json:"title"`
	Description        string              `json:"description,omitempty"`
	CardType           string              `json:"cardType,omitempty"`
	IssuerName         string              `json:"issuerName,omitempty"`
	URI                string              `json:"uri,omitempty"`
	Version            *TypeVersion        `json:"version,omitempty"`
	Metadata           *CredentialMetadata `json:"metadata,omitempty"`
	CardDesignTemplate string              `json:"cardDesignTemplate"`
	Multiple           *Multiple           `json:"multiple,omitempty"`
	OnDelete           *OnDelete           `json:"onDelete,omitempty"`
	Expiration         *Expiration         `json:"expiration,omitempty"`
	DeletedAt          *Time               `json:"deletedAt,omitempty"`
}

// Management says who issues the credentials of a type.
type Management struct {
	Mode string `json:"mode"`
}

// TypeVersion identifies a revision of a credential type.
type TypeVersion struct {
	ID     string `json:"id,omitempty"`
	Number int    `json:"number"`
	URI    string `json:"uri,omitempty"`
}

// Multiple allows several credentials of a type per user.
type Multiple struct {
	Expression string `json:"expression"`
}

// OnDelete says what deleting the type does to issued credentials.
type OnDelete struct {
	RevokeIssuedCredentials *bool `json:"revokeIssuedCredentials,omitempty"`
}

// Expiration configures when automated credentials expire.
type Expiration struct {
	Type       string          `json:"type,omitempty"`
	FieldName  string          `json:"fieldName,omitempty"`
	After      *ExpirationSpan `json:"after,omitempty"`
	Timestamp  string          `json:"timestamp,omitempty"`
	Expression string          `json:"expression,omitempty"`
}

// ExpirationSpan is a duration such as 30 DAYS.
type ExpirationSpan struct {
	Duration int    `json:"duration"`
	TimeUnit string `json:"timeUnit"`
}

// CredentialMetadata is the card's look and its fields.
type CredentialMetadata struct {
	Name             string      `json:"name,omitempty"`
	Description      string      `json:"description,omitempty"`
	BackgroundImage  string      `json:"backgroundImage,omitempty"`
	LogoImage        string      `json:"logoImage,omitempty"`
	CardColor        string      `json:"cardColor,omitempty"`
	TextColor        string      `json:"textColor,omitempty"`
	BgOpacityPercent *FlexNumber `json:"bgOpacityPercent,omitempty"`
	Columns          *int        `json:"columns,omitempty"`
	Version          *FlexNumber `json:"version,omitempty"`
	Fields           []Field     `json:"fields"`
}

// Field is one line of a card.
type Field struct {
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	IsVisible   *bool   `json:"isVisible,omitempty"`
	Type        string  `json:"type"`
	Value       *string `json:"value,omitempty"`
	Attribute   string  `json:"attribute,omitempty"`
	Required    bool    `json:"required"`
	FileSupport string  `json:"fileSupport,omitempty"`
	Default     string  `json:"default,omitempty"`
}

func (f Field) DefaultValue() string {
	if f.Value != nil {
		return *f.Value
	}
	return ""
}

// FlexNumber accepts 20 or "20": the reference documents some numeric
// metadata as strings while its own examples send numbers.
type FlexNumber float64

// MarshalJSON writes n without an exponent.
func (n FlexNumber) MarshalJSON() ([]byte, error) {
	return []byte(strconv.FormatFloat(float64(n), 'f', -1, 64)), nil
}

func (n *FlexNumber) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return fmt.Errorf("%s is not a number", string(b))
	}
	*n = FlexNumber(f)
	return nil
}

func (c *CredentialType) Mode() string {
	if c.Management == nil || c.Management.Mode == "" {
		return ModeAutomated
	}
	return c.Management.Mode
}

func (c *CredentialType) RevokeOnDelete() bool {
	return c.OnDelete == nil || c.OnDelete.RevokeIssuedCredentials == nil || *c.OnDelete.RevokeIssuedCredentials
}

// IssuerProfile is the environment's credential issuer.
type IssuerProfile struct {
	Links       Links  `json:"_links,omitempty"`
	ID          string `json:"id"`
	Environment Ref    `json:"environment"`
	Name        string `json:"name"`
	SiteURL     string `json:"siteUrl,omitempty"`
	Logo        string `json:"logo,omitempty"`
	CreatedAt   Time   `json:"createdAt"`
	UpdatedAt   Time   `json:"updatedAt"`
}
