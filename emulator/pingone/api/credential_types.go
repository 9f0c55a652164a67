package api

import (
	"fmt"
	"net/http"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

func renderCredentialType(rc *rctx, c *model.CredentialType) *model.CredentialType {
	x := *c
	x.Links = rc.self("credentialTypes", c.ID)
	x.URI = rc.base + "/v1/distributedid/credentialTypes/" + c.ID
	if c.Version != nil {
		v := *c.Version
		v.URI = fmt.Sprintf("%s/v%d", x.URI, v.Number)
		x.Version = &v
	}
	return &x
}

func renderIssuerProfile(rc *rctx, p *model.IssuerProfile) *model.IssuerProfile {
	x := *p
	x.Links = rc.self("credentialIssuerProfile")
	return &x
}

func (s *server) routeCredentialTypes(mux *http.ServeMux) {
	base := "/v1/environments/{envID}/"
	s.api(mux, "POST "+base+"credentialIssuerProfile", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in model.IssuerProfile
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		p, _, err := o.PutIssuerProfile(&in, false)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, renderIssuerProfile(rc, p), nil
	})
	s.api(mux, "GET "+base+"credentialIssuerProfile", func(rc *rctx, o *platform.Op) (int, any, error) {
		p, err := o.GetIssuerProfile()
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderIssuerProfile(rc, p), nil
	})
	s.api(mux, "PUT "+base+"credentialIssuerProfile", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in model.IssuerProfile
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		p, _, err := o.PutIssuerProfile(&in, true)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderIssuerProfile(rc, p), nil
	})
	s.api(mux, "POST "+base+"credentialTypes", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in model.CredentialType
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		c, err := o.CreateCredentialType(&in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, renderCredentialType(rc, c), nil
	})
	s.api(mux, "GET "+base+"credentialTypes", func(rc *rctx, o *platform.Op) (int, any, error) {
		list, err := o.ListCredentialTypes()
		if err != nil {
			return 0, nil, err
		}
		out := make([]*model.CredentialType, 0, len(list))
		for _, c := range list {
			out = append(out, renderCredentialType(rc, c))
		}
		return http.StatusOK, newCollection(rc.envURL("credentialTypes"), "items", out), nil
	})
	s.api(mux, "GET "+base+"credentialTypes/{ctID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		c, err := o.GetCredentialType(rc.path("ctID"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderCredentialType(rc, c), nil
	})
	s.api(mux, "PUT "+base+"credentialTypes/{ctID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in model.CredentialType
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		c, err := o.UpdateCredentialType(rc.path("ctID"), &in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderCredentialType(rc, c), nil
	})
	s.api(mux, "DELETE "+base+"credentialTypes/{ctID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		return http.StatusNoContent, nil, o.DeleteCredentialType(rc.path("ctID"))
	})
	s.api(mux, "GET "+base+"credentialTypes/{ctID}/versions", func(rc *rctx, o *platform.Op) (int, any, error) {
		list, err := o.CredentialTypeVersions(rc.path("ctID"))
		if err != nil {
			return 0, nil, err
		}
		out := make([]*model.CredentialType, 0, len(list))
		for _, c := range list {
			v := renderCredentialType(rc, c)
			v.Links = rc.self("credentialTypes", c.ID, "versions", c.Version.ID)
			out = append(out, v)
		}
		return http.StatusOK, newCollection(rc.envURL("credentialTypes", rc.path("ctID"), "versions"), "versions", out), nil
	})
	s.api(mux, "GET "+base+"credentialTypes/{ctID}/versions/{versionID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		c, err := o.CredentialTypeVersion(rc.path("ctID"), rc.path("versionID"))
		if err != nil {
			return 0, nil, err
		}
		v := renderCredentialType(rc, c)
		v.Links = rc.self("credentialTypes", c.ID, "versions", c.Version.ID)
		return http.StatusOK, v, nil
	})
}
