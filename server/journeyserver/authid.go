package journeyserver

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// authIDs signs and checks authIds. An authId is a JWT (AM's are JWTs too)
// signed with HS256 under a key drawn at random when the server starts, so
// authIds die with the server. Its claims: sid, the session it continues
// (the key of the server-side state); jti, the step: a fresh random value
// every answer, which the session must still hold, so an authId answered
// once cannot be played again; tree; iat and exp.
//
// go-jose (github.com/go-jose/go-jose/v4) signs and checks them: it is
// maintained, refuses any algorithm but the one allowed when parsing (no
// "none", no algorithm confusion), checks the HMAC in constant time, and
// validates exp against a clock we give it, which the tests move.
type authIDs struct {
	key    []byte
	signer jose.Signer
}

type authClaims struct {
	jwt.Claims
	SessionID string `json:"sid"`
	Tree      string `json:"tree"`
}

// errExpired is an authId past its exp.
var errExpired = errors.New("authId expired")

func newAuthIDs(key []byte) (*authIDs, error) {
	if len(key) == 0 {
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return nil, err
		}
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return nil, err
	}
	return &authIDs{key: key, signer: signer}, nil
}

// sign returns the authId of step jti of session sid, valid until exp.
func (a *authIDs) sign(sid, jti, tree string, now, exp time.Time) (string, error) {
	c := authClaims{
		Claims:    jwt.Claims{ID: jti, IssuedAt: jwt.NewNumericDate(now), Expiry: jwt.NewNumericDate(exp)},
		SessionID: sid,
		Tree:      tree,
	}
	return jwt.Signed(a.signer).Claims(c).Serialize()
}

// check verifies an authId's signature and expiry at now, and returns its
// claims: errExpired when it has expired, another error when it is not one
// of this server's authIds.
func (a *authIDs) check(raw string, now time.Time) (*authClaims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return nil, err
	}
	var c authClaims
	if err := tok.Claims(a.key, &c); err != nil {
		return nil, err
	}
	if c.SessionID == "" || c.ID == "" || c.Expiry == nil {
		return nil, errors.New("authId lacks sid, jti or exp")
	}
	if err := c.ValidateWithLeeway(jwt.Expected{Time: now}, 0); err != nil {
		if errors.Is(err, jwt.ErrExpired) {
			return &c, errExpired
		}
		return nil, err
	}
	return &c, nil
}

// randomID is 128 random bits, base64url.
func randomID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
