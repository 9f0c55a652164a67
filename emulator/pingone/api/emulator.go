package api

import (
	"net/http"

	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
)

// routeEmulator serves the wallet's and Verify app's side of the protocol,
// which has no phone here. No token is required: these endpoints stand for
// devices, not for API clients.
func (s *server) routeEmulator(mux *http.ServeMux) {
	base := "/emulator/environments/{envID}"
	s.open(mux, "POST "+base+"/digitalWallets/{walletID}/pair", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in struct {
			Challenge string `json:"challenge"`
		}
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		w, err := o.PairWallet(rc.path("walletID"), in.Challenge)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderWallet(rc, o, w), nil
	})
	respond := func(accept bool) apiFunc {
		return func(rc *rctx, o *platform.Op) (int, any, error) {
			pc, err := o.WalletRespond(rc.path("pcID"), accept)
			if err != nil {
				return 0, nil, err
			}
			return http.StatusOK, renderProvisioned(rc, pc), nil
		}
	}
	s.open(mux, "POST "+base+"/provisionedCredentials/{pcID}/accept", respond(true))
	s.open(mux, "POST "+base+"/provisionedCredentials/{pcID}/reject", respond(false))
	s.open(mux, "POST "+base+"/provisionedCredentials/{pcID}/delete", func(rc *rctx, o *platform.Op) (int, any, error) {
		pc, err := o.WalletDelete(rc.path("pcID"))
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderProvisioned(rc, pc), nil
	})
	s.open(mux, "GET "+base+"/outbox", func(rc *rctx, o *platform.Op) (int, any, error) {
		msgs, err := o.Outbox()
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, newCollection(rc.base+"/emulator/environments/"+rc.env+"/outbox", "messages", msgs), nil
	})
	s.open(mux, "POST "+base+"/users/{userID}/verifyTransactions/{txID}/complete", func(rc *rctx, o *platform.Op) (int, any, error) {
		var in platform.CompleteVerifyRequest
		if err := rc.decode(&in); err != nil {
			return 0, nil, err
		}
		t, err := o.CompleteVerifyTransaction(rc.path("userID"), rc.path("txID"), &in)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusOK, renderVerifyTransaction(rc, rc.path("userID"), t), nil
	})
	s.open(mux, "POST "+base+"/evaluateRules", func(rc *rctx, o *platform.Op) (int, any, error) {
		return http.StatusNoContent, nil, o.EvaluateRules()
	})
}
