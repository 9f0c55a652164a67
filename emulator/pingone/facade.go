package pingone

import (
	"context"
	"net/http"

	"github.com/journeyjs/journeyjs/emulator/pingone/api"
	"github.com/journeyjs/journeyjs/emulator/pingone/model"
	"github.com/journeyjs/journeyjs/emulator/pingone/platform"
	"github.com/journeyjs/journeyjs/emulator/pingone/store"
)

// The façade: the names a caller of the emulator needs, from the packages
// that define them.

// Store is where platforms keep their state (see package store).
type Store = store.Store

// Open opens, creating it if needed, the SQLite store at path (":memory:"
// for one in memory).
func Open(path string) (*Store, error) { return store.Open(path) }

// NewMemoryStore returns an empty store kept in process memory.
func NewMemoryStore() *Store { return store.NewMemoryStore() }

// The platform: PingOne's rules over a store (see package platform).
type (
	Platform       = platform.Platform
	Options        = platform.Options
	Claim          = platform.Claim
	Change         = platform.Change
	ChangeRecorder = platform.ChangeRecorder
	AccessToken    = platform.AccessToken
	Seed           = platform.Seed
	SeedResult     = platform.SeedResult
)

// NewPlatform wraps a store with PingOne's rules.
func NewPlatform(s *Store, opts Options) *Platform { return platform.NewPlatform(s, opts) }

// WithChangeRecorder returns a context whose requests report their
// committed changes to rec.
func WithChangeRecorder(ctx context.Context, rec *ChangeRecorder) context.Context {
	return platform.WithChangeRecorder(ctx, rec)
}

// LoadSeed reads and strictly decodes a seed file.
func LoadSeed(path string) (*Seed, error) { return platform.LoadSeed(path) }

// DecodeSeed strictly decodes seed YAML; name prefixes errors.
func DecodeSeed(data []byte, name string) (*Seed, error) { return platform.DecodeSeed(data, name) }

// ErrEnvironmentExists is returned by ApplySeed when the seed's
// environment id is already in the store.
var ErrEnvironmentExists = platform.ErrEnvironmentExists

// RegionDomain is the top-level domain of a PingOne region's hosts ("com"
// for a code that names no region).
func RegionDomain(region string) string { return platform.RegionDomain(region) }

// HandlerOptions configure NewHandler (see package api).
type HandlerOptions = api.HandlerOptions

// NewHandler serves the platform's REST API, token endpoint and wallet
// emulator.
func NewHandler(p *Platform, opts HandlerOptions) http.Handler { return api.NewHandler(p, opts) }

// The resource types callers of the emulator read.
type (
	// Time is a PingOne timestamp (RFC 3339, milliseconds, UTC).
	Time = model.Time
	// UserCredential is a user credential as the API returns it.
	UserCredential = model.UserCredential
)
