package platform

import (
	"context"
	"sync"
)

// Change is one thing a committed request created, updated, revoked or
// deleted. Kind is the resource name used in the API (user, userCredential,
// provisionedCredential, digitalWallet, credentialType, issuanceRule, ...).
type Change struct {
	EnvironmentID string `json:"environmentId"`
	Kind          string `json:"kind"`
	ID            string `json:"id"`
	Action        string `json:"action"`
}

// ChangeRecorder collects the changes of the requests whose context carries
// it (see WithChangeRecorder). It is safe for concurrent use.
type ChangeRecorder struct {
	mu      sync.Mutex
	changes []Change
}

// Changes returns a copy of what was recorded so far.
func (r *ChangeRecorder) Changes() []Change {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Change(nil), r.changes...)
}

func (r *ChangeRecorder) add(cs []Change) {
	r.mu.Lock()
	r.changes = append(r.changes, cs...)
	r.mu.Unlock()
}

type recorderKey struct{}

// WithChangeRecorder returns a context whose requests report their committed
// changes to rec, so a caller (e.g. a script run going through an
// http.RoundTripper) can tell exactly what it changed.
func WithChangeRecorder(ctx context.Context, rec *ChangeRecorder) context.Context {
	return context.WithValue(ctx, recorderKey{}, rec)
}

func recorderFrom(ctx context.Context) *ChangeRecorder {
	rec, _ := ctx.Value(recorderKey{}).(*ChangeRecorder)
	return rec
}

// DrainChanges returns every change committed since the last call and
// forgets them.
func (p *Platform) DrainChanges() []Change {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.changes
	p.changes = nil
	return out
}

func (p *Platform) publish(ctx context.Context, cs []Change) {
	if len(cs) == 0 {
		return
	}
	p.mu.Lock()
	p.changes = append(p.changes, cs...)
	p.mu.Unlock()
	if rec := recorderFrom(ctx); rec != nil {
		rec.add(cs)
	}
}
