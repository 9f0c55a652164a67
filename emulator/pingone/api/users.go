package api

import (
	"net/http"
	"net/url"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

func renderUser(rc *rctx, u *model.User) *model.User {
	c := *u
	ub := rc.envURL("users", u.ID)
	env := rc.envURL()
	password := ub + "/password"
	c.Links = model.Links{
		"self":                         {Href: ub},
		"environment":                  {Href: env},
		"devices":                      {Href: ub + "/devices"},
		"roleAssignments":              {Href: ub + "/roleAssignments"},
		"password":                     {Href: password},
		"password.reset":               {Href: password},
		"password.set":                 {Href: password},
		"password.check":               {Href: password},
		"password.recover":             {Href: password},
		"linkedAccounts":               {Href: ub + "/linkedAccounts"},
		"account.sendVerificationCode": {Href: ub},
	}
	if u.Population != nil {
		pop := rc.envURL("populations", u.Population.ID)
		c.Links["population"] = model.Link{Href: pop}
		c.Embedded = map[string]any{"population": map[string]any{
			"_links": model.Links{"self": {Href: pop}, "environment": {Href: env}},
			"id":     u.Population.ID,
		}}
	}
	return &c
}

// userBody is a create/replace body; enabled is optional on create.
type userBody struct {
	model.User
	Enabled *bool `json:"enabled,omitempty"`
}

func (s *server) routeUsers(mux *http.ServeMux) {
	s.api(mux, "POST /v1/environments/{envID}/users", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in userBody
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		u, err := o.CreateUser(&in.User, in.Enabled)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, renderUser(rc, u), nil
	})
	s.api(mux, "GET /v1/environments/{envID}/users", func(rc *rctx, o *platform.Op) (int, any, error) {
		self := rc.envURL("users")
		var users []*model.User
		var err error
		if src := rc.r.URL.Query().Get("filter"); src != "" {
			users, err = o.UsersMatching(src)
			self += "?filter=" + url.QueryEscape(src)
		} else {
			users, err = o.ListUsers()
		}
		if err != nil {
			return 0, nil, err
		}
		out := make([]*model.User, 0, len(users))
		for _, u := range users {
			out = append(out, renderUser(rc, u))
		}
		return http.StatusOK, newCollection(self, "users", out), nil
	})
	s.api(mux, "GET /v1/environments/{envID}/users/{userID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		u, err := o.GetUser(rc.path("userID"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderUser(rc, u), nil
	})
	s.api(mux, "PUT /v1/environments/{envID}/users/{userID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in model.User
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		u, err := o.ReplaceUser(rc.path("userID"), &in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderUser(rc, u), nil
	})
	s.api(mux, "PATCH /v1/environments/{envID}/users/{userID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		var patch map[string]any
		if err := rc.decode(&patch); err != nil {
			return 0, nil, err
		}
		u, err := o.PatchUser(rc.path("userID"), patch)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderUser(rc, u), nil
	})
	s.api(mux, "DELETE /v1/environments/{envID}/users/{userID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		return http.StatusNoContent, nil, o.DeleteUser(rc.path("userID"))
	})
	s.api(mux, "POST /v1/environments/{envID}/users/{userID}/memberOfGroups", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in model.Ref
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		if _, err := o.SetGroupMembership(rc.path("userID"), in.ID, true); err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, map[string]any{
			"_links": rc.self("users", rc.path("userID"), "memberOfGroups", in.ID), "id": in.ID,
		}, nil
	})
	s.api(mux, "DELETE /v1/environments/{envID}/users/{userID}/memberOfGroups/{groupID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		_, err := o.SetGroupMembership(rc.path("userID"), rc.path("groupID"), false)
		return http.StatusNoContent, nil, err
	})
	s.api(mux, "POST /v1/environments/{envID}/populations", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in model.Population
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		p, err := o.CreatePopulation(&in)
		if err != nil {
			return 0, nil, err
		}
		p.Links = rc.self("populations", p.ID)
		return http.StatusCreated, p, nil
	})
	s.api(mux, "GET /v1/environments/{envID}/populations", func(rc *rctx, o *platform.Op) (int, any, error) {
		list, err := o.ListPopulations()
		for _, p := range list {
			p.Links = rc.self("populations", p.ID)
		}
		return http.StatusOK, newCollection(rc.envURL("populations"), "populations", list), err
	})
	s.api(mux, "POST /v1/environments/{envID}/groups", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in model.Group
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		g, err := o.CreateGroup(&in)
		if err != nil {
			return 0, nil, err
		}
		g.Links = rc.self("groups", g.ID)
		return http.StatusCreated, g, nil
	})
	s.api(mux, "GET /v1/environments/{envID}/groups", func(rc *rctx, o *platform.Op) (int, any, error) {
		list, err := o.ListGroups()
		for _, g := range list {
			g.Links = rc.self("groups", g.ID)
		}
		return http.StatusOK, newCollection(rc.envURL("groups"), "groups", list), err
	})
}
