package api

import (
	"net/http"
	"strings"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

// The Verify links follow the service's published examples, including
// their user link without the environment segment.
func renderVerifyTransaction(rc *rctx, userID string, t *model.VerifyTransaction) *model.VerifyTransaction {
	x := *t
	x.Links = rc.self("users", userID, "verifyTransactions", t.ID)
	x.Links["environment"] = model.Link{Href: rc.envURL()}
	x.Links["user"] = model.Link{Href: rc.base + "/v1/users/" + userID}
	return &x
}

type verifyCollection struct {
	Links            model.Links    `json:"_links"`
	Embedded         map[string]any `json:"_embedded"`
	PreviousAttempts any            `json:"previousAttempts,omitempty"`
	Size             int            `json:"size"`
}

func (s *server) routeVerify(mux *http.ServeMux) {
	base := "/v1/environments/{envID}/users/{userID}/verifyTransactions"
	txURL := func(rc *rctx, parts ...string) string {
		return rc.envURL(append([]string{"users", rc.path("userID"), "verifyTransactions"}, parts...)...)
	}
	s.api(mux, "GET "+base, func(rc *rctx, o *platform.Op) (int, any, error) {
		list, err := o.ListVerifyTransactions(rc.path("userID"))
		if err != nil {
			return 0, nil, err
		}
		out := make([]*model.VerifyTransaction, 0, len(list))
		for _, t := range list {
			out = append(out, renderVerifyTransaction(rc, rc.path("userID"), t))
		}
		return http.StatusOK, newCollection(txURL(rc), "verifyTransactions", out), nil
	})
	s.api(mux, "POST "+base, func(rc *rctx, o *platform.Op) (int, any, error) {
		t, err := o.CreateVerifyTransaction(rc.path("userID"))
		if err != nil {
			return 0, nil, err
		}
		t.QRURL = rc.base + "/v1/idValidations/shortcode/" + t.VerificationCode + "/qr"
		return http.StatusCreated, renderVerifyTransaction(rc, rc.path("userID"), t), nil
	})
	s.api(mux, "GET "+base+"/{txID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		t, err := o.GetVerifyTransaction(rc.path("userID"), rc.path("txID"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderVerifyTransaction(rc, rc.path("userID"), t), nil
	})
	s.api(mux, "PUT "+base+"/{txID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in struct {
			TransactionStatus model.TransactionStatus `json:"transactionStatus"`
		}
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		t, err := o.ApproveVerifyTransaction(rc.path("userID"), rc.path("txID"), in.TransactionStatus.Status)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderVerifyTransaction(rc, rc.path("userID"), t), nil
	})
	s.api(mux, "GET "+base+"/{txID}/metaData", func(rc *rctx, o *platform.Op) (int, any, error) {
		latest, previous, err := o.VerifyMetaData(rc.path("userID"), rc.path("txID"))
		if err != nil {
			return 0, nil, err
		}
		for _, m := range append(append([]*model.VerifyMetaData{}, latest...), previous...) {
			m.Links = model.Links{"self": {Href: txURL(rc, rc.path("txID"), "metaData", m.ID)}}
		}
		if latest == nil {
			latest = []*model.VerifyMetaData{}
		}
		return http.StatusOK, &verifyCollection{
			Links: model.Links{
				"self":              {Href: txURL(rc, rc.path("txID"), "metaData")},
				"user":              {Href: rc.envURL("users", rc.path("userID"))},
				"environment":       {Href: rc.envURL()},
				"verifyTransaction": {Href: txURL(rc, rc.path("txID"))},
			},
			Embedded:         map[string]any{"metaData": latest},
			PreviousAttempts: nilIfEmpty(previous),
			Size:             len(latest),
		}, nil
	})
	s.api(mux, "GET "+base+"/{txID}/metaData/{id}", func(rc *rctx, o *platform.Op) (int, any, error) {
		m, err := o.VerifyMetaDataOne(rc.path("userID"), rc.path("txID"), rc.path("id"))
		if err != nil {
			return 0, nil, err
		}
		m.Links = model.Links{"self": {Href: txURL(rc, rc.path("txID"), "metaData", m.ID)},
			"verifyTransaction": {Href: txURL(rc, rc.path("txID"))}}
		return http.StatusOK, m, nil
	})
	s.api(mux, "GET "+base+"/{txID}/verifiedData", func(rc *rctx, o *platform.Op) (int, any, error) {
		latest, previous, err := o.VerifiedData(rc.path("userID"), rc.path("txID"), parseTypeList(rc.r.URL.Query().Get("type")))
		if err != nil {
			return 0, nil, err
		}
		for _, d := range append(append([]*model.VerifiedData{}, latest...), previous...) {
			d.Links = model.Links{"self": {Href: txURL(rc, rc.path("txID"), "verifiedData", d.ID)}}
		}
		if latest == nil {
			latest = []*model.VerifiedData{}
		}
		return http.StatusOK, &verifyCollection{
			Links: model.Links{
				"self":        {Href: txURL(rc, rc.path("txID"), "verifiedData")},
				"user":        {Href: rc.base + "/v1/users/" + rc.path("userID")},
				"environment": {Href: rc.envURL()},
				"transaction": {Href: txURL(rc, rc.path("txID"))},
			},
			// Unlike metaData, the published verifiedData listing nests
			// previousAttempts inside _embedded.
			Embedded: embeddedWithPrevious("verifiedData", latest, previous),
			Size:     len(latest),
		}, nil
	})
	s.api(mux, "GET "+base+"/{txID}/verifiedData/{id}", func(rc *rctx, o *platform.Op) (int, any, error) {
		d, err := o.VerifiedDataOne(rc.path("userID"), rc.path("txID"), rc.path("id"))
		if err != nil {
			return 0, nil, err
		}
		d.Links = model.Links{
			"self":        {Href: txURL(rc, rc.path("txID"), "verifiedData", d.ID)},
			"environment": {Href: rc.envURL()},
			"user":        {Href: rc.base + "/v1/users/" + rc.path("userID")},
			"transaction": {Href: txURL(rc, rc.path("txID"))},
		}
		return http.StatusOK, d, nil
	})
}

func nilIfEmpty[T any](list []T) any {
	if len(list) == 0 {
		return nil
	}
	return list
}

func embeddedWithPrevious(key string, latest, previous []*model.VerifiedData) map[string]any {
	m := map[string]any{key: latest}
	if len(previous) > 0 {
		m["previousAttempts"] = previous
	}
	return m
}

// parseTypeList splits ?type=A,B into its types.
func parseTypeList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}
