package pingone

import (
	"fmt"
	"strings"

	"github.com/google/uuid"
)

func (o *op) getIssuerProfile() (*IssuerProfile, error) {
	list, err := listObj[IssuerProfile](o.tx, kindIssuerProfile, o.env.ID, "")
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, notFound()
	}
	return list[0], nil
}

// putIssuerProfile creates the environment's single issuer profile or
// replaces its attributes; created reports which happened.
func (o *op) putIssuerProfile(in *IssuerProfile, mustExist bool) (p *IssuerProfile, created bool, err error) {
	if strings.TrimSpace(in.Name) == "" {
		return nil, false, requiredValue("name")
	}
	if in.SiteURL != "" && !isURL(in.SiteURL) {
		return nil, false, invalidValue("siteUrl", "must be an absolute URL")
	}
	existing, err := o.getIssuerProfile()
	if err != nil {
		if _, ok := asAPIError(err); !ok {
			return nil, false, err
		}
		if mustExist {
			return nil, false, err
		}
	}
	v := *in
	v.Links = nil
	v.Environment = Ref{ID: o.env.ID}
	v.UpdatedAt = newTime(o.now)
	if existing != nil {
		if !mustExist {
			return nil, false, constraintViolation("credentialIssuerProfile", "the environment already has an issuer profile")
		}
		v.ID, v.CreatedAt = existing.ID, existing.CreatedAt
	} else {
		v.ID, v.CreatedAt, created = uuid.NewString(), newTime(o.now), true
	}
	if err := o.tx.put(kindIssuerProfile, o.env.ID, "", v.ID, &v); err != nil {
		return nil, false, fmt.Errorf("store issuer profile: %w", err)
	}
	action := "updated"
	if created {
		action = "created"
	}
	o.record(kindIssuerProfile, v.ID, action)
	return &v, created, nil
}
