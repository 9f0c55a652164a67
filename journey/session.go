package journey

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/runtime"
)

// A Session walks a journey one request at a time, as AM does for a client
// of /json/authenticate: Start walks from the entry node until a node needs
// the person at the browser, and stops there with a Prompt (the callbacks to
// send); Next resumes the walk at that node with the client's reply, until
// the next prompt or the end (Success, Failure, or an error).
//
// What stops a session's walk:
//
//   - a Username or Password Collector, or a Validated Username or
//     Validated Password node: the prompt holds its callback (NameCallback,
//     PasswordCallback, ValidatedCreateUsernameCallback,
//     ValidatedCreatePasswordCallback). The reply's values go where AM's
//     collector nodes put them (shared "username", transient "password",
//     objectAttributes). A Validated* callback submitted with validateOnly
//     true asks again.
//   - a Scripted Decision pass that sends callbacks (or suspends): the
//     prompt holds them, and the reply runs the next pass (package passes).
//     A suspended journey resumes with any reply, not through a resume URI.
//   - a page node holding any of them: as AM's page node, it asks once for
//     the callbacks of all its nodes (each scripted node's first pass runs
//     for its callbacks), numbered IDToken1… across the page in node order.
//     Each node takes its own part of the reply: the collectors their
//     values, each scripted node its next pass with its part in
//     `callbacks`. A scripted node that sends callbacks again makes the page
//     ask again, in one prompt; the page takes the outcome of its last node.
//
// Everything else runs as Walk runs it, with the same code: Walk is a
// session whose collectors and scripts read the answers file instead of
// stopping. The answers file, when given, still stands in for the nodes it
// names. Node state, the path and the position stay in the Session, in
// memory, between requests. A Session is not safe for concurrent use; many
// sessions can share one engine. (Walk, reading the answers file, answers a
// page's scripted nodes from their own replies, node by node.)
type Session struct {
	w         *walker
	tree      string
	res       *Result
	ownEngine bool
}

// Prompt is what a session waits for: the callbacks of the node that stopped
// it, numbered IDToken1… as AM sends them.
type Prompt struct {
	Callbacks []callbacks.Callback `json:"callbacks"`
	// Tree, NodeID, NodeType and NodeName say which node asks.
	Tree     string `json:"tree"`
	NodeID   string `json:"nodeId"`
	NodeType string `json:"nodeType"`
	NodeName string `json:"nodeName"`
	// Header, Description and Stage are a page node's pageHeader,
	// pageDescription (their "en" text, else the first locale's) and stage.
	Header      string `json:"header,omitempty"`
	Description string `json:"description,omitempty"`
	Stage       string `json:"stage,omitempty"`

	pos    []frame
	script *scriptPass
	page   []pageSlot
}

// pageSlot is a page's child that has callbacks in the page's prompt: n
// callbacks, from the child's place on; script is a scripted child's
// waiting pass.
type pageSlot struct {
	node   string
	n      int
	script *scriptPass
}

// frame is a tree being walked and the node it is at.
type frame struct{ Tree, Node string }

// scriptPass is a Scripted Decision pass that waits for the client.
type scriptPass struct {
	in   runtime.Input
	res  *runtime.Result
	pass int
}

// resumeReply is the client's answer for the node a session resumes at.
type resumeReply struct {
	node      string
	callbacks []callbacks.Callback // the prompt's, the reply's values filled in
	reply     callbacks.Reply
	script    *scriptPass
	page      []pageSlot
}

// errWaiting unwinds the walk when a session's node needs the client.
var errWaiting = errors.New("journey: the walk waits for the client")

// errChildAsks is a page's child that sends callbacks (walker.childAsk):
// the page gathers them into its own prompt.
var errChildAsks = fmt.Errorf("%w: a node of a page asks", errWaiting)

// childAsk is what a page's child sends.
type childAsk struct {
	callbacks []callbacks.Callback
	script    *scriptPass
}

// ErrEnded is Next on a session that has reached its end.
var ErrEnded = errors.New("journey: the session has ended")

// ReplyError is a reply that does not fit the prompt's callbacks; the
// session still waits for a reply.
type ReplyError struct{ Err error }

func (e *ReplyError) Error() string { return e.Err.Error() }
func (e *ReplyError) Unwrap() error { return e.Err }

// Start begins a session: it walks the journey (Options.Tree, else the
// export's default) from its entry node until a node needs the client or
// the journey ends. It returns an error, with the session ended, when the
// journey cannot be walked (as Walk does). An Options.Engine is shared and
// left open; without one the session makes its own, closed when it ends or
// by Close.
func Start(ctx context.Context, x *Export, opts Options) (*Session, error) {
	return start(ctx, x, opts, true)
}

func start(ctx context.Context, x *Export, opts Options, interactive bool) (*Session, error) {
	w := &walker{
		ctx:         ctx,
		x:           x,
		answers:     opts.Answers,
		after:       opts.AfterStep,
		in:          opts.Input,
		max:         opts.MaxSteps,
		shared:      orMap(opts.Input.SharedState),
		transient:   orMap(opts.Input.TransientState),
		eng:         opts.Engine,
		path:        []Step{},
		interactive: interactive,
	}
	if w.max <= 0 {
		w.max = DefaultMaxSteps
	}
	s := &Session{w: w, tree: opts.Tree}
	if s.tree == "" {
		var err error
		if s.tree, err = x.DefaultTree(); err != nil {
			s.finish("", err)
			return s, err
		}
	}
	answered := func(n *Node) bool {
		a := opts.Answers.For(n)
		return a != nil && a.Outcome != ""
	}
	if err := x.check(s.tree, answered); err != nil {
		s.finish("", err)
		return s, err
	}
	if err := opts.Answers.Check(x); err != nil {
		s.finish("", err)
		return s, err
	}
	if w.eng == nil {
		w.eng = runtime.New(runtime.Options{Timeout: opts.Timeout, PoolSize: 1, Language: opts.Language})
		s.ownEngine = true
	}
	// The export's library scripts, under the fixtures' own (which win).
	libs := x.Libraries()
	maps.Copy(libs, opts.Input.Libraries)
	w.in.Libraries = libs
	return s, s.walk(ctx)
}

// walk walks from the entry node, or from the saved position, until the
// walk stops for the client (nil) or ends.
func (s *Session) walk(ctx context.Context) error {
	w := s.w
	w.ctx, w.waiting = ctx, nil
	end, err := w.walkTree(w.x.Trees[s.tree], 0)
	w.resume, w.reply = nil, nil
	if errors.Is(err, errWaiting) {
		return nil
	}
	s.finish(end, err)
	return err
}

func (s *Session) finish(end string, err error) {
	w := s.w
	res := &Result{Tree: s.tree, Result: end, Path: w.path, SharedState: w.shared, TransientState: w.transient}
	if err != nil {
		res.Result, res.Error = ResultError, err.Error()
	}
	s.res, w.waiting = res, nil
	s.Close()
}

// Prompt is what the session waits for; nil once it has ended.
func (s *Session) Prompt() *Prompt { return s.w.waiting }

// Result is the walk, once the session has ended (nil while it waits).
func (s *Session) Result() *Result { return s.res }

// Done reports whether the session has ended.
func (s *Session) Done() bool { return s.res != nil }

// Close releases the engine the session made for itself, if any. A session
// that ends closes it already.
func (s *Session) Close() {
	if s.ownEngine {
		s.w.eng.Close()
		s.ownEngine = false
	}
}

// Next resumes the session with the client's reply to the prompt: the node
// that asked takes the values, and the walk goes on to the next prompt or
// the end. A reply that does not fit the prompt is a *ReplyError and the
// session keeps waiting; Next on an ended session is ErrEnded.
func (s *Session) Next(ctx context.Context, reply callbacks.Reply) error {
	p := s.w.waiting
	if p == nil {
		return ErrEnded
	}
	filled, err := callbacks.Fill(p.Callbacks, reply)
	if err != nil {
		return &ReplyError{err}
	}
	s.w.resume = p.pos
	s.w.reply = &resumeReply{node: p.NodeID, callbacks: filled, reply: reply, script: p.script, page: p.page}
	return s.walk(ctx)
}

// ReplyFrom turns callbacks a client submitted (the prompt's callbacks
// echoed with their input values filled, as AM's clients send them) into a
// reply by input name. The callbacks must be the prompt's, in number and
// type; inputs the client left out keep their values.
func (p *Prompt) ReplyFrom(submitted []callbacks.Callback) (callbacks.Reply, error) {
	if len(submitted) != len(p.Callbacks) {
		return callbacks.Reply{}, &ReplyError{fmt.Errorf("%d callback(s) submitted for the %d sent", len(submitted), len(p.Callbacks))}
	}
	byName := map[string]any{}
	for i, cb := range submitted {
		if cb.Type != p.Callbacks[i].Type {
			return callbacks.Reply{}, &ReplyError{fmt.Errorf("callback %d: %s submitted for the %s sent", i+1, cb.Type, p.Callbacks[i].Type)}
		}
		for _, in := range cb.Input {
			byName[in.Name] = in.Value
		}
	}
	return callbacks.Reply{ByName: byName}, nil
}

// takeReply returns the client's reply when the session resumes at n.
func (w *walker) takeReply(n *Node) *resumeReply {
	if r, ok := w.childReplies[n.ID]; ok {
		delete(w.childReplies, n.ID)
		return r
	}
	if r := w.reply; r != nil && r.node == n.ID {
		w.reply = nil
		return r
	}
	return nil
}

// ask stops a session's walk at node n of t, to send cbs to the client.
// Inside a page, the node's callbacks go to the page (errChildAsks).
func (w *walker) ask(t *Tree, n *Node, cbs []callbacks.Callback, sp *scriptPass) error {
	if w.inPage {
		w.childAsk = &childAsk{callbacks: cbs, script: sp}
		return errChildAsks
	}
	p := &Prompt{
		Callbacks: cbs, Tree: t.Name, NodeID: n.ID, NodeType: n.Type, NodeName: nodeName(n),
		pos: slices.Clone(w.stack), script: sp,
	}
	if n.Type == TypePage {
		p.Header, p.Description = localized(n.Config["pageHeader"]), localized(n.Config["pageDescription"])
		p.Stage, _ = n.Config["stage"].(string)
	}
	w.waiting = p
	return errWaiting
}

// askCollector asks for the callback of collector node n, outside a page.
func (w *walker) askCollector(t *Tree, n *Node) error {
	if w.inPage {
		return nil
	}
	return w.askCollectors(t, n, []*Node{n})
}

// askCollectors makes a session ask for the callbacks of the collector nodes
// among nodes, at node at; when it resumes there, it keeps the values the
// client gave each. Walk reads the answers file instead. (A page asks for
// its children's callbacks itself: interactivePage.)
func (w *walker) askCollectors(t *Tree, at *Node, nodes []*Node) error {
	if !w.interactive {
		return nil
	}
	if w.reply != nil && w.reply.node != at.ID {
		// Passing through to the node that asked last.
		return nil
	}
	var asking []*Node
	var cbs []callbacks.Callback
	for _, c := range nodes {
		if cb, ok := collectorCallback(c); ok {
			asking, cbs = append(asking, c), append(cbs, cb)
		}
	}
	if len(cbs) == 0 {
		return nil
	}
	r := w.takeReply(at)
	if r == nil {
		return w.ask(t, at, callbacks.Number(cbs), nil)
	}
	if validateOnly(r.callbacks) {
		// AM validates the values and asks again; journeyjs applies no
		// policies, so the callbacks come back with no failed policy.
		return w.ask(t, at, r.callbacks, nil)
	}
	if w.collected == nil {
		w.collected = map[string]string{}
	}
	for i, c := range asking {
		w.collected[c.ID] = inputString(r.callbacks[i : i+1])
	}
	return nil
}

// collectorCallback is the callback a collector node sends, as AM renders
// it (bindings/callbacks/shapes.json). The prompts are AM's English
// defaults: "User Name" and "Password" for the collectors [unverified
// against a tenant capture], "Username" and "Password" for the Validated
// nodes, whose policies object is reduced to its keys with no policy
// [unverified: AM lists the attribute's IDM policies there].
func collectorCallback(n *Node) (callbacks.Callback, bool) {
	policies := func(attr string) map[string]any {
		return map[string]any{"name": attr, "policies": []any{}, "policyRequirements": []any{}, "fallbackPolicies": nil, "conditionalPolicies": nil}
	}
	switch n.Type {
	case TypeUsernameCollector:
		return callbacks.Render("NameCallback", map[string]any{"prompt": "User Name"}), true
	case TypePasswordCollector:
		return callbacks.Render("PasswordCallback", map[string]any{"prompt": "Password"}), true
	case TypeValidatedUsername:
		return callbacks.Render("ValidatedCreateUsernameCallback", map[string]any{
			"prompt": "Username", "policies": policies(configString(n, "usernameAttribute", "userName")),
			"failedPolicies": []any{}, "validateOnly": false,
		}), true
	case TypeValidatedPassword:
		return callbacks.Render("ValidatedCreatePasswordCallback", map[string]any{
			"prompt": "Password", "echoOn": false, "policies": policies(configString(n, "passwordAttribute", "password")),
			"failedPolicies": []any{}, "validateOnly": false,
		}), true
	}
	return callbacks.Callback{}, false
}

// validateOnly reports whether the client asked only to validate: a
// Validated* callback's validateOnly input is true.
func validateOnly(cbs []callbacks.Callback) bool {
	for _, cb := range cbs {
		if v, ok := cb.Values()["validateOnly"]; ok && (v == true || v == "true") {
			return true
		}
	}
	return false
}

// localized picks the text of a page's locale map: "en", else the first
// locale's.
func localized(v any) string {
	m, _ := v.(map[string]any)
	if s, ok := m["en"].(string); ok {
		return s
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if s, ok := m[k].(string); ok {
			return s
		}
	}
	return ""
}

// interactivePage evaluates a page for a session, as AM's page node does:
// on each request every child runs with its own slice of the client's
// reply (the callbacks it sent in the page's last prompt, their values
// filled in); a child with no slice starts over, a collector asking for its
// value, a Scripted Decision node running its first pass. When any child
// sends callbacks (or a script suspends), the page sends them all in one
// prompt, numbered IDToken1… across the page in child order, with the
// callbacks of the collectors that took their values sent back with them
// [unverified against a tenant: a page whose script asks again]; else it
// takes the outcome of its last child. A Validated* callback submitted with
// validateOnly true gets the page's callbacks back as they are.
func (w *walker) interactivePage(t *Tree, n *Node, children []*Node, depth int) (string, error) {
	got := map[string][]callbacks.Callback{}
	scripts := map[string]*scriptPass{}
	if r := w.takeReply(n); r != nil {
		if validateOnly(r.callbacks) {
			// AM validates the values and asks again; journeyjs applies no
			// policies, so the callbacks come back with no failed policy.
			return "", w.askPage(t, n, r.callbacks, r.page)
		}
		off := 0
		for _, sl := range r.page {
			if off+sl.n > len(r.callbacks) {
				return "", fmt.Errorf("journey %q: page %s: the reply has %d callback(s), fewer than the page sent", t.Name, n.Label(), len(r.callbacks))
			}
			got[sl.node] = r.callbacks[off : off+sl.n : off+sl.n]
			if sl.script != nil {
				scripts[sl.node] = sl.script
				// The round trip drops transient state (as runScript does
				// for a script outside a page), once for the whole page.
				w.transient = map[string]any{}
			}
			off += sl.n
		}
	}
	w.inPage = true
	defer func() { w.inPage = false }()
	var cbs []callbacks.Callback
	var slots []pageSlot
	var outcome string
	asking := false
	for _, c := range children {
		sub, answered := got[c.ID]
		if cb, ok := collectorCallback(c); ok {
			if !answered {
				cbs, slots, asking = append(cbs, cb), append(slots, pageSlot{node: c.ID, n: 1}), true
				continue
			}
			if w.collected == nil {
				w.collected = map[string]string{}
			}
			w.collected[c.ID] = inputString(sub)
			o, err := w.evalNode(t, c, depth+1)
			if err != nil {
				return "", err
			}
			outcome = o
			// Should another node ask, the page sends this one's callback
			// again, with its value.
			cbs, slots = append(cbs, cloneCallbacks(sub)...), append(slots, pageSlot{node: c.ID, n: len(sub)})
			continue
		}
		if sp := scripts[c.ID]; sp != nil {
			if w.childReplies == nil {
				w.childReplies = map[string]*resumeReply{}
			}
			w.childReplies[c.ID] = &resumeReply{node: c.ID, callbacks: sub, reply: localReply(sub), script: sp}
		}
		w.childAsk = nil
		o, err := w.evalNode(t, c, depth+1)
		delete(w.childReplies, c.ID)
		if errors.Is(err, errChildAsks) {
			a := w.childAsk
			w.childAsk = nil
			cbs = append(cbs, cloneCallbacks(a.callbacks)...)
			slots = append(slots, pageSlot{node: c.ID, n: len(a.callbacks), script: a.script})
			asking = true
			continue
		}
		if err != nil {
			return "", err
		}
		outcome = o
	}
	if asking {
		return "", w.askPage(t, n, callbacks.Number(cbs), slots)
	}
	return outcome, nil
}

// askPage stops a session's walk at page n, to send cbs, the callbacks of
// the children in slots.
func (w *walker) askPage(t *Tree, n *Node, cbs []callbacks.Callback, slots []pageSlot) error {
	w.inPage = false
	err := w.ask(t, n, cbs, nil)
	w.waiting.page = slots
	return err
}

// inputString is the value of a collector's callback, as a string.
func inputString(cbs []callbacks.Callback) string {
	var v any
	if len(cbs) > 0 && len(cbs[0].Input) > 0 {
		v = cbs[0].Input[0].Value
	}
	s, _ := v.(string)
	if v != nil && s == "" {
		s = fmt.Sprint(v)
	}
	return s
}

// localReply is a page child's slice of the page's callbacks as a reply by
// input name, numbered from IDToken1 as the child sent them.
func localReply(sub []callbacks.Callback) callbacks.Reply {
	byName := map[string]any{}
	for _, cb := range callbacks.Number(cloneCallbacks(sub)) {
		for _, in := range cb.Input {
			byName[in.Name] = in.Value
		}
	}
	return callbacks.Reply{ByName: byName}
}

func cloneCallbacks(cbs []callbacks.Callback) []callbacks.Callback {
	out := make([]callbacks.Callback, len(cbs))
	for i, cb := range cbs {
		cb.Output, cb.Input = slices.Clone(cb.Output), slices.Clone(cb.Input)
		out[i] = cb
	}
	return out
}
