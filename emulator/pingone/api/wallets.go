package api

import (
	"net/http"
	"net/url"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

func renderWalletApp(rc *rctx, a *model.DigitalWalletApplication) *model.DigitalWalletApplication {
	x := *a
	x.Links = rc.self("digitalWalletApplications", a.ID)
	return &x
}

func renderWallet(rc *rctx, o *platform.Op, w *model.DigitalWallet) *model.DigitalWallet {
	x := *w
	x.Links = rc.self("users", w.User.ID, "digitalWallets", w.ID)
	x.Links["user"] = model.Link{Href: rc.envURL("users", w.User.ID)}
	x.Links["digitalWalletApplication"] = model.Link{Href: rc.envURL("digitalWalletApplications", w.DigitalWalletApplication.ID)}
	x.Links["provisionedCredentials"] = model.Link{Href: rc.envURL("users", w.User.ID, "digitalWallets", w.ID, "provisionedCredentials")}
	if w.PairingSession != nil {
		ps := *w.PairingSession
		ps.QRURL = rc.base + "/v1/distributedid/requests/" + ps.ID
		x.PairingSession = &ps
		x.Links["qrUrl"] = model.Link{Href: ps.QRURL}
		// The wallet app opens with the pairing request URL as its u
		// parameter.
		var appOpen string
		if app, err := o.GetWalletApp(w.DigitalWalletApplication.ID); err == nil {
			appOpen = app.AppOpenURL + "?u=" + url.QueryEscape(ps.QRURL)
		} else {
			appOpen = ps.QRURL + "/appOpen"
		}
		x.Links["appOpen"] = model.Link{Href: appOpen}
	}
	return &x
}

func renderProvisioned(rc *rctx, pc *model.ProvisionedCredential) *model.ProvisionedCredential {
	x := *pc
	x.Links = rc.self("users", pc.User.ID, "credentials", pc.Credential.ID, "provisionedCredentials", pc.ID)
	x.Links["credential"] = model.Link{Href: rc.envURL("users", pc.User.ID, "credentials", pc.Credential.ID)}
	x.Links["digitalWallet"] = model.Link{Href: rc.envURL("users", pc.User.ID, "digitalWallets", pc.DigitalWallet.ID)}
	return &x
}

func (s *server) routeWallets(mux *http.ServeMux) {
	apps := "/v1/environments/{envID}/digitalWalletApplications"
	s.api(mux, "POST "+apps, func(rc *rctx, o *platform.Op) (int, any, error) {
		var in model.DigitalWalletApplication
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		a, err := o.PutWalletApp(nil, &in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, renderWalletApp(rc, a), nil
	})
	s.api(mux, "GET "+apps, func(rc *rctx, o *platform.Op) (int, any, error) {
		list, err := o.ListWalletApps()
		if err != nil {
			return 0, nil, err
		}
		out := make([]*model.DigitalWalletApplication, 0, len(list))
		for _, a := range list {
			out = append(out, renderWalletApp(rc, a))
		}
		return http.StatusOK, newCollection(rc.envURL("digitalWalletApplications"), "digitalWalletApplications", out), nil
	})
	s.api(mux, "GET "+apps+"/{appID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		a, err := o.GetWalletApp(rc.path("appID"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderWalletApp(rc, a), nil
	})
	s.api(mux, "PUT "+apps+"/{appID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		old, err := o.GetWalletApp(rc.path("appID"))
		if err != nil {
			return 0, nil, err
		}
		var in model.DigitalWalletApplication
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		a, err := o.PutWalletApp(old, &in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderWalletApp(rc, a), nil
	})
	s.api(mux, "DELETE "+apps+"/{appID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		return http.StatusNoContent, nil, o.DeleteWalletApp(rc.path("appID"))
	})

	wallets := "/v1/environments/{envID}/users/{userID}/digitalWallets"
	s.api(mux, "POST "+wallets, func(rc *rctx, o *platform.Op) (int, any, error) {
		var in platform.WalletRequest
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		w, err := o.CreateWallet(rc.path("userID"), &in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, renderWallet(rc, o, w), nil
	})
	s.api(mux, "GET "+wallets, func(rc *rctx, o *platform.Op) (int, any, error) {
		if _, err := o.GetUser(rc.path("userID")); err != nil {
			return 0, nil, err
		}
		list, err := o.WalletsOf(rc.path("userID"))
		if err != nil {
			return 0, nil, err
		}
		out := make([]*model.DigitalWallet, 0, len(list))
		for _, w := range list {
			out = append(out, renderWallet(rc, o, w))
		}
		return http.StatusOK, newCollection(rc.envURL("users", rc.path("userID"), "digitalWallets"), "digitalWallets", out), nil
	})
	s.api(mux, "GET "+wallets+"/{walletID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		w, err := o.GetWallet(rc.path("userID"), rc.path("walletID"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderWallet(rc, o, w), nil
	})
	s.api(mux, "PUT "+wallets+"/{walletID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		if _, err := o.GetWallet(rc.path("userID"), rc.path("walletID")); err != nil {
			return 0, nil, err
		}
		var in struct {
			Name string `json:"name"`
		}
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		w, err := o.RenameWallet(rc.path("userID"), rc.path("walletID"), in.Name)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderWallet(rc, o, w), nil
	})
	// Delete Digital Wallet answers 200 with the deleted wallet.
	s.api(mux, "DELETE "+wallets+"/{walletID}", func(rc *rctx, o *platform.Op) (int, any, error) {
		w, err := o.DeleteWallet(rc.path("userID"), rc.path("walletID"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderWallet(rc, o, w), nil
	})
	s.api(mux, "GET "+wallets+"/{walletID}/provisionedCredentials", func(rc *rctx, o *platform.Op) (int, any, error) {
		if _, err := o.GetWallet(rc.path("userID"), rc.path("walletID")); err != nil {
			return 0, nil, err
		}
		list, err := o.ProvisionedInWallet(rc.path("walletID"))
		if err != nil {
			return 0, nil, err
		}
		out := make([]*model.ProvisionedCredential, 0, len(list))
		for _, pc := range list {
			out = append(out, renderProvisioned(rc, pc))
		}
		return http.StatusOK, newCollection(rc.envURL("users", rc.path("userID"), "digitalWallets", rc.path("walletID"), "provisionedCredentials"), "provisionedCredentials", out), nil
	})
}
