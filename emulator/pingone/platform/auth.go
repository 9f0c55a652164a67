package platform

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// AccessToken is the answer of the token endpoint.
type AccessToken struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
}

var ErrBadClient = errors.New("invalid client credentials")

// IssueToken grants a worker token for the environment's client
// (client credentials grant). Only a hash of the token is stored, so the
// database file does not hold usable tokens.
func (p *Platform) IssueToken(ctx context.Context, envID, clientID, clientSecret string) (*AccessToken, error) {
	var tok *AccessToken
	err := p.inTx(ctx, func(t *store.Tx) error {
		env, err := loadEnvironment(t, envID)
		if err != nil {
			return ErrBadClient
		}
		if subtle.ConstantTimeCompare([]byte(env.ClientID), []byte(clientID)) != 1 ||
			subtle.ConstantTimeCompare([]byte(env.ClientSecret), []byte(clientSecret)) != 1 {
			return ErrBadClient
		}
		raw := make([]byte, 32)
		if _, err := rand.Read(raw); err != nil {
			return fmt.Errorf("issue token: %w", err)
		}
		value := base64.RawURLEncoding.EncodeToString(raw)
		expires := p.now().Add(p.opts.TokenTTL)
		if err := t.InsertToken(hashToken(value), envID, expires.UnixMilli()); err != nil {
			return fmt.Errorf("issue token: %w", err)
		}
		// Expired tokens are useless; dropping them keeps the table small.
		if err := t.PruneTokens(p.now().UnixMilli()); err != nil {
			return fmt.Errorf("issue token: prune: %w", err)
		}
		tok = &AccessToken{AccessToken: value, TokenType: "Bearer", ExpiresIn: int(p.opts.TokenTTL / time.Second)}
		return nil
	})
	return tok, err
}

// CheckToken returns nil when token is valid for envID, else a 401/403 APIError.
func (p *Platform) CheckToken(ctx context.Context, envID, token string) error {
	if token == "" {
		return model.Unauthorized()
	}
	tokEnv, expires, err := p.store.LookupToken(ctx, hashToken(token))
	if errors.Is(err, store.ErrNotFound) {
		return model.Unauthorized()
	}
	if err != nil {
		return fmt.Errorf("check token: %w", err)
	}
	if p.now().UnixMilli() >= expires {
		return model.Unauthorized()
	}
	if tokEnv != envID {
		return model.Forbidden()
	}
	return nil
}

// hashToken is the hex SHA-256 of a token.
func hashToken(v string) string {
	h := sha256.Sum256([]byte(v))
	return hex.EncodeToString(h[:])
}
