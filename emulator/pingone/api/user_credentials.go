package api

import (
	"net/http"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

const revokeCredentialType = "application/vnd.pingidentity.validations.revokeCredential+json"

func renderCredential(rc *rctx, o *platform.Op, rec *model.CredentialRecord) *model.UserCredential {
	c := o.CredentialView(rec)
	c.Links = rc.self("users", c.User.ID, "credentials", c.ID)
	c.Links["user"] = model.Link{Href: rc.envURL("users", c.User.ID)}
	c.Links["credentialType"] = model.Link{Href: rc.envURL("credentialTypes", c.CredentialType.ID)}
	c.Links["provisionedCredentials"] = model.Link{Href: rc.envURL("users", c.User.ID, "credentials", c.ID, "provisionedCredentials")}
	return c
}

func (s *server) routeUserCredentials(mux *http.ServeMux) {
	base := "/v1/environments/{envID}/users/{userID}/credentials"
	s.api(mux, "POST "+base, func(rc *rctx, o *platform.Op) (int, any, error) {
		var in platform.CredentialRequest
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		rec, err := o.CreateManagedCredential(rc.path("userID"), &in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, renderCredential(rc, o, rec), nil
	})
	s.api(mux, "GET "+base, func(rc *rctx, o *platform.Op) (int, any, error) {
		if _, err := o.GetUser(rc.path("userID")); err != nil {
			return 0, nil, err
		}
		list, err := o.CredentialsOf(rc.path("userID"))
		if err != nil {
			return 0, nil, err
		}
		out := make([]*model.UserCredential, 0, len(list))
		for _, rec := range list {
			out = append(out, renderCredential(rc, o, rec))
		}
		return http.StatusOK, newCollection(rc.envURL("users", rc.path("userID"), "credentials"), "items", out), nil
	})
	s.api(mux, "GET "+base+"/{credID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		rec, err := o.GetCredential(rc.path("userID"), rc.path("credID"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderCredential(rc, o, rec), nil
	})
	s.api(mux, "PUT "+base+"/{credID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in platform.CredentialRequest
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		rec, err := o.UpdateCredential(rc.path("userID"), rc.path("credID"), &in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderCredential(rc, o, rec), nil
	})
	// Revoke is a POST on the credential, told apart by its content type;
	// the body is ignored.
	s.api(mux, "POST "+base+"/{credID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		if !hasContentType(rc.r, revokeCredentialType) {
			return 0, nil, model.InvalidValue("Content-Type", "must be "+revokeCredentialType)
		}
		rec, err := o.GetCredential(rc.path("userID"), rc.path("credID"))
		if err != nil {
			return 0, nil, err
		}
		if err := o.RevokeCredential(rec); err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderCredential(rc, o, rec), nil
	})
	s.api(mux, "GET "+base+"/{credID}/provisionedCredentials", func(rc *rctx, o *platform.Op) (int, any, error) {
		if _, err := o.GetCredential(rc.path("userID"), rc.path("credID")); err != nil {
			return 0, nil, err
		}
		list, err := o.ProvisionedOf(rc.path("credID"))
		if err != nil {
			return 0, nil, err
		}
		out := make([]*model.ProvisionedCredential, 0, len(list))
		for _, pc := range list {
			out = append(out, renderProvisioned(rc, pc))
		}
		return http.StatusOK, newCollection(rc.envURL("users", rc.path("userID"), "credentials", rc.path("credID"), "provisionedCredentials"), "provisionedCredentials", out), nil
	})
}
