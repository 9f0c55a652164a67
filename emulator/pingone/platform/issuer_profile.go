package platform

import (
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

func (o *Op) GetIssuerProfile() (*model.IssuerProfile, error) {
	list, err := store.List[model.IssuerProfile](o.tx, model.KindIssuerProfile, o.env.ID, "")
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, model.NotFound()
	}
	return list[0], nil
}

// PutIssuerProfile creates the environment's single issuer profile or
// replaces its attributes; created reports which happened.
func (o *Op) PutIssuerProfile(in *model.IssuerProfile, mustExist bool) (p *model.IssuerProfile, created bool, err error) {
	if strings.TrimSpace(in.Name) == "" {
		return nil, false, model.RequiredValue("name")
	}
	if in.SiteURL != "" && !isURL(in.SiteURL) {
		return nil, false, model.InvalidValue("siteUrl", "must be an absolute URL")
	}
	existing, err := o.GetIssuerProfile()
	if err != nil {
		if _, ok := model.AsAPIError(err); !ok {
			return nil, false, err
		}
		if mustExist {
			return nil, false, err
		}
	}
	v := *in
	v.Links = nil
	v.Environment = model.Ref{ID: o.env.ID}
	v.UpdatedAt = model.NewTime(o.now)
	if existing != nil {
		if !mustExist {
			return nil, false, model.ConstraintViolation("credentialIssuerProfile", "the environment already has an issuer profile")
		}
		v.ID, v.CreatedAt = existing.ID, existing.CreatedAt
	} else {
		v.ID, v.CreatedAt, created = uuid.NewString(), model.NewTime(o.now), true
	}
	if err := o.tx.Put(model.KindIssuerProfile, o.env.ID, "", v.ID, &v); err != nil {
		return nil, false, fmt.Errorf("store issuer profile: %w", err)
	}
	action := "updated"
	if created {
		action = "created"
	}
	o.record(model.KindIssuerProfile, v.ID, action)
	return &v, created, nil
}
