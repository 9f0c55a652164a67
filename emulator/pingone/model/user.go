package model

// User is a PingOne directory user (the attributes credentials and Verify use).
type User struct {
	Links             Links          `json:"_links,omitempty"`
	Embedded          map[string]any `json:"_embedded,omitempty"`
	ID                string         `json:"id"`
	Environment       Ref            `json:"environment"`
	Population        *Ref           `json:"population,omitempty"`
	CreatedAt         Time           `json:"createdAt"`
	UpdatedAt         Time           `json:"updatedAt"`
	Username          string         `json:"username"`
	Email             string         `json:"email,omitempty"`
	Name              *UserName      `json:"name,omitempty"`
	Nickname          string         `json:"nickname,omitempty"`
	Title             string         `json:"title,omitempty"`
	PreferredLanguage string         `json:"preferredLanguage,omitempty"`
	Locale            string         `json:"locale,omitempty"`
	Timezone          string         `json:"timezone,omitempty"`
	AccountID         string         `json:"accountId,omitempty"`
	Type              string         `json:"type,omitempty"`
	PrimaryPhone      string         `json:"primaryPhone,omitempty"`
	MobilePhone       string         `json:"mobilePhone,omitempty"`
	Photo             *Link          `json:"photo,omitempty"`
	Address           *Address       `json:"address,omitempty"`
	Enabled           bool           `json:"enabled"`
	Lifecycle         Lifecycle      `json:"lifecycle"`
	MfaEnabled        bool           `json:"mfaEnabled"`
	MemberOfGroupIDs  []string       `json:"memberOfGroupIDs,omitempty"`
}

// UserName is the SCIM-like name of a user.
type UserName struct {
	Formatted       string `json:"formatted,omitempty" yaml:"formatted,omitempty"`
	Given           string `json:"given,omitempty" yaml:"given,omitempty"`
	Middle          string `json:"middle,omitempty" yaml:"middle,omitempty"`
	Family          string `json:"family,omitempty" yaml:"family,omitempty"`
	HonorificPrefix string `json:"honorificPrefix,omitempty" yaml:"honorificPrefix,omitempty"`
	HonorificSuffix string `json:"honorificSuffix,omitempty" yaml:"honorificSuffix,omitempty"`
}

// Address is a user's postal address.
type Address struct {
	StreetAddress string `json:"streetAddress,omitempty" yaml:"streetAddress,omitempty"`
	Locality      string `json:"locality,omitempty" yaml:"locality,omitempty"`
	Region        string `json:"region,omitempty" yaml:"region,omitempty"`
	PostalCode    string `json:"postalCode,omitempty" yaml:"postalCode,omitempty"`
	CountryCode   string `json:"countryCode,omitempty" yaml:"countryCode,omitempty"`
}

// Lifecycle is the account state of a user.
type Lifecycle struct {
	Status string `json:"status"`
}

// Population and Group are the directory partitions issuance rules filter on.
type Population struct {
	Links       Links  `json:"_links,omitempty"`
	ID          string `json:"id"`
	Environment Ref    `json:"environment"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	CreatedAt   Time   `json:"createdAt"`
	UpdatedAt   Time   `json:"updatedAt"`
}

// Group is a named set of users.
type Group struct {
	Links       Links  `json:"_links,omitempty"`
	ID          string `json:"id"`
	Environment Ref    `json:"environment"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	CreatedAt   Time   `json:"createdAt"`
	UpdatedAt   Time   `json:"updatedAt"`
}
