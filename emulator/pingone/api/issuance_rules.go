package api

import (
	"net/http"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

const applyStagedChangesType = "application/vnd.pingidentity.credentials.applyStagedChanges+json"

func renderRule(rc *rctx, r *model.IssuanceRule) *model.IssuanceRule {
	x := *r
	x.Links = rc.self("credentialTypes", r.CredentialType.ID, "issuanceRules", r.ID)
	x.Links["credentialType"] = model.Link{Href: rc.envURL("credentialTypes", r.CredentialType.ID)}
	return &x
}

func (s *server) routeIssuanceRules(mux *http.ServeMux) {
	base := "/v1/environments/{envID}/credentialTypes/{ctID}/issuanceRules"
	s.api(mux, "POST "+base, func(rc *rctx, o *platform.Op) (int, any, error) {
		var in model.IssuanceRule
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		r, err := o.CreateRule(rc.path("ctID"), &in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, renderRule(rc, r), nil
	})
	s.api(mux, "GET "+base, func(rc *rctx, o *platform.Op) (int, any, error) {
		if _, err := o.GetCredentialType(rc.path("ctID")); err != nil {
			return 0, nil, err
		}
		list, err := o.RulesOf(rc.path("ctID"))
		if err != nil {
			return 0, nil, err
		}
		out := make([]*model.IssuanceRule, 0, len(list))
		for _, r := range list {
			out = append(out, renderRule(rc, r))
		}
		return http.StatusOK, newCollection(rc.envURL("credentialTypes", rc.path("ctID"), "issuanceRules"), "issuanceRules", out), nil
	})
	s.api(mux, "GET "+base+"/{ruleID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		r, _, err := o.GetRule(rc.path("ctID"), rc.path("ruleID"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderRule(rc, r), nil
	})
	s.api(mux, "PUT "+base+"/{ruleID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in model.IssuanceRule
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		r, err := o.UpdateRule(rc.path("ctID"), rc.path("ruleID"), &in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderRule(rc, r), nil
	})
	s.api(mux, "DELETE "+base+"/{ruleID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		r, _, err := o.GetRule(rc.path("ctID"), rc.path("ruleID"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusNoContent, nil, o.DeleteRule(r)
	})
	s.api(mux, "GET "+base+"/{ruleID}/stagedChanges", func(rc *rctx, o *platform.Op) (int, any, error) {
		if _, _, err := o.GetRule(rc.path("ctID"), rc.path("ruleID")); err != nil {
			return 0, nil, err
		}
		list, err := o.StagedChangesOf(rc.path("ruleID"))
		if err != nil {
			return 0, nil, err
		}
		for _, sc := range list {
			sc.Links = rc.self("credentialTypes", rc.path("ctID"), "issuanceRules", rc.path("ruleID"), "stagedChanges", sc.ID)
		}
		return http.StatusOK, newCollection(rc.envURL("credentialTypes", rc.path("ctID"), "issuanceRules", rc.path("ruleID"), "stagedChanges"), "stagedChanges", list), nil
	})
	s.api(mux, "POST "+base+"/{ruleID}/stagedChanges", func(rc *rctx, o *platform.Op) (int, any, error) {
		if !hasContentType(rc.r, applyStagedChangesType) {
			return 0, nil, model.InvalidValue("Content-Type", "must be "+applyStagedChangesType)
		}
		var in platform.StagedChangesRequest
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		if err := o.ApplyStagedChanges(rc.path("ctID"), rc.path("ruleID"), &in); err != nil {
			return 0, nil, err
		}
		list, err := o.StagedChangesOf(rc.path("ruleID"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, newCollection(rc.envURL("credentialTypes", rc.path("ctID"), "issuanceRules", rc.path("ruleID"), "stagedChanges"), "stagedChanges", list), nil
	})
	s.api(mux, "GET "+base+"/{ruleID}/usageCounts", func(rc *rctx, o *platform.Op) (int, any, error) {
		c, err := o.UsageCounts(rc.path("ctID"), rc.path("ruleID"))
		if err != nil {
			return 0, nil, err
		}
		c.Links = rc.self("credentialTypes", rc.path("ctID"), "issuanceRules", rc.path("ruleID"), "usageCounts")
		return http.StatusOK, c, nil
	})
}
