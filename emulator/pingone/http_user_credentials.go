package pingone

import (
	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"net/http"
)

const revokeCredentialType = "application/vnd.pingidentity.validations.revokeCredential+json"

func renderCredential(rc *rctx, o *op, rec *model.CredentialRecord) *model.UserCredential {
	c := o.view(rec)
	c.Links = rc.self("users", c.User.ID, "credentials", c.ID)
	c.Links["user"] = model.Link{Href: rc.envURL("users", c.User.ID)}
	c.Links["credentialType"] = model.Link{Href: rc.envURL("credentialTypes", c.CredentialType.ID)}
	c.Links["provisionedCredentials"] = model.Link{Href: rc.envURL("users", c.User.ID, "credentials", c.ID, "provisionedCredentials")}
	return c
}

func (s *server) routeUserCredentials(mux *http.ServeMux) {
	base := "/v1/environments/{envID}/users/{userID}/credentials"
	s.api(mux, "POST "+base, func(rc *rctx, o *op) (int, any, error) {
		var in CredentialRequest
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		rec, err := o.createManagedCredential(rc.path("userID"), &in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, renderCredential(rc, o, rec), nil
	})
	s.api(mux, "GET "+base, func(rc *rctx, o *op) (int, any, error) {
		if _, err := o.getUser(rc.path("userID")); err != nil {
			return 0, nil, err
		}
		list, err := o.credentialsOf(rc.path("userID"))
		if err != nil {
			return 0, nil, err
		}
		out := make([]*model.UserCredential, 0, len(list))
		for _, rec := range list {
			out = append(out, renderCredential(rc, o, rec))
		}
		return http.StatusOK, newCollection(rc.envURL("users", rc.path("userID"), "credentials"), "items", out), nil
	})
	s.api(mux, "GET "+base+"/{credID}", func(rc *rctx, o *op) (int, any, error) {
		rec, err := o.getCredential(rc.path("userID"), rc.path("credID"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderCredential(rc, o, rec), nil
	})
	s.api(mux, "PUT "+base+"/{credID}", func(rc *rctx, o *op) (int, any, error) {
		var in CredentialRequest
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		rec, err := o.updateCredential(rc.path("userID"), rc.path("credID"), &in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderCredential(rc, o, rec), nil
	})
	// Revoke is a POST on the credential, told apart by its content type;
	// the body is ignored.
	s.api(mux, "POST "+base+"/{credID}", func(rc *rctx, o *op) (int, any, error) {
		if !hasContentType(rc.r, revokeCredentialType) {
			return 0, nil, model.InvalidValue("Content-Type", "must be "+revokeCredentialType)
		}
		rec, err := o.getCredential(rc.path("userID"), rc.path("credID"))
		if err != nil {
			return 0, nil, err
		}
		if err := o.revokeCredential(rec); err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderCredential(rc, o, rec), nil
	})
	s.api(mux, "GET "+base+"/{credID}/provisionedCredentials", func(rc *rctx, o *op) (int, any, error) {
		if _, err := o.getCredential(rc.path("userID"), rc.path("credID")); err != nil {
			return 0, nil, err
		}
		list, err := o.provisionedOf(rc.path("credID"))
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
